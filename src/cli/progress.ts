/**
 * The progress line on a terminal, and the counting words of the command's messages.
 */
import type { Writable } from "node:stream";

/** "1 record", "2 records", "1,400 records". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** A duration as "42 s", "3 min 05 s" or "1 h 02 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Where a run is. */
export interface Progress {
  readonly records: number;
  /** Input bytes done. */
  readonly bytes: number;
  /** The input's size, when known (a file). */
  readonly totalBytes?: number | undefined;
}

/**
 * The progress line: with the input's size known, percent, records, rate and time left (from
 * the bytes done so far); otherwise records and rate.
 */
export function progressLine(p: Progress, seconds: number): string {
  const rate = p.records / Math.max(seconds, 0.001);
  const counted = `${count(p.records, "record")}, ${Math.round(rate).toLocaleString("en-US")}/s`;
  if (p.totalBytes === undefined || p.totalBytes <= 0) return counted;
  const fraction = Math.min(1, p.bytes / p.totalBytes);
  const left = fraction > 0 ? (seconds / fraction) * (1 - fraction) : undefined;
  return `${(fraction * 100).toFixed(1)}%, ${counted}, ${left === undefined ? "time left unknown" : `about ${duration(left)} left`}`;
}

/** Rewrites the progress line on a terminal every 200 ms. */
export function progressTicker(err: Writable, started: bigint, now: () => Progress): ReturnType<typeof setInterval> {
  return setInterval(() => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    err.write(`\r${progressLine(now(), seconds)}\x1b[K`);
  }, 200);
}
