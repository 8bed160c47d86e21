/**
 * The report's data is gathered where records are classified (reportSample.ts): each record's
 * summary must say what its output line says; chunk reports merged in input order must give the
 * counts and the sample of one pass over the whole input, however the input is cut and whatever
 * the hints the chunks were sent with; and the command's own error records count as invalid.
 * (Runs with worker threads are in report.test.ts and workerFailure.test.ts: child processes.)
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyCommand } from "../../src/cli/classifyCommand";
import type { ClassifyCommandOptions } from "../../src/cli/classifyCommand";
import { processNdjsonChunk, processRecord } from "../../src/cli/records";
import type { RecordOptions } from "../../src/cli/records";
import { COMPARISON_SAMPLE, FIRST_HINT, ReportSample } from "../../src/cli/reportSample";
import type { ReportRequest, SampleHint } from "../../src/cli/reportSample";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const dir = mkdtempSync(join(tmpdir(), "trd-report-sample-"));
const request: ReportRequest = { perResult: 3 };
const options = (outputFormat: "ndjson" | "csv", full = false, report: ReportRequest = request): RecordOptions => ({ asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat, full, report });

/** The input lines: synthetic histories (some invalid), some with awkward ids. */
const inputs = Array.from({ length: 3000 }, (_, i) => {
  const line = syntheticPatientLine(i, { seed: 9, badRate: 0.05 });
  if (i % 7 !== 0) return line;
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...o, id: `q"uote\\back,slash "result":"x" ${i}` });
  } catch {
    return line;
  }
});

/** What a full parse of an NDJSON output line says of the record. */
function reference(text: string): unknown {
  const o = JSON.parse(text) as { line: number; id?: string; error?: string; issues?: { code: string; path: string }[]; result?: string; status?: string; applicable?: boolean; evidence?: string; flagCodes?: string[] };
  return o.error !== undefined
    ? { kind: "invalid", line: o.line, issues: o.error === "invalid_history" ? (o.issues ?? []).map((i) => ({ code: i.code, path: i.path })) : [{ code: o.error, path: "" }] }
    : { kind: "result", result: o.result, status: o.status, applicable: o.applicable === true, evidenceComplete: o.evidence === "complete", flags: o.flagCodes ?? [] };
}

/** The report of `lines` cut into chunks of `size` lines, each sent with the hint `hintOf` gives (given the chunks merged so far). */
function gathered(lines: readonly string[], size: number, report: ReportRequest, hintOf: (sample: ReportSample, sent: readonly SampleHint[]) => SampleHint): { sample: ReportSample; carried: number } {
  const sample = new ReportSample(report);
  const sent: SampleHint[] = [];
  let carried = 0;
  for (let i = 0; i < lines.length; i += size) {
    const hint = hintOf(sample, sent);
    sent.push(sample.hint());
    const result = processNdjsonChunk(lines.slice(i, i + size).join("\n"), i + 1, options("ndjson", false, report), hint);
    carried += result.report?.candidates.length ?? 0;
    sample.add(result.report);
  }
  return { sample, carried };
}

const current = (sample: ReportSample): SampleHint => sample.hint();
const none = (): SampleHint => FIRST_HINT;
/** The hint of three chunks earlier (workers run ahead of the merge). */
const lagging = (_sample: ReportSample, sent: readonly SampleHint[]): SampleHint => sent[sent.length - 3] ?? FIRST_HINT;

const what = (sample: ReportSample): unknown => ({ tally: sample.tally, timelines: sample.timelines, comparison: sample.comparison, every: sample.every, found: [...sample.idsFound()] });

describe("the report's data, gathered from the assessments", () => {
  it("summarises each record as its output line says (NDJSON with and without --full, and CSV)", () => {
    for (const full of [false, true]) {
      for (const [i, text] of inputs.slice(0, 400).entries()) {
        const out = processRecord({ line: i + 1, text }, options("ndjson", full));
        expect(out.report?.summary).toStrictEqual(reference(out.text));
        expect(processRecord({ line: i + 1, text }, options("csv")).report).toStrictEqual(out.report);
      }
    }
    const { report: _none, ...withoutReport } = options("ndjson");
    expect(processRecord({ line: 1, text: inputs[1] ?? "" }, withoutReport).report).toBeUndefined();
  });

  it("merges chunk reports in input order to the counts and sample of one pass, whatever the chunks and their hints", () => {
    const whole = gathered(inputs, inputs.length, request, none);
    expect(whole.sample.tally.records).toBe(3000);
    expect(whole.sample.tally.byResult.invalid).toBeGreaterThan(50);
    // More valid records than the comparison takes: about 1 in `every` of them, at most the limit.
    expect(whole.sample.every).toBeGreaterThan(1);
    expect(whole.sample.comparison.length).toBeLessThanOrEqual(COMPARISON_SAMPLE);
    expect(whole.sample.comparison.length).toBeGreaterThan(COMPARISON_SAMPLE / 4);
    const results = Object.keys(whole.sample.tally.byResult).filter((r) => r !== "invalid");
    expect(whole.sample.timelines.map((t) => t.result).sort()).toStrictEqual(results.flatMap((r) => [r, r, r]).sort());
    expect(whole.sample.timelines.map((t) => t.line)).toStrictEqual([...whole.sample.timelines.map((t) => t.line)].sort((a, b) => a - b));
    // The comparison is spread over the whole input, not its start.
    expect(whole.sample.comparison.at(-1)?.line).toBeGreaterThan(2700);
    for (const size of [1, 7, 100, 256]) {
      for (const hintOf of [current, none, lagging]) {
        const { sample, carried } = gathered(inputs, size, request, hintOf);
        expect(what(sample), `${size} lines, ${hintOf.name}`).toStrictEqual(what(whole.sample));
        // The hint keeps what chunks carry back small: near the sample itself.
        if (hintOf === current && size === 100) expect(carried).toBeLessThan(4 * COMPARISON_SAMPLE);
      }
    }
  });

  it("keeps the first valid record of each chosen id, in input order", () => {
    const ids = ["syn-9-0000002", "syn-9-0002999", "nobody", "syn-9-0001500"];
    const chosen: ReportRequest = { perResult: 3, ids };
    // The same id again further on: the first is kept.
    const lines = [...inputs, inputs[2] ?? ""];
    const whole = gathered(lines, lines.length, chosen, none);
    expect(whole.sample.timelines.map((t) => [t.line, t.id])).toStrictEqual([
      [3, "syn-9-0000002"],
      [1501, "syn-9-0001500"],
      [3000, "syn-9-0002999"],
    ]);
    expect([...whole.sample.idsFound()].sort()).toStrictEqual(["syn-9-0000002", "syn-9-0001500", "syn-9-0002999"]);
    for (const hintOf of [current, lagging]) expect(what(gathered(lines, 50, chosen, hintOf).sample)).toStrictEqual(what(whole.sample));
  });
});

/** Runs the command in this process with a report's sample. */
async function run(input: string, overrides: Partial<ClassifyCommandOptions>): Promise<ReportSample> {
  const sample = new ReportSample(request);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const base: ClassifyCommandOptions = { asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat: "ndjson", full: false, workers: 1, failFast: false, progress: false };
  await classifyCommand(input, sink, sink, { ...base, ...overrides, reportSample: sample });
  return sample;
}

describe("the report's data from the classify command", () => {
  it("counts the command's own error records as invalid, by their error code", { timeout: 120_000 }, async () => {
    const file = join(dir, "large.ndjson");
    const long = JSON.stringify({ ...(JSON.parse(inputs[1] ?? "") as object), note: "x".repeat(5000) });
    writeFileSync(file, `${[inputs[1], long, inputs[3], "{not json"].join("\n")}\n`);
    const sample = await run(file, { maxRecordBytes: 4000, chunkBytes: 2000 });
    expect(sample.tally.records).toBe(4);
    expect(sample.tally.invalidByCode).toStrictEqual({ record_too_large: 1, invalid_json: 1 });
    expect(sample.tally.invalidExamples).toStrictEqual([
      { line: 2, issues: [{ code: "record_too_large", path: "" }] },
      { line: 4, issues: [{ code: "invalid_json", path: "" }] },
    ]);

    const csv = join(dir, "no-header.csv");
    writeFileSync(csv, "p1,score,2023-01-05,,,,,,,,PHQ-9,21,,\n");
    const structural = await run(csv, { inputFormat: "csv" });
    expect(structural.tally.invalidByCode).toStrictEqual({ csv_header_missing: 1 });
  });

  it("gathers the counts and timelines of long-format CSV input", { timeout: 120_000 }, async () => {
    const fills = fileURLToPath(new URL("../../examples/data/fills.csv", import.meta.url));
    const sample = await run(fills, { inputFormat: "csv" });
    expect(sample.tally.records).toBe(5);
    expect(sample.timelines.length).toBeGreaterThan(0);
    expect(sample.comparison.length).toBe(sample.tally.classified);
  });

  it("gathers the report of OMOP persons read from a stream (classify --omop), timelines from the histories made of their rows", { timeout: 120_000 }, async () => {
    const person = (id: number, start: string): string =>
      JSON.stringify({
        person_id: id,
        rows: [
          { person_id: id, domain: "person", year_of_birth: 1970, month_of_birth: 3, day_of_birth: 4 },
          { person_id: id, domain: "condition", record_id: 1, start_date: "2024-01-01", vocabulary_id: "SNOMED", concept_code: "370143000" },
          { person_id: id, domain: "drug", record_id: 10, start_date: start, end_date: "2024-03-31", vocabulary_id: "RxNorm", concept_code: "36437", type_name: "EHR dispensing record", quantity: 60, days_supply: 60, ingredient_count: 1, amount_value: 50, amount_unit: "mg" },
        ],
      });
    const lines = [person(1, "2024-01-02"), person(2, "2024-02-01"), JSON.stringify({ person_id: 3 })];
    const sample = await run("omop", { inputStream: Readable.from([`${lines.join("\n")}\n`]), omop: {} });
    expect(sample.tally.records).toBe(3);
    expect(sample.tally.classified).toBe(2);
    expect(sample.tally.byResult.invalid).toBe(1);
    expect(sample.timelines.map((t) => [t.line, t.id])).toStrictEqual([
      [1, "1"],
      [2, "2"],
    ]);
    expect(JSON.parse(sample.timelines[0]?.history ?? "")).toMatchObject({ id: "1", trials: [{ agent: { name: "sertraline" } }] });
  });

  it("stops the report where --fail-fast stops the output", { timeout: 120_000 }, async () => {
    const file = join(dir, "fail-fast.ndjson");
    writeFileSync(file, `${[inputs[1], inputs[2], "{not json", inputs[3]].join("\n")}\n`);
    const sample = await run(file, { failFast: true });
    expect(sample.tally.records).toBe(3);
    expect(sample.tally.invalidByCode).toStrictEqual({ invalid_json: 1 });
    expect(sample.comparison.map((c) => c.line)).toStrictEqual([1, 2]);
  });
});
