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
    reason(met ? "dose_adequate" : "dose_inadequate", met ? "decision" : kinds.shortfall, `${label}: reached ${reached} mg/day; the adequate dose is ${threshold.mgPerDay} mg/day (${threshold.table === "adequacy-model" ? `${name}'s dose without a serum level` : threshold.table})`, ids, threshold.table === "adequacy-model" ? "adequacyModel" : `doseTable:${threshold.table}`, threshold.impairmentLimit ?? threshold.ageCap ?? threshold.citation, {
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
  const limit = threshold.impairmentLimit;
  if (limit !== undefined) {
    const how = limit.limit.kind === "max-mg-per-day" ? `at most ${limit.limit.mgPerDay} mg/day` : limit.limit.kind === "fraction-of-dose" ? `${Math.round(limit.limit.fraction * 100)}% of the usual dose` : "not recommended";
    reasons.push(reason("dose_impairment_adjusted", "note", `${label}: with ${limit.impairment} impairment (${limit.severities.join(" or ")}) the label allows ${how}, so the adequate dose is ${threshold.mgPerDay} mg/day`, ids, "impairmentLimits", limit));
  }
  for (const impairment of exposure.impairmentSeverityUnknown) {
    reasons.push(reason("impairment_severity_unknown", kinds.gap, `${label}: ${impairment} impairment on record without its severity, so the label's lower dose limit for it could not be applied`, ids, "impairmentLimits"));
  }
  if (age === undefined && drug !== undefined && drug.ageCaps.some((c) => c.maxMgPerDay < threshold.mgPerDay)) {
    reasons.push(reason("age_unknown_for_cap", kinds.gap, `${label}: age unknown, so the lower threshold for older patients could not be applied`, ids, "ageCaps"));
  }
  return reasons;
}

/** The verdict by serum level (lithium with levels on record), against the catalogue's adequacy model. */
function bySerumLevel(facts: TrialFacts, exposure: Exposure, threshold: Found, kinds: ReasonKinds): Step<DoseVerdict> {
  const reached = exposure.exposure.reachedMgPerDay;
  const met = reached >= threshold.mgPerDay;
  const maxDose = facts.trial.doses?.reduce((m, d) => Math.max(m, d.mgPerDay), 0) ?? facts.trial.mgPerDay ?? 0;
  const message = `${facts.label}: serum level reached ${reached} mmol/L; ${threshold.mgPerDay} mmol/L needed`;
  return {
    verdict: { status: met ? "adequate" : "inadequate", basis: "serum-level", reachedMmolPerL: reached, thresholdMmolPerL: threshold.mgPerDay, reachedMgPerDay: maxDose, source: threshold.citation.source, verification: threshold.citation.verification },
    reasons: [reason(met ? "dose_adequate" : "dose_inadequate", met ? "decision" : kinds.shortfall, message, facts.ids, "adequacyModel", threshold.citation, { value: reached, threshold: threshold.mgPerDay, unit: "mmol/L", comparison: ">=", met })],
  };
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
  if (threshold?.status === "found") return exposure.measure === "serum-level" ? bySerumLevel(facts, exposure, threshold, kinds) : againstThreshold(facts, exposure, threshold, kinds);
  const verdict: DoseVerdict = { status: "unknown", reachedMgPerDay: exposure.exposure.reachedMgPerDay };
  if (drug === undefined) return { verdict, reasons: [] };
  const tables = threshold?.status === "none" ? threshold.tablesTried.join(" or ") : rules.parameters.doseTable;
  return { verdict, reasons: [reason("dose_threshold_unknown", kinds.gap, `${label}: no minimum dose for ${name} in the ${tables} table`, ids, "doseTable", rules.provenance.doseTable)] };
}

/**
 * Side effects recorded while the trial continued: said on the trial, and where the dose stayed
 * below the adequate dose, named as the likely limit (a tolerability limit, not a failure of
 * efficacy at an adequate dose).
 */
function withSideEffects(facts: TrialFacts, step: Step<DoseVerdict>, kinds: ReasonKinds): Step<DoseVerdict> {
  const effects = facts.trial.sideEffects;
  if (effects === undefined) return step;
  const dates = effects.map((e) => e.date).filter((d) => d <= facts.asOf).sort();
  if (dates.length === 0) return step;
  const extra = [reason("side_effects_recorded", "note", `${facts.label}: side effects recorded (${dates.join(", ")}) while the trial continued`, facts.ids, "sideEffects")];
  if (step.verdict.status === "inadequate") {
    extra.push(reason("dose_limited_by_side_effects", kinds.shortfall, `${facts.label}: the dose stayed below the adequate dose with side effects on record: a tolerability limit, not a failure of an adequate dose`, facts.ids, "sideEffects"));
  }
  return { verdict: step.verdict, reasons: [...step.reasons, ...extra] };
}

/**
 * Assesses a trial's dose against the rule set's table (age-capped): adequate, inadequate, or
 * unknown (no dose recorded, unknown agent, or no value in the table).
 */
export function assessDose(facts: TrialFacts, exposure: Exposure, kinds: ReasonKinds): Step<DoseVerdict> {
  const step = withSideEffects(facts, doseVerdict(facts, exposure, kinds), kinds);
  const unknownDays = exposure.exposure.unknownDoseDays;
  if (unknownDays === 0 || exposure.noDoseRecorded) return step;
  const note = reason("dose_unknown_days", kinds.gap, `${facts.label}: no dose recorded for the first ${unknownDays} day(s); they do not count`, facts.ids, "doses");
  return { verdict: step.verdict, reasons: [...step.reasons, note] };
}
