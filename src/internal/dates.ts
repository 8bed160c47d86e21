/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, wrapping date-fns. Dates stay strings
 * everywhere else; they become `Date` objects only here, and every difference is counted in
 * calendar days (never milliseconds), so daylight-saving changes and time zones cannot move a
 * result.
 *
 * @module
 */
// By path, never from "date-fns" itself: its root entry loads every one of its ~250 functions
// when Node.js imports it (about 100 ms of a cold start); bundlers shake it either way.
import { addDays as addDaysFns } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { differenceInMonths } from "date-fns/differenceInMonths";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` has the `YYYY-MM-DD` shape (it may still be an impossible date). */
export function hasIsoDateShape(value: string): boolean {
  return ISO_DATE.test(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The digit at `i` (0-9), or -1 when the character there is not an ASCII digit. */
function digitAt(value: string, i: number): number {
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * True when `value` is `YYYY-MM-DD` and names a day that exists (2023-02-30 does not). Read
 * character by character: it runs for every date of every record.
 */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y1 = digitAt(value, 0);
  const y2 = digitAt(value, 1);
  const y3 = digitAt(value, 2);
  const y4 = digitAt(value, 3);
  const m1 = digitAt(value, 5);
  const m2 = digitAt(value, 6);
  const d1 = digitAt(value, 8);
  const d2 = digitAt(value, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return false;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * Local midnight of an ISO date. Built from its three numbers rather than by date-fns' general
 * ISO parser (which accepts far more than `YYYY-MM-DD`).
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

/*
 * Day numbers: calendar days since 1970-01-01, computed once per distinct date with date-fns and
 * memoised, so that differences and additions inside a classification are integer arithmetic.
 * The caches only remember results (they never change one) and are cleared when large, so memory
 * stays bounded over a cohort of any size.
 */
const EPOCH = new Date(1970, 0, 1);
const CACHE_LIMIT = 100_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();

function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = differenceInCalendarDays(toDate(iso), EPOCH);
    if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
    dayNumbers.set(iso, n);
  }
  return n;
}

function isoOfDayNumber(n: number): string {
  let iso = isoDates.get(n);
  if (iso === undefined) {
    iso = toIso(addDaysFns(EPOCH, n));
    if (isoDates.size >= CACHE_LIMIT) isoDates.clear();
    isoDates.set(n, iso);
  }
  return iso;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return days === 0 ? iso : isoOfDayNumber(dayNumber(iso) + days);
}

/** True when `value` is shaped `DDDD-DD-DD` (ASCII digits, dashes at 4 and 7). */
function isDateShaped(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && digitAt(value, i) < 0) return false;
  return true;
}

/**
 * Orders two texts as `a.localeCompare(b)` does (the same sign), without the collator when both are
 * shaped `YYYY-MM-DD`: two such texts differ first at a digit, and every collation orders digits
 * 0 to 9, so comparing their characters gives the collator's answer. Any other text goes to
 * `localeCompare`.
 *
 * @example
 * ["2024-03-01", "2023-12-31", "2024-01-15"].sort(compareDates); //=> ["2023-12-31", "2024-01-15", "2024-03-01"]
 */
export function compareDates(a: string, b: string): number {
  if (isDateShaped(a) && isDateShaped(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
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
  // Read digit by digit (it runs for every trial): the year difference, less one when the
  // month-day of `on` sorts before that of `birth`.
  const years = yearOf(on) - yearOf(birth);
  for (let i = 5; i < 10; i++) {
    const a = on.charCodeAt(i);
    const b = birth.charCodeAt(i);
    if (a !== b) return a < b ? years - 1 : years;
  }
  return years;
}

/** The year of a `YYYY-MM-DD` date. */
function yearOf(iso: string): number {
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}

/** Whole months from `from` to `to` (date-fns `differenceInMonths`). */
export function wholeMonthsBetween(from: string, to: string): number {
  return differenceInMonths(toDate(to), toDate(from));
}
