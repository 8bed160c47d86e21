/** A typical five-trial history for benchmarks and profiles. */
import { addDays } from "../../src/internal/dates";

/** A typical history: five trials with titration, a switch, an augmentation, scores around each. */
export function typicalHistory(seed: number): unknown {
  const start = addDays("2020-01-01", seed % 365);
  const drugs = ["sertraline", "venlafaxine", "mirtazapine", "bupropion", "aripiprazole"];
  const trials = drugs.map((drug, i) => {
    const s = addDays(start, 10 + i * 70);
    return {
      id: `t${i + 1}`,
      agent: { name: drug },
      ...(drug === "aripiprazole" ? { role: "augmentation", augments: "t4" } : {}),
      start: s,
      end: addDays(s, 62),
      doses: [
        { from: s, mgPerDay: drug === "aripiprazole" ? 2 : 50 },
        { from: addDays(s, 14), mgPerDay: drug === "aripiprazole" ? 5 : 150 },
      ],
      adherence: i % 2 === 0 ? "good" : 0.9,
      stopReason: "ineffective",
    };
  });
  const assessments = trials.flatMap((t, i) => [
    { date: addDays(t.start, -2), scale: "MADRS", total: 30 + (i % 3) },
    { date: addDays(t.start, 30), scale: "MADRS", total: 28 },
    { date: t.end, scale: "MADRS", total: 26 - (seed % 5) },
  ]);
  return { id: `p${seed}`, patient: { birthDate: "1975-06-01", diagnoses: [{ condition: "major-depressive-disorder" }] }, episode: { onset: start }, trials, assessments };
}

