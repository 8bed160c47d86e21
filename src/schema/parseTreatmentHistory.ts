/**
 * Validation entry point: unknown input in, a typed history or a list of issues out.
 *
 * @module
 */
import type * as z from "zod";
import { fieldNames } from "./fieldNames";
import { TreatmentHistorySchema } from "./history";
import type { TreatmentHistory } from "./history";
import { formatPath, isTrdIssueCode, jsonTypeOf, makeIssue } from "./issues";
import { parseFast } from "./parseFast";
import type { TrdIssue } from "./issues";

/**
 * The result of {@link parseTreatmentHistory}: the validated history, or at least one issue.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const result: ParseResult<TreatmentHistory> = parseTreatmentHistory({ episode: {} });
 * result.success ? [] : result.issues.map((i) => `${i.code} at ${i.path}`); //=> ["required at episode.onset"]
 */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly [TrdIssue, ...TrdIssue[]] };

type ZodIssue = z.core.$ZodIssue;

function describeBound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, small: boolean): string {
  const bound = Number(small ? issue.minimum : issue.maximum);
  const op = small ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
  switch (issue.origin) {
    case "array":
    case "set":
      return `a list with ${op} ${bound} item${bound === 1 ? "" : "s"}`;
    case "string":
      return `a text of ${op} ${bound} character${bound === 1 ? "" : "s"}`;
    default:
      return `a number ${op} ${bound}`;
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
};

/** Edit distance, bounded: returns early once it exceeds `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    if (Math.min(...current) > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

/**
 * An unknown key is named in the issue only when it is a near-miss of a real field (a typo such
 * as `mgPerday`); any other key could be data put in the wrong place (a name, a record number),
 * so the issue points at the object that holds it without repeating it.
 */
function unknownKeyIssue(parent: readonly PropertyKey[], key: string, schema: z.ZodType): TrdIssue {
  const suggestion = [...fieldNames(schema)].find((field) => withinEdits(key, field, 2));
  if (suggestion !== undefined && key.length <= 40) {
    return makeIssue("unrecognized_key", formatPath([...parent, key]), `no field of this name (did you mean "${suggestion}"?)`);
  }
  return makeIssue("unrecognized_key", formatPath(parent), "no fields beyond those of the contract (an unknown field is not shown, as it may hold patient data)");
}

/** Maps one zod issue to our issues (an unrecognized_keys issue becomes one per key). */
function toTrdIssues(issue: ZodIssue, schema: z.ZodType, prefix: readonly PropertyKey[]): TrdIssue[] {
  issue = { ...issue, path: [...prefix, ...issue.path] } as ZodIssue;
  const path = formatPath(issue.path);
  const input: unknown = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type": {
      if (input === undefined) return [makeIssue("required", path, TYPE_WORDS[issue.expected] ?? issue.expected)];
      if (issue.expected === "int" && typeof input === "number") {
        return [makeIssue("not_integer", path, "a whole number", "a fraction")];
      }
      return [makeIssue("invalid_type", path, TYPE_WORDS[issue.expected] ?? issue.expected, jsonTypeOf(input))];
    }
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) === 1) return [makeIssue("empty_string", path, "a non-empty text")];
      return [makeIssue("too_small", path, describeBound(issue, true))];
    }
    case "too_big":
      return [makeIssue("too_big", path, describeBound(issue, false))];
    case "invalid_value":
      if (input === undefined) return [makeIssue("required", path, `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`)];
      return [makeIssue("invalid_value", path, `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`, jsonTypeOf(input))];
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKeyIssue(issue.path, key, schema));
    case "invalid_union": {
      const discriminator = (issue as { options?: unknown[] }).options;
      if (discriminator !== undefined) {
        return [makeIssue("invalid_value", path, `one of ${discriminator.map((v) => JSON.stringify(v)).join(", ")}`)];
      }
      return [makeIssue("invalid_value", path, issue.message, jsonTypeOf(input))];
    }
    case "invalid_format": {
      return [makeIssue("invalid_code", path, issue.format === "regex" ? issue.message : `text in the format ${issue.format}`)];
    }
    case "custom": {
      // The cross-field rules pass their code in params (see history.ts); any other refinement is invalid_value.
      const trdCode: unknown = issue.params?.["trdCode"];
      return [makeIssue(isTrdIssueCode(trdCode) ? trdCode : "invalid_value", path, issue.message)];
    }
    default:
      return [makeIssue("invalid_value", path, "a valid value")];
  }
}

/**
 * Maps zod issues to {@link TrdIssue}s (stable codes, accessor paths, messages that never repeat a
 * value), for any of the library's schemas.
 *
 * @param issues - `error.issues` of a failed `safeParse` (run with `reportInput: true` so that a
 *   missing field reads as `required`).
 * @param schema - The schema that produced them (for "did you mean" on a misspelt field).
 * @param prefix - Path segments to put in front (`["records", 3]`).
 * @returns The issues.
 * @example
 * import { TrialSchema } from "trd-classifier";
 * const r = TrialSchema.safeParse({ id: "t1", agent: { name: "sertraline" }, start: "2024-01-01", mgPerDay: "fifty" }, { reportInput: true });
 * r.success ? [] : zodIssuesToTrdIssues(r.error.issues, TrialSchema, ["trials", 0]).map((i) => `${i.code} at ${i.path}`); //=> ["invalid_type at trials[0].mgPerDay"]
 */
export function zodIssuesToTrdIssues(issues: readonly ZodIssue[], schema: z.ZodType, prefix: readonly PropertyKey[] = []): TrdIssue[] {
  return issues.flatMap((issue) => toTrdIssues(issue, schema, prefix));
}

/**
 * Validates an unknown value (parsed JSON, a database row, a FHIR-derived object) against the
 * treatment-history contract. It never throws: on failure it returns every issue found, each with
 * a stable `code`, the exact `path` (`trials[2].doses[0].mgPerDay`) and a message that says what
 * was expected without repeating the value.
 *
 * Structural issues are reported first; the cross-field rules (dates in order, doses inside their
 * trial, scores in range, unique ids) run once the structure is valid.
 *
 * @param input - Any value.
 * @returns `{ success: true, data }` with defaults filled in, or `{ success: false, issues }`.
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 *
 * const ok = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", mgPerDay: 100 }],
 * });
 * ok.success; //=> true
 * const bad = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", start: "2024-01-10", mgPerDay: 100 }] });
 * bad.success ? [] : bad.issues.map((i) => i.message); //=> ["trials[0].agent: expected an object"]
 */
export function parseTreatmentHistory(input: unknown): ParseResult<TreatmentHistory> {
  // Well-formed input is accepted by the fast path, which agrees with the schema (see parseFast).
  const fast = parseFast(input);
  if (fast !== undefined) return { success: true, data: fast };
  let parsed: ReturnType<typeof TreatmentHistorySchema.safeParse>;
  try {
    // One zod parse: reportInput costs nothing while no issue is raised, and words the issues
    // (a missing field reads as `required`) when one is.
    parsed = TreatmentHistorySchema.safeParse(input, { reportInput: true });
  } catch {
    // Only exotic inputs (a getter that throws, a revoked proxy) reach here.
    return { success: false, issues: [makeIssue("invalid_type", "", "a plain JSON object")] };
  }
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = zodIssuesToTrdIssues(parsed.error.issues, TreatmentHistorySchema);
  const [first, ...rest] = issues;
  return { success: false, issues: [first ?? makeIssue("invalid_value", "", "a valid treatment history"), ...rest] };
}
