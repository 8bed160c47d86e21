/**
 * Test builders: a small valid history and fast-check arbitraries of valid histories.
 */
import fc from "fast-check";
import type { TreatmentHistoryInput } from "trd-classifier";
import { addDays } from "../../src/internal/dates";

/** A valid history with two trials, scores and an ECT course; tests mutate a fresh copy. */
export function validHistory(): TreatmentHistoryInput & Record<string, unknown> {
  return {
    id: "patient-0001",
    patient: {
      birthDate: "1970-05-12",
      sex: "female",
      diagnoses: [{ condition: "major-depressive-disorder", code: { system: "ICD-10-CM", code: "F33.2" } }],
    },
    episode: { onset: "2023-01-10", severity: "severe" },
    previousEpisodes: [{ onset: "2018-03-01", end: "2018-11-30" }],
    trials: [
      {
        id: "t1",
        agent: { name: "sertraline", rxnorm: "36437" },
        start: "2023-02-01",
        end: "2023-04-30",
        doses: [
          { from: "2023-02-01", mgPerDay: 50 },
          { from: "2023-02-15", mgPerDay: 100 },
        ],
        adherence: "good",
        stopReason: "ineffective",
      },
      {
        id: "t2",
        agent: { name: "venlafaxine" },
        start: "2023-05-01",
        mgPerDay: 150,
        adherence: 0.9,
      },
    ],
    assessments: [
      { date: "2023-01-30", scale: "PHQ-9", total: 20 },
      { date: "2023-04-25", scale: "PHQ-9", total: 18 },
    ],
    otherTreatments: [{ kind: "psychotherapy", id: "p1", type: "cbt", start: "2023-03-01", sessions: 12 }],
  };
}

const DAY0 = "2000-01-01";
const dateAt = (offset: number): string => addDays(DAY0, offset);

const doseArb = fc.integer({ min: 1, max: 600 });
const drugNames = ["sertraline", "fluoxetine", "venlafaxine", "mirtazapine", "bupropion", "lithium", "aripiprazole", "made-up-drug"];

/** Arbitrary valid histories: unique ids, ordered dates, doses inside trials, scores in range. */
export const validHistoryArb: fc.Arbitrary<TreatmentHistoryInput> = fc
  .record({
    onset: fc.integer({ min: 0, max: 8000 }),
    trials: fc.array(
      fc.record({
        startOffset: fc.integer({ min: -200, max: 900 }),
        length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        name: fc.constantFrom(...drugNames),
        changes: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 60 }), mg: doseArb }), { minLength: 0, maxLength: 4 }),
        mg: doseArb,
        adherence: fc.option(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("good" as const, "poor" as const, "unknown" as const)), { nil: undefined }),
        role: fc.constantFrom("monotherapy" as const, "augmentation" as const, "combination" as const),
      }),
      { maxLength: 6 },
    ),
    assessments: fc.array(
      fc.record({
        offset: fc.integer({ min: -100, max: 1200 }),
        scale: fc.constantFrom("PHQ-9" as const, "MADRS" as const, "HAM-D17" as const, "QIDS-SR16" as const, "BDI-II" as const),
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ onset, trials, assessments }) => {
    const maxima = { "PHQ-9": 27, MADRS: 60, "HAM-D17": 52, "QIDS-SR16": 27, "BDI-II": 63 } as const;
    return {
      episode: { onset: dateAt(onset) },
      trials: trials.map((t, i) => {
        const start = onset + t.startOffset;
        const end = t.length === undefined ? undefined : start + t.length;
        let at = start;
        const doses = [{ from: dateAt(start), mgPerDay: t.mg }];
        for (const change of t.changes) {
          at += change.gap;
          if (end !== undefined && at > end) break;
          doses.push({ from: dateAt(at), mgPerDay: change.mg });
        }
        return {
          id: `t${i}`,
          agent: { name: t.name },
          role: t.role,
          start: dateAt(start),
          ...(end === undefined ? {} : { end: dateAt(end) }),
          ...(t.changes.length === 0 ? { mgPerDay: t.mg } : { doses }),
          ...(t.adherence === undefined ? {} : { adherence: t.adherence }),
        };
      }),
      assessments: assessments.map((a) => ({
        date: dateAt(onset + a.offset),
        scale: a.scale,
        total: Math.round(a.fraction * maxima[a.scale]),
      })),
    };
  });
