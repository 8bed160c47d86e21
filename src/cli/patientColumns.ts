/**
 * The patient table (`--per patient --format csv`): one row per input record, a result or an
 * error, every row with the same columns. docs/cli.md is its data dictionary. The patient NDJSON
 * record keeps its own nested shape (records.ts); each column's `json` names where the same value
 * is found in it.
 */
import type { TrdAssessment, TrdIssue } from "../index";
import { provenanceColumns } from "./columns";
import type { Column, Provenance } from "./columns";

/** One row of the patient table: a classified record, or an invalid one (`error` set). */
export interface PatientRow {
  /** First line of the record in the input (1-based). */
  readonly line: number;
  /** The record's id, when it could be read. */
  readonly id: string | undefined;
  readonly provenance: Provenance;
  /** The assessment of a classified record. */
  readonly assessment?: TrdAssessment;
  /** Notes on a classified record (long-format CSV input: how its rows were read). */
  readonly notes?: readonly TrdIssue[];
  /** OMOP input: the adapter's decisions on the person's rows, per code. */
  readonly omopDecisionCounts?: Readonly<Record<string, number>>;
  /** What made the record invalid, as `code: issue at path; ...`. */
  readonly error?: string;
}

/** A count of a classified record; empty on an invalid row (unknown, not zero). */
function count(name: string, field: keyof TrdAssessment["counts"]): Column<PatientRow> {
  return { name, json: `counts.${field}`, value: (r) => r.assessment?.counts[field] };
}

/**
 * How a record's input was read: long-format CSV issues as `code at path`, OMOP decisions as
 * `code (count)`, joined by `; ` (empty when there are none).
 */
function notesOf(r: PatientRow): string | undefined {
  const issues = r.notes?.map((n) => `${n.code} at ${n.path}`) ?? [];
  const decisions = Object.entries(r.omopDecisionCounts ?? {}).map(([code, n]) => `${code} (${n})`);
  return issues.length === 0 && decisions.length === 0 ? undefined : [...issues, ...decisions].join("; ");
}

/** The columns of the patient table, in order. */
export const PATIENT_COLUMNS: readonly Column<PatientRow>[] = Object.freeze([
  { name: "line", json: "line", value: (r) => r.line },
  { name: "id", json: "id", value: (r) => r.id },
  { name: "result", json: "result", value: (r) => r.assessment?.displayStatus ?? "invalid" },
  { name: "status", json: "status", value: (r) => r.assessment?.status ?? "invalid" },
  { name: "applicable", json: "applicable", value: (r) => r.assessment?.applicable },
  { name: "evidence", json: "evidence", value: (r) => (r.assessment === undefined ? undefined : r.assessment.evidence.complete ? "complete" : "incomplete") },
  { name: "resistant_since", json: "resistantSince", value: (r) => r.assessment?.resistantSince?.date },
  ...provenanceColumns<PatientRow>(),
  count("trials", "trials"),
  count("adequate_trials", "adequateTrials"),
  count("failed_adequate_trials", "failedAdequateTrials"),
  count("non_response_failures", "nonResponseFailures"),
  count("partial_response_failures", "partialResponseFailures"),
  count("distinct_failed_agents", "distinctFailedAgents"),
  count("distinct_failed_classes", "distinctFailedClasses"),
  { name: "flag_codes", json: "flagCodes", value: (r) => r.assessment?.flags.map((f) => f.code).join(" ") },
  { name: "key_reason", json: "reasons[0].message", value: (r) => r.assessment?.reasons[0]?.message },
  { name: "open_questions", json: "openQuestions", value: (r) => r.assessment?.evidence.openQuestions.map((q) => q.message).join("; ") },
  { name: "notes", json: "notes, omopDecisionCounts", value: notesOf },
  { name: "error", json: "error", value: (r) => r.error },
]);
