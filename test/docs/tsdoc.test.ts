/**
 * Every public export carries TSDoc with an @example (house rule; typedoc's notDocumented
 * validation checks that docs exist, this checks the example).
 */
import ts from "typescript";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entries = ["../../src/index.ts", "../../src/fhir/index.ts"].map((p) => fileURLToPath(new URL(p, import.meta.url)));

function exportsWithoutExample(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
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
  it.each(entries)("gives every export of %s a description and an @example", (entry) => {
    expect(exportsWithoutExample(entry)).toStrictEqual([]);
  });
});
