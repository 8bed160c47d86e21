/**
 * A patient's age on a date.
 *
 * @module
 */
import { wholeYearsBetween } from "../internal/dates";
import type { Patient } from "../schema/patient";

/**
 * The patient's age in whole years on `date`: from `birthDate` exactly, or from `age` (`years` on
 * date `on`) plus the whole years since (minus those before), which may be one year low.
 * `undefined` when neither is recorded.
 *
 * @param patient - Validated patient facts.
 * @param date - An ISO date.
 * @returns The age, or `undefined`.
 * @example
 * ageOn({ birthDate: "1960-06-15", diagnoses: [] }, "2021-06-14"); //=> 60
 */
export function ageOn(patient: Patient, date: string): number | undefined {
  if (patient.birthDate !== undefined) return wholeYearsBetween(patient.birthDate, date);
  if (patient.age !== undefined) {
    return date >= patient.age.on
      ? patient.age.years + wholeYearsBetween(patient.age.on, date)
      : patient.age.years - wholeYearsBetween(date, patient.age.on) - 1;
  }
  return undefined;
}
