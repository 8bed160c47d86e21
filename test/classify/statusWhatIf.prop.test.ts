/**
 * The open questions' what-ifs: statusWhatIf (counts per agent or class made once, each question
 * redoing only the agents it touches) gives the answer of a full count under the same assumptions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleSet } from "../../src/rules/types";
import type { OutcomeCategory, TrialAssessment } from "../../src/classify/types";
import { statusOfTrials, statusWhatIf } from "../../src/classify/statusWhatIf";

const OUTCOMES: readonly OutcomeCategory[] = ["non-response", "partial-response", "response", "remission", "unknown"];
const outcomeArb = fc.constantFrom(...OUTCOMES);

/** Trials with only what the count reads: id, agent, class, whether it counts, its outcome. */
const trialsArb = fc.array(
  fc.record({
    drugId: fc.option(fc.constantFrom("sertraline", "citalopram", "venlafaxine"), { nil: undefined }),
    drugClass: fc.option(fc.constantFrom("SSRI", "SNRI"), { nil: undefined }),
    countsTowardResistance: fc.boolean(),
    category: outcomeArb,
  }),
  { maxLength: 12 },
).map((trials) =>
  trials.map((t, i) => ({ trialId: `t${i}`, ...(t.drugId === undefined ? {} : { drugId: t.drugId }), ...(t.drugClass === undefined ? {} : { drugClass: t.drugClass }), countsTowardResistance: t.countsTowardResistance, outcome: { category: t.category } }) as unknown as TrialAssessment),
);

const rulesArb = fc.record({ requireDifferentClasses: fc.boolean(), minFailedTrials: fc.integer({ min: 1, max: 3 }), partialResponseAfterOneTrial: fc.boolean() }).map((parameters) => ({ parameters }) as unknown as RuleSet);

describe("statusWhatIf", () => {
  it("answers every what-if as a full count does: none, one trial, several, out of range", () => {
    fc.assert(
      fc.property(trialsArb, rulesArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), outcomeArb), { maxLength: 6 }), (trials, rules, pairs) => {
        const whatIf = statusWhatIf(trials, rules);
        const assumed = new Map(pairs);
        expect(whatIf(assumed)).toBe(statusOfTrials(trials, rules, assumed));
        expect(whatIf(new Map())).toBe(statusOfTrials(trials, rules));
        trials.forEach((_, i) => {
          for (const outcome of OUTCOMES) expect(whatIf(new Map([[i, outcome]]))).toBe(statusOfTrials(trials, rules, new Map([[i, outcome]])));
        });
      }),
      { numRuns: 500 },
    );
  });
});
