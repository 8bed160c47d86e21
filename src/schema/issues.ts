/**
 * Validation issues: what is wrong with an input, where, and what was expected. An issue never
 * carries the offending value, so it cannot echo a patient identifier or free text.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * Codes of the shape issues: what the schema itself rejects.
 *
 * @example
 * SHAPE_ISSUE_CODES.includes("too_small"); //=> true
 */
export const SHAPE_ISSUE_CODES = deepFreeze([
  "required",
  "invalid_type",
  "invalid_value",
  "too_small",
  "too_big",
  "not_integer",
  "unrecognized_key",
  "invalid_date_format",
  "impossible_date",
  "invalid_code",
  "empty_string",
] as const);

/**
 * Codes of the cross-field issues: what the history's consistency rules reject.
 *
 * @example
 * CROSS_FIELD_ISSUE_CODES.includes("trial_end_before_start"); //=> true
 */
export const CROSS_FIELD_ISSUE_CODES = deepFreeze([
  "agent_missing",
  "dose_missing",
  "dose_conflict",
  "dose_change_outside_trial",
  "dose_changes_out_of_order",
  "dose_change_duplicate_date",
  "trial_end_before_start",
  "episode_end_before_onset",
  "episode_overlap",
  "previous_episode_after_current",
  "duplicate_id",
  "unknown_trial_reference",
  "score_out_of_range",
  "outcome_missing_value",
  "age_conflict",
  "birth_date_after_event",
  "intervention_end_before_start",
  "mixed_patients",
] as const);

/**
 * Every issue code, shape issues first. Codes are part of the public contract: they are never
 * renamed, only added.
 *
 * @example
 * TRD_ISSUE_CODES.length; //=> 29
 */
export const TRD_ISSUE_CODES = deepFreeze([...SHAPE_ISSUE_CODES, ...CROSS_FIELD_ISSUE_CODES] as const);

/**
 * A cross-field issue code.
 *
 * @example
 * const codes: readonly CrossFieldIssueCode[] = CROSS_FIELD_ISSUE_CODES;
 * codes.includes("duplicate_id"); //=> true
 */
export type CrossFieldIssueCode = (typeof CROSS_FIELD_ISSUE_CODES)[number];

/**
 * A stable code for a kind of validation issue: one of {@link TRD_ISSUE_CODES}.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-02-01", end: "2024-01-03", mgPerDay: 50 }] });
 * const codes: TrdIssueCode[] = parsed.success ? [] : parsed.issues.map((i) => i.code);
 * codes; //=> ["trial_end_before_start"]
 */
export type TrdIssueCode = (typeof TRD_ISSUE_CODES)[number];

const ISSUE_CODE_SET: ReadonlySet<string> = new Set(TRD_ISSUE_CODES);

/**
 * True when `value` is one of {@link TRD_ISSUE_CODES}.
 *
 * @example
 * isTrdIssueCode("duplicate_id"); //=> true
 * isTrdIssueCode("duplicate"); //=> false
 */
export function isTrdIssueCode(value: unknown): value is TrdIssueCode {
  return typeof value === "string" && ISSUE_CODE_SET.has(value);
}

/**
 * One validation issue.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", mgPerDay: -5 }] });
 * const issue: TrdIssue | undefined = parsed.success ? undefined : parsed.issues[0];
 * issue; //=> { code: "too_small", path: "trials[0].mgPerDay", message: "trials[0].mgPerDay: expected a number > 0", expected: "a number > 0" }
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
 * makeIssue("trial_end_before_start", "trials[0].end", "a date on or after the trial's start"); //=> { code: "trial_end_before_start", path: "trials[0].end", message: "trials[0].end: expected a date on or after the trial's start", expected: "a date on or after the trial's start" }
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
