/**
 * Error records the command writes itself, for a record it could not hand to the classifier:
 * one output line in place of the input record, so that output stays one line per record. They
 * name the line and the problem, never the record's content (no patient id, no free text).
 */
import { errorText } from "./records";
import type { RecordOptions } from "./records";
import { MAX_RECORD_BYTES } from "./limits";

/** The command's own error codes (next to the records' `invalid_json` and `invalid_history`). */
export const COMMAND_ERROR_CODES = ["record_too_large", "worker_failed", "internal_error", "csv_header_missing", "csv_patient_not_contiguous"] as const;

/** One of {@link COMMAND_ERROR_CODES}. */
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/**
 * The output line (without its newline) of an error record, in the run's table like every other
 * error record (records.ts): NDJSON `{ line, error, message, issues, ruleSet, ruleSetVersion,
 * catalogue, asOf }` (an input problem has one issue, with an empty path: the record as a whole; a
 * failure of the command itself has none), or a row with `invalid` as the result and
 * `error: message` in the error column.
 */
export function commandErrorLine(line: number, error: CommandErrorCode, message: string, options: RecordOptions): string {
  // Input problems carry an issue (a code from TRD_ISSUE_CODES); the command's own failures none.
  const code = error === "record_too_large" ? "too_big" : error.startsWith("csv_") ? "invalid_value" : undefined;
  const issues = code === undefined ? [] : [{ code, path: "", message: `record: ${message}` } as const];
  return errorText(line, undefined, error, issues, options, `${error}: ${message}`, message);
}

const bytes = (n: number): string => `${n.toLocaleString("en-US")} byte${n === 1 ? "" : "s"}`;

/** The message of a `record_too_large` record. */
export function tooLargeMessage(size: number, max = MAX_RECORD_BYTES): string {
  return `${bytes(size)}, over the maximum record size of ${bytes(max)} (${max / 2 ** 20} MiB); not read`;
}
