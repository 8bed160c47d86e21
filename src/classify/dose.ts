/**
 * Verdict: did a trial reach the adequate dose?
 *
 * @module
 */
import type { DoseThreshold } from "../rules/adequateDose";
import type { Exposure } from "./exposure";
import { reason } from "./reason";
import type { ReasonKinds, Step, TrialFacts } from "./trialFacts";
import type { DoseVerdict, Reason } from "./types";

type Found = Extract<DoseThreshold, { status: "found" }>;

/** The reasons that go with a threshold found in the catalogue: the comparison, then its notes. */
function foundReasons(facts: TrialFacts, exposure: Exposure, threshold: Found, met: boolean, kinds: ReasonKinds): Reason[] {
  const { label, ids, name, rules, drug } = facts;
  const { age } = exposure;
  const reached = exposure.exposure.reachedMgPerDay;
  const reasons = [
    reason(met ? "dose_adequate" : "dose_inadequate", met ? "decision" : kinds.shortfall, `${label}: reached ${reached} mg/day; the adequate dose is ${threshold.mgPerDay} mg/day (${threshold.table})`, ids, `doseTable:${threshold.table}`, threshold.ageCap ?? threshold.citation, {
      value: reached,
      threshold: threshold.mgPerDay,
      unit: "mg/day",
      comparison: ">=",
      met,
    }),
  ];
  if (threshold.fallbackFrom !== undefined) {
    reasons.push(reason("dose_table_fallback", "note", `${label}: the ${threshold.fallbackFrom} table has no value for ${name}; the ${threshold.table} value was used`, ids, "doseTableFallback", rules.provenance.doseTableFallback));
  }
  const cap = threshold.ageCap;
  if (cap !== undefined && age !== undefined) {
    reasons.push(
      reason("dose_age_adjusted", "note", `${label}: over ${cap.olderThanYears}, ${name} is capped at ${cap.maxMgPerDay} mg/day, so the threshold was lowered from ${threshold.baseMgPerDay}`, ids, "ageCaps", cap, {
        value: age,
        threshold: cap.olderThanYears,
        unit: "years",
        comparison: ">",
        met: true,
      }),
    );
  }
  if (age === undefined && drug !== undefined && drug.ageCaps.some((c) => c.maxMgPerDay < threshold.mgPerDay)) {
    reasons.push(reason("age_unknown_for_cap", kinds.gap, `${label}: age unknown, so the lower threshold for older patients could not be applied`, ids, "ageCaps"));
  }
  return reasons;
}

/** The verdict against a threshold found in the catalogue. */
function againstThreshold(facts: TrialFacts, exposure: Exposure, threshold: Found, kinds: ReasonKinds): Step<DoseVerdict> {
  const reached = exposure.exposure.reachedMgPerDay;
  const met = reached >= threshold.mgPerDay;
  const cited = threshold.ageCap ?? threshold.citation;
  return {
    verdict: {
      status: met ? "adequate" : "inadequate",
      reachedMgPerDay: reached,
      thresholdMgPerDay: threshold.mgPerDay,
      table: threshold.table,
      source: cited.source,
      verification: cited.verification,
      ageAdjusted: threshold.ageCap !== undefined,
    },
    reasons: foundReasons(facts, exposure, threshold, met, kinds),
  };
}

/** The dose verdict, before the note on days without a recorded dose. */
function doseVerdict(facts: TrialFacts, exposure: Exposure, kinds: ReasonKinds): Step<DoseVerdict> {
  const { label, ids, name, rules, drug } = facts;
  const { threshold } = exposure;
  if (exposure.noDoseRecorded) {
    return { verdict: { status: "unknown", reachedMgPerDay: 0 }, reasons: [reason("dose_not_recorded", kinds.gap, `${label}: no dose recorded, so dose adequacy cannot be judged`, ids, "doses")] };
  }
  if (threshold?.status === "found") return againstThreshold(facts, exposure, threshold, kinds);
  const verdict: DoseVerdict = { status: "unknown", reachedMgPerDay: exposure.exposure.reachedMgPerDay };
  if (drug === undefined) return { verdict, reasons: [] };
  const tables = threshold?.status === "none" ? threshold.tablesTried.join(" or ") : rules.parameters.doseTable;
  return { verdict, reasons: [reason("dose_threshold_unknown", kinds.gap, `${label}: no minimum dose for ${name} in the ${tables} table`, ids, "doseTable", rules.provenance.doseTable)] };
}

/**
 * Assesses a trial's dose against the rule set's table (age-capped): adequate, inadequate, or
 * unknown (no dose recorded, unknown agent, or no value in the table).
 */
export function assessDose(facts: TrialFacts, exposure: Exposure, kinds: ReasonKinds): Step<DoseVerdict> {
  const step = doseVerdict(facts, exposure, kinds);
  const unknownDays = exposure.exposure.unknownDoseDays;
  if (unknownDays === 0 || exposure.noDoseRecorded) return step;
  const note = reason("dose_unknown_days", kinds.gap, `${facts.label}: no dose recorded for the first ${unknownDays} day(s); they do not count`, facts.ids, "doses");
  return { verdict: step.verdict, reasons: [...step.reasons, note] };
}
