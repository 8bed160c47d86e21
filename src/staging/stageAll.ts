/**
 * All four staging models at once.
 *
 * @module
 */
import type { TrdAssessment } from "../classify/types";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import { scoreMaudsley } from "./scoreMaudsley";
import type { ScoreMaudsleyOptions } from "./scoreMaudsley";
import { scoreMghStaging } from "./scoreMghStaging";
import type { ScoreMghStagingOptions } from "./scoreMghStaging";
import { stageEuropean } from "./stageEuropean";
import type { StageEuropeanOptions } from "./stageEuropean";
import { stageThaseRush } from "./stageThaseRush";
import type { StageThaseRushOptions } from "./stageThaseRush";
import type { StagingResults } from "./types";

/**
 * Options for each model when staging with {@link stageAll} or `classifyAndStage`; its keys are
 * exactly the staging models (`StagingModel`), so a misspelt model is a type error.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageAll } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: StagingOptions = { thaseRush: { reading: "tca-at-stage-ii-counts" }, european: { reading: "duration" } };
 * const stages = parsed.success ? stageAll(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" }), options) : undefined;
 * [stages?.thaseRush.reading, stages?.european.reading]; //=> ["tca-at-stage-ii-counts", "duration"]
 */
export interface StagingOptions {
  /** Thase-Rush options. */
  readonly thaseRush?: Omit<StageThaseRushOptions, "rules">;
  /** European Staging Model options. */
  readonly european?: Omit<StageEuropeanOptions, "rules">;
  /** MGH-s options. */
  readonly mghs?: Omit<ScoreMghStagingOptions, "rules">;
  /** Maudsley options. */
  readonly maudsley?: Omit<ScoreMaudsleyOptions, "rules">;
}

/**
 * Runs the four staging models on one classified history.
 *
 * @param history - The validated history.
 * @param assessment - `classifyTrd`'s result for it.
 * @param options - Per-model options.
 * @param rules - The effective rule set (default: rebuilt from the assessment).
 * @returns The four results.
 * @example
 * import { classifyTrd, parseTreatmentHistory, stageAll } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const stages = parsed.success ? stageAll(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" })) : undefined;
 * [stages?.thaseRush.label, stages?.european.stage, stages?.mghs.score, stages?.maudsley.band]; //=> ["Stage II", "TRD1", 2, "mild"]
 */
export function stageAll(history: TreatmentHistory, assessment: TrdAssessment, options: StagingOptions = {}, rules?: RuleSet): StagingResults {
  const withRules = <T extends object>(o: T | undefined): T & { rules?: RuleSet } => ({ ...(o ?? ({} as T)), ...(rules === undefined ? {} : { rules }) });
  return {
    thaseRush: stageThaseRush(history, assessment, withRules(options.thaseRush)),
    european: stageEuropean(history, assessment, withRules(options.european)),
    mghs: scoreMghStaging(history, assessment, withRules(options.mghs)),
    maudsley: scoreMaudsley(history, assessment, withRules(options.maudsley)),
  };
}
