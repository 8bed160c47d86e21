/**
 * Remission cut-offs per rating scale, with their sources. Remission is judged on the endpoint
 * score itself; response and partial response on the percentage change from baseline.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { ScaleId } from "../schema/scales";

/**
 * A remission rule: the endpoint total must be at or below `maxTotal`.
 *
 * @example
 * const madrs: RemissionThreshold = REMISSION_THRESHOLDS.MADRS;
 * [madrs.maxTotal, madrs.source]; //=> [10, "sforzini-2022-summary"]
 */
export interface RemissionThreshold extends Citation {
  /** Highest total that counts as remission (inclusive). */
  readonly maxTotal: number;
}

/**
 * Remission cut-offs: HAM-D17 <=7, MADRS <=10, QIDS-SR16 <=5, PHQ-9 <5 (so <=4), BDI-II <=13.
 *
 * @example
 * REMISSION_THRESHOLDS["PHQ-9"].maxTotal; //=> 4
 */
export const REMISSION_THRESHOLDS: Readonly<Record<ScaleId, RemissionThreshold>> = deepFreeze({
  "HAM-D17": { maxTotal: 7, source: "trivedi-2006", verification: "primary", note: "STAR*D primary remission criterion (HAM-D17 <=7)." },
  MADRS: {
    maxTotal: 10,
    source: "sforzini-2022-summary",
    verification: "secondary",
    note: "MADRS <=10, the most common cut-off; Hawley 2002 proposes <10 and Zimmerman 2004 finds <=10-11 equivalent to HAM-D17 <=7.",
  },
  "QIDS-SR16": { maxTotal: 5, source: "trivedi-2006", verification: "primary", note: "STAR*D: QIDS-SR16 <=5 (less than 6)." },
  "PHQ-9": { maxTotal: 4, source: "cms159-ecqm", verification: "primary", note: "Remission is a PHQ-9 score of less than five." },
  "BDI-II": {
    maxTotal: 13,
    source: "beck-1996-bdi2-manual",
    verification: "secondary",
    note: "The manual's 'minimal' band (0-13); Riedel 2010 found <=12 optimal for the BDI (version not stated).",
  },
});

/**
 * Percentage improvement from `baseline` to `endpoint` on one scale (positive = better), rounded
 * to 10 decimal places so that exact boundaries such as 25% compare exactly. `undefined` when the
 * baseline is 0 (no improvement can be measured from a symptom-free baseline).
 *
 * @example
 * percentImprovement(28, 21); //=> 25
 */
export function percentImprovement(baseline: number, endpoint: number): number | undefined {
  if (baseline <= 0) return undefined;
  return Math.round(((baseline - endpoint) * 100 * 1e10) / baseline) / 1e10;
}
