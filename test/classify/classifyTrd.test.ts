import { describe, expect, it } from "vitest";
import { TrdOptionsError, classifyTrd, getRuleSet } from "trd-classifier";
import type { RuleSet } from "trd-classifier";
import { historyOf, scoredTrial } from "../helpers/build";

const a = scoredTrial({ id: "t1", drug: "sertraline", start: "2023-02-01", days: 70, mgPerDay: 100, baseline: 30, endpoint: 28 });
const b = scoredTrial({ id: "t2", drug: "venlafaxine", start: "2023-05-01", days: 70, mgPerDay: 225, baseline: 30, endpoint: 20 });
const history = historyOf([a.trial, b.trial], [...a.scores, ...b.scores]);

describe("classifyTrd", () => {
  it("names the rule set, its version, the catalogue version and the overrides", () => {
    const result = classifyTrd(history, { asOf: "2024-01-01", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 8 } });
    expect(result.ruleSet).toMatchObject({ id: "mgh-atrq", version: "1.1.0" });
    expect(result.overrides).toStrictEqual({ minWeeksAtAdequateDose: 8 });
    expect(result.catalogueVersion).toBe("2026.12.0");
    expect(result.trials[0]?.duration.requiredWeeks).toBe(8);
    const durationReason = result.trials[0]?.reasons.find((r) => r.code === "duration_adequate");
    expect(durationReason).toMatchObject({ rule: "minWeeksAtAdequateDose", source: "library-convention", verification: "unverified" });
  });

  it("names the rule set's early-stop week, not week 4, when earlyStopWeeks is overridden (#12)", () => {
    const short = scoredTrial({ id: "t1", drug: "sertraline", start: "2023-02-01", days: 42, mgPerDay: 100, baseline: 30, endpoint: 20 });
    const result = classifyTrd(historyOf([short.trial], short.scores), { asOf: "2024-01-01", overrides: { earlyStopWeeks: 8, minWeeksAtAdequateDose: 2 } });
    const reasons = result.trials[0]?.reasons ?? [];
    const early = reasons.find((r) => r.code === "stopped_before_early_stop_weeks");
    expect(early).toMatchObject({ rule: "earlyStopWeeks", compared: { value: 6, threshold: 8, unit: "weeks", met: false } });
    expect(early?.message).toContain("before the end of week 8");
    expect(reasons.find((r) => r.code === "trial_not_failed")?.message).toContain("stopped before week 8");
    expect(JSON.stringify(result)).not.toMatch(/week[ _]4/);
  });

  it("carries the parameters in effect, overrides applied, so that consumers need not guess them (#12)", () => {
    expect(classifyTrd(history, { asOf: "2024-01-01" }).ruleSet.parameters).toStrictEqual(getRuleSet("eu-pearl-2022").parameters);
    const overridden = classifyTrd(history, { asOf: "2024-01-01", ruleSet: "mgh-atrq", overrides: { minFailedTrials: 3 } }).ruleSet.parameters;
    expect(overridden).toStrictEqual({ ...getRuleSet("mgh-atrq").parameters, minFailedTrials: 3 });
    expect(() => {
      (overridden as { minFailedTrials: number }).minFailedTrials = 1;
    }).toThrow(TypeError);
  });

  it("rejects an option it does not know instead of ignoring it (#12)", () => {
    const call = (options: object) => () => classifyTrd(history, options as { asOf: string });
    expect(call({ asOf: "2024-01-01", rulSet: "mgh-atrq" })).toThrow(TrdOptionsError);
    try {
      call({ asOf: "2024-01-01", staging: true })();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TrdOptionsError);
      expect((error as TrdOptionsError).issues).toStrictEqual([
        { code: "unrecognized_key", path: "staging", message: "staging: unknown field; the options are asOf, ruleSet, overrides, resistantSince and countedSpans; for the staging models, call classifyAndStage", expected: "the options are asOf, ruleSet, overrides, resistantSince and countedSpans; for the staging models, call classifyAndStage" },
      ]);
    }
    expect(classifyTrd(history, { asOf: "2024-01-01", ruleSet: "mgh-atrq", overrides: {} }).ruleSet.id).toBe("mgh-atrq");
  });

  it("uses EU-PEARL 2022 by default", () => {
    expect(classifyTrd(history, { asOf: "2024-01-01" }).ruleSet.id).toBe("eu-pearl-2022");
  });

  it("gives partial-response for one non-response and one partial response", () => {
    const result = classifyTrd(history, { asOf: "2024-01-01" });
    expect(result.status).toBe("partial-response");
    expect(result.counts).toMatchObject({ nonResponseFailures: 1, partialResponseFailures: 1, failedAdequateTrials: 2 });
  });

  it("counts an ongoing trial up to asOf and ignores later events", () => {
    const ongoing = historyOf([{ id: "t1", drug: "sertraline", start: "2023-02-01", mgPerDay: 100 }], [{ date: "2023-01-31", total: 30 }, { date: "2023-03-01", total: 29 }, { date: "2023-06-01", total: 5 }]);
    const early = classifyTrd(ongoing, { asOf: "2023-03-15" }).trials[0];
    expect(early).toMatchObject({ ongoing: true, end: "2023-03-15", duration: { daysAtAdequateDose: 43 }, outcome: { category: "non-response" } });
    const later = classifyTrd(ongoing, { asOf: "2023-07-01" }).trials[0];
    expect(later?.outcome.category).toBe("remission");
  });

  it("leaves out trials starting after asOf, with a note", () => {
    const result = classifyTrd(history, { asOf: "2023-03-01" });
    expect(result.trials.map((t) => t.trialId)).toStrictEqual(["t1"]);
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: "trial_after_as_of", trialIds: ["t2"] }));
  });

  it("accepts a custom rule set object", () => {
    const custom: RuleSet = { ...getRuleSet("canadian-2021"), name: "Local protocol" };
    expect(classifyTrd(history, { asOf: "2024-01-01", ruleSet: custom }).status).toBe("no-response");
  });

  it("throws TrdOptionsError for an invalid asOf, rule set or override", () => {
    expect(() => classifyTrd(history, { asOf: "2024-02-30" })).toThrow(TrdOptionsError);
    expect(() => classifyTrd(history, { asOf: "2024-01-01T00:00:00Z" })).toThrow(/asOf/);
    expect(() => classifyTrd(history, { asOf: "2024-01-01", ruleSet: "nice-2022" as "mgh-atrq" })).toThrow(/ruleSet/);
    try {
      classifyTrd(history, { asOf: "2024-01-01", overrides: { minWeeksAtAdequateDose: -1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TrdOptionsError);
      expect((error as TrdOptionsError).issues).toStrictEqual([expect.objectContaining({ path: "overrides.minWeeksAtAdequateDose" })]);
    }
  });

  it("measures a trial from an earlier episode over its own dates and raises no pseudo-resistance flag for it", () => {
    const h = historyOf([{ id: "old", drug: "sertraline", start: "2020-02-01", days: 70, mgPerDay: 100, adherence: 0.5 }], [], {
      episode: { onset: "2023-01-01" },
      previousEpisodes: [{ onset: "2020-01-01", end: "2020-12-31" }],
    });
    const result = classifyTrd(h, { asOf: "2024-01-01" });
    expect(result.trials[0]).toMatchObject({ inCurrentEpisode: false, adequate: false, dose: { reachedMgPerDay: 100, status: "adequate" }, duration: { daysAtAdequateDose: 70 } });
    expect(result.flags.filter((f) => f.trialIds.includes("old"))).toStrictEqual([]);
    expect(result.trials[0]?.reasons.find((r) => r.code === "adherence_poor")?.kind).toBe("note");
    expect(result.reasons.map((r) => r.code)).toContain("trial_outside_current_episode");
  });

  it("lists every pseudo-resistance flag with its trials", () => {
    const h = historyOf(
      [
        { id: "low", drug: "citalopram", start: "2023-02-01", days: 70, mgPerDay: 10 },
        { id: "short", drug: "sertraline", start: "2023-05-01", days: 14, mgPerDay: 100 },
        { id: "poor", drug: "fluoxetine", start: "2023-06-01", days: 70, mgPerDay: 20, adherence: 0.5 },
        { id: "tol", drug: "escitalopram", start: "2023-09-01", days: 70, mgPerDay: 10, stopReason: "intolerance" },
        { id: "unk", drug: "dibenzepin", start: "2023-12-01", days: 70, mgPerDay: 240 },
      ],
      [],
      { patient: { diagnoses: [{ condition: "thyroid-disease" }, { condition: "substance-use-disorder" }, { condition: "psychotic-features" }] } },
    );
    const flags = Object.fromEntries(classifyTrd(h, { asOf: "2024-06-01" }).flags.map((f) => [f.code, f.trialIds]));
    expect(flags).toMatchObject({
      dose_inadequate: ["low"],
      duration_inadequate: expect.arrayContaining(["low", "short"]),
      adherence_poor: ["poor"],
      stopped_for_intolerance: ["tol"],
      agent_unknown: ["unk"],
      outcome_data_missing: expect.arrayContaining(["low", "short", "poor", "tol", "unk"]),
      thyroid_disease_on_record: [],
      substance_use_on_record: [],
      psychotic_features_on_record: [],
    });
  });
});

describe("classifyTrd: the trial's indication", () => {
  const withIndication = (indication: string | undefined) => {
    const t1 = scoredTrial({ id: "t1", drug: "sertraline", start: "2023-02-01", days: 70, mgPerDay: 100, baseline: 30, endpoint: 28 });
    const t2 = scoredTrial({ id: "t2", drug: "venlafaxine", start: "2023-05-01", days: 70, mgPerDay: 225, baseline: 30, endpoint: 29 });
    const first = indication === undefined ? t1.trial : { ...t1.trial, indication };
    return classifyTrd(historyOf([first, t2.trial], [...t1.scores, ...t2.scores]), { asOf: "2024-01-01" });
  };

  it("does not count a course prescribed for another condition, with the rule it applied", () => {
    const result = withIndication("post-traumatic-stress-disorder");
    expect(result.status).toBe("not-yet-resistant");
    const t1 = result.trials.find((t) => t.trialId === "t1");
    expect(t1?.countsTowardResistance).toBe(false);
    expect(t1?.reasons).toContainEqual(expect.objectContaining({ code: "indication_not_depression", rule: "indication", source: "library-convention", trialIds: ["t1"] }));
  });

  it("counts a course whose indication was not recorded, and says so on that trial", () => {
    const result = withIndication("not-recorded");
    expect(result.status).toBe("no-response");
    expect(result.trials.find((t) => t.trialId === "t1")?.reasons).toContainEqual(expect.objectContaining({ code: "indication_not_recorded", kind: "data-gap" }));
    expect(withIndication("depression").status).toBe("no-response");
    expect(withIndication(undefined).trials[0]?.reasons.map((r) => r.code)).not.toContain("indication_not_recorded");
  });
});
