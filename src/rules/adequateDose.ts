/**
 * The minimum adequate daily dose for an agent under a rule set, for a patient of a given age.
 *
 * @module
 */
import type { AgeDoseCap, Citation, DoseTableId, DrugEntry } from "../catalogue/types";

/**
 * The threshold a trial's dose is compared with, or why there is none.
 *
 * @example
 * const citalopram = findDrug("citalopram");
 * const threshold: DoseThreshold | undefined = citalopram === undefined ? undefined : adequateDose(citalopram, { table: "licensed-minimum", fallback: [], ageYears: 70 });
 * threshold?.status === "found" ? [threshold.mgPerDay, threshold.table, threshold.citation.source] : threshold?.status; //=> [20, "licensed-minimum", "citalopram-uk-smpc"]
 */
export type DoseThreshold =
  | {
      readonly status: "found";
      /** The threshold applied, after any age cap. */
      readonly mgPerDay: number;
      /** The table's value before any age cap. */
      readonly baseMgPerDay: number;
      /** The table the value came from. */
      readonly table: DoseTableId;
      /** Set when the rule set's own table had no value and a fallback table was used. */
      readonly fallbackFrom?: DoseTableId;
      /** The citation of the table value. */
      readonly citation: Citation;
      /** The age cap that lowered the threshold, when one did. */
      readonly ageCap?: AgeDoseCap;
    }
  | { readonly status: "none"; readonly tablesTried: readonly DoseTableId[] };

/**
 * Options for {@link adequateDose}.
 *
 * @example
 * const options: AdequateDoseOptions = { table: "maudsley-med", fallback: ["licensed-minimum"], ageYears: 40 };
 * const found = adequateDose(findDrug("vortioxetine")!, options);
 * found.status === "found" ? [found.table, found.fallbackFrom, found.mgPerDay] : found.status; //=> ["maudsley-med", undefined, 10]
 */
export interface AdequateDoseOptions {
  /** The rule set's dose table. */
  readonly table: DoseTableId;
  /** Tables tried in order when `table` has no value. */
  readonly fallback: readonly DoseTableId[];
  /** The patient's age in whole years at the trial, when known. */
  readonly ageYears?: number | undefined;
}

type FoundThreshold = Extract<DoseThreshold, { status: "found" }>;

/** The citation of a table value (the value without its dose), built once per catalogue value. */
const citations = new WeakMap<object, Citation>();
function citationOf(value: { readonly mgPerDay: number } & Citation): Citation {
  let citation = citations.get(value);
  if (citation === undefined) {
    const { mgPerDay: _dose, ...rest } = value;
    citation = Object.freeze(rest);
    citations.set(value, citation);
  }
  return citation;
}

/**
 * Looks up the minimum adequate daily dose of an agent: the rule set's table first, then its
 * fallbacks, then lowered to any age cap that applies (a classifier never requires a dose above
 * the maximum recommended for the patient's age; citalopram, for example, at most 20 mg/day over
 * 60).
 *
 * @param drug - The catalogue entry.
 * @param options - Table, fallbacks and age.
 * @returns The threshold with its citation, or `{ status: "none" }`.
 * @example
 * import { findDrug } from "trd-classifier";
 * const threshold = adequateDose(findDrug("nortriptyline")!, { table: "licensed-minimum", fallback: [], ageYears: 70 });
 * threshold.status === "found" ? [threshold.mgPerDay, threshold.baseMgPerDay, threshold.ageCap?.olderThanYears] : undefined; //=> [50, 75, 64]
 */
export function adequateDose(drug: DrugEntry, options: AdequateDoseOptions): DoseThreshold {
  // The rule set's table, then each fallback not tried before (index -1 is the rule set's own).
  const { fallback } = options;
  for (let i = -1; i < fallback.length; i++) {
    const table = i < 0 ? options.table : (fallback[i] as DoseTableId);
    if (i >= 0 && (table === options.table || fallback.indexOf(table) < i)) continue;
    const value = drug.minimumDose[table];
    if (value === undefined) continue;
    const mgPerDay = value.mgPerDay;
    const citation = citationOf(value);
    let threshold = mgPerDay;
    let cap: AgeDoseCap | undefined;
    if (options.ageYears !== undefined) {
      for (const candidate of drug.ageCaps) {
        if (options.ageYears > candidate.olderThanYears && candidate.maxMgPerDay < threshold) {
          threshold = candidate.maxMgPerDay;
          cap = candidate;
        }
      }
    }
    const found: { -readonly [K in keyof FoundThreshold]: FoundThreshold[K] } = { status: "found", mgPerDay: threshold, baseMgPerDay: mgPerDay, table, citation };
    if (table !== options.table) found.fallbackFrom = options.table;
    if (cap !== undefined) found.ageCap = cap;
    return found;
  }
  const tried = [options.table];
  for (const table of fallback) if (!tried.includes(table)) tried.push(table);
  return { status: "none", tablesTried: tried };
}
