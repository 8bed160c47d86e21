/**
 * Rules written once (#12) and used by the classifier, the staging models and buildTrials.
 */
import { describe, expect, it } from "vitest";
import { buildTrials, getBuildPreset, getRuleSet } from "trd-classifier";
import { byTime } from "../../src/internal/chronological";
import { applyOverrides } from "../../src/rules/applyOverrides";
import { currentEpisodeEnd, inCurrentEpisode } from "../../src/rules/currentEpisode";
import { isFailedOutcome } from "../../src/rules/failedOutcome";

describe("currentEpisodeEnd and inCurrentEpisode", () => {
  it("ends the episode at its recorded end when that is before asOf, else at asOf", () => {
    expect(currentEpisodeEnd({ end: "2024-03-31" }, "2024-06-30")).toBe("2024-03-31");
    expect(currentEpisodeEnd({ end: "2024-09-30" }, "2024-06-30")).toBe("2024-06-30");
    expect(currentEpisodeEnd({}, "2024-06-30")).toBe("2024-06-30");
  });

  it("counts a one-day overlap at either edge, and nothing outside", () => {
    const episode = { onset: "2024-01-01", end: "2024-03-31" };
    expect(inCurrentEpisode("2023-12-01", "2024-01-01", episode, "2024-06-30")).toBe(true);
    expect(inCurrentEpisode("2024-03-31", "2024-05-01", episode, "2024-06-30")).toBe(true);
    expect(inCurrentEpisode("2023-12-01", "2023-12-31", episode, "2024-06-30")).toBe(false);
    expect(inCurrentEpisode("2024-04-01", "2024-05-01", episode, "2024-06-30")).toBe(false);
  });
});

describe("isFailedOutcome", () => {
  it("fails non-response always, partial response only where the rule set says so", () => {
    const counts = { partialResponseCountsAsFailure: true };
    const not = { partialResponseCountsAsFailure: false };
    expect(["non-response", "partial-response", "response", "remission", "unknown"].map((c) => isFailedOutcome(c as "response", counts))).toStrictEqual([true, true, false, false, false]);
    expect(isFailedOutcome("partial-response", not)).toBe(false);
    expect(isFailedOutcome("non-response", not)).toBe(true);
  });
});

describe("byTime", () => {
  it("orders by start, then end (an open end first), then id", () => {
    const items = [
      { id: "b", start: "2024-01-01", end: "2024-02-01" },
      { id: "a", start: "2024-01-01", end: "2024-02-01" },
      { id: "c", start: "2024-01-01" },
      { id: "d", start: "2023-12-31", end: "2024-12-31" },
    ];
    expect([...items].sort(byTime).map((i) => i.id)).toStrictEqual(["d", "c", "a", "b"]);
  });
});

describe("applyOverrides", () => {
  const rules = getRuleSet("eu-pearl-2022");

  it("returns the inputs themselves when nothing is overridden (undefined values are no override)", () => {
    const none = applyOverrides(rules.parameters, rules.provenance, { minFailedTrials: undefined });
    expect(none.parameters).toBe(rules.parameters);
    expect(none.provenance).toBe(rules.provenance);
    expect(none.overrides).toStrictEqual({});
  });

  it("replaces values, cites them as the caller's with the value replaced, and leaves the inputs alone", () => {
    const applied = applyOverrides(rules.parameters, rules.provenance, { minFailedTrials: 3 });
    expect(applied.parameters).toStrictEqual({ ...rules.parameters, minFailedTrials: 3 });
    expect(applied.provenance.minFailedTrials).toStrictEqual({ source: "library-convention", verification: "unverified", note: "Overridden by the caller (was 2)." });
    expect(applied.provenance.doseTable).toBe(rules.provenance.doseTable);
    expect(applied.overrides).toStrictEqual({ minFailedTrials: 3 });
    expect(rules.parameters.minFailedTrials).toBe(2);
    expect(Object.isFrozen(applied.parameters)).toBe(true);
  });

  it("cites buildTrials overrides the same way as rule-set overrides", () => {
    const built = buildTrials(
      [{ id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", mgPerDay: 50 }],
      { preset: "ohdsi-drug-era", overrides: { defaultDaysSupply: 10 } },
    );
    expect(built.parameters).toStrictEqual({ ...getBuildPreset("ohdsi-drug-era").parameters, defaultDaysSupply: 10 });
    expect(built.decisions.find((d) => d.rule === "defaultDaysSupply")).toMatchObject({ source: "library-convention", verification: "unverified" });
  });
});
