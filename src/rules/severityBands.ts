/**
 * Severity bands per rating scale, as the Maudsley Staging Method's severity item uses them.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { ScaleId } from "../schema/scales";

/**
 * A severity category in the Maudsley Staging Method's terms (before psychosis is considered).
 *
 * @example
 * const category: SeverityCategory = severityBand("PHQ-9", 12).category;
 * category; //=> "moderate"
 */
export type SeverityCategory = "subsyndromal" | "mild" | "moderate" | "severe";

/**
 * A scale's bands: each `from` is the lowest total of the band, in ascending order.
 *
 * @example
 * const phq9: SeverityBands = SEVERITY_BANDS["PHQ-9"];
 * phq9.bands.map((b) => b.from); //=> [0, 5, 10, 15, 20]
 */
export interface SeverityBands extends Citation {
  /** Bands in ascending order of `from`. */
  readonly bands: readonly { readonly from: number; readonly label: string; readonly category: SeverityCategory }[];
}

/**
 * Severity bands of each scale (research notes clinical.md §1.3.2). A score below the mild band
 * during a depressive episode reads as subsyndromal; PHQ-9 "moderately severe" (15-19) reads as
 * moderate and HAM-D17 / QIDS-SR16 "very severe" as severe (this library's reading, stated in
 * the reasons).
 *
 * @example
 * SEVERITY_BANDS["MADRS"].bands.map((b) => b.from); //=> [0, 7, 20, 35]
 */
export const SEVERITY_BANDS: Readonly<Record<ScaleId, SeverityBands>> = /* @__PURE__ */ deepFreeze({
  "HAM-D17": {
    bands: [
      { from: 0, label: "none", category: "subsyndromal" },
      { from: 8, label: "mild", category: "mild" },
      { from: 14, label: "moderate", category: "moderate" },
      { from: 20, label: "severe", category: "severe" },
      { from: 26, label: "very severe", category: "severe" },
    ],
    source: "rush-2003-qids",
    verification: "primary",
  },
  MADRS: {
    bands: [
      { from: 0, label: "absent", category: "subsyndromal" },
      { from: 7, label: "mild", category: "mild" },
      { from: 20, label: "moderate", category: "moderate" },
      { from: 35, label: "severe", category: "severe" },
    ],
    source: "snaith-1986-madrs-bands",
    verification: "secondary",
  },
  "QIDS-SR16": {
    bands: [
      { from: 0, label: "none", category: "subsyndromal" },
      { from: 6, label: "mild", category: "mild" },
      { from: 11, label: "moderate", category: "moderate" },
      { from: 16, label: "severe", category: "severe" },
      { from: 21, label: "very severe", category: "severe" },
    ],
    source: "rush-2003-qids",
    verification: "primary",
  },
  "PHQ-9": {
    bands: [
      { from: 0, label: "none", category: "subsyndromal" },
      { from: 5, label: "mild", category: "mild" },
      { from: 10, label: "moderate", category: "moderate" },
      { from: 15, label: "moderately severe", category: "moderate" },
      { from: 20, label: "severe", category: "severe" },
    ],
    source: "kroenke-2001",
    verification: "primary",
  },
  "BDI-II": {
    bands: [
      { from: 0, label: "minimal", category: "subsyndromal" },
      { from: 14, label: "mild", category: "mild" },
      { from: 20, label: "moderate", category: "moderate" },
      { from: 29, label: "severe", category: "severe" },
    ],
    source: "beck-1996-bdi2-manual",
    verification: "secondary",
  },
});

/**
 * The band a total falls in on a scale.
 *
 * @example
 * severityBand("PHQ-9", 17).label; //=> "moderately severe"
 */
export function severityBand(scale: ScaleId, total: number): { readonly from: number; readonly label: string; readonly category: SeverityCategory } {
  const { bands } = SEVERITY_BANDS[scale];
  let found = bands[0];
  for (const band of bands) if (total >= band.from) found = band;
  if (found === undefined) throw new Error(`severityBand: no bands for ${scale}`);
  return found;
}
