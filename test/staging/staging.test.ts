import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAndStage, classifyTrd, findDrug, parseTreatmentHistory, scoreMaudsley, scoreMghStaging, stageEuropean, stageThaseRush } from "trd-classifier";
import type { TreatmentHistory, TreatmentHistoryInput } from "trd-classifier";
import { addDays } from "../helpers/build";

const AS_OF = "2026-01-01";

/** Licensed minimum of an agent, so that a trial at it is adequate in dose. */
const minDose = (name: string): number => findDrug(name)?.minimumDose["licensed-minimum"]?.mgPerDay ?? 100;

interface Spec {
  readonly drug: string;
  readonly days?: number;
  readonly improvement?: number;
  readonly doses?: readonly number[];
}

/** Consecutive trials from 2022-01-10, each `days` long (default 56) with a recorded improvement (default 10%). */
function build(specs: readonly Spec[], extra: Partial<TreatmentHistoryInput> = {}): TreatmentHistory {
  let start = "2022-01-10";
  const trials = specs.map((s, i) => {
    const days = s.days ?? 56;
    const t = {
      id: `t${i + 1}`,
      agent: { name: s.drug },
      start,
      end: addDays(start, days - 1),
      ...(s.doses === undefined ? { mgPerDay: minDose(s.drug) } : { doses: s.doses.map((mg, j) => ({ from: addDays(start, j * 7), mgPerDay: mg })) }),
      adherence: "good" as const,
      stopReason: "ineffective" as const,
      outcome: { percentImprovement: s.improvement ?? 10 },
    };
    start = addDays(start, days + 3);
    return t;
  });
  const parsed = parseTreatmentHistory({ episode: { onset: "2022-01-01" }, trials, ...extra });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
}

const classify = (h: TreatmentHistory, asOf = AS_OF) => classifyTrd(h, { asOf });
const ect = (id: string, start: string, laterality: "bilateral" | "unilateral", cgiI = 4) => ({ kind: "ect" as const, id, start, end: addDays(start, 30), laterality, sessions: 10, outcome: { cgiI } });

describe("clinical.md §4 constructed checks (test/vignettes/d*.json)", () => {
  const dir = fileURLToPath(new URL("../vignettes/", import.meta.url));
  const files = readdirSync(dir).filter((f) => /^d\d-/.test(f));
  it.each(files)("%s reproduces its published staging figures", (file) => {
    const v = JSON.parse(readFileSync(dir + file, "utf8")) as { history: unknown; asOf: string; ruleSet: "eu-pearl-2022"; staging: Record<string, unknown> };
    const parsed = parseTreatmentHistory(v.history);
    if (!parsed.success) throw new Error("invalid");
    const s = classifyAndStage(parsed.data, { asOf: v.asOf, ruleSet: v.ruleSet }).staging;
    const expected = v.staging as { maudsley?: { total: number; band: string; duration: number; severity: number; antidepressants: number; augmentation: number; ect: number }; mghs?: number; thaseRush?: number };
    if (expected.maudsley !== undefined) {
      const { total, band, ...dimensions } = expected.maudsley;
      expect(s?.maudsley).toMatchObject({ score: total, band, dimensions });
    }
    if (expected.mghs !== undefined) expect(s?.mghs.score).toBe(expected.mghs);
    if (expected.thaseRush !== undefined) expect(s?.thaseRush.stage).toBe(expected.thaseRush);
  });

  it("D4 plus a failed bilateral ECT course is Stage V", () => {
    const h = build([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "nortriptyline" }, { drug: "phenelzine" }], { otherTreatments: [ect("e1", "2023-01-01", "bilateral")] });
    expect(stageThaseRush(h, classify(h)).stage).toBe(5);
  });
});

describe("stageThaseRush", () => {
  const stage = (specs: Spec[], extra: Partial<TreatmentHistoryInput> = {}, reading?: "sequential" | "tca-at-stage-ii-counts") => {
    const h = build(specs, extra);
    return stageThaseRush(h, classify(h), reading === undefined ? {} : { reading });
  };

  it("is Stage 0 without a failed adequate trial, and Stage I after one", () => {
    expect(stage([]).stage).toBe(0);
    expect(stage([{ drug: "sertraline", improvement: 60 }]).stage).toBe(0);
    expect(stage([{ drug: "sertraline", days: 21 }]).stage).toBe(0);
    expect(stage([{ drug: "sertraline" }])).toMatchObject({ stage: 1, label: "Stage I" });
  });

  it("needs a different class for Stage II", () => {
    expect(stage([{ drug: "sertraline" }, { drug: "escitalopram" }]).stage).toBe(1);
    expect(stage([{ drug: "sertraline" }, { drug: "escitalopram" }]).items.map((i) => i.item)).toContain("not-staged");
    expect(stage([{ drug: "sertraline" }, { drug: "mirtazapine" }]).stage).toBe(2);
  });

  it("needs a TCA after Stage II for Stage III, and an MAOI after that for Stage IV", () => {
    expect(stage([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "nortriptyline" }]).stage).toBe(3);
    expect(stage([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "mirtazapine" }]).stage).toBe(2);
    expect(stage([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "phenelzine" }]).stage).toBe(2);
    expect(stage([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "nortriptyline" }, { drug: "phenelzine" }]).stage).toBe(4);
    expect(stage([{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "nortriptyline" }, { drug: "moclobemide" }]).stage).toBe(3);
  });

  it("reads a TCA at the Stage II position sequentially by default, and as Stage III on request", () => {
    const specs = [{ drug: "sertraline" }, { drug: "nortriptyline" }];
    expect(stage(specs)).toMatchObject({ stage: 2, reading: "sequential" });
    const credited = stage(specs, {}, "tca-at-stage-ii-counts");
    expect(credited).toMatchObject({ stage: 3, reading: "tca-at-stage-ii-counts" });
    expect(credited.items.at(-1)?.message).toContain("reading");
  });

  it("gives Stage V only for failed bilateral ECT after Stage IV", () => {
    const four = [{ drug: "sertraline" }, { drug: "venlafaxine" }, { drug: "nortriptyline" }, { drug: "phenelzine" }];
    expect(stage(four, { otherTreatments: [ect("e1", "2023-01-01", "unilateral")] }).stage).toBe(4);
    expect(stage(four, { otherTreatments: [ect("e1", "2023-01-01", "bilateral", 2)] }).stage).toBe(4);
    expect(stage(four, { otherTreatments: [ect("e1", "2022-01-02", "bilateral")] }).stage).toBe(4);
    expect(stage(four, { otherTreatments: [ect("e1", "2023-01-01", "bilateral")] }).stage).toBe(5);
  });
});

describe("stageEuropean", () => {
  const stage = (specs: Spec[], extra: Partial<TreatmentHistoryInput> = {}, options = {}) => {
    const h = build(specs, extra);
    return stageEuropean(h, classify(h), options);
  };
  const agents = ["sertraline", "venlafaxine", "mirtazapine", "bupropion", "nortriptyline", "phenelzine", "agomelatine"];

  it("is none, then non-responder after one failure or after failures in one class", () => {
    expect(stage([]).stage).toBe("none");
    expect(stage([{ drug: "sertraline" }]).stage).toBe("non-responder");
    expect(stage([{ drug: "sertraline" }, { drug: "escitalopram" }])).toMatchObject({ stage: "non-responder", failedTrials: 2, distinctClasses: 1 });
  });

  it("counts only failures of at least 6 weeks at an adequate dose", () => {
    expect(stage([{ drug: "sertraline", days: 41 }, { drug: "venlafaxine" }]).stage).toBe("non-responder");
    expect(stage([{ drug: "sertraline", days: 42 }, { drug: "venlafaxine" }]).stage).toBe("TRD1");
  });

  it.each([
    [2, "TRD1"],
    [3, "TRD2"],
    [4, "TRD3"],
    [5, "TRD4"],
    [6, "TRD5"],
    [7, "TRD5"],
  ])("reads %i failed trials in two or more classes as %s", (n, expected) => {
    expect(stage(agents.slice(0, n).map((drug) => ({ drug, days: 42 }))).stage).toBe(expected);
  });

  it("counts failed ECT as a class", () => {
    expect(stage([{ drug: "sertraline" }, { drug: "escitalopram" }], { otherTreatments: [ect("e1", "2022-08-01", "unilateral")] })).toMatchObject({ stage: "TRD2", distinctClasses: 2 });
  });

  it("assigns levels by weeks of resistance in the duration reading (18 weeks is TRD2, just under is TRD1)", () => {
    const at = (days: number) => stage([{ drug: "sertraline", days: 63 }, { drug: "venlafaxine", days }], {}, { reading: "duration" });
    expect(at(63)).toMatchObject({ stage: "TRD2", weeksOfResistance: 18, reading: "duration" });
    expect(at(62).stage).toBe("TRD1");
  });

  it("is CRD when resistance spans 12 months (365 days), not 364", () => {
    // Two trials: the first from 2022-01-10; the second ends 365 or 364 days later.
    const span = (days: number) => stage([{ drug: "sertraline", days: 60 }, { drug: "venlafaxine", days: days - 63 }]);
    expect(span(365).stage).toBe("CRD");
    expect(span(364).stage).toBe("TRD1");
  });
});

describe("scoreMghStaging", () => {
  const score = (specs: Spec[], extra: Partial<TreatmentHistoryInput> = {}, reading?: "verified-items" | "with-recalled-items") => {
    const h = build(specs, extra);
    return scoreMghStaging(h, classify(h), reading === undefined ? {} : { reading });
  };

  it("scores 1 per failed adequate trial of at least 6 weeks, and nothing below 6 weeks", () => {
    expect(score([]).score).toBe(0);
    expect(score([{ drug: "sertraline", days: 42 }]).score).toBe(1);
    expect(score([{ drug: "sertraline", days: 41 }]).score).toBe(0);
    expect(score([{ drug: "sertraline", improvement: 60 }]).score).toBe(0);
  });

  it("adds 0.5 for a dose raised above the first adequate dose, not for a start above it", () => {
    expect(score([{ drug: "sertraline", doses: [50, 100] }]).score).toBe(1.5);
    expect(score([{ drug: "sertraline", doses: [25, 50] }]).score).toBe(1);
    expect(score([{ drug: "sertraline", doses: [150] }]).score).toBe(1);
  });

  it("adds 0.5 for augmentation, linked by `augments` or overlapping in time", () => {
    const aug = (augments?: string) => ({ id: "a1", agent: { name: "lithium" }, role: "augmentation" as const, start: "2022-02-01", end: "2022-03-01", mgPerDay: 800, ...(augments === undefined ? {} : { augments }) });
    const h = build([{ drug: "sertraline" }]);
    expect(score([{ drug: "sertraline" }], { trials: [...h.trials, aug("t1")] }).score).toBe(1.5);
    expect(score([{ drug: "sertraline" }], { trials: [...h.trials, aug()] }).score).toBe(1.5);
  });

  it("adds 3 per failed ECT course and reports the register threshold (>=4)", () => {
    const withEct = score([{ drug: "sertraline" }], { otherTreatments: [ect("e1", "2022-06-01", "bilateral")] });
    expect(withEct).toMatchObject({ score: 4, meetsRegisterThreshold: true });
    expect(score([{ drug: "sertraline", doses: [50, 100] }, { drug: "venlafaxine", doses: [75, 150] }, { drug: "mirtazapine" }]).score).toBe(4);
    expect(score([{ drug: "sertraline", doses: [50, 100] }, { drug: "venlafaxine" }, { drug: "mirtazapine" }])).toMatchObject({ score: 3.5, meetsRegisterThreshold: false });
    expect(score([{ drug: "sertraline" }], { otherTreatments: [ect("e1", "2022-06-01", "bilateral", 1)] }).score).toBe(1);
  });

  it("reads '3 point for ECT' literally on request: once for any course given, whatever its outcome", () => {
    const anyCourse = (cgiIs: number[]) => {
      const h = build([{ drug: "sertraline" }], { otherTreatments: cgiIs.map((c, i) => ect(`e${i}`, `2022-0${6 + i}-01`, "bilateral", c)) });
      return [scoreMghStaging(h, classify(h)).score, scoreMghStaging(h, classify(h), { ect: "any-course" }).score];
    };
    expect(anyCourse([1])).toStrictEqual([1, 4]); // a course that worked: 0 by failed courses, 3 given
    expect(anyCourse([4, 4])).toStrictEqual([7, 4]); // two failed courses: 6 by failed courses, 3 once
    expect(anyCourse([])).toStrictEqual([1, 1]);
  });

  it("scores the recalled half points only on request", () => {
    expect(score([{ drug: "sertraline", days: 56 }]).score).toBe(1);
    expect(score([{ drug: "sertraline", days: 56 }], {}, "with-recalled-items")).toMatchObject({ score: 1.5, reading: "with-recalled-items" });
    expect(score([{ drug: "sertraline", days: 42 }], {}, "with-recalled-items").score).toBe(1);
  });
});

describe("scoreMaudsley", () => {
  const msm = (specs: Spec[], extra: Partial<TreatmentHistoryInput> = {}, asOf = AS_OF, options = {}) => {
    const h = build(specs, extra);
    return scoreMaudsley(h, classify(h, asOf), options);
  };
  const onset = "2022-01-01";

  it("scores the episode's duration: whole months by default (Fekadu 2018), days as the register reading (Hägg 2020), and they differ across a 29 February", () => {
    const at = (days: number, options = {}) => msm([{ drug: "sertraline" }], { episode: { onset, severity: "moderate" } }, addDays(onset, days), options).dimensions.duration;
    expect(at(385)).toBe(1); // 12 months and 20 days
    expect(at(396)).toBe(2); // 13 whole months
    const days = { durationReading: "days" };
    expect(at(365, days)).toBe(1);
    expect(at(366, days)).toBe(2);
    expect(at(730, days)).toBe(2);
    expect(at(731, days)).toBe(3);
    const leap = (durationReading: "days" | "whole-months") =>
      msm([{ drug: "sertraline" }], { episode: { onset: "2023-03-01", severity: "moderate" } }, "2024-03-01", { durationReading }).dimensions.duration;
    expect([leap("whole-months"), leap("days")]).toStrictEqual([1, 2]);
  });

  it("takes severity from the clinician, else the first score's band, with psychosis on top", () => {
    const sev = (extra: Partial<TreatmentHistoryInput>, options = {}) => msm([{ drug: "sertraline" }], extra, AS_OF, options).dimensions.severity;
    expect(sev({ episode: { onset, severity: "subsyndromal" } })).toBe(1);
    expect(sev({ episode: { onset, severity: "severe-with-psychosis" } })).toBe(5);
    const madrs = (total: number) => sev({ episode: { onset }, assessments: [{ date: "2022-01-05", scale: "MADRS", total }] });
    expect([6, 7, 19, 20, 34, 35].map(madrs)).toStrictEqual([1, 2, 2, 3, 3, 4]);
    const phq = (total: number) => sev({ episode: { onset }, assessments: [{ date: "2022-01-05", scale: "PHQ-9", total }] });
    expect([4, 5, 9, 10, 19, 20].map(phq)).toStrictEqual([1, 2, 2, 3, 3, 4]);
    expect(sev({ episode: { onset }, patient: { diagnoses: [{ condition: "psychotic-features" }] }, assessments: [{ date: "2022-01-05", scale: "HAM-D17", total: 15 }] })).toBe(5);
    const twoScores = { episode: { onset }, assessments: [{ date: "2022-01-05", scale: "MADRS" as const, total: 22 }, { date: "2022-03-05", scale: "MADRS" as const, total: 40 }] };
    expect(sev(twoScores)).toBe(3);
    expect(sev(twoScores, { severityFrom: "highest-score" })).toBe(4);
    const none = msm([{ drug: "sertraline" }], { episode: { onset } });
    expect(none).toMatchObject({ dimensions: { severity: 0 }, incomplete: ["severity"] });
  });

  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [10, 4],
    [11, 5],
  ])("scores %i failed antidepressants as level %i", (n, level) => {
    const drugs = ["sertraline", "venlafaxine", "mirtazapine", "bupropion", "nortriptyline", "phenelzine", "agomelatine", "escitalopram", "duloxetine", "vortioxetine", "trazodone"];
    expect(msm(drugs.slice(0, n).map((drug) => ({ drug })), { episode: { onset, severity: "moderate" } }).dimensions.antidepressants).toBe(level);
  });

  it("scores augmentation and ECT as used, and bands the total 3-6 / 7-10 / 11-15", () => {
    const base = build([{ drug: "sertraline" }]);
    const aug = { id: "a1", agent: { name: "quetiapine" }, role: "augmentation" as const, start: "2022-02-01", end: "2022-03-01", mgPerDay: 150 };
    const used = msm([{ drug: "sertraline" }], { episode: { onset, severity: "mild" }, trials: [...base.trials, aug], otherTreatments: [ect("e1", "2022-04-01", "unilateral", 1)] }, "2022-12-01");
    expect(used.dimensions).toStrictEqual({ duration: 1, severity: 2, antidepressants: 1, augmentation: 1, ect: 1 });
    expect(used).toMatchObject({ score: 6, band: "mild" });
    const seven = msm([{ drug: "sertraline" }], { episode: { onset, severity: "moderate" }, trials: [...base.trials, aug], otherTreatments: [ect("e1", "2022-04-01", "unilateral", 1)] }, "2022-12-01");
    expect(seven).toMatchObject({ score: 7, band: "moderate" });
    const eleven = msm(["sertraline", "venlafaxine", "mirtazapine"].map((drug) => ({ drug })), { episode: { onset, severity: "severe" }, trials: [...build(["sertraline", "venlafaxine", "mirtazapine"].map((drug) => ({ drug }))).trials, aug], otherTreatments: [ect("e1", "2022-08-01", "unilateral", 1)] }, "2023-06-01");
    expect(eleven).toMatchObject({ score: 10, band: "moderate" });
    const elevenPlus = msm(["sertraline", "venlafaxine", "mirtazapine"].map((drug) => ({ drug })), { episode: { onset, severity: "severe-with-psychosis" }, trials: [...build(["sertraline", "venlafaxine", "mirtazapine"].map((drug) => ({ drug }))).trials, aug], otherTreatments: [ect("e1", "2022-08-01", "unilateral", 1)] }, "2023-06-01");
    expect(elevenPlus).toMatchObject({ score: 11, band: "severe" });
  });

  it("scores no failed antidepressant as 0 and says the dimension is incomplete", () => {
    expect(msm([], { episode: { onset, severity: "moderate" } })).toMatchObject({ dimensions: { antidepressants: 0 }, incomplete: ["antidepressants"] });
  });
});

describe("staging (properties)", () => {
  const pool = ["sertraline", "venlafaxine", "nortriptyline", "phenelzine", "mirtazapine", "escitalopram", "bupropion"];
  it("does not depend on the order of trials or courses", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ drug: fc.constantFrom(...pool), improvement: fc.integer({ min: -10, max: 80 }), days: fc.integer({ min: 20, max: 90 }) }), { maxLength: 7 }), fc.boolean(), fc.array(fc.integer(), { minLength: 1 }), (specs, withEct, order) => {
        const h = build(specs, withEct ? { otherTreatments: [ect("e1", "2024-01-01", "bilateral"), ect("e2", "2021-06-01", "unilateral")] } : {});
        const key = (i: number) => order[i % order.length] ?? 0;
        const shuffled: TreatmentHistory = {
          ...h,
          trials: h.trials.map((t, i) => ({ t, k: key(i) })).sort((a, b) => a.k - b.k).map((x) => x.t),
          otherTreatments: [...h.otherTreatments].reverse(),
        };
        const a = classifyAndStage(h, { asOf: AS_OF }).staging;
        const b = classifyAndStage(shuffled, { asOf: AS_OF }).staging;
        expect(b).toStrictEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
