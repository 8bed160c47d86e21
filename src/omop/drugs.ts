/**
 * `drug_exposure` rows to the trial builder's fill records, following OHDSI data-quality practice:
 * a missing `days_supply` is reported (the period then comes from `drug_exposure_end_date`, never
 * from a guess), negative values and supplies over 365 days are dropped with a reason, and the
 * daily dose comes from `drug_strength` only for the strength patterns with a published formula.
 *
 * @module
 */
import type { FillRecordInput } from "../fills/fillRecord";
import { parseSig } from "../fills/sig";
import { daysBetween } from "../internal/dates";
import { LIMITS } from "../schema/primitives";
import { StopReasonSchema } from "../schema/trial";
import type { StopReason } from "../schema/trial";
import type { OmopDecision } from "./decisions";
import type { OmopRow } from "./rows";
import { MG_PER_UNIT } from "./vocabulary";

/**
 * Days' supply above which a drug_exposure is dropped as implausible (OHDSI Themis #125).
 *
 * @example
 * MAX_PLAUSIBLE_DAYS_SUPPLY; //=> 365
 */
export const MAX_PLAUSIBLE_DAYS_SUPPLY = 365;

/** A drug exposure read: the fill record, and its stop reason when it is one of the classifier's words. */
export interface DrugRead {
  readonly record: FillRecordInput;
  readonly stopReason?: StopReason;
}

/** Where decisions go, and what counts as a dispensing. */
export interface DrugContext {
  readonly decide: (decision: Omit<OmopDecision, "domain">) => void;
  readonly dispensingTypes: ReadonlySet<string>;
}

const THEMIS = { source: "ohdsi-themis-drug-exposure", verification: "secondary" } as const;
const FORMULA = { source: "darwin-drug-utilisation-daily-dose", verification: "secondary" } as const;

/** The classifier's stop reasons (what StopReasonSchema accepts: one of its words, as written). */
const STOP_REASONS: ReadonlySet<string> = new Set(StopReasonSchema.options);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const num = (x: number | bigint | null | undefined): number | undefined => (x === null || x === undefined ? undefined : Number(x));
const idOf = (row: OmopRow): string | undefined => (row.record_id === null || row.record_id === undefined ? undefined : String(row.record_id));


/** The strength of one unit (or one mL) in mg, by the fixed-amount or concentration pattern; else why not. */
function strengthOf(row: OmopRow): { mg: number } | "strength_missing" | "strength_without_formula" {
  const amount = num(row.amount_value);
  const numerator = num(row.numerator_value);
  if (amount === undefined && numerator === undefined) return "strength_missing";
  const factor = amount !== undefined ? MG_PER_UNIT[row.amount_unit ?? ""] : MG_PER_UNIT[row.numerator_unit ?? ""];
  if (factor === undefined || (amount !== undefined && numerator !== undefined)) return "strength_without_formula";
  if (amount === undefined && row.denominator_unit === "h") return "strength_without_formula";
  const mg = (amount ?? numerator ?? 0) * factor;
  return mg > 0 ? { mg } : "strength_without_formula";
}

/** Reasons a row is left out before anything else is read, as a decision (or `undefined` when it is kept). */
function rejection(row: OmopRow, ref: string): Omit<OmopDecision, "domain"> | undefined {
  const recordId = idOf(row);
  const at = recordId === undefined ? {} : { recordId };
  if (row.start_date === null || row.start_date === undefined) return { code: "no_date", message: `${ref}: no start date; left out`, ...at, dropped: true, rule: "drugExposureStartDate" };
  if (row.end_date !== null && row.end_date !== undefined && row.end_date < row.start_date) return { code: "end_before_start", message: `${ref}: drug_exposure_end_date is before its start; left out`, ...at, dropped: true, rule: "drugExposureEndDate", ...THEMIS };
  const days = num(row.days_supply);
  const quantity = num(row.quantity);
  if ((days !== undefined && days < 0) || (quantity !== undefined && quantity < 0)) {
    return { code: "value_negative", message: `${ref}: a negative ${days !== undefined && days < 0 ? "days_supply" : "quantity"}; left out`, ...at, dropped: true, rule: "nonNegative", ...THEMIS };
  }
  if (days !== undefined && (days < 1 || days > MAX_PLAUSIBLE_DAYS_SUPPLY)) {
    return {
      code: "days_supply_implausible",
      message: `${ref}: ${days} days' supply is implausible (not 1 to ${MAX_PLAUSIBLE_DAYS_SUPPLY}); left out`,
      ...at,
      dropped: true,
      rule: "maxPlausibleDaysSupply",
      compared: { value: days, threshold: days < 1 ? 1 : MAX_PLAUSIBLE_DAYS_SUPPLY, unit: "days", comparison: days < 1 ? ">=" : "<=", met: false },
      ...THEMIS,
    };
  }
  return undefined;
}

/** The daily dose inputs: strength and quantity (the builder divides by the days), or a dose read from the sig. */
function doseOf(row: OmopRow, ref: string, days: number | undefined, c: DrugContext): Pick<FillRecordInput, "strengthMg" | "quantity" | "mgPerDay"> | "implausible" {
  const recordId = idOf(row);
  const at = recordId === undefined ? {} : { recordId };
  const strength = strengthOf(row);
  const quantity = num(row.quantity);
  if (typeof strength === "object" && quantity !== undefined && quantity > 0) {
    const mgPerDay = days === undefined ? undefined : (strength.mg * quantity) / days;
    if (mgPerDay !== undefined && mgPerDay > LIMITS.maxMgPerDay) {
      c.decide({ code: "daily_dose_implausible", message: `${ref}: a daily dose of ${Math.round(mgPerDay)} mg is beyond the library's limit of ${LIMITS.maxMgPerDay} mg; left out`, ...at, dropped: true, rule: "maxMgPerDay", compared: { value: mgPerDay, threshold: LIMITS.maxMgPerDay, unit: "mg/day", comparison: "<=", met: false }, ...FORMULA });
      return "implausible";
    }
    return { strengthMg: strength.mg, quantity };
  }
  const sig = row.sig === null || row.sig === undefined ? undefined : parseSig(row.sig);
  const fromSig = sig === undefined ? undefined : sig.amount.kind === "mass" ? sig.amount.mg * sig.perDay : sig.amount.kind === "count" && typeof strength === "object" ? sig.amount.units * strength.mg * sig.perDay : undefined;
  if (fromSig !== undefined && fromSig > 0 && fromSig <= LIMITS.maxMgPerDay) {
    c.decide({ code: "daily_dose_from_sig", message: `${ref}: daily dose ${Math.round(fromSig * 1000) / 1000} mg read from the sig`, ...at, rule: "sig" });
    return { mgPerDay: Math.round(fromSig * 1000) / 1000 };
  }
  if (typeof strength === "string") {
    c.decide({ code: strength, message: strength === "strength_missing" ? `${ref}: no drug_strength row for this ingredient; daily dose unknown` : `${ref}: a drug_strength pattern without a daily-dose formula (only a fixed amount or a concentration in mass units has one); daily dose unknown`, ...at, rule: "dailyDoseFormula", ...FORMULA });
  } else {
    c.decide({ code: "quantity_missing", message: `${ref}: no quantity; daily dose unknown`, ...at, rule: "dailyDoseFormula", ...FORMULA });
  }
  return {};
}

/** A stop reason written in the classifier's own words (any other text is reported, not read). */
function stopReasonOf(row: OmopRow, ref: string, c: DrugContext): StopReason | undefined {
  const text = row.stop_reason?.trim().toLowerCase();
  if (text === undefined || text === "") return undefined;
  if (STOP_REASONS.has(text)) return text as StopReason;
  const recordId = idOf(row);
  c.decide({ code: "stop_reason_not_recognised", message: `${ref}: stop_reason is not one of ${StopReasonSchema.options.join(", ")}; not read`, ...(recordId === undefined ? {} : { recordId }), rule: "stopReason" });
  return undefined;
}

/**
 * Reads one drug exposure (its rows, one per relevant ingredient) into a fill record, or reports
 * why not. `index` numbers the exposure in messages when it has no id.
 */
export function readDrugExposure(rows: readonly OmopRow[], index: number, c: DrugContext): DrugRead | undefined {
  const row = rows[0];
  if (row === undefined) return undefined;
  const recordId = idOf(row);
  const ref = `drug_exposure ${recordId ?? `#${index + 1}`}`;
  const at = recordId === undefined ? {} : { recordId };
  if (rows.length > 1 || (num(row.ingredient_count) ?? 1) > 1) {
    c.decide({ code: "combination_product_not_mapped", message: `${ref}: a combination product (${num(row.ingredient_count) ?? rows.length} ingredients); not mapped to a trial`, ...at, dropped: true, rule: "singleIngredient" });
    return undefined;
  }
  const rejected = rejection(row, ref);
  if (rejected !== undefined) return void c.decide(rejected);
  const start = row.start_date as string;
  const stated = num(row.days_supply);
  const end = row.end_date ?? undefined;
  if (stated === undefined) {
    c.decide({ code: "days_supply_missing", message: `${ref}: days_supply is empty; ${end === undefined ? "no end date either" : "the period is taken from drug_exposure_end_date"}`, ...at, rule: "daysSupply", ...THEMIS });
  }
  const days = stated ?? (end === undefined ? undefined : daysBetween(start, end) + 1);
  if (stated === undefined && days !== undefined && days > MAX_PLAUSIBLE_DAYS_SUPPLY) {
    return void c.decide({ code: "days_supply_implausible", message: `${ref}: its dates span ${days} days (more than ${MAX_PLAUSIBLE_DAYS_SUPPLY}); left out`, ...at, dropped: true, rule: "maxPlausibleDaysSupply", compared: { value: days, threshold: MAX_PLAUSIBLE_DAYS_SUPPLY, unit: "days", comparison: "<=", met: false }, ...THEMIS });
  }
  const dose = doseOf(row, ref, days, c);
  if (dose === "implausible") return undefined;
  const dispensed = c.dispensingTypes.has(row.type_name ?? "");
  if (!dispensed) c.decide({ code: "not_dispensed", message: `${ref}: its drug type is not a dispensing; read as a prescription (no evidence of collection, so no adherence)`, ...at, rule: "dispensingTypes", source: "omop-etl-type-concepts", verification: "secondary" });
  const stopReason = stopReasonOf(row, ref, c);
  // Assigned field by field rather than spread together: V8 builds an object of several spreads
  // slowly, and the trial builder then reads it slowly (measured: half the mapping's time).
  const record: Mutable<FillRecordInput> = { kind: dispensed ? "dispense" : "prescription", agent: { rxnorm: row.concept_code ?? "" }, date: start };
  if (recordId !== undefined) record.id = `drug_exposure-${recordId}`;
  if (stated !== undefined) record.daysSupply = stated;
  else if (end !== undefined) record.endDate = end;
  if (dose.strengthMg !== undefined) record.strengthMg = dose.strengthMg;
  if (dose.quantity !== undefined) record.quantity = dose.quantity;
  if (dose.mgPerDay !== undefined) record.mgPerDay = dose.mgPerDay;
  return stopReason === undefined ? { record } : { record, stopReason };
}
