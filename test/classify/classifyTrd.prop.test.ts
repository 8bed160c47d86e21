/**
 * Properties of classifyTrd: order independence, monotonicity under inadequate trials, purity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrd, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetId, TreatmentHistory } from "trd-classifier";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { validHistoryArb } from "../helpers/histories";

const ruleSetArb = fc.constantFrom(...listRuleSets().map((r) => r.id as RuleSetId));
const asOfArb = fc.integer({ min: 0, max: 12000 }).map((d) => new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10));

const parsedArb = validHistoryArb.map((input) => {
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const shuffled = <T>(items: readonly T[], order: readonly number[]): T[] =>
  items.map((item, i) => ({ item, key: order[i % order.length] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.item);

describe("classifyTrd (properties)", () => {
  it("does not depend on the order of trials or assessments", () => {
    fc.assert(
      fc.property(parsedArb, asOfArb, ruleSetArb, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), (history, asOf, ruleSet, order) => {
        const reordered: TreatmentHistory = { ...history, trials: shuffled(history.trials, order), assessments: shuffled(history.assessments, [...order].reverse()) };
        const a = classifyTrd(history, { asOf, ruleSet });
        const b = classifyTrd(reordered, { asOf, ruleSet });
        expect(b.status).toBe(a.status);
        expect(b.counts).toStrictEqual(a.counts);
        const byId = (r: typeof a) => Object.fromEntries(r.trials.map((t) => [t.trialId, t]));
        expect(byId(b)).toStrictEqual(byId(a));
      }),
      { numRuns: 300 },
    );
  });

  it("never changes status when an inadequate trial is added", () => {
    fc.assert(
      fc.property(parsedArb, asOfArb, ruleSetArb, fc.integer({ min: 0, max: 12000 }), (history, asOf, ruleSet, startDay) => {
        const start = new Date(Date.UTC(2000, 0, 1 + startDay)).toISOString().slice(0, 10);
        const extra = { id: "inadequate-extra", agent: { name: "sertraline" }, role: "monotherapy" as const, start, mgPerDay: 1, adherence: "good" as const };
        const before = classifyTrd(history, { asOf, ruleSet });
        const after = classifyTrd({ ...history, trials: [...history.trials, extra] }, { asOf, ruleSet });
        expect(after.status).toBe(before.status);
        expect(after.counts.failedAdequateTrials).toBe(before.counts.failedAdequateTrials);
      }),
      { numRuns: 300 },
    );
  });

  it("never mutates its input and gives deep-equal output for equal input", () => {
    fc.assert(
      fc.property(parsedArb, asOfArb, ruleSetArb, (history, asOf, ruleSet) => {
        const copy = structuredClone(history);
        const frozen = deepFreeze(structuredClone(history));
        const a = classifyTrd(frozen, { asOf, ruleSet });
        const b = classifyTrd(copy, { asOf, ruleSet });
        expect(copy).toStrictEqual(history);
        expect(b).toStrictEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300 },
    );
  });

  it("only counts failures that are adequate, and every result names its rule set and catalogue", () => {
    fc.assert(
      fc.property(parsedArb, asOfArb, ruleSetArb, (history, asOf, ruleSet) => {
        const result = classifyTrd(history, { asOf, ruleSet });
        for (const t of result.trials) if (t.countsTowardResistance) expect(t.adequate).toBe(true);
        expect(result.ruleSet.id).toBe(ruleSet);
        expect(result.catalogueVersion).toMatch(/^\d{4}\./);
        expect(result.reasons[0]?.code).toMatch(/^status_/);
        if (result.status === "no-response") expect(result.counts.nonResponseFailures).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

describe("honest answers (properties)", () => {
  const rank = { "not-yet-resistant": 0, "partial-response": 1, "no-response": 2 } as const;
  // The generated cohort of the CLI, where about one patient in five is resistant (the random
  // histories above almost never are).
  const cohortArb = fc.integer({ min: 0, max: 100_000 }).map((i) => {
    const parsed = parseTreatmentHistory(JSON.parse(syntheticPatientLine(i, { seed: 3, badRate: 0 })));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    return parsed.data;
  });
  const cohortAsOfArb = fc.constantFrom("2019-06-30", "2021-01-31", "2022-09-15", "2024-06-30");

  it("adding a trial that succeeded never makes a patient resistant, nor more resistant", () => {
    fc.assert(
      fc.property(fc.oneof(parsedArb, cohortArb), fc.oneof(asOfArb, cohortAsOfArb), ruleSetArb, fc.integer({ min: 0, max: 300 }), fc.constantFrom("response", "remission"), (history, asOf, ruleSet, startDay, kind) => {
        const start = new Date(Date.UTC(2000, 0, 1 + startDay * 30)).toISOString().slice(0, 10);
        const end = new Date(Date.parse(start) + 70 * 86_400_000).toISOString().slice(0, 10);
        const success = { id: "added-success", agent: { name: "sertraline" }, role: "monotherapy" as const, start, end, mgPerDay: 150, adherence: "good" as const, outcome: { percentImprovement: kind === "response" ? 60 : 90, assessedOn: end } };
        const before = classifyTrd(history, { asOf, ruleSet }).status;
        const after = classifyTrd({ ...history, trials: [...history.trials, success] }, { asOf, ruleSet }).status;
        expect(rank[after]).toBeLessThanOrEqual(rank[before]);
      }),
      { numRuns: 300 },
    );
  });


  it("resistantSince is never after asOf; the status on it is resistant and on the day before it is not", () => {
    let resistant = 0;
    fc.assert(
      fc.property(cohortArb, cohortAsOfArb, ruleSetArb, (history, asOf, ruleSet) => {
        const result = classifyTrd(history, { asOf, ruleSet, resistantSince: true });
        if (result.status !== "not-yet-resistant") resistant += 1;
        if (result.status === "not-yet-resistant") {
          expect(result.resistantSince).toBeUndefined();
          return;
        }
        const date = result.resistantSince?.date ?? "";
        expect(date <= asOf).toBe(true);
        expect(classifyTrd(history, { asOf: date, ruleSet }).status).not.toBe("not-yet-resistant");
        const before = new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
        expect(classifyTrd(history, { asOf: before, ruleSet }).status).toBe("not-yet-resistant");
      }),
      { numRuns: 400 },
    );
    // Not vacuous: about one run in twenty is resistant (17 to 30 of 400 seen); 5 is far below that.
    expect(resistant).toBeGreaterThan(5);
  });

  it("every open question that claims to change the status names a status other than the current one", () => {
    fc.assert(
      fc.property(parsedArb, asOfArb, ruleSetArb, (history, asOf, ruleSet) => {
        const result = classifyTrd(history, { asOf, ruleSet });
        for (const q of result.evidence.openQuestions) if (q.ifResolved !== undefined) expect(q.ifResolved.status).not.toBe(result.status);
        if (result.evidence.complete) expect(result.evidence.openQuestions.filter((q) => q.code !== "indication_not_recorded")).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
