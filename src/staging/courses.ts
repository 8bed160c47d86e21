/**
 * Shared reading of a history for the staging models: failed antidepressant trials in time
 * order, and the outcome of other treatment courses (ECT).
 *
 * @module
 */
import { indexScores, deriveOutcome } from "../classify/deriveOutcome";
import type { TrdAssessment, TrialAssessment, TrialOutcome } from "../classify/types";
import { lookUpAgent } from "../catalogue/lookUpAgent";
import { byTime } from "../internal/chronological";
import { inCurrentEpisode } from "../rules/currentEpisode";
import { isFailedOutcome } from "../rules/failedOutcome";
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { OtherTreatment } from "../schema/otherTreatment";

/**
 * Weeks at an adequate dose a failed antidepressant trial needs before a staging model counts it:
 * 6 in MGH-s (Hägg 2020, Panel 1) and the European model (6-8 weeks, Souery 1999); each model
 * takes it as its `minWeeks` option, default this.
 */
export const MIN_WEEKS_AT_ADEQUATE_DOSE = 6;

/** The effective rule set behind an assessment (built-in id plus recorded overrides). */
export function rulesOf(assessment: TrdAssessment, rules?: RuleSet): RuleSet {
  return rules ?? resolveRuleSet({ asOf: assessment.asOf, ruleSet: assessment.ruleSet.id, overrides: assessment.overrides }).rules;
}

/** True for a trial of an agent the catalogue calls an antidepressant, used alone or in combination. */
export function isAntidepressantTrial(t: TrialAssessment): boolean {
  return t.drugId !== undefined && lookUpAgent(t.drugId)?.role === "antidepressant" && t.role !== "augmentation";
}

/** Failed adequate antidepressant trials (from the classifier), oldest first. */
export function failedAntidepressantTrials(assessment: TrdAssessment): TrialAssessment[] {
  return assessment.trials
    .filter((t) => t.countsTowardResistance && isAntidepressantTrial(t))
    .sort((a, b) => byTime({ start: a.start, end: a.end, id: a.trialId }, { start: b.start, end: b.end, id: b.trialId }));
}

/** A treatment course with its outcome. */
export interface CourseOutcome {
  readonly course: OtherTreatment;
  readonly end: string;
  readonly inCurrentEpisode: boolean;
  readonly outcome: TrialOutcome;
  readonly failed: boolean;
}

/** Outcomes of the courses of one kind (ECT, say) on or before `asOf`, oldest first. */
export function courseOutcomes(history: TreatmentHistory, assessment: TrdAssessment, kind: OtherTreatment["kind"], rules: RuleSet): CourseOutcome[] {
  const asOf = assessment.asOf;
  const scores = indexScores(history.assessments, asOf);
  return history.otherTreatments
    .filter((c) => c.kind === kind && c.start <= asOf)
    .sort(byTime)
    .map((course) => {
      const end = course.end !== undefined && course.end <= asOf ? course.end : asOf;
      const { outcome } = deriveOutcome(course, scores, { label: `${kind} (${course.id})`, start: course.start, end, asOf, doseOn: () => undefined }, rules);
      return { course, end, inCurrentEpisode: inCurrentEpisode(course.start, end, history.episode, asOf), outcome, failed: isFailedOutcome(outcome.category, rules.parameters) };
    });
}

/** Failed courses of one kind that count under the rule set's episode scope, oldest first. */
export function failedCourses(history: TreatmentHistory, assessment: TrdAssessment, kind: OtherTreatment["kind"], rules: RuleSet): CourseOutcome[] {
  return courseOutcomes(history, assessment, kind, rules).filter((c) => c.failed && (c.inCurrentEpisode || !rules.parameters.currentEpisodeOnly));
}
