/**
 * What a FHIR Quantity measures: a mass, a volume, a count of dose units (tablets, capsules), a
 * daily mass, or a duration, read from UCUM codes, dose-form codes and the common unit words.
 *
 * @module
 */
import { numberAt, textAt } from "./json";
import { DAYS_PER_UNIT } from "./timing";

/** Code systems a dose quantity's unit is coded in. */
export const UNIT_SYSTEM = Object.freeze({
  ucum: "http://unitsofmeasure.org",
  nciThesaurus: "http://ncimeta.nci.nih.gov",
  orderableDrugForm: "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm",
});

const MG_PER: Readonly<Record<string, number>> = { mg: 1, g: 1000, ug: 0.001, mcg: 0.001, "[mcg]": 0.001, "µg": 0.001, ng: 0.000001, milligram: 1, milligrams: 1, gram: 1000, grams: 1000, microgram: 0.001, micrograms: 0.001 };
const ML_PER: Readonly<Record<string, number>> = { ml: 1, l: 1000, milliliter: 1, milliliters: 1, millilitre: 1, millilitres: 1, cc: 1 };
const COUNT_WORD = /^(1|\{?(tab|tabs|tablet|tablets|tbl|cap|caps|capsule|capsules|each|ea)\}?|\{(tablet|capsule|tbl|tab|cap)s?\})$/i;
/** Dose-form codes that mean one tablet or capsule (NCI Thesaurus dosing units; HL7 orderable drug forms). */
const COUNT_CODES: Readonly<Record<string, readonly string[]>> = {
  [UNIT_SYSTEM.nciThesaurus]: ["C48542", "C48480"],
  [UNIT_SYSTEM.orderableDrugForm]: ["TAB", "CAP"],
};
const VOLUME_CODES: Readonly<Record<string, readonly string[]>> = { [UNIT_SYSTEM.nciThesaurus]: ["C28254"] };

/** A quantity as the adapter understands it. */
export type QuantityRead =
  | { readonly kind: "mass"; readonly mg: number }
  | { readonly kind: "volume"; readonly ml: number }
  | { readonly kind: "count"; readonly units: number }
  | { readonly kind: "mass-per-day"; readonly mg: number }
  | { readonly kind: "no-value" }
  | { readonly kind: "unit-not-understood" };

/**
 * The unit as written (for logging only; never put into a message).
 *
 * @example
 * unitOf({ value: 1, unit: "tablet", system: "http://ncimeta.nci.nih.gov", code: "C48542" }); //=> "C48542"
 */
export function unitOf(quantity: unknown): string {
  const system = textAt(quantity, "system");
  const code = textAt(quantity, "code");
  return (system !== undefined && code !== undefined ? code : (textAt(quantity, "unit") ?? code ?? "")).trim();
}

function coded(system: string, code: string, value: number): QuantityRead | undefined {
  if (COUNT_CODES[system]?.includes(code) === true) return { kind: "count", units: value };
  if (VOLUME_CODES[system]?.includes(code) === true) return { kind: "volume", ml: value };
  return undefined;
}

function worded(unit: string, value: number): QuantityRead {
  const lower = unit.toLowerCase();
  const mg = MG_PER[lower];
  if (mg !== undefined) return { kind: "mass", mg: value * mg };
  const ml = ML_PER[lower];
  if (ml !== undefined) return { kind: "volume", ml: value * ml };
  if (unit === "" || COUNT_WORD.test(unit)) return { kind: "count", units: value };
  if (/^mg\/d(ay)?$/i.test(unit)) return { kind: "mass-per-day", mg: value };
  return { kind: "unit-not-understood" };
}

/**
 * Reads a dose or supply quantity. A coded unit (`system` + `code`) is read by its code system;
 * otherwise the unit word: mass (mg, g, ug, mcg), volume (mL, L), a dose unit (tablet, capsule,
 * UCUM `1` or an annotation such as `{tbl}`), or `mg/d`. A quantity with no unit at all is a
 * count of dose units, as FHIR dosage examples write it.
 *
 * @example
 * readQuantity({ value: 10, unit: "ml", system: "http://unitsofmeasure.org", code: "mL" }); //=> { kind: "volume", ml: 10 }
 * readQuantity({ value: 1, unit: "tablet", system: "http://ncimeta.nci.nih.gov", code: "C48542" }); //=> { kind: "count", units: 1 }
 * readQuantity({ value: 2 }); //=> { kind: "count", units: 2 }
 */
export function readQuantity(quantity: unknown): QuantityRead {
  const value = numberAt(quantity, "value");
  if (value === undefined || value < 0) return { kind: "no-value" };
  const system = textAt(quantity, "system");
  const code = textAt(quantity, "code");
  if (system !== undefined && code !== undefined && system !== UNIT_SYSTEM.ucum) {
    return coded(system, code, value) ?? worded(textAt(quantity, "unit") ?? "\u0000", value);
  }
  return worded(unitOf(quantity), value);
}

/**
 * Days in a duration quantity (UCUM `d`, `wk`, `mo`, `a`, `h`, or the words day, week, month).
 *
 * @example
 * durationInDays({ value: 30, unit: "days", system: "http://unitsofmeasure.org", code: "d" }); //=> 30
 * durationInDays({ value: 2, unit: "weeks" }); //=> 14
 */
export function durationInDays(quantity: unknown): number | undefined {
  const value = numberAt(quantity, "value");
  if (value === undefined || value <= 0) return undefined;
  const unit = unitOf(quantity).toLowerCase().replace(/^(days?)$/, "d").replace(/^(weeks?)$/, "wk").replace(/^(months?)$/, "mo").replace(/^(years?)$/, "a").replace(/^(hours?)$/, "h");
  const factor = DAYS_PER_UNIT[unit];
  return factor === undefined ? undefined : value * factor;
}
