/**
 * The classes the staging models name, from the catalogue's finer classes.
 *
 * @module
 */
import type { DrugClass } from "../catalogue/types";

/**
 * The classes of the Thase-Rush and European models: TCA, MAOI, SSRI, SNRI and "other" (and ECT,
 * a class of its own in the European model). Reversible MAO-A inhibitors (moclobemide) and
 * tetracyclics read as "other": the models' MAOI and TCA stages mean the classical agents.
 *
 * @example
 * stagingClass("NaSSA"); //=> "other"
 */
export type StagingClass = "SSRI" | "SNRI" | "TCA" | "MAOI" | "other";

/**
 * Maps a catalogue class to a staging class.
 *
 * @example
 * stagingClass("TCA"); //=> "TCA"
 */
export function stagingClass(drugClass: DrugClass | undefined): StagingClass {
  switch (drugClass) {
    case "SSRI":
    case "SNRI":
    case "TCA":
    case "MAOI":
      return drugClass;
    default:
      return "other";
  }
}
