/**
 * The daily dose in mg from FHIR dosage instructions: the structured dose and timing first, the
 * free-text sig (`text`, `patientInstruction`) when they do not give it. Never guessed: what
 * cannot be computed is a closed-vocabulary problem, and the dose stays unknown.
 *
 * @module
 */
import { booleanAt, field, isObject, numberAt, objectAt, objectsAt, textAt } from "./json";
import { readQuantity, unitOf } from "./quantity";
import type { QuantityRead } from "./quantity";
import { parseSig } from "../fills/sig";
import type { SigDose } from "../fills/sig";
import type { Strength } from "./strength";
import { administrationsPerDay } from "./timing";

/**
 * Why a daily dose could not be computed.
 *
 * @example
 * DOSE_PROBLEMS.includes("as_needed"); //=> true
 */
export const DOSE_PROBLEMS = [
  "no_dosage",
  "as_needed",
  "no_dose_quantity",
  "dose_range",
  "no_timing",
  "frequency_range",
  "period_unit_unknown",
  "unit_not_understood",
  "strength_unknown",
  "strength_per_ml_unknown",
  "sequential_instructions",
  "text_not_understood",
] as const;

/**
 * Why a daily dose could not be computed.
 *
 * @example
 * const why: DoseProblem = "as_needed";
 */
export type DoseProblem = (typeof DOSE_PROBLEMS)[number];

/** A daily dose, or why not; `text` is the sig read (for the caller's log, never a message). */
export type DailyDose =
  | { readonly ok: true; readonly mgPerDay: number; readonly from: "structured" | "text"; readonly text?: string }
  | { readonly ok: false; readonly problem: DoseProblem; readonly unit?: string };

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function mgPerAdministration(amount: QuantityRead | SigDose["amount"], strength: Strength | undefined): number | DoseProblem {
  switch (amount.kind) {
    case "mass":
      return amount.mg;
    case "count":
      return strength?.per === "unit" ? amount.units * strength.mg : "strength_unknown";
    case "volume":
      return strength?.per === "ml" ? amount.ml * strength.mg : "strength_per_ml_unknown";
    default:
      return "unit_not_understood";
  }
}

function structured(dosage: unknown, strength: Strength | undefined): DailyDose {
  const doseAndRate = objectsAt(dosage, "doseAndRate")[0];
  if (objectAt(doseAndRate, "doseRange") !== undefined) return { ok: false, problem: "dose_range" };
  const quantity = objectAt(doseAndRate, "doseQuantity");
  if (quantity === undefined) return { ok: false, problem: "no_dose_quantity" };
  const amount = readQuantity(quantity);
  if (amount.kind === "no-value") return { ok: false, problem: "no_dose_quantity" };
  if (amount.kind === "mass-per-day") return amount.mg > 0 ? { ok: true, mgPerDay: round3(amount.mg), from: "structured" } : { ok: false, problem: "no_dose_quantity" };
  const mg = mgPerAdministration(amount, strength);
  if (typeof mg === "string") return { ok: false, problem: mg, ...(mg === "unit_not_understood" ? { unit: unitOf(quantity) } : {}) };
  if (!(mg > 0)) return { ok: false, problem: "no_dose_quantity" };
  const timing = administrationsPerDay(objectAt(dosage, "timing"));
  if ("problem" in timing) return { ok: false, problem: timing.problem };
  if (!(timing.perDay > 0)) return { ok: false, problem: "no_timing" };
  return { ok: true, mgPerDay: round3(mg * timing.perDay), from: "structured" };
}

function fromText(dosage: unknown, strength: Strength | undefined): DailyDose | undefined {
  for (const text of [textAt(dosage, "text"), textAt(dosage, "patientInstruction")]) {
    if (text === undefined) continue;
    const sig = parseSig(text);
    if (sig === undefined) continue;
    const mg = mgPerAdministration(sig.amount, strength);
    if (typeof mg === "string") return { ok: false, problem: mg };
    return { ok: true, mgPerDay: round3(mg * sig.perDay), from: "text", text };
  }
  return undefined;
}

/**
 * The daily dose of one dosage instruction.
 *
 * @example
 * dailyDoseOf({ timing: { code: { coding: [{ code: "BID" }] } }, doseAndRate: [{ doseQuantity: { value: 1 } }] }, { per: "unit", mg: 50 });
 * //=> { ok: true, mgPerDay: 100, from: "structured" }
 * dailyDoseOf({ text: "1 po qhs" }, { per: "unit", mg: 100 }); //=> { ok: true, mgPerDay: 100, from: "text", text: "1 po qhs" }
 */
export function dailyDoseOf(dosage: unknown, strength: Strength | undefined): DailyDose {
  if (booleanAt(dosage, "asNeededBoolean") === true || isObject(field(dosage, "asNeededCodeableConcept"))) return { ok: false, problem: "as_needed" };
  const first = structured(dosage, strength);
  if (first.ok) return first;
  const second = fromText(dosage, strength);
  if (second !== undefined) return second;
  const hasText = textAt(dosage, "text") !== undefined || textAt(dosage, "patientInstruction") !== undefined;
  return first.problem === "no_dose_quantity" && hasText ? { ok: false, problem: "text_not_understood" } : first;
}

/**
 * The daily dose of a list of dosage instructions: concurrent lines (the same or no `sequence`)
 * add up; lines in sequence (a taper, a titration schedule) have no single daily dose.
 *
 * @example
 * dailyDose([{ doseAndRate: [{ doseQuantity: { value: 50, unit: "mg" } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } } }], undefined);
 * //=> { ok: true, mgPerDay: 50, from: "structured" }
 * dailyDose([], undefined); //=> { ok: false, problem: "no_dosage" }
 */
export function dailyDose(dosages: readonly unknown[], strength: Strength | undefined): DailyDose {
  if (dosages.length === 0) return { ok: false, problem: "no_dosage" };
  const sequences = new Set(dosages.map((d) => numberAt(d, "sequence")));
  if (sequences.size > 1) return { ok: false, problem: "sequential_instructions" };
  let total = 0;
  let last: DailyDose | undefined;
  for (const dosage of dosages) {
    last = dailyDoseOf(dosage, strength);
    if (!last.ok) return last;
    total += last.mgPerDay;
  }
  return last !== undefined && last.ok && dosages.length === 1 ? last : { ok: true, mgPerDay: round3(total), from: "structured" };
}
