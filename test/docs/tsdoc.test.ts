/**
 * Every public export carries TSDoc with an @example (house rule; typedoc's notDocumented
 * validation checks that docs exist, this checks the example).
 *
 * One TypeScript program serves both entry points, without the default library or @types
 * packages (only declarations are read, nothing is type-checked), so the work is about a third of
 * what two full programs cost. It still parses the sources and their dependencies' declarations:
 * about 1.5 s on an idle machine and several times that under load, so the test has its own
 * timeout rather than vitest's default 5 s.
 */
import ts from "typescript";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entries = ["../../src/index.ts", "../../src/fhir/index.ts", "../../src/omop/index.ts"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const TIMEOUT_MS = 60_000;

let program: ts.Program | undefined;
function sharedProgram(): ts.Program {
  program ??= ts.createProgram(entries, {
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noLib: true,
    types: [],
    noEmit: true,
  });
  return program;
}

function exportsWithoutExample(entry: string): string[] {
  const checker = sharedProgram().getTypeChecker();
  const source = sharedProgram().getSourceFile(entry);
  if (source === undefined) throw new Error("no entry");
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error("no module symbol");
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const tags = symbol.getJsDocTags(checker);
    const docs = symbol.getDocumentationComment(checker);
    if (docs.length === 0 || !tags.some((t) => t.name === "example")) missing.push(exported.getName());
  }
  return missing;
}

describe("public API documentation", () => {
  it.each(entries)(
    "gives every export of %s a description and an @example",
    (entry) => {
      const exported = exportsWithoutExample(entry);
      expect(exported).toStrictEqual([]);
      expect(sharedProgram().getSourceFile(entry)).toBeDefined();
    },
    TIMEOUT_MS,
  );
});
