/**
 * Thase-Rush staging (Thase & Rush 1997).
 *
 * @module
 */
import type { TrdAssessment } from "../classify/types";
import { byTime } from "../internal/chronological";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import { failedAntidepressantTrials, failedCourses, rulesOf } from "./courses";
import { stagingClass } from "./modelClass";
import type { StagingClass } from "./modelClass";
import type { StagingItem, ThaseRushStage } from "./types";

/**
 * Options for {@link stageThaseRush}.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageThaseRush } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: StageThaseRushOptions = { reading: "tca-at-stage-ii-counts" };
 * parsed.success ? stageThaseRush(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" }), options).reading : undefined; //=> "tca-at-stage-ii-counts"
 */
export interface StageThaseRushOptions {
  /**
   * How to read a TCA that fails at the Stage II position (for example SSRI, then TCA).
   * `sequential` (default): the model as written; Stage III needs a TCA failure *after* Stage II,
   * so that TCA gives Stage II only. `tca-at-stage-ii-counts`: that TCA also satisfies Stage III
   * (an extension the source does not support; the reasons say when it was used).
   */
  readonly reading?: "sequential" | "tca-at-stage-ii-counts";
  /** The rule set to judge ECT outcomes by (default: the assessment's). */
  readonly rules?: RuleSet;
}

const LABELS = ["Stage 0", "Stage I", "Stage II", "Stage III", "Stage IV", "Stage V"] as const;
const cite = { source: "thase-rush-1997", verification: "secondary" } as const;

/**
 * Stages a history by Thase and Rush (1997): I, failure of one adequate trial of a major class;
 * II, then a failure in a totally different class; III, then a failed TCA; IV, then a failed MAOI;
 * V, then a failed course of bilateral ECT. Walks the classifier's failed adequate antidepressant
 * trials (and failed ECT courses) in time order. Augmentation is not part of the model.
 *
 * @param history - The validated history.
 * @param assessment - `classifyTrd`'s result for it (adequacy is decided once, there).
 * @param options - The reading of the Stage III ambiguity.
 * @returns The stage with the trials that earned each step.
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageThaseRush } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const stage = parsed.success ? stageThaseRush(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" })) : undefined;
 * [stage?.stage, stage?.label]; //=> [2, "Stage II"]
 */
export function stageThaseRush(history: TreatmentHistory, assessment: TrdAssessment, options: StageThaseRushOptions = {}): ThaseRushStage {
  const reading = options.reading ?? "sequential";
  const rules = rulesOf(assessment, options.rules);
  type Event = { start: string; end: string; id: string; kind: "drug"; cls: StagingClass; name: string } | { start: string; end: string; id: string; kind: "ect"; bilateral: boolean };
  const events: Event[] = [
    ...failedAntidepressantTrials(assessment).map((t) => ({ start: t.start, end: t.end, id: t.trialId, kind: "drug" as const, cls: stagingClass(t.drugClass), name: t.drugName ?? t.trialId })),
    ...failedCourses(history, assessment, "ect", rules).map((c) => ({ start: c.course.start, end: c.end, id: c.course.id, kind: "ect" as const, bilateral: c.course.kind === "ect" && c.course.laterality === "bilateral" })),
  ].sort(byTime);

  const items: StagingItem[] = [];
  let stage = 0 as ThaseRushStage["stage"];
  let firstClass: StagingClass | undefined;
  const step = (to: ThaseRushStage["stage"], id: string, message: string): void => {
    stage = to;
    items.push({ item: `stage-${to}`, points: to, trialIds: [id], message: `${message}: ${LABELS[to]}`, ...cite });
  };
  for (const e of events) {
    if (e.kind === "ect") {
      if (stage === 4 && e.bilateral) step(5, e.id, `bilateral ECT (${e.id}) failed after Stage IV`);
      else items.push({ item: "ect-not-staged", points: stage, trialIds: [e.id], message: `ECT (${e.id}) failed but does not advance the stage (${e.bilateral ? "Stage V needs Stage IV first" : "Stage V needs bilateral ECT"})`, ...cite });
      continue;
    }
    const what = `${e.name} (${e.id}, ${e.cls})`;
    if (stage === 0) {
      firstClass = e.cls;
      step(1, e.id, `${what} failed`);
    } else if (stage === 1 && e.cls !== firstClass) {
      if (e.cls === "TCA" && reading === "tca-at-stage-ii-counts") {
        step(3, e.id, `${what} failed in a different class and is a TCA (reading: a TCA at Stage II also counts for Stage III)`);
      } else step(2, e.id, `${what} failed in a class other than ${firstClass ?? "the first"}`);
    } else if (stage === 2 && e.cls === "TCA") step(3, e.id, `${what} failed after Stage II`);
    else if (stage === 3 && e.cls === "MAOI") step(4, e.id, `${what} failed after Stage III`);
    else {
      const needed = stage === 1 ? `a class other than ${firstClass ?? "the first"}` : stage === 2 ? "a TCA" : stage === 3 ? "an MAOI" : "bilateral ECT";
      items.push({ item: "not-staged", points: stage, trialIds: [e.id], message: `${what} failed but does not advance ${LABELS[stage]} (the next stage needs ${needed})`, ...cite });
    }
  }
  if (events.length === 0) items.push({ item: "stage-0", points: 0, trialIds: [], message: "No failed adequate antidepressant trial: Stage 0", ...cite });
  return { model: "thase-rush", stage, label: LABELS[stage], reading, items };
}
