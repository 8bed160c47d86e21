/**
 * The import graph of src/ (every import and re-export, type-only ones included) has no cycle,
 * and each folder imports only folders of lower layers. eslint's no-restricted-imports checks the
 * layers file by file; this walks the whole graph, so a cycle inside one folder fails too.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
/**
 * Folders of src/ from the bottom up; `index.ts` is the public API, which only the CLI builds on.
 * Folders in one group (the fhir and omop adapters) are side by side: neither imports the other.
 */
const LAYERS: readonly (readonly string[])[] = [["internal"], ["schema"], ["catalogue"], ["rules"], ["classify"], ["staging"], ["fills"], ["report"], ["fhir", "omop"], ["index.ts"], ["udf"], ["cli"]];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports and re-exports of one file, resolved to repository-relative paths. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) continue;
    const target = resolve(dirname(file), specifier.text);
    found.push(relative(root, statSync(`${target}.ts`, { throwIfNoEntry: false }) === undefined ? join(target, "index.ts") : `${target}.ts`));
  }
  return found;
}

const graph = new Map(sourceFiles(join(root, "src")).map((file) => [relative(root, file), importsOf(file)]));

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (state.get(node) === undefined) visit(node);
  return found;
}

describe("the import graph of src/", () => {
  it("is read: every file has been parsed and the core files import something", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("src/classify/classifyTrd.ts")).toContain("src/rules/resolveRuleSet.ts");
  });

  it("has no cycle", () => {
    expect(cycles(graph)).toStrictEqual([]);
  });

  it("finds a cycle when there is one (the walk itself can fail)", () => {
    const withCycle = new Map(graph);
    withCycle.set("src/rules/types.ts", [...(graph.get("src/rules/types.ts") ?? []), "src/classify/classifyTrd.ts"]);
    expect(cycles(withCycle).length).toBeGreaterThan(0);
  });

  it("points from higher layers to lower ones only: internal -> schema -> catalogue -> rules -> classify -> staging -> fills -> report -> fhir | omop -> index.ts -> udf -> cli", () => {
    const folderOf = (file: string): string => file.split("/")[1] ?? "";
    const layerOf = (file: string): number => LAYERS.findIndex((group) => group.includes(folderOf(file)));
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        const sideways = layerOf(target) === layerOf(file) && folderOf(target) !== folderOf(file);
        if (layerOf(target) > layerOf(file) || layerOf(target) < 0 || sideways) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toStrictEqual([]);
  });
});
