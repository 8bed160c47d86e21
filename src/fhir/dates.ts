/**
 * Calendar days from FHIR `date` and `dateTime` values.
 *
 * @module
 */
import { isCalendarDate } from "../internal/dates";

/** A FHIR date read as a calendar day, a partial date (year or year-month), or nothing. */
export type DayRead = { readonly day: string } | { readonly partial: true } | undefined;

/**
 * The calendar day of a FHIR date or dateTime (the date as written, before any time zone).
 *
 * @example
 * dayOf("2024-03-05T23:30:00-05:00"); //=> { day: "2024-03-05" }
 * dayOf("2024-03"); //=> { partial: true }
 * dayOf(5); //=> undefined
 */
export function dayOf(value: unknown): DayRead {
  if (typeof value !== "string") return undefined;
  const day = value.slice(0, 10);
  if (isCalendarDate(day) && (value.length === 10 || value[10] === "T")) return { day };
  return /^\d{4}(-\d{2})?$/.test(value) ? { partial: true } : undefined;
}

/**
 * The first of several FHIR dates that is a whole day.
 *
 * @example
 * firstDay(undefined, "2024", "2024-01-02"); //=> "2024-01-02"
 */
export function firstDay(...values: readonly unknown[]): string | undefined {
  for (const v of values) {
    const d = dayOf(v);
    if (d !== undefined && "day" in d) return d.day;
  }
  return undefined;
}
