/**
 * `trd-classifier classify … --report report.html [--timelines id1,id2]`: alongside the usual
 * output, one self-contained HTML report (src/report/renderReport.ts renders it).
 *
 * The classify run gathers the report's data itself, where each record is classified
 * (reportSample.ts): the counts of every record written, and the histories of the samples (the
 * timelines' records: by default the first three of each result, or the chosen ids; and at most
 * 1,000 valid records, `COMPARISON_SAMPLE`), classified under every rule set once the run is
 * done, by the workers or here. Neither the output nor the input is read again, so a report from
 * standard input is as complete as one from a file. The report's size is bounded whatever the
 * cohort's.
 */
import { writeFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { CATALOGUE_VERSION, getRuleSet, listRuleSets } from "../index";
import { renderReport } from "../report/renderReport";
import type { CohortReport, ReportTimeline, RuleSetComparison } from "../report/renderReport";
import type { ClassifyCommandOptions, ClassifySummary } from "./classifyCommand";
import { evaluateSample, ReportSample } from "./reportSample";

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

/** Builds the report's comparison and timelines from the run's sample (evaluating here what the workers did not). */
function samples(options: ClassifyCommandOptions, sample: ReportSample): { comparison: RuleSetComparison; timelines: ReportTimeline[] } {
  const pending = sample.pending();
  sample.evaluated(pending, evaluateSample(pending, options));
  const sets = listRuleSets();
  const byResult: Record<string, number[]> = {};
  let agreeing = 0;
  let sampled = 0;
  for (const { line } of sample.comparison) {
    const results = sample.evaluation(line)?.results;
    if (results === undefined) continue;
    sampled += 1;
    results.forEach((result, i) => {
      const row = (byResult[result] ??= sets.map(() => 0));
      row[i] = (row[i] ?? 0) + 1;
    });
    if (results.every((r) => r === results[0])) agreeing += 1;
  }
  const timelines: ReportTimeline[] = [];
  for (const { line } of sample.timelines) {
    const evaluation = sample.evaluation(line);
    if (evaluation?.svg === undefined) continue;
    const results = evaluation.results.map((result, i) => ({ ruleSet: sets[i]?.id ?? "", result }));
    timelines.push({ label: `Line ${line}${evaluation.id === undefined ? "" : `: ${evaluation.id}`}`, line, results, svg: evaluation.svg });
  }
  return { comparison: { ruleSets: sets.map((s) => ({ id: s.id, name: s.name })), sampled, of: sample.tally.classified, every: sample.every, byResult, agreeing }, timelines };
}

/** The notes of the report: how the timelines were chosen, and what was asked for but not found. */
function notesOf(report: ReportOptions, sample: ReportSample): string[] {
  if (report.ids === undefined) return [`Timelines: the first ${TIMELINES_PER_RESULT} records of each result, in input order.`];
  const found = sample.idsFound();
  const missing = report.ids.filter((id) => !found.has(id)).length;
  return [`Timelines: the ${report.ids.length} chosen id(s)${missing === 0 ? "" : `; ${missing} were not found among the valid records`}.`];
}

/**
 * Wraps the classify command so that it also writes the report: the same signature, the same
 * output, and the report written once the run is done.
 */
export function withReport(report: ReportOptions, command: Command): Command {
  return async (input, out, err, options) => {
    const sample = new ReportSample({ perResult: TIMELINES_PER_RESULT, ...(report.ids === undefined ? {} : { ids: report.ids }) });
    const summary = await command(input, out, err, { ...options, reportSample: sample });
    const started = process.hrtime.bigint();
    const { comparison, timelines } = samples(options, sample);
    const rules = getRuleSet(options.ruleSet);
    const full: CohortReport = {
      title: `TRD cohort report: ${input === "-" ? "standard input" : (input.split(/[\\/]/).pop() ?? input)}`,
      asOf: options.asOf,
      ruleSet: { id: rules.id, version: rules.version, name: rules.name },
      catalogueVersion: CATALOGUE_VERSION,
      tally: sample.tally,
      comparison,
      timelines,
      notes: notesOf(report, sample),
    };
    const html = renderReport(full);
    writeFileSync(report.path, html);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    err.write(`trd-classifier: report written to ${report.path} (${Buffer.byteLength(html).toLocaleString("en-US")} bytes, ${full.timelines.length} timelines, ${comparison.sampled} records compared across rule sets; ${seconds.toFixed(2)} s after the run)\n`);
    return summary;
  };
}
