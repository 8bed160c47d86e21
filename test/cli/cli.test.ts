/**
 * The command line, run as users run it: a child process on the TypeScript sources (through
 * tsx), reading files and writing stdout.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "trd-cli-"));

const cli = runCli;

describe("trd-classifier generate and classify", () => {
  it("round-trips 10,000 records with 1% bad ones: one output per input, in order, and counts and ids reconcile", async () => {
    const cohort = join(dir, "cohort.ndjson");
    const generated = await cli(["generate", "--patients", "10000", "--seed", "42", "--bad-rate", "0.01"]);
    expect(generated.code).toBe(0);
    writeFileSync(cohort, generated.stdout);
    const inputs = generated.stdout.trimEnd().split("\n");
    expect(inputs).toHaveLength(10_000);

    const { stdout, stderr, code } = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "2", "--no-progress"]);
    const outputs = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; id?: string; status?: string; error?: string });
    expect(outputs).toHaveLength(10_000);
    expect(outputs.map((o) => o.line)).toStrictEqual(inputs.map((_, i) => i + 1));
    // ids reconcile: every well-formed input's id comes back on its own line.
    inputs.forEach((text, i) => {
      let id: string | undefined;
      try {
        id = (JSON.parse(text) as { id?: string }).id;
      } catch {
        id = undefined;
      }
      if (id !== undefined) expect(outputs[i]?.id).toBe(id);
    });
    const invalid = outputs.filter((o) => o.error !== undefined).length;
    expect(invalid).toBeGreaterThan(50);
    expect(invalid).toBeLessThan(200);
    const byStatus = (s: string) => outputs.filter((o) => o.status === s).length;
    expect(byStatus("no-response") + byStatus("partial-response") + byStatus("not-yet-resistant") + invalid).toBe(10_000);
    expect(stderr).toContain(`invalid ${invalid.toLocaleString("en-US")}`);
    expect(stderr).toContain("10,000 records");
    expect(code).toBe(1);
  }, 120_000);

  it("gives byte-identical output with --workers 1 and --workers 2, in NDJSON and CSV, per patient and per trial", async () => {
    const cohort = join(dir, "small.ndjson");
    writeFileSync(cohort, (await cli(["generate", "--patients", "1500", "--seed", "9", "--bad-rate", "0.02"])).stdout);
    for (const per of ["patient", "trial"]) {
      for (const format of ["ndjson", "csv"]) {
        const one = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "1", "--format", format, "--per", per, "--no-progress"]);
        const two = await cli(["classify", cohort, "--as-of", "2024-06-30", "--workers", "2", "--format", format, "--per", per, "--no-progress"]);
        expect(two.stdout).toBe(one.stdout);
        expect(one.stdout.length).toBeGreaterThan(1000);
      }
    }
  }, 240_000);

  it("handles CRLF line ends, a byte-order mark and blank lines, keeping the input's line numbers", async () => {
    const history = (id: string) => JSON.stringify({ id, episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-02", end: "2024-03-30", mgPerDay: 100 }] });
    const file = join(dir, "crlf.ndjson");
    writeFileSync(file, `\uFEFF${history("a")}\r\n\r\n${history("b")}\r\n   \r\n{not json\r\n${history("c")}`);
    const { stdout } = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "1", "--no-progress"]);
    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; id?: string; error?: string });
    expect(out.map((o) => [o.line, o.id ?? o.error])).toStrictEqual([
      [1, "a"],
      [3, "b"],
      [5, "invalid_json"],
      [6, "c"],
    ]);
  }, 60_000);

  it("stops at the first invalid record with --fail-fast and says so", async () => {
    const file = join(dir, "failfast.ndjson");
    const ok = JSON.stringify({ id: "ok", episode: { onset: "2024-01-01" } });
    writeFileSync(file, [ok, ok, "{bad", ok, ok].join("\n"));
    const { stdout, stderr, code } = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "1", "--fail-fast", "--no-progress"]);
    expect(stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(stderr).toContain("--fail-fast");
    expect(code).toBe(1);
  }, 60_000);

  it("reads the long-format CSV of fills and writes CSV", async () => {
    const fills = fileURLToPath(new URL("../../examples/data/fills.csv", import.meta.url));
    const { stdout, code } = await cli(["classify", fills, "--as-of", "2023-12-31", "--format", "csv", "--workers", "1", "--no-progress"]);
    const rows = stdout.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^line,id,result,status,applicable,evidence,resistant_since,/);
    expect(rows.slice(1).map((r) => r.split(",").slice(1, 3).join(" "))).toStrictEqual(["p001 no-response", "p002 not-yet-resistant", "p003 partial-response", "p004 not-yet-resistant", "p005 not-yet-resistant"]);
    expect(code).toBe(0);
  }, 60_000);

  it("leads with not-applicable, says whether the evidence is complete and what is open, and finds resistant-since with --since", async () => {
    const trial = (id: string, drug: string, start: string, end: string, mgPerDay: number, percent?: number) => ({ id, agent: { name: drug }, start, end, mgPerDay, adherence: "good", ...(percent === undefined ? {} : { outcome: { percentImprovement: percent, assessedOn: end } }) });
    const resistant = { id: "r1", episode: { onset: "2024-01-01" }, trials: [trial("t1", "sertraline", "2024-01-10", "2024-03-10", 100, 10), trial("t2", "venlafaxine", "2024-03-15", "2024-05-15", 150, 15)] };
    const bipolar = { ...resistant, id: "b1", patient: { diagnoses: [{ condition: "bipolar-disorder" }] } };
    const open = { id: "o1", episode: { onset: "2024-01-01" }, trials: [trial("t1", "sertraline", "2024-01-10", "2024-03-10", 100, 10), trial("t2", "venlafaxine", "2024-03-15", "2024-05-15", 150)] };
    const file = join(dir, "honest.ndjson");
    writeFileSync(file, [resistant, bipolar, open].map((h) => JSON.stringify(h)).join("\n"));
    const { stdout } = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "1", "--no-progress", "--since"]);
    const [r, b, o] = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(r).toMatchObject({ result: "no-response", evidence: "complete", resistantSince: "2024-05-15" });
    expect(b).toMatchObject({ result: "not-applicable", status: "no-response", applicable: false });
    expect(o).toMatchObject({ result: "not-yet-resistant", evidence: "incomplete", openQuestions: ["venlafaxine (t2): no outcome recorded; if non-response: no-response"] });
    const csv = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "1", "--no-progress", "--format", "csv"]);
    expect(csv.stdout.trimEnd().split("\n")[2]).toMatch(/^2,b1,not-applicable,no-response,FALSE,/);
  }, 60_000);

  it("reports usage errors with exit code 2", async () => {
    expect((await cli(["classify"])).code).toBe(2);
    expect((await cli(["classify", "x.ndjson", "--rule-set", "nice"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["--help"])).stdout).toContain("Usage:");
  }, 60_000);
});
