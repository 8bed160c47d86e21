/**
 * From a percentage improvement to an outcome band.
 *
 * @module
 */
import type { RuleSetParameters } from "./types";

/**
 * The band a percentage improvement falls in, before remission is considered.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const band: ImprovementBand = categoriseImprovement(30, getRuleSet("eu-pearl-2022").parameters);
 * band; //=> "partial-response"
 */
export type ImprovementBand = "non-response" | "partial-response" | "response";

/**
 * Places a percentage improvement in its band under a rule set's thresholds: below
 * `nonResponseBelowPercent` (or at it, when `nonResponseInclusive`) is non-response; at or above
 * `responsePercent` is response; in between is partial response.
 *
 * @param percent - Improvement from baseline in percent.
 * @param parameters - The thresholds.
 * @returns The band.
 * @example
 * import { getRuleSet } from "trd-classifier";
 * categoriseImprovement(25, getRuleSet("eu-pearl-2022").parameters); //=> "partial-response"
 * categoriseImprovement(25, getRuleSet("regulatory").parameters); //=> "non-response"
 */
export function categoriseImprovement(
  percent: number,
  parameters: Pick<RuleSetParameters, "nonResponseBelowPercent" | "nonResponseInclusive" | "responsePercent">,
): ImprovementBand {
  const cut = parameters.nonResponseBelowPercent;
  if (percent < cut || (parameters.nonResponseInclusive && percent === cut)) return "non-response";
  if (percent >= parameters.responsePercent) return "response";
  return "partial-response";
}
