/**
 * Shared reading of a history for the staging models: failed antidepressant trials in time
 * order, and the outcome of other treatment courses (ECT).
 *
 * @module
 */
import { indexScores, deriveOutcome } from "../classify/deriveOutcome";
import type { TrdAssessment, TrialAssessment, TrialOutcome } from "../classify/types";
import { findDrug } from "../catalogue/findDrug";
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { OtherTreatment } from "../schema/otherTreatment";

/** The effective rule set behind an assessment (built-in id plus recorded overrides). */
export function rulesOf(assessment: TrdAssessment, rules?: RuleSet): RuleSet {
  return rules ?? resolveRuleSet({ asOf: assessment.asOf, ruleSet: assessment.ruleSet.id, overrides: assessment.overrides }).rules;
}

/** Chronological order: start, then end, then id, so that results never depend on input order. */
export function byTime<T extends { readonly start: string; readonly end?: string | undefined; readonly id: string }>(a: T, b: T): number {
  return a.start.localeCompare(b.start) || (a.end ?? "").localeCompare(b.end ?? "") || a.id.localeCompare(b.id);
}

/** True for a trial of an agent the catalogue calls an antidepressant, used alone or in combination. */
export function isAntidepressantTrial(t: TrialAssessment): boolean {
  return t.drugId !== undefined && findDrug(t.drugId)?.role === "antidepressant" && t.role !== "augmentation";
}

/** Failed adequate antidepressant trials (from the classifier), oldest first. */
export function failedAntidepressantTrials(assessment: TrdAssessment): TrialAssessment[] {
  return assessment.trials
    .filter((t) => t.countsTowardResistance && isAntidepressantTrial(t))
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.trialId.localeCompare(b.trialId));
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
  const p = rules.parameters;
  const episodeEnd = history.episode.end !== undefined && history.episode.end < asOf ? history.episode.end : asOf;
  return history.otherTreatments
    .filter((c) => c.kind === kind && c.start <= asOf)
    .sort(byTime)
    .map((course) => {
      const end = course.end !== undefined && course.end <= asOf ? course.end : asOf;
      const { outcome } = deriveOutcome(course, scores, { label: `${kind} (${course.id})`, start: course.start, end, asOf, doseOn: () => undefined }, rules);
      const failed = outcome.category === "non-response" || (outcome.category === "partial-response" && p.partialResponseCountsAsFailure);
      return { course, end, inCurrentEpisode: course.start <= episodeEnd && end >= history.episode.onset, outcome, failed };
    });
}

/** Failed courses of one kind that count under the rule set's episode scope, oldest first. */
export function failedCourses(history: TreatmentHistory, assessment: TrdAssessment, kind: OtherTreatment["kind"], rules: RuleSet): CourseOutcome[] {
  return courseOutcomes(history, assessment, kind, rules).filter((c) => c.failed && (c.inCurrentEpisode || !rules.parameters.currentEpisodeOnly));
}
