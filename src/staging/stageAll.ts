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
 * const o: StagingOptions = { thaseRush: { reading: "sequential" }, maudsley: { durationReading: "whole-months" } };
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
 * import { classifyTrd, stageAll } from "trd-classifier";
 * declare const history: import("trd-classifier").TreatmentHistory;
 * const stages = stageAll(history, classifyTrd(history, { asOf: "2024-06-30" }));
 * console.log(stages.maudsley.band);
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
