/**
 * The Massachusetts General Hospital staging method, MGH-s (Fava 2003).
 *
 * @module
 */
import { agentOf } from "../catalogue/lookUpAgent";
import type { TrdAssessment, TrialAssessment } from "../classify/types";
import { doseSegments } from "../rules/doseTimeline";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { Trial } from "../schema/trial";
import { MIN_WEEKS_AT_ADEQUATE_DOSE, courseOutcomes, failedAntidepressantTrials, failedCourses, rulesOf } from "./courses";
import type { MghStagingScore, StagingItem } from "./types";

/**
 * Options for {@link scoreMghStaging}.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory, scoreMghStaging } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: ScoreMghStagingOptions = { reading: "with-recalled-items" };
 * parsed.success ? scoreMghStaging(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" }), options).score : undefined; //=> 3
 */
export interface ScoreMghStagingOptions {
  /**
   * `verified-items` (default): 1 point per failed adequate antidepressant trial of at least 6
   * weeks, +0.5 when its dose was optimised, +0.5 when it was augmented, +3 per failed ECT course
   * (Hägg 2020, Panel 1). `with-recalled-items`: also +0.5 for a combination and +0.5 for a
   * duration optimisation (more than 6 weeks at an adequate dose), items recalled from Fava 2003
   * but not read in a source.
   */
  readonly reading?: "verified-items" | "with-recalled-items";
  /** Weeks at an adequate dose a failed trial needs to score (default 6, Hägg 2020 Panel 1). */
  readonly minWeeks?: number;
  /**
   * How ECT scores. `per-failed-course` (default): +3 for each failed ECT course in scope, this
   * library's reading of Hägg 2020 Panel 1 ("3 point for ECT" under a header that sums each
   * treatment trial; Fava 2003's own wording was not read). `any-course`: +3 once when any ECT
   * course was given in scope, whatever its outcome, the literal reading of "3 point for ECT".
   */
  readonly ect?: "per-failed-course" | "any-course";
  /** The rule set to judge ECT outcomes by (default: the assessment's). */
  readonly rules?: RuleSet;
}

/** True when the dose rose after first reaching the adequate threshold. */
function doseOptimised(trial: Trial, assessed: TrialAssessment): boolean {
  if (assessed.dose.status === "unknown" || "basis" in assessed.dose) return false;
  const threshold = assessed.dose.thresholdMgPerDay;
  let first: number | undefined;
  for (const segment of doseSegments(trial, assessed.end)) {
    if (segment.mgPerDay === undefined) continue;
    if (first === undefined) {
      if (segment.mgPerDay >= threshold) first = segment.mgPerDay;
    } else if (segment.mgPerDay > first) return true;
  }
  return false;
}

/** True for lithium, an antipsychotic, T3...: agents given to augment an antidepressant. */
function isAugmentingAgent(trial: Trial): boolean {
  return agentOf(trial.agent)?.role === "augmenting-agent";
}

/** Trials of a role that were added to `target`: by `augments`, or overlapping it when unlinked. */
function addedTo(history: TreatmentHistory, target: TrialAssessment, role: "augmentation" | "combination", isAugmenter: (t: Trial) => boolean): Trial[] {
  return history.trials.filter((t) => {
    if (t.id === target.trialId) return false;
    if (role === "augmentation" ? !(t.role === "augmentation" || isAugmenter(t)) : t.role !== "combination") return false;
    if (t.augments !== undefined) return t.augments === target.trialId;
    return t.start <= target.end && (t.end ?? target.end) >= target.start;
  });
}

/**
 * Scores a history by the MGH staging method: a continuous score summed over the failed adequate
 * antidepressant trials of the current episode, with no bands. The register adaptation's TRD
 * threshold (>=4) is reported for information.
 *
 * @param history - The validated history.
 * @param assessment - `classifyTrd`'s result for it.
 * @param options - Which half-point items to score.
 * @returns The score with points per trial and item.
 * @example
 * import { classifyTrd, parseTreatmentHistory, scoreMghStaging } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const mghs = parsed.success ? scoreMghStaging(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" })) : undefined;
 * [mghs?.score, mghs?.meetsRegisterThreshold]; //=> [2, false]
 */
export function scoreMghStaging(history: TreatmentHistory, assessment: TrdAssessment, options: ScoreMghStagingOptions = {}): MghStagingScore {
  const reading = options.reading ?? "verified-items";
  const minWeeks = options.minWeeks ?? MIN_WEEKS_AT_ADEQUATE_DOSE;
  const minDays = minWeeks * 7;
  const rules = rulesOf(assessment, options.rules);
  const verified = { source: "hagg-2020", verification: "primary" } as const;
  const recalled = { source: "fava-2003", verification: "unverified" } as const;
  const byId = new Map(history.trials.map((t) => [t.id, t]));
  const augmentedBy = (t: TrialAssessment): Trial[] => addedTo(history, t, "augmentation", isAugmentingAgent);
  const items: StagingItem[] = [];
  let score = 0;
  for (const t of failedAntidepressantTrials(assessment)) {
    const name = `${t.drugName ?? t.trialId} (${t.trialId})`;
    if (t.duration.daysAtAdequateDose < minDays) {
      items.push({ item: "too-short", points: 0, trialIds: [t.trialId], message: `${name}: ${t.duration.weeksAtAdequateDose} weeks at an adequate dose; MGH-s needs at least ${minWeeks}: 0 points`, ...verified });
      continue;
    }
    score += 1;
    items.push({ item: "failed-trial", points: 1, trialIds: [t.trialId], message: `${name}: failed adequate trial of at least ${minWeeks} weeks: 1 point`, ...verified });
    const trial = byId.get(t.trialId);
    if (trial !== undefined && doseOptimised(trial, t)) {
      score += 0.5;
      items.push({ item: "dose-optimisation", points: 0.5, trialIds: [t.trialId], message: `${name}: dose raised above the first adequate dose: +0.5`, ...verified });
    }
    const augmenters = augmentedBy(t);
    if (augmenters.length > 0) {
      score += 0.5;
      items.push({ item: "augmentation", points: 0.5, trialIds: [t.trialId, ...augmenters.map((a) => a.id)], message: `${name}: augmented (${augmenters.map((a) => a.id).join(", ")}): +0.5`, ...verified });
    }
    if (reading === "with-recalled-items") {
      const combined = addedTo(history, t, "combination", () => false);
      if (combined.length > 0) {
        score += 0.5;
        items.push({ item: "combination", points: 0.5, trialIds: [t.trialId, ...combined.map((c) => c.id)], message: `${name}: combined with another antidepressant: +0.5 (recalled item, not verified)`, ...recalled });
      }
      if (t.duration.daysAtAdequateDose > minDays) {
        score += 0.5;
        items.push({ item: "duration-optimisation", points: 0.5, trialIds: [t.trialId], message: `${name}: continued beyond ${minWeeks} weeks at an adequate dose: +0.5 (recalled item, library reading, not verified)`, ...recalled });
      }
    }
  }
  if (options.ect === "any-course") {
    const given = courseOutcomes(history, assessment, "ect", rules).filter((c) => c.inCurrentEpisode || !rules.parameters.currentEpisodeOnly);
    if (given.length > 0) {
      score += 3;
      items.push({ item: "ect", points: 3, trialIds: given.map((c) => c.course.id), message: `ECT given (${given.map((c) => c.course.id).join(", ")}): +3 once (reading: any course)`, ...verified });
    }
  } else {
    for (const c of failedCourses(history, assessment, "ect", rules)) {
      score += 3;
      items.push({ item: "ect", points: 3, trialIds: [c.course.id], message: `ECT (${c.course.id}) failed: +3`, ...verified });
    }
  }
  return { model: "mgh-s", score, meetsRegisterThreshold: score >= 4, reading, items };
}
