/**
 * The status of a history over time: evaluated on every date on which something in the history
 * happens (a trial starts, ends or changes dose, a score or an outcome is recorded, a trial
 * reaches its weeks at the adequate dose), up to the as-of date, keeping the dates it changed.
 *
 * @module
 */
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { ClassifyTrdOptions } from "../rules/resolveRuleSet";
import type { TreatmentHistory } from "../schema/history";
import { classifyResolved, statusAt } from "./classifyTrd";
import type { TrdStatus } from "./evidence";

/**
 * One change of status.
 *
 * @example
 * const change: StatusChange = { date: "2024-05-15", status: "no-response" };
 */
export interface StatusChange {
  readonly date: string;
  readonly status: TrdStatus;
}

/** Every date the history names, on or before `asOf`. */
function eventDates(history: TreatmentHistory, asOf: string, adequateFrom: readonly (string | undefined)[]): string[] {
  const dates = new Set<string>([asOf]);
  const add = (d: string | undefined): void => {
    if (d !== undefined && d <= asOf) dates.add(d);
  };
  for (const t of history.trials) {
    add(t.start);
    add(t.end);
    for (const d of t.doses ?? []) add(d.from);
    add(t.outcome?.assessedOn);
  }
  for (const a of history.assessments) add(a.date);
  for (const d of adequateFrom) add(d);
  return [...dates].sort();
}

/**
 * The status on each date it changed, first date first (the first entry is the status on the
 * first date the history names). To evaluate the status on any single date, call `classifyTrd`
 * with that date as `asOf`.
 *
 * @param history - A validated history.
 * @param options - As for `classifyTrd`; `asOf` ends the timeline.
 * @returns The changes.
 * @throws {@link TrdOptionsError} when the options are invalid.
 * @example
 * import { parseTreatmentHistory, statusTimeline } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const changes = parsed.success ? statusTimeline(parsed.data, { asOf: "2024-06-01" }) : [];
 * changes; //=> [{ date: "2024-01-10", status: "not-yet-resistant" }, { date: "2024-05-15", status: "no-response" }]
 */
export function statusTimeline(history: TreatmentHistory, options: ClassifyTrdOptions): StatusChange[] {
  const resolved = resolveRuleSet(options);
  const final = classifyResolved(history, resolved, options.asOf);
  const changes: StatusChange[] = [];
  for (const date of eventDates(history, options.asOf, final.trials.map((t) => t.duration.adequateFrom))) {
    const { status } = statusAt(history, resolved.rules, date);
    if (changes.at(-1)?.status !== status) changes.push({ date, status });
  }
  return changes;
}
