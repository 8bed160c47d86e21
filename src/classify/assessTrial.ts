/**
 * One trial against a rule set: the scope, dose, duration, adherence, outcome and failure
 * verdicts (one module each), composed.
 *
 * @module
 */
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { ClassifyTrdOptions } from "../rules/resolveRuleSet";
import type { TreatmentHistory } from "../schema/history";
import type { Trial } from "../schema/trial";
import { assessAdherence } from "./adherence";
import { deriveOutcome, indexScores } from "./deriveOutcome";
import { assessDose } from "./dose";
import { assessDuration } from "./duration";
import { measureExposure } from "./exposure";
import { assessFailure, isAdequate, whyNotAdequate } from "./failure";
import { assessScope, reasonKinds } from "./scope";
import { trialFacts } from "./trialFacts";
import type { TrialContext } from "./trialFacts";
import type { TrialAssessment } from "./types";

export type { TrialContext } from "./trialFacts";

/**
 * Assesses one trial of a history under a rule set, exactly as {@link classifyTrd} does for each
 * of its trials. The trial is adequate when it is in scope for the rule set, lies in the
 * current episode (if the rule set asks), reached the adequate dose, spent the required weeks at
 * or above it, and adherence was not poor (nor undocumented, if the rule set requires it). It
 * counts toward resistance when it is adequate and its outcome is non-response (or partial
 * response, where that is a failure), unless it stopped for intolerance, stopped before the rule
 * set's `earlyStopWeeks` without non-response, lost an earlier response at the same dose, or was
 * measured only before it became adequate.
 *
 * @param trial - A validated trial (one of `history.trials`).
 * @param history - The validated history it belongs to (for the episode, patient and scores).
 * @param options - As for {@link classifyTrd}.
 * @returns The assessment with its reasons.
 * @throws {@link TrdOptionsError} when the options are invalid.
 * @example
 * import { assessTrial, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? assessTrial(parsed.data.trials[0]!, parsed.data, { asOf: "2024-06-30" }) : undefined;
 * // 21 days at 50 mg/day: 3 of the 4 weeks EU-PEARL requires
 * [t1?.duration.status, t1?.duration.weeksAtAdequateDose, t1?.duration.requiredWeeks]; //=> ["inadequate", 3, 4]
 */
export function assessTrial(trial: Trial, history: TreatmentHistory, options: ClassifyTrdOptions): TrialAssessment {
  const { rules } = resolveRuleSet(options);
  return assessTrialInContext(trial, { history, rules, asOf: options.asOf, scores: indexScores(history.assessments, options.asOf), countedSpans: options.countedSpans === true });
}

/** {@link assessTrial} with the rule set resolved and the scores indexed once per history. */
export function assessTrialInContext(trial: Trial, context: TrialContext): TrialAssessment {
  const facts = trialFacts(trial, context);
  const scope = assessScope(facts);
  const kinds = reasonKinds(scope.verdict, facts);
  const exposure = measureExposure(facts, scope.verdict, context.countedSpans === true);
  const dose = assessDose(facts, exposure, kinds);
  const duration = assessDuration(facts, exposure, kinds);
  const adherence = assessAdherence(facts, kinds, exposure.poorAdherenceDays);
  const { segments } = exposure;
  const window = { label: facts.label, start: trial.start, end: facts.end, asOf: facts.asOf, adequateFrom: exposure.exposure.dayRequirementMet, doseOn: (date: string) => segments.find((s) => s.from <= date && date <= s.to)?.mgPerDay };
  const outcome = deriveOutcome(trial, context.scores, window, context.rules, kinds.gap);
  const adequate = isAdequate(facts, scope.verdict, dose.verdict, duration.verdict, adherence.verdict);
  const notAdequateBecause = adequate ? [] : whyNotAdequate(facts, dose.verdict, duration.verdict, adherence.verdict);
  const failure = assessFailure(facts, { scope: scope.verdict, adequate, notAdequateBecause, stoppedEarly: duration.stoppedEarly, outcome }, kinds);
  const reasons = [...scope.reasons, ...dose.reasons, ...duration.reasons, ...adherence.reasons, ...outcome.reasons, ...failure.reasons];
  const { drug, end, ongoing } = facts;
  const { inCurrentEpisode } = scope.verdict;
  const doseVerdict = dose.verdict;
  const durationVerdict = duration.verdict;
  const adherenceVerdict = adherence.verdict;
  const countsTowardResistance = failure.verdict;
  // Two literals rather than a spread of the optional drug fields: this runs for every trial.
  return drug === undefined
    ? { trialId: trial.id, agent: trial.agent, role: trial.role, start: trial.start, end, ongoing, inCurrentEpisode, dose: doseVerdict, duration: durationVerdict, adherence: adherenceVerdict, adequate, outcome: outcome.outcome, countsTowardResistance, reasons }
    : {
        trialId: trial.id,
        agent: trial.agent,
        drugId: drug.id,
        drugName: drug.name,
        drugClass: drug.drugClass,
        role: trial.role,
        start: trial.start,
        end,
        ongoing,
        inCurrentEpisode,
        dose: doseVerdict,
        duration: durationVerdict,
        adherence: adherenceVerdict,
        adequate,
        outcome: outcome.outcome,
        countsTowardResistance,
        reasons,
      };
}
