/**
 * Boundary tests at every threshold, in every rule set: +-1 day, +-1 mg, exactly 25% and 50%,
 * exactly 4 and 6 weeks.
 */
import { describe, expect, it } from "vitest";
import { classifyTrd, findDrug, getRuleSet, listRuleSets } from "trd-classifier";
import type { RuleSetId, TrialAssessment } from "trd-classifier";
import { addDays, historyOf, lastDay, scoredTrial } from "../helpers/build";

const AS_OF = "2024-12-31";
const START = "2023-02-01";

function assessOne(ruleSet: RuleSetId, built: ReturnType<typeof scoredTrial>, extraScores = built.scores): TrialAssessment {
  const result = classifyTrd(historyOf([built.trial], extraScores), { asOf: AS_OF, ruleSet });
  const [trial] = result.trials;
  if (trial === undefined) throw new Error("no trial");
  return trial;
}

/** Sertraline's minimum dose in the rule set's own table. */
const sertralineThreshold = (id: RuleSetId): number => {
  const value = findDrug("sertraline")?.minimumDose[getRuleSet(id).parameters.doseTable]?.mgPerDay;
  if (value === undefined) throw new Error(`no sertraline dose in ${id}`);
  return value;
};

describe.each(listRuleSets().map((r) => r.id))("boundaries under %s", (id) => {
  const p = getRuleSet(id).parameters;
  const requiredDays = p.minWeeksAtAdequateDose * 7;
  const threshold = sertralineThreshold(id);

  it(`duration: exactly ${p.minWeeksAtAdequateDose} weeks at the adequate dose is adequate, one day less is not`, () => {
    const exact = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: requiredDays, mgPerDay: threshold, baseline: 30, endpoint: 28 }));
    const short = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: requiredDays - 1, mgPerDay: threshold, baseline: 30, endpoint: 28 }));
    const long = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: requiredDays + 1, mgPerDay: threshold, baseline: 30, endpoint: 28 }));
    expect(exact.duration).toMatchObject({ status: "adequate", daysAtAdequateDose: requiredDays, weeksAtAdequateDose: p.minWeeksAtAdequateDose });
    expect(short.duration).toMatchObject({ status: "inadequate", daysAtAdequateDose: requiredDays - 1 });
    expect(long.duration.status).toBe("adequate");
    expect(short.reasons).toContainEqual(expect.objectContaining({ code: "duration_inadequate", compared: expect.objectContaining({ threshold: p.minWeeksAtAdequateDose, met: false }) }));
  });

  it("duration: weeks titrating below the threshold do not count", () => {
    const doses = [
      { day: 0, mgPerDay: threshold - 25 },
      { day: 14, mgPerDay: threshold },
    ];
    const enough = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 14 + requiredDays, doses, baseline: 30, endpoint: 28 }));
    const notEnough = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 14 + requiredDays - 1, doses, baseline: 30, endpoint: 28 }));
    expect(enough.duration).toMatchObject({ status: "adequate", daysAtAdequateDose: requiredDays, totalDays: 14 + requiredDays, adequateFrom: lastDay(START, 14 + requiredDays) });
    expect(notEnough.duration.status).toBe("inadequate");
  });

  it("dose: the threshold itself and 1 mg above are adequate, 1 mg below is not", () => {
    const at = (mg: number) => assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: mg, baseline: 30, endpoint: 28 })).dose;
    expect(at(threshold)).toMatchObject({ status: "adequate", thresholdMgPerDay: threshold });
    expect(at(threshold + 1).status).toBe("adequate");
    expect(at(threshold - 1)).toMatchObject({ status: "inadequate", reachedMgPerDay: threshold - 1 });
  });

  it("outcome: exactly 25% improvement follows the rule set's inclusivity", () => {
    const exactly25 = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 20, endpoint: 15 }));
    const expected25 = p.nonResponseInclusive || p.nonResponseBelowPercent > 25 ? "non-response" : "partial-response";
    expect(exactly25.outcome).toMatchObject({ category: expected25, percentImprovement: 25 });
    const just24 = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 25, endpoint: 19 }));
    expect(just24.outcome).toMatchObject({ category: "non-response", percentImprovement: 24 });
    const just26 = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 50, endpoint: 37 }));
    expect(just26.outcome).toMatchObject({ category: p.nonResponseBelowPercent > 26 ? "non-response" : "partial-response", percentImprovement: 26 });
  });

  it("outcome: exactly 50% is response, 48% is not", () => {
    const exactly50 = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 50, endpoint: 25 }));
    expect(exactly50.outcome).toMatchObject({ category: "response", percentImprovement: 50 });
    expect(exactly50.countsTowardResistance).toBe(false);
    const just48 = assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 50, endpoint: 26 }));
    expect(just48.outcome.category).toBe(p.nonResponseBelowPercent === 50 ? "non-response" : "partial-response");
    expect(just48.countsTowardResistance).toBe(true);
  });

  it("outcome: remission at the scale's cut-off, not one point above", () => {
    const at = (endpoint: number) => assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 12, endpoint })).outcome.category;
    expect(at(10)).toBe("remission"); // MADRS <= 10
    expect(at(11)).not.toBe("remission");
  });

  it(`baseline window: a score ${p.baselineWindowDays} days before the start counts, one day earlier does not`, () => {
    const built = scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 30, endpoint: 28 });
    const endpoint = built.scores[1]!;
    const inWindow = assessOne(id, built, [{ date: addDays(START, -p.baselineWindowDays), total: 30 }, endpoint]);
    const outside = assessOne(id, built, [{ date: addDays(START, -p.baselineWindowDays - 1), total: 30 }, endpoint]);
    expect(inWindow.outcome.category).toBe("non-response");
    expect(outside.outcome.category).toBe("unknown");
    expect(outside.reasons.map((r) => r.code)).toContain("baseline_missing");
  });

  it(`endpoint grace: a score ${p.endpointGraceDays} days after the end counts when none is during the trial, one day later does not`, () => {
    const built = scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 30, endpoint: 28 });
    const end = lastDay(START, 70);
    const baseline = built.scores[0]!;
    expect(assessOne(id, built, [baseline, { date: addDays(end, p.endpointGraceDays), total: 28 }]).outcome.category).toBe("non-response");
    expect(assessOne(id, built, [baseline, { date: addDays(end, p.endpointGraceDays + 1), total: 28 }]).outcome.category).toBe("unknown");
  });

  it("adherence: exactly the minimum fraction is adequate, just below is poor", () => {
    const at = (adherence: number) => assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, adherence, baseline: 30, endpoint: 28 }));
    expect(at(p.minAdherenceFraction)).toMatchObject({ adherence: { status: "adequate" }, adequate: true });
    expect(at(p.minAdherenceFraction - 0.01)).toMatchObject({ adherence: { status: "poor" }, adequate: false });
  });

  it(`early stop: a trial stopped after ${p.earlyStopWeeks * 7 - 1} days is flagged, after ${p.earlyStopWeeks * 7} days it is not`, () => {
    const codes = (days: number) =>
      assessOne(id, scoredTrial({ id: "t1", drug: "sertraline", start: START, days, mgPerDay: 100, baseline: 30, endpoint: 20 })).reasons.map((r) => r.code);
    expect(codes(p.earlyStopWeeks * 7 - 1)).toContain("stopped_before_early_stop_weeks");
    expect(codes(p.earlyStopWeeks * 7)).not.toContain("stopped_before_early_stop_weeks");
  });

  it(`status: ${p.minFailedTrials - 1} failed adequate trial is not enough, ${p.minFailedTrials} are`, () => {
    const one = scoredTrial({ id: "t1", drug: "sertraline", start: START, days: 70, mgPerDay: 100, baseline: 30, endpoint: 29 });
    const two = scoredTrial({ id: "t2", drug: "venlafaxine", start: "2023-05-01", days: 70, mgPerDay: 225, baseline: 30, endpoint: 29 });
    const single = classifyTrd(historyOf([one.trial], one.scores), { asOf: AS_OF, ruleSet: id });
    const double = classifyTrd(historyOf([one.trial, two.trial], [...one.scores, ...two.scores]), { asOf: AS_OF, ruleSet: id });
    expect(single.status).toBe("not-yet-resistant");
    expect(single.reasons[0]).toMatchObject({ code: "status_not_yet_resistant", compared: { value: 1, threshold: 2, met: false } });
    expect(double.status).toBe("no-response");
    expect(double.reasons[0]).toMatchObject({ code: "status_no_response", trialIds: ["t1", "t2"], compared: { value: 2, threshold: 2, met: true } });
  });
});

describe("age caps at the birthday", () => {
  // Trimipramine: adult minimum 150 mg/day, geriatric maximum 100 (catalogue 2026.12.0; nortriptyline's
  // elderly 30-50 mg/day is a usual range, not a maximum, so it no longer has a cap).
  const trial = (start: string) => scoredTrial({ id: "t1", drug: "trimipramine", start, days: 70, mgPerDay: 100, baseline: 30, endpoint: 29 });
  const assess = (start: string) => {
    const built = trial(start);
    return classifyTrd(historyOf([built.trial], built.scores, { patient: { birthDate: "1958-03-10", diagnoses: [] } }), { asOf: AS_OF }).trials[0]!;
  };

  it("applies the over-64 trimipramine cap (100 mg/day) from the 65th birthday, not the day before", () => {
    expect(assess("2023-03-10").dose).toMatchObject({ status: "adequate", thresholdMgPerDay: 100, ageAdjusted: true });
    expect(assess("2023-03-09").dose).toMatchObject({ status: "inadequate", thresholdMgPerDay: 150, ageAdjusted: false });
    expect(assess("2023-03-10").reasons).toContainEqual(expect.objectContaining({ code: "dose_age_adjusted", compared: expect.objectContaining({ value: 65, threshold: 64 }) }));
  });
});
