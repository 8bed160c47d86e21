/**
 * The minimum adequate daily dose for an agent under a rule set, for a patient of a given age.
 *
 * @module
 */
import type { CatalogueAgent } from "../catalogue/agents";
import type { AgeDoseCap, Citation, DoseTableId, Impairment, ImpairmentLimit, ImpairmentSeverity } from "../catalogue/types";

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
      /** The table the value came from, or `adequacy-model`: the agent's own adequacy rule in the catalogue. */
      readonly table: DoseTableId | "adequacy-model";
      /** Set when the rule set's own table had no value and a fallback table was used. */
      readonly fallbackFrom?: DoseTableId;
      /** The citation of the table value. */
      readonly citation: Citation;
      /** The age cap that lowered the threshold, when one did. */
      readonly ageCap?: AgeDoseCap;
      /** The hepatic or renal limit that lowered the threshold, when one did. */
      readonly impairmentLimit?: ImpairmentLimit;
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
  /** Hepatic or renal impairment on record, with its severity where recorded. */
  readonly impairments?: Readonly<Partial<Record<Impairment, ImpairmentSeverity | "unknown">>>;
}

/**
 * The lowest threshold a label's impairment limits allow, for the impairments of known severity:
 * a stated maximum caps it, a fraction of the usual dose scales it ("not recommended" does not
 * change it; the classifier reports it).
 */
function impairmentCap(drug: CatalogueAgent, threshold: number, impairments: AdequateDoseOptions["impairments"]): { mgPerDay: number; limit: ImpairmentLimit } | undefined {
  let best: { mgPerDay: number; limit: ImpairmentLimit } | undefined;
  for (const limit of drug.impairmentLimits ?? []) {
    const severity = impairments?.[limit.impairment];
    if (severity === undefined || severity === "unknown" || !limit.severities.includes(severity)) continue;
    const l = limit.limit;
    const capped = l.kind === "max-mg-per-day" ? Math.min(threshold, l.mgPerDay) : l.kind === "fraction-of-dose" ? Math.round(threshold * l.fraction * 1000) / 1000 : threshold;
    if (capped < (best?.mgPerDay ?? threshold)) best = { mgPerDay: capped, limit };
  }
  return best;
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
 * const threshold = adequateDose(findDrug("trimipramine")!, { table: "licensed-minimum", fallback: [], ageYears: 70 });
 * threshold.status === "found" ? [threshold.mgPerDay, threshold.baseMgPerDay, threshold.ageCap?.olderThanYears] : undefined; //=> [100, 150, 64]
 */
export function adequateDose(drug: CatalogueAgent, options: AdequateDoseOptions): DoseThreshold {
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
    const impaired = options.impairments === undefined ? undefined : impairmentCap(drug, threshold, options.impairments);
    const found: { -readonly [K in keyof FoundThreshold]: FoundThreshold[K] } = { status: "found", mgPerDay: impaired?.mgPerDay ?? threshold, baseMgPerDay: mgPerDay, table, citation };
    if (table !== options.table) found.fallbackFrom = options.table;
    if (cap !== undefined) found.ageCap = cap;
    if (impaired !== undefined) found.impairmentLimit = impaired.limit;
    return found;
  }
  const tried = [options.table];
  for (const table of fallback) if (!tried.includes(table)) tried.push(table);
  return { status: "none", tablesTried: tried };
}
