/**
 * `classify … --report FILE`, run as users run it (a child process on the TypeScript sources):
 * the classify output is unchanged, the report's counts reconcile with it, the report is one
 * self-contained page (no script, no external asset), its timelines are well-formed SVG, and the
 * chosen ids and the formats work.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { parseXml } from "../report/svgTree";

const dir = mkdtempSync(join(tmpdir(), "trd-report-"));

const cli = runCli;

/** The number in a report's table row `data-<key>="value"`, column `column` (0-based among its cells). */
function cell(html: string, attribute: string, column: number): number | undefined {
  const row = new RegExp(`<tr ${attribute}>(.*?)</tr>`).exec(html)?.[1];
  const cells = [...(row ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] ?? "");
  const text = cells[column];
  return text === undefined ? undefined : Number(text.replace(/,/g, ""));
}

const svgsOf = (html: string): string[] => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

describe("classify --report", () => {
  const cohort = join(dir, "cohort.ndjson");

  it("writes a self-contained report whose counts reconcile with the output, which --report leaves unchanged", { timeout: 180_000 }, async () => {
    const generated = await cli(["generate", "--patients", "400", "--seed", "5", "--bad-rate", "0.05"]);
    writeFileSync(cohort, generated.stdout);
    const plain = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "2", "--no-progress"]);
    const path = join(dir, "report.html");
    const reported = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "2", "--no-progress", "--report", path]);
    expect(reported.code).toBe(plain.code);
    expect(reported.stdout).toBe(plain.stdout);
    expect(reported.stderr).toContain(`report written to ${path}`);

    const html = readFileSync(path, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\((?!#)|href="(?!#)/i);

    const out = plain.stdout.trim().split("\n").map((l) => JSON.parse(l) as { result?: string; error?: string; flagCodes?: string[]; applicable?: boolean; status?: string });
    const results = new Map<string, number>();
    for (const o of out) results.set(o.error !== undefined ? "invalid" : (o.result ?? "?"), (results.get(o.error !== undefined ? "invalid" : (o.result ?? "?")) ?? 0) + 1);
    expect(results.get("invalid") ?? 0).toBeGreaterThan(0);
    for (const [result, n] of results) expect(cell(html, `data-result="${result}"`, 1), result).toBe(n);
    const flags = new Map<string, number>();
    for (const o of out) for (const f of o.flagCodes ?? []) flags.set(f, (flags.get(f) ?? 0) + 1);
    expect(flags.size).toBeGreaterThan(3);
    for (const [flag, n] of flags) expect(cell(html, `data-flag="${flag}"`, 2), flag).toBe(n);
    const notApplicable = out.filter((o) => o.applicable === false && o.status === "no-response").length;
    expect(cell(html, 'data-status="no-response" data-applicable="false"', 2) ?? 0).toBe(notApplicable);

    // Every valid record (fewer than the sample's limit) under every rule set: each column sums to them.
    const valid = out.length - (results.get("invalid") ?? 0);
    const comparison = /<table class="comparison">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    const rows = [...comparison.matchAll(/<tr data-result="[^"]+">(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? "").matchAll(/<td class="n">([\d,]+)<\/td>/g)].map((c) => Number((c[1] ?? "").replace(/,/g, ""))));
    for (let col = 0; col < 4; col++) expect(rows.reduce((s, r) => s + (r[col] ?? 0), 0)).toBe(valid);
    // The run's own rule set (EU-PEARL, the first column) gives the same counts as the run.
    for (const [result, n] of results) if (result !== "invalid") expect(new RegExp(`<tr data-result="${result}"><td>${result}</td><td class="n">([\\d,]+)</td>`).exec(comparison)?.[1]?.replace(/,/g, ""), result).toBe(String(n));

    // Timelines: the first three of each result, each well-formed XML.
    const svgs = svgsOf(html);
    expect(svgs.length).toBe([...results.keys()].filter((r) => r !== "invalid").reduce((s, r) => s + Math.min(3, results.get(r) ?? 0), 0));
    for (const svg of svgs) expect(parseXml(svg).name).toBe("svg");
    // Ids inside the page are unique (each timeline has its own prefix).
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws the chosen ids, and counts the same from CSV output", { timeout: 120_000 }, async () => {
    const path = join(dir, "chosen.html");
    const csv = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "1", "--format", "csv", "--report", path, "--timelines", "syn-5-0000003,nobody,syn-5-0000010"]);
    expect(csv.stdout.split("\n")[0]).toMatch(/^line,id,result/);
    const html = readFileSync(path, "utf8");
    const labels = [...html.matchAll(/<figure class="timeline" data-line="\d+"><h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(labels).toStrictEqual(["Line 4: syn-5-0000003", "Line 11: syn-5-0000010"]);
    expect(html).toContain("the 3 chosen id(s); 1 were not found among the valid records");
    const ndjsonReport = readFileSync(join(dir, "report.html"), "utf8");
    const table = (h: string): string => /<table class="results">[\s\S]*?<\/table>/.exec(h)?.[0] ?? "";
    expect(table(html)).toBe(table(ndjsonReport));
    expect(table(html)).not.toBe("");
  });

  it("writes the same report, byte for byte, with 1 and 2 workers, and from standard input", { timeout: 180_000 }, async () => {
    const args = ["--as-of", "2024-06-30", "--no-progress"];
    const reference = readFileSync(join(dir, "report.html"), "utf8");
    const one = join(dir, "one-worker.html");
    await cli(["classify", cohort, ...args, "--workers", "1", "--report", one]);
    expect(readFileSync(one, "utf8")).toBe(reference);
    // Nothing is read twice: standard input gets the same timelines and comparison (only the title differs).
    const stdin = join(dir, "stdin.html");
    const result = await cli(["classify", "-", ...args, "--workers", "2", "--report", stdin], readFileSync(cohort, "utf8"));
    expect(result.stdout.trim().split("\n")).toHaveLength(400);
    expect(readFileSync(stdin, "utf8").replaceAll("standard input", "cohort.ndjson")).toBe(reference);
  });

  it("writes the same report with 1 and 2 workers from long-format CSV, and with --fail-fast", { timeout: 180_000 }, async () => {
    const fills = fileURLToPath(new URL("../../examples/data/fills.csv", import.meta.url));
    const reports = [];
    for (const workers of ["1", "2"]) {
      const path = join(dir, `fills-${workers}.html`);
      await cli(["classify", fills, "--as-of", "2024-06-30", "--workers", workers, "--report", path]);
      reports.push(readFileSync(path, "utf8"));
    }
    expect(svgsOf(reports[0] ?? "").length).toBeGreaterThan(0);
    expect(reports[1]).toBe(reports[0]);

    // --fail-fast: the report counts the records written, up to the first invalid one.
    const stopped = [];
    for (const workers of ["1", "2"]) {
      const path = join(dir, `fail-fast-${workers}.html`);
      const result = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", workers, "--fail-fast", "--report", path]);
      const written = result.stdout.trim().split("\n").length;
      expect(written).toBeLessThan(400);
      const html = readFileSync(path, "utf8");
      expect(cell(html, 'data-result="invalid"', 1)).toBe(1);
      const results = /<table class="results">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
      const counted = [...results.matchAll(/<tr data-result="[^"]+"><td>[^<]*<\/td><td class="n">([\d,]+)<\/td>/g)].map((m) => Number((m[1] ?? "").replace(/,/g, "")));
      expect(counted.reduce((x, y) => x + y, 0)).toBe(written);
      stopped.push(html);
    }
    expect(stopped[1]).toBe(stopped[0]);
  });

  it("rejects --timelines without --report, and --report without a file", { timeout: 60_000 }, async () => {
    const a = await cli(["classify", cohort, "--timelines", "x"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--timelines needs --report, expected --report FILE --timelines ID,ID");
    const b = await cli(["classify", cohort, "--report"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--report needs a value");
  });
});
