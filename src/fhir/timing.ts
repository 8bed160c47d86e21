/**
 * Administrations per day from a FHIR Timing: `repeat` (frequency per period), `repeat.when` and
 * `repeat.timeOfDay` (one administration per named time), or `code` (the HL7 timing
 * abbreviations).
 *
 * @module
 */
import { codingsOf, listAt, numberAt, objectAt, textAt } from "./json";

/** Days per UCUM unit of time, as `Timing.repeat.periodUnit` and duration quantities use them. */
export const DAYS_PER_UNIT: Readonly<Record<string, number>> = Object.freeze({ s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30.4375, a: 365.25 });

/** The code system of the HL7 timing abbreviations (FHIR R4 `Timing.code`). */
export const GTS_ABBREVIATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";

/**
 * Administrations per day for each HL7 timing abbreviation of the FHIR R4 value set
 * `timing-abbreviation` (v3 GTSAbbreviation) that fixes a daily count. `WK` and `MO` are left
 * out on purpose: a weekly or monthly schedule has no daily dose an antidepressant trial uses.
 */
export const TIMING_ABBREVIATIONS: Readonly<Record<string, number>> = Object.freeze({
  QD: 1,
  BID: 2,
  TID: 3,
  QID: 4,
  QOD: 0.5,
  AM: 1,
  PM: 1,
  BED: 1,
  Q1H: 24,
  Q2H: 12,
  Q3H: 8,
  Q4H: 6,
  Q6H: 4,
  Q8H: 3,
});

/** Why a Timing gives no daily count. */
export type TimingProblem = "no_timing" | "frequency_range" | "period_unit_unknown";

/** Administrations per day, or why not. */
export type PerDay = { readonly perDay: number } | { readonly problem: TimingProblem };

function fromRepeat(repeat: unknown): PerDay | undefined {
  const frequency = numberAt(repeat, "frequency");
  const period = numberAt(repeat, "period");
  if (frequency !== undefined && period !== undefined) {
    const max = numberAt(repeat, "frequencyMax");
    if (max !== undefined && max !== frequency) return { problem: "frequency_range" };
    if (numberAt(repeat, "periodMax") !== undefined) return { problem: "frequency_range" };
    const days = period * (DAYS_PER_UNIT[textAt(repeat, "periodUnit") ?? ""] ?? Number.NaN);
    if (!(days > 0)) return { problem: "period_unit_unknown" };
    return { perDay: frequency / days };
  }
  // `when` (MORN, HS, …) and `timeOfDay` name times in the day: one administration each, daily
  // unless a period says otherwise.
  const times = listAt(repeat, "when").length + listAt(repeat, "timeOfDay").length;
  if (times === 0) return undefined;
  if (period !== undefined && !(period === 1 && textAt(repeat, "periodUnit") === "d")) return { problem: "period_unit_unknown" };
  return { perDay: times };
}

function fromCode(code: unknown): PerDay | undefined {
  for (const coding of codingsOf(code)) {
    if (coding.system !== undefined && coding.system !== GTS_ABBREVIATION_SYSTEM) continue;
    const perDay = coding.code === undefined ? undefined : TIMING_ABBREVIATIONS[coding.code.toUpperCase()];
    if (perDay !== undefined) return { perDay };
  }
  return undefined;
}

/**
 * Administrations per day from a Timing: `repeat` first, then `code`.
 *
 * @example
 * administrationsPerDay({ repeat: { frequency: 1, period: 12, periodUnit: "h" } }); //=> { perDay: 2 }
 * administrationsPerDay({ code: { coding: [{ code: "TID" }] } }); //=> { perDay: 3 }
 * administrationsPerDay({ repeat: { when: ["MORN", "HS"] } }); //=> { perDay: 2 }
 * administrationsPerDay(undefined); //=> { problem: "no_timing" }
 */
export function administrationsPerDay(timing: unknown): PerDay {
  return fromRepeat(objectAt(timing, "repeat")) ?? fromCode(objectAt(timing, "code")) ?? { problem: "no_timing" };
}
