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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const item: StagingItem | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging.mghs.items[0] : undefined;
 * item; //=> { item: "failed-trial", points: 1, trialIds: ["t1"], message: "sertraline (t1): failed adequate trial of at least 6 weeks: 1 point", source: "hagg-2020", verification: "primary" }
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const stage: ThaseRushStage | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging.thaseRush : undefined;
 * stage?.items.map((i) => i.message); //=> ["sertraline (t1, SSRI) failed: Stage I", "venlafaxine (t2, SNRI) failed in a class other than SSRI: Stage II"]
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const stage: EuropeanStage | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging.european : undefined;
 * stage?.items.map((i) => i.message); //=> ["t1 (SSRI) failed after 8.7 weeks at an adequate dose", "t2 (SNRI) failed after 8.9 weeks at an adequate dose", "2 failed trials in 2 classes: TRD1 (reading: level by trial count)"]
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const mghs: MghStagingScore | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging.mghs : undefined;
 * mghs?.items.map((i) => `${i.item} ${i.points}`); //=> ["failed-trial 1", "failed-trial 1"]
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const msm: MaudsleyScore | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging.maudsley : undefined;
 * msm?.dimensions; //=> { duration: 1, severity: 0, antidepressants: 1, augmentation: 0, ect: 0 }
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" } });
 * const models = parsed.success ? (Object.keys(classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging) as StagingModel[]) : [];
 * models; //=> ["thaseRush", "european", "mghs", "maudsley"]
 */
export type StagingModel = keyof StagingResults;

/**
 * All four models, as {@link stageAll} and `classifyAndStage` return them.
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
 * const s: StagingResults | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }).staging : undefined;
 * [s?.thaseRush.label, s?.european.stage, s?.mghs.score, s?.maudsley.score]; //=> ["Stage II", "TRD1", 2, 2]
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
 * import { classifyAndStage, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const staged: StagedAssessment | undefined = parsed.success ? classifyAndStage(parsed.data, { asOf: "2024-06-01" }) : undefined;
 * [staged?.status, staged?.staging.maudsley.band]; //=> ["no-response", "mild"]
 */
export interface StagedAssessment extends TrdAssessment {
  /** The four staging models under the assessment's rule set. */
  readonly staging: StagingResults;
}
