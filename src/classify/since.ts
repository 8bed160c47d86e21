/**
 * Since when: the first date on which a history met its rule set's criteria for resistance, and
 * the event that fixed it. The date is the earliest as-of date for which the classification is
 * resistant (`no-response` or `partial-response`), so the status evaluated on it is resistant and
 * on the day before it is not.
 *
 * @module
 */
import { addDays } from "../internal/dates";
import type { TreatmentHistory } from "../schema/history";
import type { ResistantSince, TrdStatus } from "./evidence";
import type { TrialAssessment } from "./types";

/** The status of the history as of a date, and its failed trials. */
export type StatusAt = (date: string) => { readonly status: TrdStatus; readonly failures: readonly TrialAssessment[] };

const resistant = (status: TrdStatus): boolean => status !== "not-yet-resistant";

/** The first day a failed trial's failure can be known: its adequacy and its outcome both on record. */
function knownFrom(t: TrialAssessment, history: TreatmentHistory): string {
  const adequate = t.duration.adequateFrom ?? t.start;
  const o = t.outcome;
  const recordedOn = history.trials.find((x) => x.id === t.trialId)?.outcome?.assessedOn ?? t.end;
  const outcomeOn = o.basis === "scores" ? o.endpoint.date : recordedOn;
  return adequate > outcomeOn ? adequate : outcomeOn;
}

/** The first day in `[from, to]` that is resistant, by halving (the status only grows with time). */
function firstResistantDay(from: string, to: string, statusAt: StatusAt): string {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const span = Math.floor((Date.parse(hi) - Date.parse(lo)) / 86_400_000);
    const mid = addDays(lo, Math.floor(span / 2));
    if (resistant(statusAt(mid).status)) hi = mid;
    else lo = addDays(mid, 1);
  }
  return lo;
}

function eventOf(t: TrialAssessment | undefined, date: string, history: TreatmentHistory): ResistantSince["event"] {
  if (t === undefined) return "other";
  const o = t.outcome;
  if (o.basis === "scores" && o.endpoint.date === date) return "endpoint-score";
  if (t.duration.adequateFrom === date) return "adequacy-reached";
  if (history.trials.find((x) => x.id === t.trialId)?.outcome?.assessedOn === date) return "recorded-outcome";
  return t.end === date ? "trial-end" : "other";
}

/**
 * Finds the first date a resistant history met its criteria: tries the days its failed trials
 * became known, checks the day before, and falls back to halving the span from `earliest`.
 *
 * @example
 * declare const history: TreatmentHistory, failures: readonly TrialAssessment[], statusAt: StatusAt;
 * const since = resistantSinceOf(history, failures, "2023-01-01", "2024-06-30", statusAt);
 * // since: { date: "2024-05-15", trialId: "t2", event: "endpoint-score" } for a second failure whose endpoint score was on 2024-05-15
 */
export function resistantSinceOf(history: TreatmentHistory, failures: readonly TrialAssessment[], earliest: string, asOf: string, statusAt: StatusAt): ResistantSince {
  const candidates = [...new Set(failures.map((t) => knownFrom(t, history)))].filter((d) => d <= asOf).sort();
  let date = candidates.find((d) => resistant(statusAt(d).status)) ?? asOf;
  if (date > earliest && resistant(statusAt(addDays(date, -1)).status)) date = firstResistantDay(earliest, date, statusAt);
  const before = date > earliest ? new Set(statusAt(addDays(date, -1)).failures.map((t) => t.trialId)) : new Set<string>();
  const deciding = statusAt(date).failures.filter((t) => !before.has(t.trialId)).at(-1);
  return { date, ...(deciding === undefined ? {} : { trialId: deciding.trialId }), event: eventOf(deciding, date, history) };
}
