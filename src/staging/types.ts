/**
 * Shapes of the staging models' results.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import type { TrdAssessment } from "../classify/types";

/**
 * One scored item of a staging model: what earned (or did not earn) points or a stage, from
 * which trials or courses, under which rule and source.
 *
 * @example
 * const item: StagingItem = {
 *   item: "failed-trial", points: 1, trialIds: ["t1"],
 *   message: "fluoxetine (t1): failed adequate antidepressant trial of >=6 weeks: 1 point",
 *   source: "hagg-2020", verification: "primary",
 * };
 */
export interface StagingItem {
  /** The model's item (a stage step, a scored dimension). */
  readonly item: string;
  /** Points earned, for scored models; the stage reached, for staged ones. */
  readonly points: number;
  /** The trials or treatment courses that earned it. */
  readonly trialIds: readonly string[];
  /** One plain sentence. */
  readonly message: string;
  /** The source of the rule. */
  readonly source: SourceId;
  /** How well it was verified. */
  readonly verification: Verification;
}

/**
 * Thase-Rush stage.
 *
 * @example
 * const r: ThaseRushStage = { model: "thase-rush", stage: 2, label: "Stage II", reading: "sequential", items: [] };
 */
export interface ThaseRushStage {
  /** Which model. */
  readonly model: "thase-rush";
  /** 0 (no failed adequate trial) to 5. */
  readonly stage: 0 | 1 | 2 | 3 | 4 | 5;
  /** Roman numeral label. */
  readonly label: string;
  /** The reading of the Stage III ambiguity used. */
  readonly reading: "sequential" | "tca-at-stage-ii-counts";
  /** What earned each step. */
  readonly items: readonly StagingItem[];
}

/**
 * European Staging Model stage.
 *
 * @example
 * const r: EuropeanStage = { model: "european", stage: "TRD1", failedTrials: 2, distinctClasses: 2, weeksOfResistance: 16, reading: "trial-count", items: [] };
 */
export interface EuropeanStage {
  /** Which model. */
  readonly model: "european";
  /** `none`, `non-responder` (one failure), `TRD1`-`TRD5`, or `CRD` (chronic resistant depression). */
  readonly stage: "none" | "non-responder" | "TRD1" | "TRD2" | "TRD3" | "TRD4" | "TRD5" | "CRD";
  /** Failed adequate trials (antidepressants of >=6 weeks, plus failed ECT). */
  readonly failedTrials: number;
  /** Distinct classes among them (ECT is a class). */
  readonly distinctClasses: number;
  /** Weeks at an adequate dose summed over the failed trials. */
  readonly weeksOfResistance: number;
  /** How TRD1-5 was assigned. */
  readonly reading: "trial-count" | "duration";
  /** What earned the stage. */
  readonly items: readonly StagingItem[];
}

/**
 * MGH staging score.
 *
 * @example
 * const r: MghStagingScore = { model: "mgh-s", score: 7, meetsRegisterThreshold: true, reading: "verified-items", items: [] };
 */
export interface MghStagingScore {
  /** Which model. */
  readonly model: "mgh-s";
  /** The total, a continuous score with no bands. */
  readonly score: number;
  /** Whether the score reaches the register adaptation's TRD threshold (>=4, Hägg 2020). */
  readonly meetsRegisterThreshold: boolean;
  /** Which half-point items were scored. */
  readonly reading: "verified-items" | "with-recalled-items";
  /** Points per trial and item. */
  readonly items: readonly StagingItem[];
}

/**
 * Maudsley Staging Method score.
 *
 * @example
 * const r: MaudsleyScore = {
 *   model: "maudsley", score: 9, band: "moderate",
 *   dimensions: { duration: 2, severity: 4, antidepressants: 2, augmentation: 1, ect: 0 },
 *   incomplete: [], items: [],
 * };
 */
export interface MaudsleyScore {
  /** Which model. */
  readonly model: "maudsley";
  /** The total (3-15; 2 when no antidepressant has failed, which the method does not define). */
  readonly score: number;
  /** mild 3-6, moderate 7-10, severe 11-15. */
  readonly band: "mild" | "moderate" | "severe";
  /** Points per dimension. */
  readonly dimensions: { readonly duration: number; readonly severity: number; readonly antidepressants: number; readonly augmentation: number; readonly ect: number };
  /** Dimensions that could not be scored from the history (scored 0): severity with no grading or score, antidepressants with no failure. */
  readonly incomplete: readonly ("severity" | "antidepressants")[];
  /** How each dimension was scored. */
  readonly items: readonly StagingItem[];
}

/**
 * The names of the staging models: the keys of {@link StagingResults} and of `StagingOptions`.
 *
 * @example
 * const model: StagingModel = "maudsley";
 */
export type StagingModel = keyof StagingResults;

/**
 * All four models, as {@link stageAll} and `classifyAndStage` return them.
 *
 * @example
 * declare const s: StagingResults;
 * console.log(s.thaseRush.label, s.european.stage, s.mghs.score, s.maudsley.score);
 */
export interface StagingResults {
  /** Thase-Rush. */
  readonly thaseRush: ThaseRushStage;
  /** European Staging Model. */
  readonly european: EuropeanStage;
  /** MGH staging method. */
  readonly mghs: MghStagingScore;
  /** Maudsley Staging Method. */
  readonly maudsley: MaudsleyScore;
}

/**
 * An assessment with the four staging models, as `classifyAndStage` returns it.
 *
 * @example
 * declare const staged: StagedAssessment;
 * console.log(staged.status, staged.staging.maudsley.band);
 */
export interface StagedAssessment extends TrdAssessment {
  /** The four staging models under the assessment's rule set. */
  readonly staging: StagingResults;
}
