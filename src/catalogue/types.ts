/**
 * Types of the antidepressant catalogue. The catalogue is data: every number in it names the
 * source it came from and how well that source was checked.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { SourceId } from "./sources";

/**
 * How well a catalogue fact was checked.
 *
 * One rule decides the grade of every value:
 *
 * - `primary`: read in the regulator's own label or SmPC text, or in a verbatim copy whose
 *   identity is confirmed (the source's `locator` names the copy). A primary dose cites a source of
 *   kind `label` with its `revision`, and names the `section` read. A code is primary when read in
 *   the issuing body's own listing (the WHO ATC index) or a confirmed copy of it.
 * - `secondary`: read in a copy whose identity is not confirmed (a transcription of a form or of a
 *   paper's table, a label quoted by a letter or a drug-information site) or in a reference work.
 * - `unverified`: recalled or reported without a source that could be read. Kept so that a user
 *   can choose it knowingly; never the default where a checked value exists.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const v: Verification | undefined = findDrug("sertraline")?.minimumDose["licensed-minimum"]?.verification;
 * v; //=> "primary"
 */
export type Verification = "primary" | "secondary" | "unverified";

/**
 * A reference to a source in {@link SOURCES} plus how well the fact was checked there.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const cite: Citation = getRuleSet("eu-pearl-2022").provenance.minFailedTrials;
 * [cite.source, cite.verification]; //=> ["sforzini-2022", "primary"]
 */
export interface Citation {
  /** Key into {@link SOURCES}. */
  readonly source: SourceId;
  /** How well the fact was checked in that source. */
  readonly verification: Verification;
  /** Where the value needs explaining: the exact quote or the reasoning, in one or two sentences. */
  readonly note?: string;
  /**
   * Where in the source the value was read ("§2.2 Major Depressive Disorder", "SmPC 4.2
   * Posology"). Every `primary` value of the catalogue names its section.
   */
  readonly section?: string;
}

/**
 * The catalogue's dose tables, in the order the catalogue documents them.
 *
 * @example
 * DOSE_TABLE_IDS[0]; //=> "licensed-minimum"
 */
export const DOSE_TABLE_IDS = deepFreeze(["licensed-minimum", "mgh-atrq", "maudsley-med", "hayasaka-2015-fe40"] as const);

/**
 * The named dose tables a rule set can choose from.
 *
 * - `licensed-minimum`: the lowest dose the product label (US label or UK SmPC) calls therapeutic
 *   or recommended for depression; for an augmenting agent, the lowest labelled adjunct dose.
 * - `mgh-atrq`: the "minimum dose" column of the MGH Antidepressant Treatment Response
 *   Questionnaire as transcribed from a study-specific form (COMP006); the canonical form could
 *   not be read, so every value is at best `secondary`.
 * - `maudsley-med`: Maudsley Prescribing Guidelines minimum effective dose; no value could be
 *   read in a source, so every value is `unverified`.
 * - `hayasaka-2015-fe40`: the dose equivalent to fluoxetine 40 mg/day (Hayasaka et al. 2015). A
 *   dose-equivalence figure, not a minimum: use it to compare doses across agents, not as a
 *   threshold.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const table: DoseTableId = getRuleSet("mgh-atrq").parameters.doseTable;
 * table; //=> "mgh-atrq"
 */
export type DoseTableId = (typeof DOSE_TABLE_IDS)[number];

/**
 * One dose figure in mg/day with its citation.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const dose: DoseValue | undefined = findDrug("sertraline")?.minimumDose["licensed-minimum"];
 * dose?.mgPerDay; //=> 50
 */
export interface DoseValue extends Citation {
  /** Daily dose in mg (a transdermal patch: mg per 24 h). */
  readonly mgPerDay: number;
}

/**
 * A cap on the daily dose above some age: a classifier must never require a dose above it.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const cap: AgeDoseCap | undefined = findDrug("citalopram")?.ageCaps[0];
 * [cap?.olderThanYears, cap?.maxMgPerDay]; //=> [60, 20]
 */
export interface AgeDoseCap extends Citation {
  /** The cap applies when the patient's age in whole years is greater than this. */
  readonly olderThanYears: number;
  /** The maximum recommended daily dose in mg at that age. */
  readonly maxMgPerDay: number;
}

/**
 * Organ impairments the catalogue has dose limits for, and their severities as labels word them
 * (hepatic: Child-Pugh A/B/C read as mild/moderate/severe; renal: creatinine clearance bands, e.g.
 * 30-59 mL/min moderate, below 30 severe, as each label states).
 *
 * @example
 * IMPAIRMENTS; //=> ["hepatic", "renal"]
 */
export const IMPAIRMENTS = deepFreeze(["hepatic", "renal"] as const);

/**
 * An organ impairment.
 *
 * @example
 * const i: Impairment = "hepatic";
 */
export type Impairment = (typeof IMPAIRMENTS)[number];

/**
 * The severities an impairment limit applies to.
 *
 * @example
 * IMPAIRMENT_SEVERITIES; //=> ["mild", "moderate", "severe"]
 */
export const IMPAIRMENT_SEVERITIES = deepFreeze(["mild", "moderate", "severe"] as const);

/**
 * A severity of organ impairment.
 *
 * @example
 * const s: ImpairmentSeverity = "severe";
 */
export type ImpairmentSeverity = (typeof IMPAIRMENT_SEVERITIES)[number];

/**
 * What a label says about dosing in an impairment: a stated maximum daily dose, a fraction of the
 * usual dose ("reduce the total daily dose by 50%": 0.5), or that the drug should not be used.
 *
 * @example
 * const l: ImpairmentLimitKind = { kind: "fraction-of-dose", fraction: 0.5 };
 */
export type ImpairmentLimitKind =
  | { readonly kind: "max-mg-per-day"; readonly mgPerDay: number }
  | { readonly kind: "fraction-of-dose"; readonly fraction: number }
  | { readonly kind: "not-recommended" };

/**
 * A label's dose limit in hepatic or renal impairment. Only what a label states as a limit is
 * encoded; "use with caution" and "lower doses may be needed" stay in the notes.
 *
 * @example
 * const venlafaxineHepatic: ImpairmentLimit = {
 *   impairment: "hepatic", severities: ["mild", "moderate"], limit: { kind: "fraction-of-dose", fraction: 0.5 },
 *   source: "venlafaxine-us-label", verification: "primary", section: "§2.6 Patients with Hepatic Impairment",
 * };
 */
export interface ImpairmentLimit extends Citation {
  readonly impairment: Impairment;
  readonly severities: readonly ImpairmentSeverity[];
  readonly limit: ImpairmentLimitKind;
}

/**
 * How adequacy is judged for an agent: a daily dose held for the rule set's weeks (almost every
 * agent), or what its label defines instead: a fixed course (zuranolone: 50 mg nightly for 14
 * days), a continuous infusion (brexanolone: 60 hours), or sessions (esketamine, ketamine).
 *
 * @example
 * const zuranolone: AdequacyModel = { kind: "fixed-course", days: 14, mgPerDay: 50, source: "zurzuvae-us-label", verification: "primary", section: "§2.1" };
 */
export type AdequacyModel =
  | { readonly kind: "daily-dose" }
  | (Citation & { readonly kind: "fixed-course"; readonly days: number; readonly mgPerDay: number })
  | (Citation & { readonly kind: "infusion"; readonly hours: number })
  | (Citation & { readonly kind: "sessions" })
  | (Citation & {
      readonly kind: "serum-level";
      /** The lowest serum level (mmol/L) at which the agent counts as given adequately. */
      readonly minMmolPerL: number;
      /** Weeks at or above it. */
      readonly minWeeks: number;
      /** Without a recorded level, the daily dose (mg) the source accepts instead, if it does. */
      readonly fallbackMgPerDay?: number;
    });

/**
 * A brand name and the markets it is sold under (ISO 3166 alpha-2 codes, or "EU").
 *
 * @example
 * const b: BrandName = { name: "Auvelity", markets: ["US"] };
 */
export interface BrandName {
  readonly name: string;
  readonly markets: readonly string[];
}

/**
 * A coded identifier with its citation (an ATC or RxNorm code).
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const atc: CodeValue | undefined = findDrug("sertraline")?.atc;
 * atc?.code; //=> "N06AB06"
 */
export interface CodeValue extends Citation {
  /** The code as the terminology writes it. */
  readonly code: string;
}

/**
 * The pharmacological class used by the staging models and by rules that ask for trials of
 * different classes.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const c: DrugClass | undefined = findDrug("venlafaxine")?.drugClass;
 * c; //=> "SNRI"
 */
export type DrugClass =
  | "SSRI"
  | "SNRI"
  | "TCA"
  | "MAOI"
  | "RIMA"
  | "NRI"
  | "NDRI"
  | "NaSSA"
  | "tetracyclic"
  | "SARI"
  | "serotonin-modulator"
  | "melatonergic"
  | "NMDA-antagonist"
  | "mu-opioid-agonist"
  | "neurosteroid"
  | "mood-stabiliser"
  | "second-generation-antipsychotic"
  | "antipsychotic-SSRI-combination"
  | "thyroid-hormone";

/**
 * What an agent is used for in depression.
 *
 * - `antidepressant`: a trial of it alone is an antidepressant trial.
 * - `augmenting-agent`: given on top of an antidepressant (lithium, an antipsychotic, T3).
 * - `rapid-acting`: agents whose adequacy is not a daily dose held for weeks: esketamine and
 *   ketamine (sessions), zuranolone (a 14-day course) and brexanolone (a 60-hour infusion); see
 *   `DrugEntry.adequacy`.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const role: DrugRole | undefined = findDrug("lithium")?.role;
 * role; //=> "augmenting-agent"
 */
export type DrugRole = "antidepressant" | "augmenting-agent" | "rapid-acting";

/**
 * One agent in the catalogue.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const sertraline: DrugEntry | undefined = findDrug("Zoloft");
 * [sertraline?.id, sertraline?.drugClass, sertraline?.rxnorm?.code]; //=> ["sertraline", "SSRI", "36437"]
 */
export interface DrugEntry {
  /** Stable identifier: the lower-case international non-proprietary name, hyphenated. */
  readonly id: string;
  /** Generic (INN) name as a clinician writes it. */
  readonly name: string;
  /** Brand names (US and UK) and other common spellings (USAN/BAN names, old names). */
  readonly synonyms: readonly string[];
  /** Pharmacological class. */
  readonly drugClass: DrugClass;
  /** Mechanism in a few words. */
  readonly mechanism: string;
  /** Role in depression treatment. */
  readonly role: DrugRole;
  /** WHO ATC code, when one exists. */
  readonly atc?: CodeValue;
  /** RxNorm ingredient (TTY = IN) RXCUI, where a listing was found. */
  readonly rxnorm?: CodeValue;
  /** Minimum adequate daily dose per named table, where the table has a value for this agent. */
  readonly minimumDose: Readonly<Partial<Record<DoseTableId, DoseValue>>>;
  /**
   * Age caps on the daily dose (for example citalopram at most 20 mg/day over 60): stated maxima
   * only, never a tolerability remark ("lower doses may be needed"), which stays in the notes.
   */
  readonly ageCaps: readonly AgeDoseCap[];
  /** Hepatic and renal dose limits as the labels state them (applied by the classifier when the impairment is on record). */
  readonly impairmentLimits?: readonly ImpairmentLimit[];
  /** How adequacy is judged when it is not a daily dose held for weeks (absent: a daily dose). */
  readonly adequacy?: AdequacyModel;
  /** Brand names by market (the names are also in `synonyms`, which `findDrug` searches). */
  readonly brands?: readonly BrandName[];
  /** Clinically relevant remarks a reader of a result should see (one or two sentences each). */
  readonly notes: readonly string[];
}


