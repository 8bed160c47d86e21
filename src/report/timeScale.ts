/**
 * Dates to x positions, and the month or year ticks of a date axis, from ISO date strings alone
 * (no clock, no time zone).
 *
 * @module
 */
import { addDays, daysBetween } from "../internal/dates";
import { textWidth } from "./textWidth";

/**
 * A linear map from calendar days to pixels: `from` at `left`, the day after `to` at `right`.
 *
 * @example
 * const scale = timeScale("2024-01-01", "2024-01-10", 0, 100);
 * [scale.x("2024-01-01"), scale.x("2024-01-06"), scale.xAfter("2024-01-10")]; //=> [0, 50, 100]
 */
export interface TimeScale {
  readonly from: string;
  readonly to: string;
  readonly left: number;
  readonly right: number;
  /** The x of the start of a day. */
  x(date: string): number;
  /** The x of the end of a day (the start of the next). */
  xAfter(date: string): number;
}

/**
 * Builds a {@link TimeScale}.
 *
 * @example
 * timeScale("2024-01-01", "2024-12-31", 40, 406).x("2024-07-01"); //=> 222
 */
export function timeScale(from: string, to: string, left: number, right: number): TimeScale {
  const days = Math.max(1, daysBetween(from, to) + 1);
  const perDay = (right - left) / days;
  const x = (date: string): number => left + daysBetween(from, date) * perDay;
  return { from, to, left, right, x, xAfter: (date: string) => x(addDays(date, 1)) };
}

/** One axis tick: its date and its label. */
export interface Tick {
  readonly date: string;
  readonly label: string;
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;

function monthText(total: number): string {
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}-01`;
}

/** The first month start on or after `date` whose month number is a multiple of `step`. */
function monthStart(date: string, step: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const aligned = Math.ceil(total / step) * step;
  const first = monthText(aligned);
  return first < date ? monthText(aligned + step) : first;
}

function nextMonth(date: string, step: number): string {
  return monthText(Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + step);
}

/**
 * Ticks on the first day of months, every 1, 2, 3, 6, 12... months: the smallest step whose labels
 * (`YYYY-MM`, or `YYYY` from 12 months) leave a gap between them.
 *
 * @example
 * timeTicks(timeScale("2024-01-15", "2024-06-30", 0, 600), 10).map((t) => t.label); //=> ["2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
 * timeTicks(timeScale("2019-01-01", "2024-06-30", 0, 300), 10).map((t) => t.label); //=> ["2019", "2020", "2021", "2022", "2023", "2024"]
 */
export function timeTicks(scale: TimeScale, fontSize: number): Tick[] {
  const perDay = (scale.right - scale.left) / Math.max(1, daysBetween(scale.from, scale.to) + 1);
  for (const step of MONTH_STEPS) {
    const label = (date: string): string => (step >= 12 ? date.slice(0, 4) : date.slice(0, 7));
    const width = textWidth(step >= 12 ? "0000" : "0000-00", fontSize) + 12;
    if (step * 28 * perDay < width && step !== MONTH_STEPS[MONTH_STEPS.length - 1]) continue;
    const ticks: Tick[] = [];
    for (let d = monthStart(scale.from, step); d <= scale.to; d = nextMonth(d, step)) ticks.push({ date: d, label: label(d) });
    return ticks;
  }
  return [];
}
