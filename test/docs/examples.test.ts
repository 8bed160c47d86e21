/**
 * The @examples run (outside src/fhir, which another tree owns): every `expression; //=> value`
 * line is checked, so an example cannot show a result the code does not give. An example runs
 * with the package's public exports and its own module's exports in scope; one that declares a
 * value it does not construct (`declare const`) cannot run and must not claim a result.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as publicApi from "trd-classifier";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fhir" || name === "cli" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** Every @example block of a file, without its comment stars. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const found: Example[] = [];
  for (const m of text.matchAll(/@example\n((?:[ \t]*\*(?![ \t]*@)(?!\/).*\n)*)/g)) {
    const code = (m[1] ?? "").split("\n").map((l) => l.replace(/^[ \t]*\* ?/, "")).join("\n");
    found.push({ file: relative(root, file), line: text.slice(0, m.index).split("\n").length + 1, code });
  }
  return found;
}

/** Turns `expr; //=> value` (or `//=> value` after a statement) into a check of `expr` against `value`. */
function withChecks(code: string): { body: string; checks: number } {
  const out: string[] = [];
  let checks = 0;
  let previous = "";
  for (const raw of code.split("\n")) {
    const m = /^(.*?)\s*\/\/=>\s*(.+)$/.exec(raw);
    if (m === null) {
      out.push(raw);
      if (raw.trim() !== "") previous = raw;
      continue;
    }
    const [, expr = "", value = ""] = m;
    checks += 1;
    if (expr.trim() === "") {
      // The result of the statement just above: re-evaluate it as an expression.
      out.pop();
      out.push(`__check(${previous.trim().replace(/;$/, "")}, ${value}, ${JSON.stringify(value)});`);
    } else {
      out.push(`${expr.match(/^\s*/)?.[0] ?? ""}__check(${expr.trim().replace(/;$/, "")}, ${value}, ${JSON.stringify(value)});`);
    }
    previous = "";
  }
  return { body: out.join("\n"), checks };
}

const examples = sourceFiles(join(root, "src")).flatMap(examplesOf);
const runnable = examples.filter((e) => e.code.includes("//=>"));

describe("@examples", () => {
  it("are found, and most show a result", () => {
    expect(examples.length).toBeGreaterThan(100);
    expect(runnable.length).toBeGreaterThan(50);
  });

  it.each(runnable.map((e) => [`${e.file}:${e.line}`, e] as const))("%s gives the results it shows", async (_where, example) => {
    expect(example.code, "an example that declares its input cannot show a result").not.toMatch(/\bdeclare\b/);
    const { body, checks } = withChecks(example.code.replace(/^import .* from "trd-classifier";$/gm, ""));
    const transpiled = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, reportDiagnostics: true });
    // A result shown after a multi-line expression cannot be checked line by line: write it on one line.
    expect((transpiled.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "))).toStrictEqual([]);
    const js = transpiled.outputText;
    const own = (await import(pathToFileURL(join(root, example.file)).href)) as Record<string, unknown>;
    const scope: Record<string, unknown> = { ...own, ...publicApi };
    const failures: string[] = [];
    let ran = 0;
    const check = (actual: unknown, expected: unknown, text: string): void => {
      ran += 1;
      try {
        expect(actual).toEqual(expected);
      } catch {
        failures.push(`expected ${text}, got ${JSON.stringify(actual)}`);
      }
    };
    const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
    const run = new Function(...names, "__check", `"use strict";\n${js}`) as (...args: unknown[]) => void;
    run(...names.map((n) => scope[n]), check);
    expect(checks).toBeGreaterThan(0);
    expect(failures).toStrictEqual([]);
    // Every result shown was checked (none sat in a branch the example never took).
    expect(ran).toBe(checks);
  });
});
