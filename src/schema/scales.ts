/**
 * The symptom rating scales the input contract accepts, with the range of a valid total.
 * Thresholds that interpret a score (remission, severity bands) are rules, not input shape: see
 * `src/rules/scaleThresholds.ts`.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * Identifiers of the accepted rating scales, written as clinicians write them.
 *
 * @example
 * import { SCALES } from "trd-classifier";
 * const ids: ScaleId[] = Object.keys(SCALES) as ScaleId[];
 * ids; //=> ["PHQ-9", "MADRS", "HAM-D17", "QIDS-SR16", "BDI-II"]
 */
export type ScaleId = "PHQ-9" | "MADRS" | "HAM-D17" | "QIDS-SR16" | "BDI-II";

/**
 * A rating scale and the range of its total score.
 *
 * @example
 * import { SCALES } from "trd-classifier";
 * const phq9: ScaleDefinition = SCALES["PHQ-9"];
 * [phq9.min, phq9.max]; //=> [0, 27]
 */
export interface ScaleDefinition {
  /** The scale's identifier. */
  readonly id: ScaleId;
  /** Full name. */
  readonly name: string;
  /** Lowest possible total. */
  readonly min: number;
  /** Highest possible total. */
  readonly max: number;
  /** Who rates it. */
  readonly rater: "clinician" | "self";
  /** Where the range comes from. */
  readonly rangeSource: string;
}

/**
 * The accepted scales and their total-score ranges (research notes `clinical.md` §1.3.2; each
 * range is the sum of the scale's item maxima as published with the instrument).
 *
 * @example
 * SCALES["MADRS"].max; //=> 60
 */
export const SCALES: Readonly<Record<ScaleId, ScaleDefinition>> = deepFreeze({
  "PHQ-9": {
    id: "PHQ-9",
    name: "Patient Health Questionnaire-9",
    min: 0,
    max: 27,
    rater: "self",
    rangeSource: "Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-613",
  },
  MADRS: {
    id: "MADRS",
    name: "Montgomery-Åsberg Depression Rating Scale",
    min: 0,
    max: 60,
    rater: "clinician",
    rangeSource: "Montgomery SA, Åsberg M. Br J Psychiatry 1979;134:382-389 (10 items scored 0-6)",
  },
  "HAM-D17": {
    id: "HAM-D17",
    name: "Hamilton Rating Scale for Depression, 17 items",
    min: 0,
    max: 52,
    rater: "clinician",
    rangeSource: "Hamilton M. J Neurol Neurosurg Psychiatry 1960;23:56-62; range as tabulated by Rush et al. 2003",
  },
  "QIDS-SR16": {
    id: "QIDS-SR16",
    name: "Quick Inventory of Depressive Symptomatology, Self-Report, 16 items",
    min: 0,
    max: 27,
    rater: "self",
    rangeSource: "Rush AJ et al. Biol Psychiatry 2003;54:573-583",
  },
  "BDI-II": {
    id: "BDI-II",
    name: "Beck Depression Inventory-II",
    min: 0,
    max: 63,
    rater: "self",
    rangeSource: "Beck AT, Steer RA, Brown GK. BDI-II manual, 1996 (21 items scored 0-3)",
  },
});

/**
 * Every accepted scale identifier, in a fixed order.
 *
 * @example
 * SCALE_IDS.includes("PHQ-9"); //=> true
 */
export const SCALE_IDS: readonly ScaleId[] = deepFreeze(["PHQ-9", "MADRS", "HAM-D17", "QIDS-SR16", "BDI-II"]);
