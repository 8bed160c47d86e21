/**
 * Whether an outcome is a failure of the treatment under a rule set.
 *
 * @module
 */
import type { ImprovementBand } from "./categoriseImprovement";
import type { RuleSetParameters } from "./types";

/**
 * True when an outcome fails the treatment: non-response always, partial response when the rule
 * set counts it as a failure; response, remission and an unknown outcome never.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * isFailedOutcome("partial-response", getRuleSet("eu-pearl-2022").parameters); //=> true
 * isFailedOutcome("response", getRuleSet("eu-pearl-2022").parameters); //=> false
 */
export function isFailedOutcome(category: ImprovementBand | "remission" | "unknown", parameters: Pick<RuleSetParameters, "partialResponseCountsAsFailure">): boolean {
  return category === "non-response" || (category === "partial-response" && parameters.partialResponseCountsAsFailure);
}
