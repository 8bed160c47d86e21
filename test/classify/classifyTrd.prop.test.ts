/**
 * Properties of classifyTrd: order independence, monotonicity under inadequate trials, purity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrd, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetId, TreatmentHistory } from "trd-classifier";
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
