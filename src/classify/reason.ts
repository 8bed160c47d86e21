/**
 * The one constructor of reasons, so that every reason has the same shape.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import type { ReasonCode, ReasonKind } from "./reasonCodes";
import type { RuleName } from "./ruleNames";
import type { Comparison, Reason } from "./types";

/**
 * Builds a reason; `citation` and `compared` are optional. Each combination is written out as one
 * literal (fields always in the same order), because this runs for every decision of every trial.
 */
export function reason(
  code: ReasonCode,
  kind: ReasonKind,
  message: string,
  trialIds: readonly string[],
  rule: RuleName,
  citation?: Citation,
  compared?: Comparison,
): Reason {
  if (citation === undefined) {
    return compared === undefined ? { code, kind, message, trialIds, rule } : { code, kind, message, trialIds, compared, rule };
  }
  const { source, verification } = citation;
  return compared === undefined
    ? { code, kind, message, trialIds, rule, source, verification }
    : { code, kind, message, trialIds, compared, rule, source, verification };
}
