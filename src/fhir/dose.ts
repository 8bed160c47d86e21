/**
 * Amounts and daily doses from FHIR quantities and dosage instructions (UCUM units).
 *
 * @module
 */
import type { Dosage, Quantity } from "fhir/r4";

/** Milligrams per unit of a UCUM mass unit (and common spellings); `undefined` when not a mass. */
const MG_PER_UNIT: Readonly<Record<string, number>> = { mg: 1, g: 1000, ug: 0.001, "[mcg]": 0.001, mcg: 0.001, "µg": 0.001, ng: 0.000001 };

/** Days per UCUM time unit. */
const DAYS_PER: Readonly<Record<string, number>> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30.4375, a: 365.25 };

/** A quantity's amount in mg, or why not. */
export function toMilligrams(q: Quantity | undefined): { mg: number } | { problem: string } {
  if (q?.value === undefined) return { problem: "no value" };
  const unit = (q.code ?? q.unit ?? "").trim();
  const factor = MG_PER_UNIT[unit] ?? MG_PER_UNIT[unit.toLowerCase()];
  if (factor === undefined) return { problem: `unit "${unit}" is not a mass that converts to mg` };
  return { mg: q.value * factor };
}

/** Days in a UCUM duration quantity. */
export function toDays(q: Quantity | undefined): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = (q.code ?? q.unit ?? "").trim().toLowerCase().replace(/^(day|days)$/, "d").replace(/^(week|weeks)$/, "wk").replace(/^(month|months)$/, "mo");
  const factor = DAYS_PER[unit];
  return factor === undefined ? undefined : q.value * factor;
}

/** Units a dose in "tablets" or "capsules" is written in (UCUM annotations and plain words). */
const COUNT_UNITS = /^(1|\{?tab(let)?s?\}?|\{?tbl\}?|\{?cap(sule)?s?\}?|\{?patch(es)?\}?|each|ea|unit)$/i;

/**
 * The daily dose in mg from one dosage instruction: dose x frequency / period (in days), where a
 * dose in tablets is multiplied by the product's strength. Never guesses: a missing timing, a PRN
 * instruction or a unit that is neither a mass nor a count gives a problem instead.
 */
export function dailyDoseMg(dosage: Dosage, strengthMg: number | undefined): { mgPerDay: number } | { problem: string } {
  if (dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined) return { problem: "taken as needed (PRN), so there is no daily dose" };
  const dose = dosage.doseAndRate?.[0]?.doseQuantity ?? dosage.doseAndRate?.[0]?.doseRange?.low;
  if (dose?.value === undefined) return { problem: "no dose quantity in the dosage instruction" };
  let mgPerDose: number;
  const unit = (dose.code ?? dose.unit ?? "").trim();
  if (COUNT_UNITS.test(unit) || unit === "") {
    if (strengthMg === undefined) return { problem: `a dose in "${unit || "units"}" needs the product's strength, which is unknown` };
    mgPerDose = dose.value * strengthMg;
  } else if (/^mg\/d(ay)?$/i.test(unit)) {
    return { mgPerDay: dose.value };
  } else {
    const mg = toMilligrams(dose);
    if ("problem" in mg) return mg;
    mgPerDose = mg.mg;
  }
  const repeat = dosage.timing?.repeat;
  if (repeat?.frequency === undefined || repeat.period === undefined || repeat.periodUnit === undefined) {
    return { problem: "no timing (frequency, period and period unit), so the daily dose cannot be computed" };
  }
  const days = repeat.period * (DAYS_PER[repeat.periodUnit] ?? Number.NaN);
  if (!Number.isFinite(days) || days <= 0) return { problem: `period unit "${repeat.periodUnit}" is not a time unit` };
  return { mgPerDay: Math.round(((mgPerDose * repeat.frequency) / days) * 1000) / 1000 };
}

/**
 * The strength in mg per unit and the ingredient name from a medication's text, as EHRs write
 * RxNorm clinical drugs: "sertraline 100 MG Oral Tablet", "Sertraline HCl 50 mg tab". A solution
 * strength (MG/ML) is not a per-unit strength and is refused.
 */
export function parseMedicationText(text: string): { name?: string; strengthMg?: number; problem?: string } {
  const match = /^(.*?)\s+(\d+(?:\.\d+)?)\s*(mg|mcg|ug|µg|g)\b(\s*\/\s*(ml|actuat|hr|24\s*hr))?/i.exec(text.trim());
  if (match === null) return { name: text.trim() };
  const name = (match[1] ?? "").replace(/\s*\(.*\)\s*$/, "").trim();
  const amount = Number(match[2]);
  const unit = (match[3] ?? "").toLowerCase();
  const per = match[5]?.toLowerCase();
  if (per === "ml" || per === "actuat") return { name, problem: `strength is per ${per}, not per unit` };
  const factor = MG_PER_UNIT[unit] ?? 1;
  return { name, strengthMg: Math.round(amount * factor * 1000) / 1000 };
}
