/**
 * European Staging Model (Souery et al. 1999).
 *
 * @module
 */
import type { TrdAssessment } from "../classify/types";
import { daysBetween } from "../internal/dates";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import { MIN_WEEKS_AT_ADEQUATE_DOSE, failedAntidepressantTrials, failedCourses, rulesOf } from "./courses";
import { stagingClass } from "./modelClass";
import type { EuropeanStage, StagingItem } from "./types";

/**
 * Options for {@link stageEuropean}.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageEuropean } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: StageEuropeanOptions = { minWeeks: 8 };
 * parsed.success ? stageEuropean(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" }), options).stage : undefined; //=> "TRD1"
 */
export interface StageEuropeanOptions {
  /**
   * How TRD1-TRD5 is assigned. `trial-count` (default): TRD1 = 2 failed trials ... TRD5 = 6 or
   * more; the published week ranges (12-16 ... 36-52) are those counts times 6-8 weeks.
   * `duration`: the highest level whose lower bound (12, 18, 24, 30, 36 weeks) the weeks at an
   * adequate dose of the failed trials reach.
   */
  readonly reading?: "trial-count" | "duration";
  /** Weeks at an adequate dose a trial needs to count (default 6; the model says 6-8). */
  readonly minWeeks?: number;
  /** The rule set to judge ECT outcomes by (default: the assessment's). */
  readonly rules?: RuleSet;
}

const LOWER_WEEKS = [12, 18, 24, 30, 36] as const;
const LEVELS = ["TRD1", "TRD2", "TRD3", "TRD4", "TRD5"] as const;

/**
 * Stages a history by the European Staging Model: `non-responder` after one failed adequate
 * trial (6-8 weeks); `TRD1`-`TRD5` after two or more failed trials in different classes (ECT is a
 * class); `CRD`, chronic resistant depression, when resistance has lasted 12 months or more.
 *
 * @param history - The validated history.
 * @param assessment - `classifyTrd`'s result for it.
 * @param options - Reading of the TRD levels, minimum weeks.
 * @returns The stage with its counts and items.
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageEuropean } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const european = parsed.success ? stageEuropean(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" })) : undefined;
 * [european?.stage, european?.failedTrials, european?.distinctClasses, european?.weeksOfResistance]; //=> ["TRD1", 2, 2, 17.6]
 */
export function stageEuropean(history: TreatmentHistory, assessment: TrdAssessment, options: StageEuropeanOptions = {}): EuropeanStage {
  const reading = options.reading ?? "trial-count";
  const minWeeks = options.minWeeks ?? MIN_WEEKS_AT_ADEQUATE_DOSE;
  const rules = rulesOf(assessment, options.rules);
  const items: StagingItem[] = [];
  const souery = { source: "souery-1999", verification: "secondary" } as const;
  const hagg = { source: "hagg-2020", verification: "primary" } as const;

  const failures: { id: string; start: string; end: string; cls: string; agent: string; weeks: number }[] = [];
  for (const t of failedAntidepressantTrials(assessment)) {
    if (t.duration.weeksAtAdequateDose < minWeeks) {
      items.push({ item: "too-short", points: 0, trialIds: [t.trialId], message: `${t.drugName ?? t.trialId} (${t.trialId}): ${t.duration.weeksAtAdequateDose} weeks at an adequate dose; the model needs ${minWeeks}`, ...souery });
      continue;
    }
    failures.push({ id: t.trialId, start: t.start, end: t.end, cls: stagingClass(t.drugClass), agent: t.drugId ?? t.trialId, weeks: t.duration.weeksAtAdequateDose });
  }
  for (const c of failedCourses(history, assessment, "ect", rules)) {
    failures.push({ id: c.course.id, start: c.course.start, end: c.end, cls: "ECT", agent: `ect:${c.course.id}`, weeks: Math.round(((daysBetween(c.course.start, c.end) + 1) / 7) * 10) / 10 });
  }
  const agents = new Set(failures.map((f) => f.agent));
  const classes = new Set(failures.map((f) => f.cls));
  const n = agents.size;
  const weeks = Math.round(failures.reduce((sum, f) => sum + f.weeks, 0) * 10) / 10;
  const ids = failures.map((f) => f.id);
  for (const f of failures) items.push({ item: "failed-trial", points: 1, trialIds: [f.id], message: `${f.id} (${f.cls}) failed after ${f.weeks} weeks at an adequate dose`, ...souery });

  let stage: EuropeanStage["stage"];
  if (n === 0) stage = "none";
  else if (n === 1 || classes.size < 2) {
    stage = "non-responder";
    items.push({ item: "non-responder", points: n, trialIds: ids, message: n === 1 ? "One failed adequate trial: non-responder" : `${n} failed trials but all in one class (${[...classes].join(", ")}); TRD needs two classes`, ...souery });
  } else {
    const level = reading === "trial-count" ? Math.min(n - 1, 5) : Math.max(1, LOWER_WEEKS.filter((w) => weeks >= w).length);
    stage = LEVELS[level - 1] ?? "TRD5";
    items.push({
      item: stage,
      points: level,
      trialIds: ids,
      message: reading === "trial-count" ? `${n} failed trials in ${classes.size} classes: ${stage} (reading: level by trial count)` : `${weeks} weeks of resistance: ${stage} (reading: level by weeks; bounds 12/18/24/30/36)`,
      ...hagg,
    });
    const first = failures.reduce((a, b) => (b.start < a.start ? b : a));
    const last = failures.reduce((a, b) => (b.end > a.end ? b : a));
    const span = daysBetween(first.start, last.end) + 1;
    if (span >= 365) {
      stage = "CRD";
      items.push({ item: "CRD", points: 6, trialIds: ids, message: `Resistance over ${Math.floor(span / 30.44)} months (${first.start} to ${last.end}): chronic resistant depression (12 months or more)`, ...souery });
    }
  }
  if (n === 0) items.push({ item: "none", points: 0, trialIds: [], message: "No failed adequate trial", ...souery });
  return { model: "european", stage, failedTrials: n, distinctClasses: classes.size, weeksOfResistance: weeks, reading, items };
}
