/**
 * Decisions of the OMOP adapter: each row it leaves out, corrects nothing in, or reads in a
 * particular way is reported as data (a stable code, a plain message, the row, the rule and its
 * source), never silently.
 *
 * @module
 */
import type { Comparison } from "../classify/types";
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { OmopDomain } from "./rows";

/**
 * Stable codes of the adapter's decisions.
 *
 * @example
 * OMOP_DECISION_CODES.includes("days_supply_missing"); //=> true
 */
export const OMOP_DECISION_CODES = deepFreeze([
  "days_supply_missing",
  "days_supply_implausible",
  "value_negative",
  "end_before_start",
  "no_date",
  "combination_product_not_mapped",
  "strength_missing",
  "strength_without_formula",
  "quantity_missing",
  "daily_dose_implausible",
  "daily_dose_from_sig",
  "not_dispensed",
  "stop_reason_read",
  "stop_reason_not_recognised",
  "diagnosis_not_used",
  "score_from_source_text",
  "score_not_read",
  "score_out_of_range",
  "procedure_course",
  "birth_date_partial",
  "episode_from_diagnosis",
  "previous_episode_from_diagnosis",
] as const);

/**
 * One of {@link OMOP_DECISION_CODES}.
 *
 * @example
 * const code: OmopDecisionCode = "days_supply_implausible";
 * code; //=> "days_supply_implausible"
 */
export type OmopDecisionCode = (typeof OMOP_DECISION_CODES)[number];

/**
 * One decision on the rows of one person.
 *
 * @example
 * const d: OmopDecision = { code: "days_supply_missing", message: "drug_exposure 12: days_supply is empty; the period is taken from drug_exposure_end_date", domain: "drug", recordId: "12", rule: "daysSupply", source: "ohdsi-themis-drug-exposure", verification: "secondary" };
 * d.code; //=> "days_supply_missing"
 */
export interface OmopDecision {
  readonly code: OmopDecisionCode;
  /** One plain sentence (never a free-text value from the row). */
  readonly message: string;
  readonly domain: OmopDomain;
  /** The row's `*_id`, when it has one. */
  readonly recordId?: string;
  /** Whether the row was left out. */
  readonly dropped?: true;
  readonly rule: string;
  readonly compared?: Comparison;
  readonly source?: SourceId;
  readonly verification?: Verification;
}
