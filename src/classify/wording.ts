/**
 * How numbers and terms read in messages: percentages to one decimal at most, weeks to one
 * decimal, outcome categories as hyphenated clinical terms, counts with their noun.
 *
 * @module
 */
import type { DoseVerdict, OutcomeCategory } from "./types";

/**
 * A percentage for a message: one decimal at most, no trailing ".0".
 *
 * @example
 * percentText(10.5263157895); //=> "10.5%"
 * percentText(25); //=> "25%"
 */
export function percentText(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/**
 * An outcome category as a clinician writes it.
 *
 * @example
 * outcomeText("non-response"); //=> "non-response"
 * outcomeText("partial-response"); //=> "partial response"
 */
export function outcomeText(category: OutcomeCategory): string {
  return category === "partial-response" ? "partial response" : category === "unknown" ? "unknown outcome" : category;
}

/**
 * A count and its noun, singular or plural.
 *
 * @example
 * countText(1, "trial"); //=> "1 trial"
 * countText(3, "day"); //=> "3 days"
 */
export function countText(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * A dose verdict that compared a dose (or a serum level) with a threshold.
 *
 * @example
 * const d: ComparedDose = { status: "adequate", reachedMgPerDay: 100, thresholdMgPerDay: 50, table: "licensed-minimum", source: "sertraline-us-label", verification: "primary", ageAdjusted: false };
 */
export type ComparedDose = Extract<DoseVerdict, { status: "adequate" | "inadequate" }>;

/**
 * The threshold of a dose verdict with its unit: a daily dose, or a serum level (lithium).
 *
 * @example
 * neededText({ status: "inadequate", reachedMgPerDay: 10, thresholdMgPerDay: 20, table: "licensed-minimum", source: "citalopram-uk-smpc", verification: "primary", ageAdjusted: false }); //=> "20 mg/day"
 */
export function neededText(dose: ComparedDose): string {
  return "basis" in dose ? `${dose.thresholdMmolPerL} mmol/L` : `${dose.thresholdMgPerDay} mg/day`;
}

/**
 * What a dose verdict reached, with its unit.
 *
 * @example
 * reachedText({ status: "adequate", basis: "serum-level", reachedMmolPerL: 0.7, thresholdMmolPerL: 0.5, reachedMgPerDay: 800, source: "bauer-dopfmer-1999", verification: "primary" }); //=> "0.7 mmol/L"
 */
export function reachedText(dose: ComparedDose): string {
  return "basis" in dose ? `${dose.reachedMmolPerL} mmol/L` : `${dose.reachedMgPerDay} mg/day`;
}
