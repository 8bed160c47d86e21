/**
 * Classification and the four staging models in one call: the rule set is resolved once and
 * shared by both.
 *
 * @module
 */
import { classifyResolved } from "../classify/classifyTrd";
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { ClassifyTrdOptions } from "../rules/resolveRuleSet";
import type { TreatmentHistory } from "../schema/history";
import { stageAll } from "./stageAll";
import type { StagingOptions } from "./stageAll";
import type { StagedAssessment } from "./types";

/**
 * Options for {@link classifyAndStage}: those of {@link classifyTrd}, plus options per staging
 * model. A misspelt model key is a type error.
 *
 * @example
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: ClassifyAndStageOptions = { asOf: "2024-06-01", staging: { maudsley: { durationReading: "whole-months" } } };
 * parsed.success ? classifyAndStage(parsed.data, options).staging.maudsley.items[0]?.message : undefined; //=> "Episode from 2024-01-01 to 2024-06-01: 152 days (5 whole months), acute (reading: acute <=12 whole months, sub-acute <=24)"
 */
export interface ClassifyAndStageOptions extends ClassifyTrdOptions {
  /** Options per staging model (each model's defaults when left out). */
  readonly staging?: StagingOptions;
}

/**
 * Classifies a validated history ({@link classifyTrd}) and stages it by Thase-Rush, the European
 * Staging Model, MGH-s and Maudsley ({@link stageAll}) under the same rule set.
 *
 * @param history - A history returned by {@link parseTreatmentHistory} (`data`).
 * @param options - As for {@link classifyTrd}, plus `staging` options per model.
 * @returns The assessment with a `staging` field.
 * @throws {@link TrdOptionsError} when `asOf`, the rule set or an override is invalid.
 * @example
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 *
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * if (parsed.success) {
 *   const result = classifyAndStage(parsed.data, { asOf: "2024-06-01" });
 *   result.status; //=> "no-response"
 *   result.staging.thaseRush.label; //=> "Stage II"
 * }
 */
export function classifyAndStage(history: TreatmentHistory, options: ClassifyAndStageOptions): StagedAssessment {
  const { staging, ...classifyOptions } = options;
  const resolved = resolveRuleSet(classifyOptions);
  const assessment = classifyResolved(history, resolved, options.asOf, options.resistantSince === true, options.countedSpans === true);
  return { ...assessment, staging: stageAll(history, assessment, staging, resolved.rules) };
}
