/**
 * Classification inside a data warehouse: one patient's history and the options in, as JSON
 * texts, the assessment out, as JSON text. This is the function that `dist/udf/trd-classifier.js`
 * installs as its one global, for BigQuery and Snowflake JavaScript UDFs (docs/warehouse.md).
 *
 * It is an adapter over the public API: it parses, validates and calls {@link classifyTrd}, and
 * turns every failure into data. It reads no clock, environment or file, and needs nothing beyond
 * ECMAScript built-ins (no `require`, `process`, timers or `TextEncoder`).
 *
 * @module
 */
import { classifyTrd, parseTreatmentHistory, TrdOptionsError } from "../index";
import type { ClassifyTrdOptions, RuleSetId, TrdAssessment, TrdIssue } from "../index";
import { resolveRuleSet } from "../rules/resolveRuleSet";

/**
 * Why a warehouse call gave no assessment: the history text was not JSON (or not text), the
 * history failed validation, the options were invalid, or the classifier failed (a bug).
 *
 * @example
 * UDF_ERROR_CODES.includes("invalid_history"); //=> true
 */
export const UDF_ERROR_CODES = Object.freeze(["invalid_json", "invalid_history", "invalid_options", "internal_error"] as const);

/**
 * One of {@link UDF_ERROR_CODES}.
 *
 * @example
 * const code: UdfErrorCode = "invalid_options";
 * code; //=> "invalid_options"
 */
export type UdfErrorCode = (typeof UDF_ERROR_CODES)[number];

/**
 * The result of a call that gave no assessment. `status` is `"invalid"` so that a query can read
 * `$.status` from every result; the issues say where and what, never echoing a value.
 *
 * @example
 * const failed: UdfError = JSON.parse(trdClassify("{", '{"asOf":"2024-06-30"}'));
 * failed.error; //=> "invalid_json"
 */
export interface UdfError {
  readonly status: "invalid";
  readonly error: UdfErrorCode;
  readonly issues: readonly TrdIssue[];
}

/**
 * What {@link trdClassify} returns, once parsed: the full assessment of {@link classifyTrd}, or an
 * error.
 *
 * @example
 * const result: UdfResult = JSON.parse(trdClassify('{"episode":{"onset":"2024-01-01"}}', '{"asOf":"2024-06-30"}'));
 * result.status; //=> "not-yet-resistant"
 */
export type UdfResult = TrdAssessment | UdfError;

/** The options a warehouse call may set (a custom rule set object is not taken: use `overrides`). */
const OPTION_KEYS: ReadonlySet<string> = new Set(["asOf", "ruleSet", "overrides", "resistantSince"]);

function failure(error: UdfErrorCode, issues: readonly TrdIssue[]): string {
  const result: UdfError = { status: "invalid", error, issues };
  return JSON.stringify(result);
}

/** The JSON type name of a value (never the value). */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function notJsonText(what: "history" | "options", value: unknown, expected: string): TrdIssue {
  const received = typeof value === "string" ? "text that is not JSON" : typeName(value);
  return { code: "invalid_type", path: "", message: `${what}: expected ${expected}, received ${received}`, expected, received };
}

/** Parses JSON text; `undefined` when the value is not a string or not JSON. */
function parseJsonText(value: unknown): { readonly value: unknown } | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return { value: JSON.parse(value) as unknown };
  } catch {
    return undefined;
  }
}

/** The options object, or the issues that stop it being one (before {@link classifyTrd} checks the values). */
function readOptions(value: unknown): { readonly options: ClassifyTrdOptions } | { readonly issues: TrdIssue[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const expected = "a JSON object such as {\"asOf\":\"2024-06-30\"}";
    return { issues: [{ code: "invalid_type", path: "", message: `options: expected ${expected}, received ${typeName(value)}`, expected, received: typeName(value) }] };
  }
  const raw = value as Record<string, unknown>;
  const issues: TrdIssue[] = [];
  for (const key of Object.keys(raw)) {
    if (!OPTION_KEYS.has(key)) issues.push({ code: "unrecognized_key", path: key, message: `${key}: unknown field; the options are asOf, ruleSet, overrides and resistantSince`, expected: "asOf, ruleSet, overrides or resistantSince" });
  }
  if (raw.ruleSet !== undefined && typeof raw.ruleSet !== "string") {
    const expected = "the id of a built-in rule set (adjust its parameters with overrides)";
    issues.push({ code: "invalid_type", path: "ruleSet", message: `ruleSet: expected ${expected}, received ${typeName(raw.ruleSet)}`, expected, received: typeName(raw.ruleSet) });
  }
  if (raw.resistantSince !== undefined && typeof raw.resistantSince !== "boolean") {
    issues.push({ code: "invalid_type", path: "resistantSince", message: `resistantSince: expected true or false, received ${typeName(raw.resistantSince)}`, expected: "true or false", received: typeName(raw.resistantSince) });
  }
  if (issues.length > 0) return { issues };
  return {
    options: {
      asOf: raw.asOf as string, // checked by classifyTrd, which reports a missing or invalid date
      ...(raw.ruleSet === undefined ? {} : { ruleSet: raw.ruleSet as RuleSetId }), // an unknown id is reported by classifyTrd
      ...(raw.overrides === undefined ? {} : { overrides: raw.overrides as ClassifyTrdOptions["overrides"] & object }),
      ...(raw.resistantSince === undefined ? {} : { resistantSince: raw.resistantSince as boolean }),
    },
  };
}

/**
 * Classifies one patient for a warehouse UDF. Takes the history (the project's input format, see
 * docs/input-contract.md) and the options (`asOf`, and optionally `ruleSet`, `overrides` and
 * `resistantSince`) as JSON texts, and returns JSON text: the assessment {@link classifyTrd}
 * gives, or `{ "status": "invalid", "error", "issues" }`. Never throws, whatever the arguments.
 *
 * @param historyJson - One history as JSON text.
 * @param optionsJson - The options as JSON text, e.g. `{"asOf":"2024-06-30","ruleSet":"mgh-atrq"}`.
 * @returns A {@link UdfResult} as JSON text.
 * @example
 * const history = JSON.stringify({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * JSON.parse(trdClassify(history, '{"asOf":"2024-06-01"}')).status; //=> "no-response"
 * JSON.parse(trdClassify(history, '{"asOf":"2024-02-30"}')).issues[0].path; //=> "asOf"
 */
export function trdClassify(historyJson: unknown, optionsJson: unknown): string {
  try {
    const options = parseJsonText(optionsJson);
    if (options === undefined) return failure("invalid_options", [notJsonText("options", optionsJson, "JSON text of an object")]);
    const read = readOptions(options.value);
    if ("issues" in read) return failure("invalid_options", read.issues);
    resolveRuleSet(read.options); // options errors first: they are the same on every row of a query
    const history = parseJsonText(historyJson);
    if (history === undefined) return failure("invalid_json", [notJsonText("history", historyJson, "JSON text of one history object")]);
    const parsed = parseTreatmentHistory(history.value);
    if (!parsed.success) return failure("invalid_history", parsed.issues);
    return JSON.stringify(classifyTrd(parsed.data, read.options));
  } catch (error) {
    if (error instanceof TrdOptionsError) return failure("invalid_options", error.issues);
    return failure("internal_error", []);
  }
}
