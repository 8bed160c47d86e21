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
 * - `primary`: read in the primary source or a faithful reproduction of it (a regulator-approved
 *   label or SmPC, the paper's own table, an official listing).
 * - `secondary`: read in a secondary source (a review quoting the primary, a drug-information
 *   site, a manufacturer's marketing page, a third-party transcription of a form).
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
  | "mood-stabiliser"
  | "second-generation-antipsychotic"
  | "antipsychotic-SSRI-combination"
  | "thyroid-hormone";

/**
 * What an agent is used for in depression.
 *
 * - `antidepressant`: a trial of it alone is an antidepressant trial.
 * - `augmenting-agent`: given on top of an antidepressant (lithium, an antipsychotic, T3).
 * - `rapid-acting`: esketamine and ketamine, given in sessions rather than daily doses.
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
  /** Age caps on the daily dose (for example citalopram at most 20 mg/day over 60). */
  readonly ageCaps: readonly AgeDoseCap[];
  /** Clinically relevant remarks a reader of a result should see (one or two sentences each). */
  readonly notes: readonly string[];
}


