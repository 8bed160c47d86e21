/**
 * Verdicts: is a trial adequate, and does it count toward resistance as a failed adequate trial?
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import { isFailedOutcome } from "../rules/failedOutcome";
import type { DerivedOutcome } from "./deriveOutcome";
import { reason } from "./reason";
import { neededText, outcomeText, reachedText } from "./wording";
import type { ScopeVerdict } from "./scope";
import type { ReasonKinds, Step, TrialFacts } from "./trialFacts";
import type { AdherenceVerdict, DoseVerdict, DurationVerdict, Reason } from "./types";

/** A trial stopped for intolerance is never a failure: this library's reading, cited as such. */
const INTOLERANCE_RULE: Citation = {
  source: "library-convention",
  verification: "unverified",
  note: "A trial stopped for intolerance is never a failure, whatever its length; the ATHF is reported to lower the rating of such trials.",
};

/** Adequate: it can count, and dose, duration and adherence (where the rule set requires it) were adequate. */
export function isAdequate(facts: TrialFacts, scope: ScopeVerdict, dose: DoseVerdict, duration: DurationVerdict, adherence: AdherenceVerdict): boolean {
  const adherenceOk = adherence.status === "adequate" || (adherence.status === "unknown" && !facts.rules.parameters.requireDocumentedAdherence);
  return scope.relevant && dose.status === "adequate" && duration.status === "adequate" && adherenceOk;
}

/**
 * Why a trial that can count is not adequate, in words ("dose not recorded", "3.1 of 4 weeks at
 * the adequate dose"): empty when it is adequate.
 *
 * @example
 * declare const facts: TrialFacts, duration: DurationVerdict, adherence: AdherenceVerdict;
 * const why = whyNotAdequate(facts, { status: "unknown", reachedMgPerDay: 0 }, duration, adherence);
 * // ["dose not recorded"] for a catalogued agent with no dose on record
 */
export function whyNotAdequate(facts: TrialFacts, dose: DoseVerdict, duration: DurationVerdict, adherence: AdherenceVerdict): string[] {
  const why: string[] = [];
  if (dose.status === "unknown") why.push(dose.reachedMgPerDay === 0 && facts.drug !== undefined ? "dose not recorded" : "adequate dose unknown");
  else if (dose.status === "inadequate") why.push(`${"basis" in dose ? "serum level" : "dose"} ${reachedText(dose)}, below ${neededText(dose)}`);
  if (duration.status === "inadequate") why.push(`${duration.weeksAtAdequateDose} of ${duration.requiredWeeks} weeks at the adequate dose${facts.ongoing ? " so far (ongoing)" : ""}`);
  if (adherence.status === "poor") why.push("poor adherence");
  else if (adherence.status === "unknown" && facts.rules.parameters.requireDocumentedAdherence) why.push("adherence not documented");
  return why;
}

/** What the failure verdict reads from the other verdicts. */
export interface FailureInput {
  readonly scope: ScopeVerdict;
  readonly adequate: boolean;
  /** Why it is not adequate (see {@link whyNotAdequate}). */
  readonly notAdequateBecause: readonly string[];
  readonly stoppedEarly: boolean;
  readonly outcome: DerivedOutcome;
}

/** Why the trial does not count toward resistance (empty when it does), in a fixed order. */
function blockers(facts: TrialFacts, input: FailureInput): string[] {
  const p = facts.rules.parameters;
  const { scope, outcome: derived } = input;
  const category = derived.outcome.category;
  const found: string[] = [];
  if (!scope.inScope) found.push("not a trial that counts under this rule set");
  else if (!scope.relevant) found.push("outside the current episode");
  else if (!input.adequate) found.push(input.notAdequateBecause.length === 0 ? "not adequate" : `not adequate: ${input.notAdequateBecause.join(", ")}`);
  if (!isFailedOutcome(category, p)) found.push(category === "unknown" ? "outcome unknown" : `outcome ${outcomeText(category)}`);
  if (facts.trial.stopReason === "intolerance") found.push("stopped for intolerance");
  if (input.stoppedEarly && category !== "non-response") found.push(`stopped before week ${p.earlyStopWeeks}`);
  if (derived.measuredBeforeAdequacy) found.push("outcome measured before the trial was adequate");
  if (derived.tachyphylaxis && !p.tachyphylaxisCountsAsFailure) found.push("lost an earlier response (tachyphylaxis)");
  return found;
}

/**
 * Decides whether an adequate trial failed and counts toward resistance: its outcome is a failure
 * under the rule set, and nothing blocks it (intolerance, an early stop without non-response, an
 * outcome measured before adequacy, tachyphylaxis where it does not count).
 */
export function assessFailure(facts: TrialFacts, input: FailureInput, kinds: ReasonKinds): Step<boolean> {
  const { label, ids } = facts;
  const reasons: Reason[] = [];
  if (facts.trial.stopReason === "intolerance") {
    reasons.push(reason("stopped_for_intolerance", kinds.shortfall, `${label}: stopped for intolerance, which is not a failure of efficacy`, ids, "stopReason", INTOLERANCE_RULE));
  }
  const blocked = blockers(facts, input);
  const counts = blocked.length === 0;
  reasons.push(
    counts
      ? reason("trial_failed", "decision", `${label}: a failed adequate trial (${outcomeText(input.outcome.outcome.category)}${facts.ongoing ? ", ongoing" : ""})`, ids, "failedAdequateTrial")
      : reason("trial_not_failed", "decision", `${label}: does not count toward resistance (${blocked.join("; ")})`, ids, "failedAdequateTrial"),
  );
  return { verdict: counts, reasons };
}
