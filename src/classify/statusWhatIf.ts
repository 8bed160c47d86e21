/**
 * The status alone, from assessed trials, and what it would be if some trials' outcomes were
 * different: the open questions ask it once per trial with a gap ("if non-response: …"), so each
 * such question must not cost a pass over every trial.
 *
 * @module
 */
import type { RuleSet } from "../rules/types";
import type { StatusOf } from "./openQuestions";
import type { OutcomeCategory, TrdStatus, TrialAssessment } from "./types";

/**
 * Outcomes from worst to best; `unknown` below them all.
 *
 * @example
 * OUTCOME_RANK["partial-response"] > OUTCOME_RANK["non-response"]; //=> true
 */
export const OUTCOME_RANK: Readonly<Record<OutcomeCategory, number>> = Object.freeze({ "non-response": 0, "partial-response": 1, response: 2, remission: 3, unknown: -1 });

/**
 * What a trial's failure counts under: its class or its agent, as the rule set counts failures
 * (the trial itself when neither is known).
 *
 * @example
 * declare const trial: TrialAssessment, rules: RuleSet;
 * failureKey(trial, rules);
 * // "SSRI" under a rule set that counts classes, "sertraline" under one that counts agents
 */
export const failureKey = (t: TrialAssessment, rules: RuleSet): string => (rules.parameters.requireDifferentClasses ? t.drugClass : t.drugId) ?? t.trialId;

/** The status from the number of agents (or classes) whose best failure was non-response, and the others. */
function statusFrom(nonResponse: number, partial: number, rules: RuleSet): TrdStatus {
  const p = rules.parameters;
  if (nonResponse >= p.minFailedTrials) return "no-response";
  if (nonResponse + partial >= p.minFailedTrials || (p.partialResponseAfterOneTrial && partial >= 1)) return "partial-response";
  return "not-yet-resistant";
}

/**
 * The status alone, from assessed trials: the same counting and decision as classifyTrd's,
 * without their reasons. `assumed` makes trials (by index) failures with the given outcome, or
 * leaves a trial out with `unknown`, without copying them. One pass over the trials.
 *
 * @example
 * declare const trials: readonly TrialAssessment[], rules: RuleSet;
 * statusOfTrials(trials, rules, new Map([[2, "non-response"]]));
 * // the status if trial 2 had failed with non-response
 */
export function statusOfTrials(trials: readonly TrialAssessment[], rules: RuleSet, assumed?: ReadonlyMap<number, OutcomeCategory>): TrdStatus {
  const best = new Map<string, number>();
  for (let i = 0; i < trials.length; i++) {
    const t = trials[i] as TrialAssessment;
    const outcome = assumed?.get(i);
    if (outcome === "unknown" || (outcome === undefined && !t.countsTowardResistance)) continue;
    const key = failureKey(t, rules);
    best.set(key, Math.max(best.get(key) ?? -1, OUTCOME_RANK[outcome ?? t.outcome.category]));
  }
  let nonResponse = 0;
  let partial = 0;
  for (const rank of best.values()) {
    if (rank === OUTCOME_RANK["non-response"]) nonResponse += 1;
    else partial += 1;
  }
  return statusFrom(nonResponse, partial, rules);
}

/** How many of a key's trials count at each rank (index rank + 1, `unknown` first). */
type RankCounts = number[];

/** A key's best rank, or undefined when none of its trials counts. */
function bestOf(counts: RankCounts): number | undefined {
  for (let r = counts.length - 1; r >= 0; r--) if ((counts[r] ?? 0) > 0) return r - 1;
  return undefined;
}

/**
 * {@link statusOfTrials} for any assumptions, after one pass over the trials: each question then
 * costs the trials it assumes, not all of them. The same answers (a property test compares them).
 *
 * @example
 * declare const trials: readonly TrialAssessment[], rules: RuleSet;
 * const statusOf = statusWhatIf(trials, rules);
 * trials.map((_, i) => statusOf(new Map([[i, "non-response"]])));
 * // each trial's status if it alone had failed with non-response
 */
export function statusWhatIf(trials: readonly TrialAssessment[], rules: RuleSet): StatusOf {
  // Made at the first question: most classifications ask none.
  let made: StatusOf | undefined;
  return (assumed) => (made ??= whatIfModel(trials, rules))(assumed);
}

/** The counts per agent or class, made once, and the what-if that redoes only the assumed trials' keys. */
function whatIfModel(trials: readonly TrialAssessment[], rules: RuleSet): StatusOf {
  const counts = new Map<string, RankCounts>();
  const contribution = (t: TrialAssessment): number | undefined => (t.countsTowardResistance ? OUTCOME_RANK[t.outcome.category] : undefined);
  for (const t of trials) {
    const rank = contribution(t);
    if (rank === undefined) continue;
    const key = failureKey(t, rules);
    const c = counts.get(key) ?? [0, 0, 0, 0, 0];
    c[rank + 1] = (c[rank + 1] ?? 0) + 1;
    counts.set(key, c);
  }
  let nonResponse = 0;
  let partial = 0;
  for (const c of counts.values()) {
    if (bestOf(c) === OUTCOME_RANK["non-response"]) nonResponse += 1;
    else partial += 1;
  }
  return (assumed) => {
    // Only the keys of the assumed trials change: their counts are redone, the others' stand.
    const changed = new Map<string, RankCounts>();
    for (const [i, outcome] of assumed) {
      const t = trials[i];
      if (t === undefined) continue;
      const key = failureKey(t, rules);
      const c = changed.get(key) ?? [...(counts.get(key) ?? [0, 0, 0, 0, 0])];
      const own = contribution(t);
      if (own !== undefined) c[own + 1] = (c[own + 1] ?? 0) - 1;
      if (outcome !== "unknown") c[OUTCOME_RANK[outcome] + 1] = (c[OUTCOME_RANK[outcome] + 1] ?? 0) + 1;
      changed.set(key, c);
    }
    let n = nonResponse;
    let p = partial;
    for (const [key, c] of changed) {
      const base = counts.get(key);
      const before = base === undefined ? undefined : bestOf(base);
      const after = bestOf(c);
      if (before === OUTCOME_RANK["non-response"]) n -= 1;
      else if (before !== undefined) p -= 1;
      if (after === OUTCOME_RANK["non-response"]) n += 1;
      else if (after !== undefined) p += 1;
    }
    return statusFrom(n, p, rules);
  };
}
