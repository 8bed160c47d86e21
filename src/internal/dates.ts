/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, wrapping date-fns. Dates stay strings
 * everywhere else; they become `Date` objects only here, and every difference is counted in
 * calendar days (never milliseconds), so daylight-saving changes and time zones cannot move a
 * result.
 *
 * @module
 */
import { addDays as addDaysFns, differenceInCalendarDays, differenceInMonths } from "date-fns";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` has the `YYYY-MM-DD` shape (it may still be an impossible date). */
export function hasIsoDateShape(value: string): boolean {
  return ISO_DATE.test(value);
}

/** True when `value` is `YYYY-MM-DD` and names a day that exists (2023-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = toDate(value);
  return !Number.isNaN(date.getTime()) && toIso(date) === value;
}

/**
 * Local midnight of an ISO date. Built from its three numbers rather than by date-fns' general
 * ISO parser (which accepts far more than `YYYY-MM-DD` and dominated classification time).
 */
function toDate(iso: string): Date {
  const date = new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  // Years 0-99 would be read as 1900-1999 by the Date constructor.
  if (date.getFullYear() !== Number(iso.slice(0, 4))) date.setFullYear(Number(iso.slice(0, 4)));
  return date;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a local date. */
function toIso(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, "0")}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** The ISO date `days` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return toIso(addDaysFns(toDate(iso), days));
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * Whole years between `birth` and `on`, as an age is counted (the birthday must have passed).
 */
export function wholeYearsBetween(birth: string, on: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}

/** Whole months from `from` to `to` (date-fns `differenceInMonths`). */
export function wholeMonthsBetween(from: string, to: string): number {
  return differenceInMonths(toDate(to), toDate(from));
}
