/**
 * The report's collector reads the classify output without parsing whole lines: for every kind of
 * record (classified, invalid, ids with quotes and backslashes, --full), in NDJSON and in CSV, it
 * must read what a full JSON parse reads.
 */
import { describe, expect, it } from "vitest";
import { processRecord } from "../../src/cli/records";
import type { RecordOptions } from "../../src/cli/records";
import { ReportCollector, summaryOfOutputLine } from "../../src/cli/reportCollector";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const options = (outputFormat: "ndjson" | "csv", full = false): RecordOptions => ({ asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat, full });

/** The input lines: synthetic histories (some invalid), some with awkward ids. */
const inputs = Array.from({ length: 300 }, (_, i) => {
  const line = syntheticPatientLine(i, { seed: 9, badRate: 0.05 });
  if (i % 7 !== 0) return line;
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...o, id: `q"uote\\back,slash "result":"x" ${i}` });
  } catch {
    return line;
  }
});

/** What a full parse of an NDJSON output line says. */
function reference(text: string): unknown {
  const o = JSON.parse(text) as { line: number; id?: string; error?: string; issues?: { code: string; path: string }[]; result?: string; status?: string; applicable?: boolean; evidence?: string; flagCodes?: string[] };
  const summary =
    o.error !== undefined
      ? { kind: "invalid", line: o.line, issues: o.error === "invalid_history" ? (o.issues ?? []).map((i) => ({ code: i.code, path: i.path })) : [{ code: o.error, path: "" }] }
      : { kind: "result", result: o.result, status: o.status, applicable: o.applicable === true, evidenceComplete: o.evidence === "complete", flags: o.flagCodes ?? [] };
  return { summary, line: o.line, id: o.id };
}

describe("the report collector", () => {
  it("reads each NDJSON output line as a full parse does (with and without --full)", () => {
    for (const full of [false, true]) {
      const outs = inputs.map((text, i) => processRecord({ line: i + 1, text }, options("ndjson", full)).text);
      expect(outs.some((t) => t.includes('"error"'))).toBe(true);
      expect(outs.some((t) => t.includes('q\\"uote'))).toBe(true);
      for (const out of outs) expect(summaryOfOutputLine(out, "ndjson")).toStrictEqual(reference(out));
    }
  });

  it("reads CSV output to the same summaries, and counts the same in chunks cut anywhere", () => {
    const ndjson = inputs.map((text, i) => processRecord({ line: i + 1, text }, options("ndjson")).text);
    const csv = inputs.map((text, i) => processRecord({ line: i + 1, text }, options("csv")).text);
    csv.forEach((row, i) => {
      const a = summaryOfOutputLine(row, "csv");
      const b = summaryOfOutputLine(ndjson[i] ?? "", "ndjson");
      expect(a?.line).toBe(b?.line);
      expect(a?.id).toBe(b?.id);
      if (b?.summary.kind === "result") expect(a?.summary).toStrictEqual(b.summary);
      else expect(a?.summary.kind).toBe("invalid");
    });
    const whole = new ReportCollector({ format: "ndjson", perResult: 3, ids: undefined });
    whole.push(`${ndjson.join("\n")}\n`);
    whole.finish();
    const bytes = new TextEncoder().encode(`${ndjson.join("\n")}\n`);
    const pieces = new ReportCollector({ format: "ndjson", perResult: 3, ids: undefined });
    for (let i = 0; i < bytes.length; i += 997) pieces.push(bytes.subarray(i, i + 997));
    pieces.finish();
    expect(pieces.tally).toStrictEqual(whole.tally);
    expect(pieces.timelineLines).toStrictEqual(whole.timelineLines);
    expect(whole.tally.records).toBe(300);
  });
});
