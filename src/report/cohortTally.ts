/**
 * A cohort's counts, gathered one record at a time in bounded memory: results, status by
 * applicability, evidence, each pseudo-resistance flag, and invalid records by issue code (with
 * the first few as examples).
 *
 * @module
 */

/**
 * What a cohort report needs of one classified or invalid record.
 *
 * @example
 * const classified: RecordSummary = { kind: "result", result: "no-response", status: "no-response", applicable: true, evidenceComplete: true, flags: ["dose_inadequate"] };
 * const invalid: RecordSummary = { kind: "invalid", line: 7, issues: [{ code: "invalid_date_format", path: "episode.onset" }] };
 */
export type RecordSummary =
  | {
      readonly kind: "result";
      /** What is displayed: `not-applicable` or the status. */
      readonly result: string;
      readonly status: string;
      readonly applicable: boolean;
      readonly evidenceComplete: boolean;
      /** The pseudo-resistance flag codes of the record. */
      readonly flags: readonly string[];
    }
  | {
      readonly kind: "invalid";
      /** The input line. */
      readonly line: number;
      readonly issues: readonly { readonly code: string; readonly path: string }[];
    };

/**
 * The counts of a cohort.
 *
 * @example
 * const tally: CohortTally = newCohortTally();
 * tally.records; //=> 0
 */
export interface CohortTally {
  records: number;
  classified: number;
  /** Records per displayed result (and `invalid`). */
  readonly byResult: Record<string, number>;
  /** Records per `status|applicable`. */
  readonly byStatusApplicability: Record<string, number>;
  readonly evidence: { complete: number; incomplete: number };
  /** Records with each flag. */
  readonly flags: Record<string, number>;
  /** Invalid records with each issue code (a record counts once per code). */
  readonly invalidByCode: Record<string, number>;
  /** The first invalid records, with their issue codes and paths (never values or ids). */
  readonly invalidExamples: { readonly line: number; readonly issues: readonly { readonly code: string; readonly path: string }[] }[];
}

/** How many invalid records a report lists one by one. */
export const INVALID_EXAMPLES = 100;

/**
 * An empty tally.
 *
 * @example
 * newCohortTally().byResult; //=> {}
 */
export function newCohortTally(): CohortTally {
  return { records: 0, classified: 0, byResult: {}, byStatusApplicability: {}, evidence: { complete: 0, incomplete: 0 }, flags: {}, invalidByCode: {}, invalidExamples: [] };
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** `status|applicable` keys, made once per status (a record's key is then a string already known to the engine, looked up fast). */
const statusKeys = new Map<string, readonly [string, string]>();

function statusKey(status: string, applicable: boolean): string {
  let keys = statusKeys.get(status);
  if (keys === undefined) {
    keys = [`${status}|false`, `${status}|true`];
    if (statusKeys.size < 64) statusKeys.set(status, keys);
  }
  return keys[applicable ? 1 : 0];
}

/**
 * Adds one record to a tally.
 *
 * @example
 * const tally = newCohortTally();
 * addToTally(tally, { kind: "result", result: "not-applicable", status: "no-response", applicable: false, evidenceComplete: false, flags: ["bipolar_disorder_on_record"] });
 * addToTally(tally, { kind: "invalid", line: 2, issues: [{ code: "invalid_type", path: "" }] });
 * [tally.records, tally.byResult, tally.byStatusApplicability, tally.flags]; //=> [2, { "not-applicable": 1, invalid: 1 }, { "no-response|false": 1 }, { bipolar_disorder_on_record: 1 }]
 */
export function addToTally(tally: CohortTally, record: RecordSummary): void {
  tally.records += 1;
  if (record.kind === "invalid") {
    bump(tally.byResult, "invalid");
    for (const code of new Set(record.issues.map((i) => i.code))) bump(tally.invalidByCode, code);
    if (tally.invalidExamples.length < INVALID_EXAMPLES) tally.invalidExamples.push({ line: record.line, issues: record.issues.slice(0, 5) });
    return;
  }
  tally.classified += 1;
  countClassified(tally, record.result, record.status, record.applicable, record.evidenceComplete);
  for (const flag of record.flags) bump(tally.flags, flag);
}

function countClassified(tally: CohortTally, result: string, status: string, applicable: boolean, evidenceComplete: boolean): void {
  bump(tally.byResult, result);
  bump(tally.byStatusApplicability, statusKey(status, applicable));
  if (evidenceComplete) tally.evidence.complete += 1;
  else tally.evidence.incomplete += 1;
}

/**
 * Adds one classified record to a tally straight from its parts, its flags as they are in an
 * assessment (no summary made): the same counts as {@link addToTally} of its summary.
 *
 * @example
 * const tally = newCohortTally();
 * addClassifiedToTally(tally, "not-applicable", "no-response", false, false, [{ code: "bipolar_disorder_on_record" }]);
 * [tally.records, tally.classified, tally.byResult, tally.byStatusApplicability, tally.flags]; //=> [1, 1, { "not-applicable": 1 }, { "no-response|false": 1 }, { bipolar_disorder_on_record: 1 }]
 */
export function addClassifiedToTally(tally: CohortTally, result: string, status: string, applicable: boolean, evidenceComplete: boolean, flags: readonly { readonly code: string }[]): void {
  tally.records += 1;
  tally.classified += 1;
  countClassified(tally, result, status, applicable, evidenceComplete);
  for (const flag of flags) bump(tally.flags, flag.code);
}

const addCounts = (into: Record<string, number>, from: Readonly<Record<string, number>>): void => {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
};

/**
 * Adds the counts of `from`, a tally of records that come after those of `into`, to `into`: the
 * same tally as adding those records one by one (the invalid examples stay the first ones).
 *
 * @example
 * const first = newCohortTally();
 * addToTally(first, { kind: "result", result: "no-response", status: "no-response", applicable: true, evidenceComplete: true, flags: [] });
 * const then = newCohortTally();
 * addToTally(then, { kind: "invalid", line: 2, issues: [{ code: "invalid_type", path: "" }] });
 * mergeTally(first, then);
 * [first.records, first.classified, first.byResult, first.invalidExamples.length]; //=> [2, 1, { "no-response": 1, invalid: 1 }, 1]
 */
export function mergeTally(into: CohortTally, from: CohortTally): void {
  into.records += from.records;
  into.classified += from.classified;
  addCounts(into.byResult, from.byResult);
  addCounts(into.byStatusApplicability, from.byStatusApplicability);
  into.evidence.complete += from.evidence.complete;
  into.evidence.incomplete += from.evidence.incomplete;
  addCounts(into.flags, from.flags);
  addCounts(into.invalidByCode, from.invalidByCode);
  for (const example of from.invalidExamples) {
    if (into.invalidExamples.length >= INVALID_EXAMPLES) break;
    into.invalidExamples.push(example);
  }
}
