/**
 * The one chronological order of treatments: by start, then end, then id, so that a result never
 * depends on the order of its input.
 *
 * @module
 */

/** What the order reads: ISO dates and an id (an open end sorts first). */
export interface Timed {
  readonly start: string;
  readonly end?: string | undefined;
  readonly id: string;
}

/** Compares two treatments by start, then end, then id. */
export function byTime(a: Timed, b: Timed): number {
  return a.start.localeCompare(b.start) || (a.end ?? "").localeCompare(b.end ?? "") || a.id.localeCompare(b.id);
}
