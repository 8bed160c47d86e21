import { describe, expect, it } from "vitest";
import { findDrug, getRuleSet, listRuleSets, SOURCES } from "trd-classifier";
import { adequateDose } from "../../src/rules/adequateDose";
import { ageOn } from "../../src/rules/ageOn";
import { categoriseImprovement } from "../../src/rules/categoriseImprovement";
import { doseExposure, doseSegments } from "../../src/rules/doseTimeline";
import { REMISSION_THRESHOLDS, percentImprovement } from "../../src/rules/scaleThresholds";
import type { ParameterName, Trial } from "trd-classifier";

const drug = (name: string) => {
  const d = findDrug(name);
  if (d === undefined) throw new Error(name);
  return d;
};

describe("rule sets", () => {
  it("cites a known source and a verification flag for every parameter of every rule set", () => {
    expect(listRuleSets().map((r) => r.id)).toStrictEqual(["eu-pearl-2022", "mgh-atrq", "regulatory", "canadian-2021"]);
    for (const rules of listRuleSets()) {
      expect(rules.version).toMatch(/^\d+\.\d+\.\d+$/);
      const names = Object.keys(rules.parameters) as ParameterName[];
      expect(Object.keys(rules.provenance).sort()).toStrictEqual([...names].sort());
      for (const name of names) {
        const cite = rules.provenance[name];
        expect(Object.hasOwn(SOURCES, cite.source), `${rules.id}.${name}`).toBe(true);
        expect(["primary", "secondary", "unverified"]).toContain(cite.verification);
        if (cite.source === "library-convention") expect(cite.verification, `${rules.id}.${name}`).toBe("unverified");
      }
    }
  });

  it("encodes the published thresholds", () => {
    expect(getRuleSet("eu-pearl-2022").parameters).toMatchObject({ nonResponseBelowPercent: 25, nonResponseInclusive: false, minFailedTrials: 2, excludeBipolar: true });
    expect(getRuleSet("mgh-atrq").parameters).toMatchObject({ nonResponseBelowPercent: 25, nonResponseInclusive: false, minWeeksAtAdequateDose: 6, countAugmentation: true, cgiIPartialMax: 2 });
    expect(getRuleSet("canadian-2021").parameters).toMatchObject({ cgiIPartialMax: 2 });
    expect(getRuleSet("eu-pearl-2022").parameters).toMatchObject({ cgiIPartialMax: 3, cgiIResponseMax: 2 });
    expect(getRuleSet("canadian-2021").parameters).toMatchObject({ nonResponseBelowPercent: 50, minWeeksAtAdequateDose: 4 });
    expect(getRuleSet("regulatory").parameters).toMatchObject({ requireDocumentedAdherence: true, currentEpisodeOnly: true });
  });
});

describe("percentImprovement and categoriseImprovement", () => {
  it("computes exact percentages and refuses a zero baseline", () => {
    expect(percentImprovement(28, 21)).toBe(25);
    expect(percentImprovement(30, 33)).toBe(-10);
    expect(percentImprovement(3, 2)).toBe(33.3333333333);
    expect(percentImprovement(0, 0)).toBeUndefined();
  });

  it("places the bands by the rule set's thresholds", () => {
    const eu = getRuleSet("eu-pearl-2022").parameters;
    expect(categoriseImprovement(24.9, eu)).toBe("non-response");
    expect(categoriseImprovement(25, eu)).toBe("partial-response");
    expect(categoriseImprovement(49.9, eu)).toBe("partial-response");
    expect(categoriseImprovement(50, eu)).toBe("response");
    expect(categoriseImprovement(25, getRuleSet("mgh-atrq").parameters)).toBe("partial-response");
    expect(categoriseImprovement(25, { ...getRuleSet("mgh-atrq").parameters, nonResponseInclusive: true })).toBe("non-response");
    expect(categoriseImprovement(49, getRuleSet("canadian-2021").parameters)).toBe("non-response");
  });

  it("has the remission cut-offs of the sources", () => {
    expect(Object.fromEntries(Object.entries(REMISSION_THRESHOLDS).map(([k, v]) => [k, v.maxTotal]))).toStrictEqual({ "HAM-D17": 7, MADRS: 10, "QIDS-SR16": 5, "PHQ-9": 4, "BDI-II": 13 });
  });
});

describe("adequateDose", () => {
  it("uses the rule set's table, then its fallbacks, and reports the fallback", () => {
    expect(adequateDose(drug("venlafaxine"), { table: "mgh-atrq", fallback: [] })).toMatchObject({ status: "found", mgPerDay: 150, table: "mgh-atrq" });
    expect(adequateDose(drug("venlafaxine"), { table: "licensed-minimum", fallback: [] })).toMatchObject({ mgPerDay: 75 });
    expect(adequateDose(drug("dosulepin"), { table: "mgh-atrq", fallback: ["licensed-minimum"] })).toMatchObject({ status: "found", table: "licensed-minimum", fallbackFrom: "mgh-atrq" });
    expect(adequateDose(drug("lithium"), { table: "licensed-minimum", fallback: ["mgh-atrq"] })).toStrictEqual({ status: "none", tablesTried: ["licensed-minimum", "mgh-atrq"] });
  });

  it("lowers the threshold to an age cap only above the cap's age", () => {
    expect(adequateDose(drug("trimipramine"), { table: "licensed-minimum", fallback: [], ageYears: 64 })).toMatchObject({ mgPerDay: 150 });
    expect(adequateDose(drug("trimipramine"), { table: "licensed-minimum", fallback: [], ageYears: 65 })).toMatchObject({ mgPerDay: 100, baseMgPerDay: 150 });
    expect(adequateDose(drug("trimipramine"), { table: "licensed-minimum", fallback: [] })).toMatchObject({ mgPerDay: 150 });
    // nortriptyline's elderly 30-50 mg/day is a usual range, not a maximum: no cap (catalogue 2026.12.0).
    expect(adequateDose(drug("nortriptyline"), { table: "licensed-minimum", fallback: [], ageYears: 70 })).toMatchObject({ mgPerDay: 75 });
    // citalopram's threshold (20) already equals its over-60 cap: no change, no cap reported.
    expect(adequateDose(drug("citalopram"), { table: "licensed-minimum", fallback: [], ageYears: 70 })).not.toHaveProperty("ageCap");
  });
});

describe("doseSegments and doseExposure", () => {
  const trial: Trial = {
    id: "t",
    agent: { name: "sertraline" },
    role: "monotherapy",
    start: "2024-01-01",
    doses: [
      { from: "2024-01-05", mgPerDay: 50 },
      { from: "2024-01-10", mgPerDay: 0 },
      { from: "2024-01-12", mgPerDay: 100 },
    ],
  };

  it("splits the timeline, marking days before the first dose as unknown", () => {
    expect(doseSegments(trial, "2024-01-20")).toStrictEqual([
      { from: "2024-01-01", to: "2024-01-04", mgPerDay: undefined },
      { from: "2024-01-05", to: "2024-01-09", mgPerDay: 50 },
      { from: "2024-01-10", to: "2024-01-11", mgPerDay: 0 },
      { from: "2024-01-12", to: "2024-01-20", mgPerDay: 100 },
    ]);
    expect(doseSegments(trial, "2023-12-31")).toStrictEqual([]);
    expect(doseSegments(trial, "2024-01-06").at(-1)).toStrictEqual({ from: "2024-01-05", to: "2024-01-06", mgPerDay: 50 });
  });

  it("counts days at or above the threshold cumulatively inside the window", () => {
    const segments = doseSegments(trial, "2024-01-20");
    expect(doseExposure(segments, { windowStart: "2024-01-01", windowEnd: "2024-01-20", thresholdMgPerDay: 50, requiredDays: 10 })).toStrictEqual({
      daysAtOrAbove: 14,
      reachedMgPerDay: 100,
      unknownDoseDays: 4,
      firstDayAtOrAbove: "2024-01-05",
      dayRequirementMet: "2024-01-16",
    });
    expect(doseExposure(segments, { windowStart: "2024-01-15", windowEnd: "2024-01-20", thresholdMgPerDay: 100, requiredDays: 10 })).toMatchObject({ daysAtOrAbove: 6, reachedMgPerDay: 100 });
    expect(doseExposure(segments, { windowStart: "2024-01-01", windowEnd: "2024-01-20", thresholdMgPerDay: undefined, requiredDays: 1 }).daysAtOrAbove).toBe(0);
  });
});

describe("ageOn", () => {
  it("counts whole years from a birth date, and from a stated age", () => {
    expect(ageOn({ birthDate: "1960-06-15", diagnoses: [] }, "2021-06-14")).toBe(60);
    expect(ageOn({ birthDate: "1960-06-15", diagnoses: [] }, "2021-06-15")).toBe(61);
    expect(ageOn({ age: { years: 50, on: "2020-01-01" }, diagnoses: [] }, "2023-01-01")).toBe(53);
    expect(ageOn({ age: { years: 50, on: "2020-01-01" }, diagnoses: [] }, "2019-06-01")).toBe(49);
    expect(ageOn({ diagnoses: [] }, "2020-01-01")).toBeUndefined();
  });
});
