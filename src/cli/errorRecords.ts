/**
 * Error records the command writes itself, for a record it could not hand to the classifier:
 * one output line in place of the input record, so that output stays one line per record. They
 * name the line and the problem, never the record's content (no patient id, no free text).
 */
import { CATALOGUE_VERSION } from "../index";
import { CSV_HEADER } from "./records";
import type { RecordOptions } from "./records";
import { MAX_RECORD_BYTES } from "./limits";

/** The command's own error codes (next to the records' `invalid_json` and `invalid_history`). */
export const COMMAND_ERROR_CODES = ["record_too_large", "worker_failed", "internal_error", "csv_header_missing", "csv_patient_not_contiguous"] as const;

/** One of {@link COMMAND_ERROR_CODES}. */
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

const COLUMNS = CSV_HEADER.split(",");

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The output line (without its newline) of an error record: NDJSON `{ line, error, message,
 * issues }` (an input problem has one issue, with an empty path: the record as a whole; a failure
 * of the command itself has none), or a CSV row with the line, `invalid` as
 * the result and status, and `error: message` in the error column.
 */
export function commandErrorLine(line: number, error: CommandErrorCode, message: string, options: Pick<RecordOptions, "outputFormat" | "ruleSet">): string {
  if (options.outputFormat === "csv") {
    const cells: Record<string, string> = { line: String(line), result: "invalid", status: "invalid", rule_set: options.ruleSet, catalogue: CATALOGUE_VERSION, error: `${error}: ${message}` };
    return COLUMNS.map((c) => csvField(cells[c] ?? "")).join(",");
  }
  // Input problems carry an issue (a code from TRD_ISSUE_CODES); the command's own failures none.
  const code = error === "record_too_large" ? "too_big" : error.startsWith("csv_") ? "invalid_value" : undefined;
  return JSON.stringify({ line, error, message, issues: code === undefined ? [] : [{ code, path: "", message: `record: ${message}` }] });
}

const bytes = (n: number): string => `${n.toLocaleString("en-US")} byte${n === 1 ? "" : "s"}`;

/** The message of a `record_too_large` record. */
export function tooLargeMessage(size: number, max = MAX_RECORD_BYTES): string {
  return `${bytes(size)}, over the maximum record size of ${bytes(max)} (${max / 2 ** 20} MiB); not read`;
}
