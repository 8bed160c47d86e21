/**
 * `trd-classifier classify … --report report.html [--timelines id1,id2]`: alongside the usual
 * output, one self-contained HTML report (src/report/renderReport.ts renders it).
 *
 * The classify run itself is untouched: its output is teed to a collector that counts every
 * record (results, applicability, flags, invalid records) and notes the input lines of the
 * samples. Then one more pass over the input file reads only those lines: the timelines' records
 * (by default the first three of each result; or the chosen ids) and a systematic sample of at
 * most {@link COMPARISON_SAMPLE} valid records, classified under every rule set. The report's
 * size is bounded whatever the cohort's.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { CATALOGUE_VERSION, classifyTrd, getRuleSet, historyFromLongFormat, listRuleSets, parseTreatmentHistory, readLongFormat, renderTimeline } from "../index";
import type { BuildPresetId, RuleSetId, TreatmentHistory } from "../index";
import { renderReport } from "../report/renderReport";
import type { CohortReport, ReportTimeline, RuleSetComparison } from "../report/renderReport";
import type { ClassifyCommandOptions, ClassifySummary } from "./classifyCommand";
import { records } from "./inputRecords";
import { ReportCollector, teeTo } from "./reportCollector";

/** Most records classified under every rule set for the comparison. */
export const COMPARISON_SAMPLE = 1000;
/** Timelines of the default sample: the first records of each result. */
export const TIMELINES_PER_RESULT = 3;
/** Most chosen ids. */
export const MAX_CHOSEN_IDS = 100;

/** The report's options, taken from the command line. */
export interface ReportOptions {
  readonly path: string;
  readonly ids: readonly string[] | undefined;
}

type Command = (input: string, out: Writable, err: Writable & { isTTY?: boolean }, options: ClassifyCommandOptions) => Promise<ClassifySummary>;

/** The lines `wanted` of an NDJSON file, read as bytes and decoded only where wanted; stops after the last. */
async function ndjsonLines(path: string, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const last = Math.max(0, ...wanted);
  const file = await open(path);
  const decoder = new TextDecoder("utf-8");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let carry: Buffer = Buffer.alloc(0);
    let line = 1;
    let position = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer.subarray(0, bytesRead);
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        if (wanted.has(line)) found.set(line, decoder.decode(chunk.subarray(start, nl)));
        line += 1;
        start = nl + 1;
      }
      carry = Buffer.from(chunk.subarray(start));
      if (line > last) return found;
    }
    if (carry.length > 0 && wanted.has(line)) found.set(line, decoder.decode(carry));
  } finally {
    await file.close();
  }
  return found;
}

/** The histories at the wanted input lines (invalid ones left out), as the classify run read them. */
async function historiesAt(input: string, options: ClassifyCommandOptions, wanted: ReadonlySet<number>): Promise<Map<number, TreatmentHistory>> {
  const texts = new Map<number, unknown>();
  if (options.inputFormat === "ndjson") {
    for (const [line, raw] of await ndjsonLines(input, wanted)) {
      try {
        texts.set(line, JSON.parse(raw.replace(/^\uFEFF/, "").replace(/\r$/, "")));
      } catch {
        // Invalid JSON: the classify output already counts it.
      }
    }
  } else {
    for await (const record of records(createReadStream(input), "csv")) {
      if ("error" in record || !wanted.has(record.line)) continue;
      const patient = readLongFormat(record.text).patients[0];
      if (patient !== undefined) texts.set(record.line, historyFromLongFormat(patient, { asOf: options.asOf, ...(options.preset === undefined ? {} : { preset: options.preset as BuildPresetId }) }).history);
    }
  }
  const histories = new Map<number, TreatmentHistory>();
  for (const [line, value] of texts) {
    const parsed = parseTreatmentHistory(value);
    if (parsed.success) histories.set(line, parsed.data);
  }
  return histories;
}

/** Every k-th valid record (its line, and its result under the run's rule set), so that at most {@link COMPARISON_SAMPLE} are taken. */
function comparisonLines(collector: ReportCollector): { lines: Map<number, string | undefined>; every: number } {
  const valid = collector.validLines();
  const every = Math.max(1, Math.ceil(valid.length / COMPARISON_SAMPLE));
  const lines = new Map<number, string | undefined>();
  for (let i = 0; i < valid.length; i += every) lines.set(valid[i] as number, collector.resultOf(i));
  return { lines, every };
}

/** The record's result under every rule set; the run's own is taken from the run when known. */
function resultsUnderEveryRuleSet(history: TreatmentHistory, asOf: string, run?: { ruleSet: RuleSetId; result: string | undefined }): { ruleSet: RuleSetId; result: string }[] {
  return listRuleSets().map((r) => ({ ruleSet: r.id, result: r.id === run?.ruleSet && run.result !== undefined ? run.result : classifyTrd(history, { asOf, ruleSet: r.id }).displayStatus }));
}

/** Builds the report's comparison and timelines from the second pass. */
async function samples(input: string, options: ClassifyCommandOptions, collector: ReportCollector): Promise<{ comparison: RuleSetComparison; timelines: ReportTimeline[] }> {
  const { lines, every } = comparisonLines(collector);
  const wanted = new Set([...lines.keys(), ...collector.timelineLines]);
  const histories = await historiesAt(input, options, wanted);
  const sets = listRuleSets();
  const byResult: Record<string, number[]> = {};
  let agreeing = 0;
  let sampled = 0;
  const known = new Map<number, { ruleSet: RuleSetId; result: string }[]>();
  for (const [line, result] of lines) {
    const history = histories.get(line);
    if (history === undefined) continue;
    const results = resultsUnderEveryRuleSet(history, options.asOf, { ruleSet: options.ruleSet, result });
    known.set(line, results);
    sampled += 1;
    results.forEach((r, i) => {
      const row = (byResult[r.result] ??= sets.map(() => 0));
      row[i] = (row[i] ?? 0) + 1;
    });
    if (results.every((r) => r.result === results[0]?.result)) agreeing += 1;
  }
  const timelines: ReportTimeline[] = [];
  collector.timelineLines.forEach((line, i) => {
    const history = histories.get(line);
    if (history === undefined) return;
    const assessment = classifyTrd(history, { asOf: options.asOf, ruleSet: options.ruleSet, countedSpans: true, resistantSince: true });
    const svg = renderTimeline(history, assessment, { idPrefix: `tl${i}` });
    timelines.push({ label: `Line ${line}${history.id === undefined ? "" : `: ${history.id}`}`, line, results: known.get(line) ?? resultsUnderEveryRuleSet(history, options.asOf), svg });
  });
  return { comparison: { ruleSets: sets.map((s) => ({ id: s.id, name: s.name })), sampled, of: collector.validLines().length, every, byResult, agreeing }, timelines };
}

/** The notes of the report: how the samples were drawn, and what was asked for but not found. */
function notesOf(report: ReportOptions, input: string, collector: ReportCollector): string[] {
  const notes: string[] = [];
  if (input === "-") notes.push("The input came from standard input, which cannot be read twice: the report has no timelines and no comparison of rule sets.");
  if (report.ids === undefined) notes.push(`Timelines: the first ${TIMELINES_PER_RESULT} records of each result, in input order.`);
  else {
    const missing = report.ids.filter((id) => !collector.idLines.has(id)).length;
    notes.push(`Timelines: the ${report.ids.length} chosen id(s)${missing === 0 ? "" : `; ${missing} were not found among the valid records`}.`);
  }
  return notes;
}

/**
 * Wraps the classify command so that it also writes the report: the same signature, the same
 * output, and the report written once the run is done.
 */
export function withReport(report: ReportOptions, command: Command): Command {
  return async (input, out, err, options) => {
    const collector = new ReportCollector({ format: options.outputFormat, perResult: TIMELINES_PER_RESULT, ids: report.ids });
    const tee = teeTo(out, collector);
    const summary = await command(input, tee, err, options);
    tee.end();
    await once(tee, "finish");
    const started = process.hrtime.bigint();
    const sampled = input === "-" ? undefined : await samples(input, options, collector);
    const rules = getRuleSet(options.ruleSet);
    const full: CohortReport = {
      title: `TRD cohort report: ${input === "-" ? "standard input" : (input.split(/[\\/]/).pop() ?? input)}`,
      asOf: options.asOf,
      ruleSet: { id: rules.id, version: rules.version, name: rules.name },
      catalogueVersion: CATALOGUE_VERSION,
      tally: collector.tally,
      comparison: sampled?.comparison,
      timelines: sampled?.timelines ?? [],
      notes: notesOf(report, input, collector),
    };
    const html = renderReport(full);
    writeFileSync(report.path, html);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    err.write(`trd-classifier: report written to ${report.path} (${Buffer.byteLength(html).toLocaleString("en-US")} bytes, ${full.timelines.length} timelines, ${full.comparison?.sampled ?? 0} records compared across rule sets; ${seconds.toFixed(2)} s after the run)\n`);
    return summary;
  };
}
