/**
 * The one constructor of reasons, so that every reason has the same shape.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import type { Comparison, Reason, ReasonCode, ReasonKind } from "./types";

/** Builds a reason; `citation` and `compared` are optional. */
export function reason(
  code: ReasonCode,
  kind: ReasonKind,
  message: string,
  trialIds: readonly string[],
  rule: string,
  citation?: Citation,
  compared?: Comparison,
): Reason {
  return {
    code,
    kind,
    message,
    trialIds,
    ...(compared === undefined ? {} : { compared }),
    rule,
    ...(citation === undefined ? {} : { source: citation.source, verification: citation.verification }),
  };
}
