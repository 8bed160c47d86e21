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
import { historyFromOmop } from "../omop/index";
import type { OmopRow } from "../omop/index";
import { compactRowReader } from "../omop/compactRows";
import type { OmopVocabulary } from "../omop/compactRows";
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

/** One output record and its outcome. */
export interface OutputRecord {
  readonly line: number;
  /** The output rows, without the last line end; empty for a trial table row-set with no trials. */
  readonly text: string;
  readonly status: TrdStatus | "invalid";
  /** What the cohort report needs of the record (only when the options ask for a report). */
  readonly report?: RecordReport;
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

/** The text of an error record or row, in the output format and table the options ask for. */
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

function resultRecord(line: number, id: string | undefined, a: TrdAssessment, options: RecordOptions, notes: readonly TrdIssue[]): OutputRecord {
  if (options.per === "trial") return { line, status: a.status, text: trialRows(line, id, a, options) };
  if (options.outputFormat === "csv") {
    const provenance: Provenance = { ruleSet: a.ruleSet.id, ruleSetVersion: a.ruleSet.version, catalogue: a.catalogueVersion, asOf: a.asOf };
    return { line, status: a.status, text: csvRow(PATIENT_COLUMNS, { line, id, provenance, assessment: a, notes }) };
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

/** OMOP (issue 14): one person's rows to a history (the person's id alone when nothing in them makes one, which the parser then rejects). */
function omopHistory(input: unknown, options: RecordOptions): unknown {
  const person = input as { person_id?: unknown; rows?: unknown };
  const id = String(person.person_id);
  if (!Array.isArray(person.rows)) return { id };
  const vocabulary = options.omop?.vocabulary;
  const rows = vocabulary === undefined ? (person.rows as OmopRow[]) : readerOf(vocabulary)(id, person.rows);
  const { history } = historyFromOmop(rows, { asOf: options.asOf, personId: id, ...(options.preset === undefined ? {} : { preset: options.preset }), ...(options.omop?.dispensingTypes === undefined ? {} : { dispensingTypes: options.omop.dispensingTypes }) });
  return history ?? { id };
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
    if (options.omop !== undefined) input = omopHistory(input, options);
  }
  const id = idOf(input);
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) return errorOut(record.line, id, "invalid_history", parsed.issues, options, sink);
  const assessment = classifyTrd(parsed.data, { asOf: options.asOf, ruleSet: options.ruleSet, resistantSince: options.since === true });
  const out = resultRecord(record.line, id, assessment, options, notes);
  if (options.report === undefined) return out;
  // The history's source: the NDJSON line itself, or the object made from CSV or OMOP rows.
  const source = options.inputFormat === "ndjson" && options.omop === undefined ? record.text : (input as object);
  if (sink !== undefined) {
    sink.addClassified(record.line, assessment, id, source);
    return out;
  }
  return { line: out.line, status: out.status, text: out.text, report: recordReport(assessment, id, source) };
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
  /** When a record was invalid: the output up to and including the first one (for --fail-fast). */
  readonly untilFirstInvalid?: { readonly output: string; readonly records: number; readonly counts: Readonly<Record<string, number>>; readonly report?: ChunkReport };
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
      if (options.failFast === true && out.status === "invalid" && untilFirstInvalid === undefined) untilFirstInvalid = { output, records, counts: { ...counts }, ...reportSnapshot(report) };
    }
    start = end + 1;
    line += 1;
  }
  return { output, counts, records, ...reportPart(report), ...(untilFirstInvalid === undefined ? {} : { untilFirstInvalid }) };
}

/** Gathers output records into one chunk result (`hint` as for {@link processNdjsonChunk}). */
export function fromOutputs(out: readonly OutputRecord[], options: Pick<RecordOptions, "failFast" | "report">, hint?: SampleHint): ChunkResult {
  const counts: Record<string, number> = {};
  let output = "";
  let untilFirstInvalid: ChunkResult["untilFirstInvalid"];
  const report = reportBuilder(options, hint);
  out.forEach((o, i) => {
    output += linesOf(o);
    counts[o.status] = (counts[o.status] ?? 0) + 1;
    if (o.report !== undefined) report?.add(o.line, o.report);
    if (options.failFast === true && o.status === "invalid" && untilFirstInvalid === undefined) untilFirstInvalid = { output, records: i + 1, counts: { ...counts }, ...reportSnapshot(report) };
  });
  return { output, counts, records: out.length, ...reportPart(report), ...(untilFirstInvalid === undefined ? {} : { untilFirstInvalid }) };
}
