/**
 * One input record to one output record: the work each worker does. The same functions run
 * in-process with --workers 1, so output is byte-identical whatever the number of workers.
 */
import { classifyTrd, historyFromLongFormat, parseTreatmentHistory, readLongFormat } from "../index";
import type { BuildPresetId, RuleSetId, TrdAssessment, TrdIssue, TrdStatus } from "../index";
import { csvHeaderOf, csvRow, jsonRow, provenanceOf } from "./columns";
import type { Provenance } from "./columns";
import { PATIENT_COLUMNS } from "./patientColumns";
import { TRIAL_COLUMNS } from "./trialColumns";
import { OMOP_DECISION_CODES, historyFromOmop } from "../omop/index";
import type { OmopDecision, OmopRow } from "../omop/index";
import { compactRowReader } from "../omop/compactRows";
import type { OmopVocabulary } from "../omop/compactRows";
import { sortInPlace } from "../internal/sortInPlace";
import { ChunkReportBuilder, invalidSummary } from "./reportSample";
import type { ChunkReport, RecordReport, ReportRequest, SampleHint } from "./reportSample";

/** One input record: an NDJSON line, or the rows of one patient in a long-format CSV. */
export interface InputRecord {
  /** First line of the record in the input (1-based). */
  readonly line: number;
  /** NDJSON: the line's text. CSV: the header line, then the patient's rows. */
  readonly text: string;
}

/** One row per record (the patient table) or one row per assessed trial (the trial table). */
export const PER_VALUES = Object.freeze(["patient", "trial"] as const);

/** What a row of the output is: a patient (record) or a trial. */
export type Per = (typeof PER_VALUES)[number];

/** What the caller asked for. */
export interface RecordOptions {
  readonly asOf: string;
  readonly ruleSet: RuleSetId;
  readonly inputFormat: "ndjson" | "csv";
  readonly outputFormat: "ndjson" | "csv";
  readonly full: boolean;
  /** Also find each resistant patient's resistant-since date (about two more classifications each). */
  readonly since?: boolean;
  readonly preset?: BuildPresetId | undefined;
  /** Keep the output up to the first invalid record of each chunk (only --fail-fast needs it). */
  readonly failFast?: boolean;
  /** One output row per patient (default) or per assessed trial. */
  readonly per?: Per;
  /**
   * OMOP (issue 14): each NDJSON line is one person's rows (`{"person_id", "rows"}`), mapped here to
   * a history; with a vocabulary, the rows are compact (compactRows.ts) and read back through it.
   */
  readonly omop?: { readonly dispensingTypes?: readonly string[]; readonly vocabulary?: OmopVocabulary };
  /** --report: also gather, from each assessment, what the cohort report needs (reportSample.ts). */
  readonly report?: ReportRequest;
}

/** How many of the OMOP adapter's decisions of each code (in {@link OMOP_DECISION_CODES}' order; codes with none left out). */
export type DecisionCounts = Readonly<Record<string, number>>;

/** One output record and its outcome. */
export interface OutputRecord {
  readonly line: number;
  /** The output rows, without the last line end; empty for a trial table row-set with no trials. */
  readonly text: string;
  readonly status: TrdStatus | "invalid";
  /** What the cohort report needs of the record (only when the options ask for a report). */
  readonly report?: RecordReport;
  /** OMOP input: the adapter's decisions on the person's rows, per code (none when it took none). */
  readonly decisions?: DecisionCounts;
}

/**
 * The decisions per code, in {@link OMOP_DECISION_CODES}' order (so every record lists them in the
 * same order); `undefined` when there are none.
 *
 * @example
 * decisionCounts([{ code: "not_dispensed" }, { code: "days_supply_missing" }, { code: "not_dispensed" }]); //=> { days_supply_missing: 1, not_dispensed: 2 }
 */
export function decisionCounts(decisions: readonly Pick<OmopDecision, "code">[]): DecisionCounts | undefined {
  if (decisions.length === 0) return undefined;
  const by = new Map<string, number>();
  for (const { code } of decisions) by.set(code, (by.get(code) ?? 0) + 1);
  const counts: Record<string, number> = {};
  for (const code of OMOP_DECISION_CODES) {
    const n = by.get(code);
    if (n !== undefined) counts[code] = n;
  }
  return counts;
}

/** Adds `more` to `into`, code by code (nothing when `more` is `undefined`). */
export function addDecisionCounts(into: Record<string, number>, more: DecisionCounts | undefined): void {
  if (more === undefined) return;
  for (const code in more) into[code] = (into[code] ?? 0) + (more[code] ?? 0);
}

/** The CSV header of the table the options ask for (no line end). */
export function csvHeader(options: Pick<RecordOptions, "per">): string {
  return csvHeaderOf(options.per === "trial" ? TRIAL_COLUMNS : PATIENT_COLUMNS);
}

/** The record's id, only when it is a short string (it is the caller's key, copied back). */
function idOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : undefined;
}

/**
 * The output text of an error record or row: NDJSON `{ line, id?, error, message?, issues, ruleSet,
 * ruleSetVersion, catalogue, asOf }`, or a row of the run's table with `invalid` as its result.
 */
export function errorText(line: number, id: string | undefined, error: string, issues: readonly TrdIssue[], options: RecordOptions, csvError?: string, message?: string): string {
  const provenance = provenanceOf(options);
  if (options.outputFormat === "csv") {
    const what = csvError ?? `${error}: ${issues.map((i) => `${i.code} at ${i.path || "(root)"}`).join("; ")}`;
    return options.per === "trial" ? csvRow(TRIAL_COLUMNS, { line, id, result: "invalid", provenance, error: what }) : csvRow(PATIENT_COLUMNS, { line, id, provenance, error: what });
  }
  return JSON.stringify({ line, ...(id === undefined ? {} : { id }), error, ...(message === undefined ? {} : { message }), issues, ...provenance });
}

function errorRecord(line: number, id: string | undefined, error: "invalid_json" | "invalid_history", issues: readonly TrdIssue[], options: RecordOptions): OutputRecord {
  const text = errorText(line, id, error, issues, options);
  return options.report === undefined ? { line, status: "invalid", text } : { line, status: "invalid", text, report: { summary: invalidSummary(line, error, issues), id } };
}

/** What the report needs of a classified record, taken from its assessment. */
function recordReport(a: TrdAssessment, id: string | undefined, source: string | object): RecordReport {
  return { summary: { kind: "result", result: a.displayStatus, status: a.status, applicable: a.applicable, evidenceComplete: a.evidence.complete, flags: a.flags.map((f) => f.code) }, id, source };
}

/** The trial table's rows of a classified record: one per assessed trial (none when it has none). */
function trialRows(line: number, id: string | undefined, a: TrdAssessment, options: RecordOptions): string {
  const provenance: Provenance = { ruleSet: a.ruleSet.id, ruleSetVersion: a.ruleSet.version, catalogue: a.catalogueVersion, asOf: a.asOf };
  const render = options.outputFormat === "csv" ? csvRow : jsonRow;
  return a.trials.map((trial) => render(TRIAL_COLUMNS, { line, id, result: a.displayStatus, provenance, trial })).join("\n");
}

/** What OMOP input adds to a record's output: the adapter's decisions on the person's rows, and their counts. */
interface OmopPart {
  readonly decisions: readonly OmopDecision[];
  readonly counts: DecisionCounts | undefined;
}

function resultRecord(line: number, id: string | undefined, a: TrdAssessment, options: RecordOptions, notes: readonly TrdIssue[], omop: OmopPart | undefined): OutputRecord {
  if (options.per === "trial") return { line, status: a.status, text: trialRows(line, id, a, options) };
  if (options.outputFormat === "csv") {
    const provenance: Provenance = { ruleSet: a.ruleSet.id, ruleSetVersion: a.ruleSet.version, catalogue: a.catalogueVersion, asOf: a.asOf };
    return { line, status: a.status, text: csvRow(PATIENT_COLUMNS, { line, id, provenance, assessment: a, notes, ...(omop?.counts === undefined ? {} : { omopDecisionCounts: omop.counts }) }) };
  }
  const reasons: { code: string; message: string }[] = [];
  a.reasons.forEach((r, i) => {
    if (reasons.length < 6 && (i === 0 || r.kind === "pseudo-resistance" || r.code === "bipolar_disorder_on_record")) reasons.push({ code: r.code, message: r.message });
  });
  const out = {
    line,
    id, // left out of the JSON when undefined
    result: a.displayStatus,
    status: a.status,
    applicable: a.applicable,
    evidence: a.evidence.complete ? "complete" : "incomplete",
    ...(a.evidence.openQuestions.length === 0 ? {} : { openQuestions: a.evidence.openQuestions.map((q) => q.message) }),
    ...(a.resistantSince === undefined ? {} : { resistantSince: a.resistantSince.date }),
    ruleSet: a.ruleSet.id,
    ruleSetVersion: a.ruleSet.version,
    catalogue: a.catalogueVersion,
    asOf: a.asOf,
    counts: a.counts,
    flagCodes: a.flags.map((f) => f.code),
    reasons,
    ...(notes.length === 0 ? {} : { notes }),
    ...(omop?.counts === undefined ? {} : { omopDecisionCounts: omop.counts }),
    ...(options.full && omop !== undefined && omop.decisions.length > 0 ? { omopDecisions: inRowOrderFree(omop.decisions) } : {}),
    ...(options.full ? { assessment: a } : {}),
  };
  return { line, status: a.status, text: JSON.stringify(out) };
}

/** Re-numbers "line N" paths of a CSV block to the input file's lines. */
function shiftLines(issues: readonly TrdIssue[], firstLine: number): TrdIssue[] {
  return issues.map((i) => {
    const m = /^line (\d+)(.*)$/.exec(i.path);
    if (m === null) return i;
    const path = `line ${firstLine + Number(m[1]) - 2}${m[2] ?? ""}`;
    return { ...i, path, message: i.message.replace(i.path, path) };
  });
}

const readers = new WeakMap<OmopVocabulary, (personId: string, rows: unknown) => OmopRow[]>();

/** The compact-row reader of a vocabulary, made once per worker. */
function readerOf(vocabulary: OmopVocabulary): (personId: string, rows: unknown) => OmopRow[] {
  const known = readers.get(vocabulary);
  if (known !== undefined) return known;
  const reader = compactRowReader(vocabulary);
  readers.set(vocabulary, reader);
  return reader;
}

/** A decision's place in {@link OMOP_DECISION_CODES}. */
const CODE_ORDER: ReadonlyMap<string, number> = new Map(OMOP_DECISION_CODES.map((code, i) => [code, i]));

/**
 * The decisions in an order that does not depend on the order of the person's rows (which is the
 * order the database stores them in): by code, then record id (by number when both are whole
 * numbers), then message.
 */
function inRowOrderFree(decisions: readonly OmopDecision[]): OmopDecision[] {
  const byId = (a: string | undefined, b: string | undefined): number => {
    if (a === b) return 0;
    if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
    return /^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
  };
  return sortInPlace([...decisions], (a, b) => (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) || byId(a.recordId, b.recordId) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/**
 * OMOP (issue 14): one person's rows to a history (the person's id alone when nothing in them
 * makes one, which the parser then rejects), with the adapter's decisions on those rows.
 */
function omopHistory(input: unknown, options: RecordOptions): { readonly history: unknown; readonly omop: OmopPart } {
  const person = input as { person_id?: unknown; rows?: unknown };
  const id = String(person.person_id);
  if (!Array.isArray(person.rows)) return { history: { id }, omop: { decisions: [], counts: undefined } };
  const vocabulary = options.omop?.vocabulary;
  const rows = vocabulary === undefined ? (person.rows as OmopRow[]) : readerOf(vocabulary)(id, person.rows);
  const { history, decisions } = historyFromOmop(rows, { asOf: options.asOf, personId: id, ...(options.preset === undefined ? {} : { preset: options.preset }), ...(options.omop?.dispensingTypes === undefined ? {} : { dispensingTypes: options.omop.dispensingTypes }) });
  return { history: history ?? { id }, omop: { decisions, counts: decisionCounts(decisions) } };
}

/** The record with the OMOP decisions' counts (for the run's totals), when there are any. */
function withDecisions(out: OutputRecord, omop: OmopPart | undefined): OutputRecord {
  return omop?.counts === undefined ? out : { ...out, decisions: omop.counts };
}

/** Classifies one record; never throws. */
export function processRecord(record: InputRecord, options: RecordOptions): OutputRecord {
  return classifyRecord(record, options, undefined);
}

/** An error record, its report given to `sink` when there is one (rather than carried with it). */
function errorOut(line: number, id: string | undefined, error: "invalid_json" | "invalid_history", issues: readonly TrdIssue[], options: RecordOptions, sink: ChunkReportBuilder | undefined): OutputRecord {
  if (sink === undefined) return errorRecord(line, id, error, issues, options);
  sink.add(line, { summary: invalidSummary(line, error, issues), id });
  return { line, status: "invalid", text: errorText(line, id, error, issues, options) };
}

/**
 * Classifies one record; never throws. With a report asked for, what the report needs of the
 * record goes to `sink` straight from its assessment when there is one (a chunk's builder: no
 * summary made per record), else it is carried with the output record.
 */
function classifyRecord(record: InputRecord, options: RecordOptions, sink: ChunkReportBuilder | undefined): OutputRecord {
  let input: unknown;
  let notes: TrdIssue[] = [];
  let omop: OmopPart | undefined;
  if (options.inputFormat === "csv") {
    const { patients, issues } = readLongFormat(record.text);
    const patient = patients[0];
    if (patient === undefined) return errorOut(record.line, undefined, "invalid_history", issues, options, sink);
    const { history, build } = historyFromLongFormat(patient, { asOf: options.asOf, ...(options.preset === undefined ? {} : { preset: options.preset }) });
    notes = shiftLines([...patient.issues, ...build.issues], record.line);
    input = history;
  } else {
    try {
      input = JSON.parse(record.text);
    } catch {
      return errorOut(record.line, undefined, "invalid_json", [{ code: "invalid_type", path: "", message: "history: expected one JSON object on the line" }], options, sink);
    }
    if (options.omop !== undefined) ({ history: input, omop } = omopHistory(input, options));
  }
  const id = idOf(input);
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) return withDecisions(errorOut(record.line, id, "invalid_history", parsed.issues, options, sink), omop);
  const assessment = classifyTrd(parsed.data, { asOf: options.asOf, ruleSet: options.ruleSet, resistantSince: options.since === true });
  const out = withDecisions(resultRecord(record.line, id, assessment, options, notes, omop), omop);
  if (options.report === undefined) return out;
  // The history's source: the NDJSON line itself, or the object made from CSV or OMOP rows.
  const source = options.inputFormat === "ndjson" && options.omop === undefined ? record.text : (input as object);
  if (sink !== undefined) {
    sink.addClassified(record.line, assessment, id, source);
    return out;
  }
  return { ...out, report: recordReport(assessment, id, source) };
}

/** An output record's lines, each ending in a newline (none for a trial table record with no trials). */
function linesOf(out: OutputRecord): string {
  return out.text === "" ? "" : `${out.text}\n`;
}

/** Classifies a batch. */
export function processBatch(records: readonly InputRecord[], options: RecordOptions): OutputRecord[] {
  return records.map((r) => processRecord(r, options));
}

/** The result of classifying a chunk of NDJSON text. */
export interface ChunkResult {
  /** The output records, one per line, each ending in a newline. */
  readonly output: string;
  /** Records per status. */
  readonly counts: Readonly<Record<string, number>>;
  /** Records in the chunk. */
  readonly records: number;
  /** The chunk's part of the cohort report (only when the options ask for a report). */
  readonly report?: ChunkReport;
  /** OMOP input: the adapter's decisions on the chunk's persons, per code (none when it took none). */
  readonly decisions?: DecisionCounts;
  /** When a record was invalid: the output up to and including the first one (for --fail-fast). */
  readonly untilFirstInvalid?: { readonly output: string; readonly records: number; readonly counts: Readonly<Record<string, number>>; readonly report?: ChunkReport; readonly decisions?: DecisionCounts };
}

/** The decisions part of a chunk result: none when no record had any. */
export function decisionsPart(decisions: Record<string, number>): { decisions?: DecisionCounts } {
  return Object.keys(decisions).length === 0 ? {} : { decisions };
}

/** The report of a chunk, when the options ask for one. */
function reportBuilder(options: Pick<RecordOptions, "report">, hint: SampleHint | undefined): ChunkReportBuilder | undefined {
  return options.report === undefined ? undefined : new ChunkReportBuilder(options.report, hint);
}

/** The part of a chunk result that is its report, when there is one. */
function reportPart(builder: ChunkReportBuilder | undefined): { report?: ChunkReport } {
  return builder === undefined ? {} : { report: builder.finish() };
}

/** The report so far of a chunk, for its output up to the first invalid record. */
function reportSnapshot(builder: ChunkReportBuilder | undefined): { report?: ChunkReport } {
  return builder === undefined ? {} : { report: builder.snapshot() };
}

/**
 * Classifies a chunk of NDJSON text whose first line is `firstLine`. Blank lines are skipped (and
 * counted for line numbers); a trailing carriage return (CRLF) is dropped. With a report asked
 * for, `hint` says which records it can no longer sample (reportSample.ts).
 */
export function processNdjsonChunk(text: string, firstLine: number, options: RecordOptions, hint?: SampleHint): ChunkResult {
  let output = "";
  let records = 0;
  const counts: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  let untilFirstInvalid: ChunkResult["untilFirstInvalid"];
  const report = reportBuilder(options, hint);
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let raw = text.slice(start, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    // Not blank (\S is the complement of what trim() removes; it stops at the first character).
    if (/\S/.test(raw)) {
      const out = classifyRecord({ line, text: raw }, options, report);
      output += linesOf(out);
      records += 1;
      counts[out.status] = (counts[out.status] ?? 0) + 1;
      addDecisionCounts(decisions, out.decisions);
      if (options.failFast === true && out.status === "invalid" && untilFirstInvalid === undefined) untilFirstInvalid = { output, records, counts: { ...counts }, ...reportSnapshot(report), ...decisionsPart({ ...decisions }) };
    }
    start = end + 1;
    line += 1;
  }
  return { output, counts, records, ...reportPart(report), ...decisionsPart(decisions), ...(untilFirstInvalid === undefined ? {} : { untilFirstInvalid }) };
}

/** Gathers output records into one chunk result (`hint` as for {@link processNdjsonChunk}). */
export function fromOutputs(out: readonly OutputRecord[], options: Pick<RecordOptions, "failFast" | "report">, hint?: SampleHint): ChunkResult {
  const counts: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  let output = "";
  let untilFirstInvalid: ChunkResult["untilFirstInvalid"];
  const report = reportBuilder(options, hint);
  out.forEach((o, i) => {
    output += linesOf(o);
    counts[o.status] = (counts[o.status] ?? 0) + 1;
    addDecisionCounts(decisions, o.decisions);
    if (o.report !== undefined) report?.add(o.line, o.report);
    if (options.failFast === true && o.status === "invalid" && untilFirstInvalid === undefined) untilFirstInvalid = { output, records: i + 1, counts: { ...counts }, ...reportSnapshot(report), ...decisionsPart({ ...decisions }) };
  });
  return { output, counts, records: out.length, ...reportPart(report), ...decisionsPart(decisions), ...(untilFirstInvalid === undefined ? {} : { untilFirstInvalid }) };
}
