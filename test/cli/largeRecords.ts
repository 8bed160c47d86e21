/**
 * Large but valid records for the CLI's tests: a history with many trials, and a history whose id
 * is a long string. Both are well-formed inputs a worker with a capped heap cannot hold.
 */

const DAY = 86_400_000;
const iso = (day: number): string => new Date(Date.UTC(1700, 0, 1) + day * DAY).toISOString().slice(0, 10);
const DRUGS = ["sertraline", "escitalopram", "venlafaxine", "mirtazapine", "bupropion"] as const;

/** One NDJSON line: a valid history with `trials` one-day trials, one a day (about 150 bytes each). */
export function manyTrialsLine(id: string, trials: number): string {
  const list = Array.from({ length: trials }, (_, i) => ({
    id: `t${i + 1}`,
    agent: { name: DRUGS[i % DRUGS.length] },
    start: iso(i),
    end: iso(i),
    mgPerDay: 150,
    adherence: "good",
  }));
  return JSON.stringify({ id, episode: { onset: iso(0) }, trials: list });
}

/** One NDJSON line of about `bytes` bytes: a valid one-trial history whose id is a long string. */
export function longIdLine(bytes: number): string {
  const base = JSON.stringify({ id: "", episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-02", end: "2024-03-30", mgPerDay: 100 }] });
  return base.replace('"id":""', `"id":"${"x".repeat(Math.max(0, bytes - base.length))}"`);
}
