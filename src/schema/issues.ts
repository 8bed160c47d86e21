/**
 * Validation issues: what is wrong with an input, where, and what was expected. An issue never
 * carries the offending value, so it cannot echo a patient identifier or free text.
 *
 * @module
 */

/**
 * Stable codes for every kind of validation issue. Codes are part of the public contract: they
 * are never renamed, only added.
 *
 * Shape issues (from the schema): `required`, `invalid_type`, `invalid_value`, `too_small`,
 * `too_big`, `not_integer`, `unrecognized_key`, `invalid_date_format`, `impossible_date`,
 * `invalid_code`, `empty_string`.
 *
 * Cross-field issues (from the history's consistency rules): everything else.
 *
 * @example
 * const code: TrdIssueCode = "trial_end_before_start";
 */
export type TrdIssueCode =
  | "required"
  | "invalid_type"
  | "invalid_value"
  | "too_small"
  | "too_big"
  | "not_integer"
  | "unrecognized_key"
  | "invalid_date_format"
  | "impossible_date"
  | "invalid_code"
  | "empty_string"
  | "agent_missing"
  | "dose_missing"
  | "dose_conflict"
  | "dose_change_outside_trial"
  | "dose_changes_out_of_order"
  | "dose_change_duplicate_date"
  | "trial_end_before_start"
  | "episode_end_before_onset"
  | "episode_overlap"
  | "previous_episode_after_current"
  | "duplicate_id"
  | "unknown_trial_reference"
  | "score_out_of_range"
  | "outcome_missing_value"
  | "age_conflict"
  | "birth_date_after_event"
  | "intervention_end_before_start"
  | "mixed_patients";

/**
 * One validation issue.
 *
 * @example
 * const issue: TrdIssue = {
 *   code: "too_small",
 *   path: "trials[2].doses[0].mgPerDay",
 *   message: "trials[2].doses[0].mgPerDay: expected a number >= 0",
 *   expected: "a number >= 0",
 * };
 */
export interface TrdIssue {
  /** Stable machine-readable code. */
  readonly code: TrdIssueCode;
  /** Where the problem is, in JavaScript accessor notation (`trials[2].doses[0].mgPerDay`); `""` for the root. */
  readonly path: string;
  /** One plain sentence naming the field and what was expected. Never contains input values. */
  readonly message: string;
  /** What the field should hold, in words. */
  readonly expected?: string;
  /** The JSON type that was received (`string`, `number`, `null`, …), never the value itself. */
  readonly received?: string;
}

/**
 * Formats a path array as `trials[2].doses[0].mgPerDay`.
 *
 * @example
 * formatPath(["trials", 2, "doses", 0, "mgPerDay"]); //=> "trials[2].doses[0].mgPerDay"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/**
 * The JSON type name of a value, for `received`: never the value.
 *
 * @example
 * jsonTypeOf(null); //=> "null"
 */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isFinite(value)) return "non-finite number";
  return typeof value;
}

/**
 * Builds an issue whose message names the path and what was expected.
 *
 * @example
 * makeIssue("trial_end_before_start", "trials[0].end", "a date on or after the trial's start");
 */
export function makeIssue(code: TrdIssueCode, path: string, expected: string, received?: string): TrdIssue {
  const where = path === "" ? "history" : path;
  const message =
    code === "unrecognized_key"
      ? `${where}: unknown field; ${expected}`
      : received === undefined
        ? `${where}: expected ${expected}`
        : `${where}: expected ${expected}, received ${received}`;
  return received === undefined ? { code, path, message, expected } : { code, path, message, expected, received };
}
