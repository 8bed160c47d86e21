/**
 * The long-format CSV of fills, scores and diagnoses (one row per event, many patients per file),
 * parsed into per-patient histories. Pure: text in, data out; reading the file is the caller's.
 *
 * @module
 */
import { isCalendarDate } from "../internal/dates";
import { deepFreeze } from "../internal/deepFreeze";
import { makeIssue } from "../schema/issues";
import type { TrdIssue, TrdIssueCode } from "../schema/issues";
import type { TreatmentHistoryInput } from "../schema/history";
import { ConditionSchema } from "../schema/patient";
import type { Condition } from "../schema/patient";
import { SCALE_IDS } from "../schema/scales";
import type { ScaleId } from "../schema/scales";
import { buildTrials } from "./buildTrials";
import type { BuildTrialsOptions, BuildTrialsResult } from "./buildTrials";
import type { FillRecordInput } from "./fillRecord";

/**
 * The columns of the long format. `record_type` is one of `prescription`, `dispense`,
 * `statement` (drug records: `drug` or `rxnorm`, `days_supply` or `end_date`, `strength_mg` and
 * `quantity` or `mg_per_day`), `score` (`scale`, `total`), `diagnosis` (`condition`),
 * `birth_date` or `episode_onset` (the row's `date`). Unused cells are empty.
 *
 * @example
 * import { LONG_FORMAT_COLUMNS } from "trd-classifier";
 * LONG_FORMAT_COLUMNS.slice(0, 4).join(","); //=> "patient_id,record_type,date,drug"
 */
export const LONG_FORMAT_COLUMNS = /* @__PURE__ */ deepFreeze([
  "patient_id",
  "record_type",
  "date",
  "drug",
  "rxnorm",
  "days_supply",
  "end_date",
  "strength_mg",
  "quantity",
  "mg_per_day",
  "scale",
  "total",
  "condition",
  "record_id",
] as const);

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF line
 * ends). A byte-order mark is dropped; blank lines are skipped. Each row keeps its line number.
 *
 * @example
 * parseCsv('a,b\r\n"x, y",2\n'); //=> [{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["x, y", "2"] }]
 */
export function parseCsv(text: string): { readonly line: number; readonly fields: readonly string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) endRow();
  return rows;
}

/**
 * One patient's rows, gathered.
 *
 * @example
 * import { readLongFormat } from "trd-classifier";
 * const csv = "patient_id,record_type,date,drug,days_supply,mg_per_day,scale,total\np1,dispense,2024-01-02,sertraline,30,50,,\np1,score,2024-01-01,,,,PHQ-9,18\n";
 * const patient: LongFormatPatient | undefined = readLongFormat(csv).patients[0];
 * [patient?.patientId, patient?.records.length, patient?.assessments.length]; //=> ["p1", 1, 1]
 */
export interface LongFormatPatient {
  /** The patient id as in the file. */
  readonly patientId: string;
  /** Line of the patient's first row. */
  readonly firstLine: number;
  /** Drug records, for {@link buildTrials}. */
  readonly records: FillRecordInput[];
  /** Scores. */
  readonly assessments: { date: string; scale: ScaleId; total: number }[];
  /** Diagnoses. */
  readonly diagnoses: { condition: Condition; onset?: string }[];
  /** Birth date, when given. */
  birthDate?: string;
  /** Episode onset, when given (else the one {@link buildTrials} finds). */
  episodeOnset?: string;
  /** Rows that could not be read, with the line and column. */
  readonly issues: TrdIssue[];
}

const DRUG_TYPES = new Set(["prescription", "dispense", "statement", "fill"]);

/**
 * Reads long-format CSV text into patients, in order of first appearance. A row that cannot be
 * read becomes an issue of its patient (path `line 12.days_supply`), never an exception; rows of
 * one patient need not be adjacent. Never throws, whatever it is given: a value that is not a
 * string gives no patients and one issue at path `text`.
 *
 * @param text - The whole file.
 * @returns Patients, and issues with the file itself (a missing column).
 * @example
 * import { readLongFormat } from "trd-classifier";
 * const { patients } = readLongFormat("patient_id,record_type,date,drug,days_supply,mg_per_day\np1,dispense,2024-01-02,sertraline,30,50\n");
 * patients[0]?.records.length; //=> 1
 */
export function readLongFormat(text: string): { readonly patients: LongFormatPatient[]; readonly issues: TrdIssue[] } {
  if (typeof text !== "string") return { patients: [], issues: [makeIssue("invalid_type", "text", "the CSV text as a string")] };
  const rows = parseCsv(text);
  const header = rows[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const issues: TrdIssue[] = [];
  for (const required of ["patient_id", "record_type", "date"]) {
    if (!header.includes(required)) issues.push(makeIssue("required", `header.${required}`, `a ${required} column`));
  }
  if (issues.length > 0) return { patients: [], issues };
  const patients = new Map<string, LongFormatPatient>();
  for (const row of rows.slice(1)) readRow(row, header, patients, issues);
  return { patients: [...patients.values()], issues };
}

/** One row's cells by column name, and where its issues go. */
interface RowReader {
  /** The trimmed cell of a column (`""` when absent). */
  readonly get: (name: string) => string;
  /** A numeric cell: `undefined` when empty, `NaN` (with an issue) when not a number. */
  readonly num: (name: string) => number | undefined;
  /** Records an issue at `line N.column`. */
  readonly bad: (code: TrdIssueCode, name: string, expected: string) => void;
}

/** Reads one data row into its patient (an issue instead when it cannot be read). */
function readRow({ line, fields }: { line: number; fields: readonly string[] }, header: readonly string[], patients: Map<string, LongFormatPatient>, issues: TrdIssue[]): void {
  const get = (name: string): string => {
    const i = header.indexOf(name);
    return i < 0 ? "" : (fields[i] ?? "").trim();
  };
  const where = (name: string): string => `line ${line}.${name}`;
  const patientId = get("patient_id");
  if (patientId === "") {
    issues.push(makeIssue("required", where("patient_id"), "a patient id"));
    return;
  }
  let patient = patients.get(patientId);
  if (patient === undefined) {
    patient = { patientId, firstLine: line, records: [], assessments: [], diagnoses: [], issues: [] };
    patients.set(patientId, patient);
  }
  const own = patient;
  const bad = (code: TrdIssueCode, name: string, expected: string): void => {
    own.issues.push(makeIssue(code, where(name), expected));
  };
  const num = (name: string): number | undefined => {
    const raw = get(name);
    if (raw === "") return undefined;
    const value = Number(raw);
    if (Number.isFinite(value)) return value;
    bad("invalid_type", name, "a number");
    return Number.NaN;
  };
  const type = get("record_type").toLowerCase();
  const date = get("date");
  if (!isCalendarDate(date)) bad(date === "" ? "required" : "invalid_date_format", "date", "a calendar date as YYYY-MM-DD");
  else readRecord(own, { get, num, bad }, type, date);
}

/** Adds one row of a known date to its patient, by record type. */
function readRecord(patient: LongFormatPatient, row: RowReader, type: string, date: string): void {
  if (DRUG_TYPES.has(type)) {
    const record = drugRecord(row, type, date);
    if (record !== undefined) patient.records.push(record);
  } else if (type === "score") {
    const scale = row.get("scale") as ScaleId;
    const total = row.num("total");
    if (!SCALE_IDS.includes(scale)) row.bad("invalid_value", "scale", `one of ${SCALE_IDS.join(", ")}`);
    else if (total === undefined) row.bad("required", "total", "a total score");
    else if (!Number.isNaN(total)) patient.assessments.push({ date, scale, total });
  } else if (type === "diagnosis") {
    const condition = ConditionSchema.safeParse(row.get("condition"));
    if (condition.success) patient.diagnoses.push({ condition: condition.data, onset: date });
    else row.bad("invalid_value", "condition", `one of ${ConditionSchema.options.join(", ")}`);
  } else if (type === "birth_date") patient.birthDate = date;
  else if (type === "episode_onset") patient.episodeOnset = date;
  else row.bad("invalid_value", "record_type", "prescription, dispense, statement, score, diagnosis, birth_date or episode_onset");
}

/** A prescription, dispense, statement or fill row as a fill record (`undefined` when a number is unreadable). */
function drugRecord(row: RowReader, type: string, date: string): FillRecordInput | undefined {
  const drug = row.get("drug");
  const rxnorm = row.get("rxnorm");
  const daysSupply = row.num("days_supply");
  const strengthMg = row.num("strength_mg");
  const quantity = row.num("quantity");
  const mgPerDay = row.num("mg_per_day");
  if ([daysSupply, strengthMg, quantity, mgPerDay].some((x) => Number.isNaN(x))) return undefined;
  const endDate = row.get("end_date");
  const recordId = row.get("record_id");
  return {
    ...(recordId === "" ? {} : { id: recordId }),
    kind: type === "fill" ? "dispense" : (type as "prescription" | "dispense" | "statement"),
    agent: { ...(drug === "" ? {} : { name: drug }), ...(rxnorm === "" ? {} : { rxnorm }) },
    date,
    ...(daysSupply === undefined ? {} : { daysSupply }),
    ...(endDate === "" ? {} : { endDate }),
    ...(strengthMg === undefined ? {} : { strengthMg }),
    ...(quantity === undefined ? {} : { quantity }),
    ...(mgPerDay === undefined ? {} : { mgPerDay }),
  };
}

/**
 * Assembles one patient's history: trials built from the drug records, the episode from an
 * `episode_onset` row or else from {@link buildTrials}, scores, diagnoses and birth date. Pass the
 * result to `parseTreatmentHistory`.
 *
 * @param patient - From {@link readLongFormat}.
 * @param options - As for {@link buildTrials}.
 * @returns The history input and the build result (its decisions and issues).
 * @example
 * import { historyFromLongFormat, parseTreatmentHistory, readLongFormat } from "trd-classifier";
 * const csv = "patient_id,record_type,date,drug,days_supply,mg_per_day\np1,dispense,2024-01-02,sertraline,30,50\np1,dispense,2024-02-01,sertraline,30,100\n";
 * const patient = readLongFormat(csv).patients[0];
 * const history = patient === undefined ? undefined : historyFromLongFormat(patient, { asOf: "2024-06-30" }).history;
 * [history?.episode.onset, history?.trials?.length]; //=> ["2024-01-02", 1]
 * parseTreatmentHistory(history).success; //=> true
 */
export function historyFromLongFormat(patient: LongFormatPatient, options: BuildTrialsOptions = {}): { readonly history: TreatmentHistoryInput; readonly build: BuildTrialsResult } {
  const build = buildTrials(patient.records, options);
  const onset = patient.episodeOnset ?? build.episode?.onset ?? patient.assessments.map((a) => a.date).sort()[0] ?? patient.records.map((r) => r.date).sort()[0];
  const history: TreatmentHistoryInput = {
    id: patient.patientId,
    patient: { ...(patient.birthDate === undefined ? {} : { birthDate: patient.birthDate }), diagnoses: patient.diagnoses },
    episode: { onset: onset ?? "" },
    previousEpisodes: onset === undefined ? [] : build.previousEpisodes.filter((e) => e.end < onset),
    trials: [...build.trials],
    assessments: patient.assessments,
  };
  return { history, build };
}
