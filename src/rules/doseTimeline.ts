/**
 * A trial's dose over time, and the days it spent at or above a threshold.
 *
 * @module
 */
import { addDays, daysBetween, maxDate, minDate } from "../internal/dates";
import type { Trial } from "../schema/trial";

/**
 * A run of days on one dose, `from` and `to` both inclusive. `mgPerDay` is `undefined` for days
 * before the first recorded dose change.
 *
 * @example
 * const [first]: DoseSegment[] = doseSegments({ id: "t1", agent: { name: "sertraline" }, role: "monotherapy", start: "2024-01-01", mgPerDay: 50 }, "2024-01-14");
 * first; //=> { from: "2024-01-01", to: "2024-01-14", mgPerDay: 50 }
 */
export interface DoseSegment {
  /** First day on this dose. */
  readonly from: string;
  /** Last day on this dose (inclusive). */
  readonly to: string;
  /** The daily dose, or `undefined` where the record does not say. */
  readonly mgPerDay: number | undefined;
}

/**
 * Splits a trial into dose segments from its start to `lastDay` (inclusive): the trial's end or,
 * for an ongoing trial, the as-of date.
 *
 * @param trial - A validated trial.
 * @param lastDay - The last day to include.
 * @returns Segments in date order; empty when `lastDay` is before the start.
 * @example
 * doseSegments(
 *   { id: "t1", agent: { name: "sertraline" }, role: "monotherapy", start: "2024-01-01",
 *     doses: [{ from: "2024-01-01", mgPerDay: 50 }, { from: "2024-01-15", mgPerDay: 100 }] },
 *   "2024-02-29",
 * );
 * //=> [{ from: "2024-01-01", to: "2024-01-14", mgPerDay: 50 }, { from: "2024-01-15", to: "2024-02-29", mgPerDay: 100 }]
 */
export function doseSegments(trial: Trial, lastDay: string): DoseSegment[] {
  if (lastDay < trial.start) return [];
  const changes: readonly { readonly from: string; readonly mgPerDay: number | undefined }[] = trial.doses ?? [{ from: trial.start, mgPerDay: trial.mgPerDay }];
  const segments: DoseSegment[] = [];
  const first = changes[0];
  if (first !== undefined && first.from > trial.start) {
    segments.push({ from: trial.start, to: minDate(addDays(first.from, -1), lastDay), mgPerDay: undefined });
  }
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined || change.from > lastDay) continue;
    const next = changes[i + 1];
    const to = next === undefined ? lastDay : minDate(addDays(next.from, -1), lastDay);
    segments.push({ from: change.from, to, mgPerDay: change.mgPerDay });
  }
  return segments;
}

/**
 * What a dose timeline shows against a threshold inside a window.
 *
 * @example
 * const segments = [{ from: "2024-01-01", to: "2024-01-14", mgPerDay: 75 }, { from: "2024-01-15", to: "2024-03-31", mgPerDay: 150 }];
 * const exposure: DoseExposure = doseExposure(segments, { windowStart: "2024-01-01", windowEnd: "2024-03-31", thresholdMgPerDay: 150, requiredDays: 42 });
 * exposure; //=> { daysAtOrAbove: 77, reachedMgPerDay: 150, unknownDoseDays: 0, firstDayAtOrAbove: "2024-01-15", dayRequirementMet: "2024-02-25" }
 */
export interface DoseExposure {
  /** Days in the window at or above the threshold (cumulative; a pause or reduction does not count). */
  readonly daysAtOrAbove: number;
  /** The highest daily dose recorded in the window (0 when none is known). */
  readonly reachedMgPerDay: number;
  /** The first day at or above the threshold, if any. */
  readonly firstDayAtOrAbove?: string;
  /** The day on which the cumulative count reached `requiredDays`, if it did. */
  readonly dayRequirementMet?: string;
  /** Days in the window with no recorded dose. */
  readonly unknownDoseDays: number;
}

/**
 * A run of consecutive days, `from` and `to` both inclusive.
 *
 * @example
 * const span: DateSpan = { from: "2024-01-15", to: "2024-03-31" };
 * span.to; //=> "2024-03-31"
 */
export interface DateSpan {
  readonly from: string;
  readonly to: string;
}

/** Adds the days `[from, to]` to `spans`, joining them to the last span when they follow it. */
function addSpan(spans: DateSpan[], from: string, to: string): void {
  const last = spans[spans.length - 1];
  if (last !== undefined && addDays(last.to, 1) === from) spans[spans.length - 1] = { from: last.from, to };
  else spans.push({ from, to });
}

/**
 * Counts the days of a timeline, clipped to `[windowStart, windowEnd]`, spent at or above
 * `thresholdMgPerDay` (no threshold: 0 days).
 *
 * @param segments - From {@link doseSegments}.
 * @param window - Inclusive window and the number of days required.
 * @param spans - When given, the counted days are also added to it as runs of consecutive days.
 * @returns The exposure.
 * @example
 * const window = { windowStart: "2024-01-01", windowEnd: "2024-01-28", thresholdMgPerDay: 50, requiredDays: 28 };
 * doseExposure([{ from: "2024-01-01", to: "2024-01-28", mgPerDay: 50 }], window).daysAtOrAbove; //=> 28
 * const spans: DateSpan[] = [];
 * const paused = [{ from: "2024-01-01", to: "2024-01-09", mgPerDay: 50 }, { from: "2024-01-10", to: "2024-01-12", mgPerDay: 0 }, { from: "2024-01-13", to: "2024-01-28", mgPerDay: 50 }];
 * doseExposure(paused, window, spans).daysAtOrAbove; //=> 25
 * spans; //=> [{ from: "2024-01-01", to: "2024-01-09" }, { from: "2024-01-13", to: "2024-01-28" }]
 */
export function doseExposure(
  segments: readonly DoseSegment[],
  window: { readonly windowStart: string; readonly windowEnd: string; readonly thresholdMgPerDay: number | undefined; readonly requiredDays: number },
  spans?: DateSpan[],
): DoseExposure {
  let days = 0;
  let reached = 0;
  let unknown = 0;
  let first: string | undefined;
  let met: string | undefined;
  for (const segment of segments) {
    const from = maxDate(segment.from, window.windowStart);
    const to = minDate(segment.to, window.windowEnd);
    if (to < from) continue;
    const length = daysBetween(from, to) + 1;
    if (segment.mgPerDay === undefined) {
      unknown += length;
      continue;
    }
    reached = Math.max(reached, segment.mgPerDay);
    if (window.thresholdMgPerDay === undefined || segment.mgPerDay < window.thresholdMgPerDay) continue;
    first ??= from;
    if (spans !== undefined) addSpan(spans, from, to);
    if (met === undefined && days + length >= window.requiredDays) met = addDays(from, window.requiredDays - days - 1);
    days += length;
  }
  const exposure: { -readonly [K in keyof DoseExposure]: DoseExposure[K] } = { daysAtOrAbove: days, reachedMgPerDay: reached, unknownDoseDays: unknown };
  if (first !== undefined) exposure.firstDayAtOrAbove = first;
  if (met !== undefined) exposure.dayRequirementMet = met;
  return exposure;
}
