/**
 * One trial against a rule set: agent, scope, episode, dose, duration, adherence and outcome.
 *
 * @module
 */
import { resolveAgent } from "../catalogue/resolveAgent";
import type { DrugEntry } from "../catalogue/types";
import { daysBetween, maxDate, minDate } from "../internal/dates";
import { adequateDose } from "../rules/adequateDose";
import { ageOn } from "../rules/ageOn";
import { currentEpisodeEnd, inCurrentEpisode as inEpisode } from "../rules/currentEpisode";
import { doseExposure, doseSegments } from "../rules/doseTimeline";
import { isFailedOutcome } from "../rules/failedOutcome";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { Agent, Trial } from "../schema/trial";
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { ClassifyTrdOptions } from "../rules/resolveRuleSet";
import { deriveOutcome, indexScores } from "./deriveOutcome";
import type { ScoresByScale } from "./deriveOutcome";
import { reason } from "./reason";
import type { AdherenceVerdict, DoseVerdict, DurationVerdict, Reason, TrialAssessment } from "./types";

/**
 * Every definition counts treatments of the depressive episode; none says in words that a course
 * given for another condition is excluded, so the rule is cited as this library's reading.
 */
const INDICATION_RULE = {
  source: "library-convention",
  verification: "unverified",
  note: "TRD definitions count antidepressant trials given for the depressive episode; a course recorded as prescribed for another condition is not one.",
} as const;

/** Whether the trial's recorded indication keeps it in scope; says so when it was not recorded. */
function indicationInScope(trial: Trial, label: string, ids: readonly string[], reasons: Reason[]): boolean {
  const indication = trial.indication;
  if (indication === undefined || indication === "depression") return true;
  if (indication === "not-recorded") {
    reasons.push(reason("indication_not_recorded", "data-gap", `${label}: no indication recorded; counted as a depression trial, which it would not be if it was prescribed for another condition`, ids, "indication", INDICATION_RULE));
    return true;
  }
  reasons.push(reason("indication_not_depression", "decision", `${label}: prescribed for ${indication.replace(/-/g, " ")}, not for depression, so it is not a depression trial`, ids, "indication", INDICATION_RULE));
  return false;
}

/** Everything about the history that every trial's assessment shares (internal). */
export interface TrialContext {
  readonly history: TreatmentHistory;
  readonly rules: RuleSet;
  readonly asOf: string;
  readonly scores: ScoresByScale;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const weeks = (days: number): number => round1(days / 7);

function describeAgent(agent: Agent, drug: DrugEntry | undefined): string {
  return drug?.name ?? agent.name ?? (agent.rxnorm !== undefined ? `RxNorm ${agent.rxnorm}` : `ATC ${agent.atc ?? "?"}`);
}

/**
 * Assesses one trial of a history under a rule set, exactly as {@link classifyTrd} does for each
 * of its trials. The trial is adequate when it is in scope for the rule set, lies in the
 * current episode (if the rule set asks), reached the adequate dose, spent the required weeks at
 * or above it, and adherence was not poor (nor undocumented, if the rule set requires it). It
 * counts toward resistance when it is adequate and its outcome is non-response (or partial
 * response, where that is a failure), unless it stopped for intolerance, stopped before the rule
 * set's `earlyStopWeeks` without non-response, lost an earlier response at the same dose, or was
 * measured only before it became adequate.
 *
 * @param trial - A validated trial (one of `history.trials`).
 * @param history - The validated history it belongs to (for the episode, patient and scores).
 * @param options - As for {@link classifyTrd}.
 * @returns The assessment with its reasons.
 * @throws {@link TrdOptionsError} when the options are invalid.
 * @example
 * import { assessTrial, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * if (parsed.success) {
 *   const t1 = assessTrial(parsed.data.trials[0]!, parsed.data, { asOf: "2024-06-30" });
 *   t1.duration.status; //=> "inadequate" (3 of 4 weeks)
 * }
 */
export function assessTrial(trial: Trial, history: TreatmentHistory, options: ClassifyTrdOptions): TrialAssessment {
  const { rules } = resolveRuleSet(options);
  return assessTrialInContext(trial, { history, rules, asOf: options.asOf, scores: indexScores(history.assessments, options.asOf) });
}

/** {@link assessTrial} with the rule set resolved and the scores indexed once per history. */
export function assessTrialInContext(trial: Trial, context: TrialContext): TrialAssessment {
  const { history, rules, asOf } = context;
  const p = rules.parameters;
  const reasons: Reason[] = [];
  const ids = [trial.id];
  const drug = resolveAgent(trial.agent);
  const name = describeAgent(trial.agent, drug);
  const label = `${name} (${trial.id})`;
  const ongoing = trial.end === undefined || trial.end > asOf;
  const end = ongoing ? asOf : (trial.end ?? asOf);
  const totalDays = daysBetween(trial.start, end) + 1;

  // Agent and scope.
  let inScope = drug !== undefined;
  if (drug === undefined) {
    reasons.push(reason("agent_unknown", "data-gap", `${label}: not in the catalogue, so dose adequacy cannot be judged`, ids, "catalogue"));
  } else if (drug.role === "rapid-acting") {
    inScope = false;
    reasons.push(reason("not_an_antidepressant", "note", `${label}: ${drug.name} is given in sessions; record courses under otherTreatments`, ids, "catalogue"));
  } else if (drug.role === "augmenting-agent" && trial.role === "monotherapy") {
    inScope = false;
    reasons.push(reason("not_an_antidepressant", "note", `${label}: ${drug.name} alone is not an antidepressant trial`, ids, "catalogue"));
  }
  if (inScope) inScope = indicationInScope(trial, label, ids, reasons);
  // An augmenting agent is always an augmentation; otherwise the recorded role decides.
  const kind = drug?.role === "augmenting-agent" ? "augmentation" : trial.role;
  if (inScope && kind === "augmentation" && !p.countAugmentation) {
    inScope = false;
    reasons.push(reason("augmentation_not_counted", "decision", `${label}: augmentation trials do not count under ${rules.name}`, ids, "countAugmentation", rules.provenance.countAugmentation));
  } else if (inScope && kind === "combination" && !p.countCombination) {
    inScope = false;
    reasons.push(reason("combination_not_counted", "decision", `${label}: combination trials do not count under ${rules.name}`, ids, "countCombination", rules.provenance.countCombination));
  }

  // Episode.
  const episode = history.episode;
  const episodeEnd = currentEpisodeEnd(episode, asOf);
  const inCurrentEpisode = inEpisode(trial.start, end, episode, asOf);
  if (p.currentEpisodeOnly && !inCurrentEpisode) {
    reasons.push(reason("trial_outside_current_episode", "decision", `${label}: outside the current episode (from ${episode.onset})`, ids, "currentEpisodeOnly", rules.provenance.currentEpisodeOnly));
  }
  // Days count only within the current episode; a trial outside it is measured over its own
  // dates, for information only.
  const clip = p.currentEpisodeOnly && inCurrentEpisode;
  const windowStart = clip ? maxDate(trial.start, episode.onset) : trial.start;
  const windowEnd = clip ? minDate(end, episodeEnd) : end;
  // Shortfalls of a trial that cannot count anyway are notes, not signs of pseudo-resistance.
  const relevant = inScope && (!p.currentEpisodeOnly || inCurrentEpisode);
  const shortfall = relevant ? ("pseudo-resistance" as const) : ("note" as const);

  // Dose.
  const requiredDays = p.minWeeksAtAdequateDose * 7;
  const age = ageOn(history.patient, trial.start);
  const threshold = drug === undefined ? undefined : adequateDose(drug, { table: p.doseTable, fallback: p.doseTableFallback, ageYears: age });
  const segments = doseSegments(trial, end);
  const thresholdMg = threshold?.status === "found" ? threshold.mgPerDay : undefined;
  const exposure = doseExposure(segments, { windowStart, windowEnd, thresholdMgPerDay: thresholdMg, requiredDays });
  let dose: DoseVerdict;
  const noDoseRecorded = segments.length > 0 && segments.every((segment) => segment.mgPerDay === undefined);
  if (noDoseRecorded) {
    dose = { status: "unknown", reachedMgPerDay: 0 };
    reasons.push(reason("dose_not_recorded", "data-gap", `${label}: no dose recorded, so dose adequacy cannot be judged`, ids, "doses"));
  } else if (threshold?.status === "found") {
    const met = exposure.reachedMgPerDay >= threshold.mgPerDay;
    const cited = threshold.ageCap ?? threshold.citation;
    dose = {
      status: met ? "adequate" : "inadequate",
      reachedMgPerDay: exposure.reachedMgPerDay,
      thresholdMgPerDay: threshold.mgPerDay,
      table: threshold.table,
      source: cited.source,
      verification: cited.verification,
      ageAdjusted: threshold.ageCap !== undefined,
    };
    reasons.push(
      reason(
        met ? "dose_adequate" : "dose_inadequate",
        met ? "decision" : shortfall,
        `${label}: reached ${exposure.reachedMgPerDay} mg/day; the adequate dose is ${threshold.mgPerDay} mg/day (${threshold.table})`,
        ids,
        `doseTable:${threshold.table}`,
        cited,
        { value: exposure.reachedMgPerDay, threshold: threshold.mgPerDay, unit: "mg/day", comparison: ">=", met },
      ),
    );
    if (threshold.fallbackFrom !== undefined) {
      reasons.push(reason("dose_table_fallback", "note", `${label}: the ${threshold.fallbackFrom} table has no value for ${name}; the ${threshold.table} value was used`, ids, "doseTableFallback", rules.provenance.doseTableFallback));
    }
    if (threshold.ageCap !== undefined && age !== undefined) {
      reasons.push(
        reason("dose_age_adjusted", "note", `${label}: over ${threshold.ageCap.olderThanYears}, ${name} is capped at ${threshold.ageCap.maxMgPerDay} mg/day, so the threshold was lowered from ${threshold.baseMgPerDay}`, ids, "ageCaps", threshold.ageCap, {
          value: age,
          threshold: threshold.ageCap.olderThanYears,
          unit: "years",
          comparison: ">",
          met: true,
        }),
      );
    }
    if (age === undefined && drug !== undefined && drug.ageCaps.some((c) => c.maxMgPerDay < threshold.mgPerDay)) {
      reasons.push(reason("age_unknown_for_cap", "data-gap", `${label}: age unknown, so the lower threshold for older patients could not be applied`, ids, "ageCaps"));
    }
  } else {
    dose = { status: "unknown", reachedMgPerDay: exposure.reachedMgPerDay };
    if (drug !== undefined) {
      reasons.push(reason("dose_threshold_unknown", "data-gap", `${label}: no minimum dose for ${name} in the ${threshold?.status === "none" ? threshold.tablesTried.join(" or ") : p.doseTable} table`, ids, "doseTable", rules.provenance.doseTable));
    }
  }
  if (exposure.unknownDoseDays > 0 && !noDoseRecorded) {
    reasons.push(reason("dose_unknown_days", "data-gap", `${label}: no dose recorded for the first ${exposure.unknownDoseDays} day(s); they do not count`, ids, "doses"));
  }

  // Duration at or above the adequate dose.
  const durationStatus = thresholdMg === undefined || noDoseRecorded ? "unknown" : exposure.daysAtOrAbove >= requiredDays ? "adequate" : "inadequate";
  const weeksAtAdequateDose = weeks(exposure.daysAtOrAbove);
  const adequateFrom = exposure.dayRequirementMet;
  const duration: DurationVerdict =
    adequateFrom === undefined
      ? { status: durationStatus, daysAtAdequateDose: exposure.daysAtOrAbove, weeksAtAdequateDose, requiredWeeks: p.minWeeksAtAdequateDose, totalDays }
      : { status: durationStatus, daysAtAdequateDose: exposure.daysAtOrAbove, weeksAtAdequateDose, requiredWeeks: p.minWeeksAtAdequateDose, totalDays, adequateFrom };
  if (duration.status !== "unknown") {
    const met = duration.status === "adequate";
    reasons.push(
      reason(
        met ? "duration_adequate" : "duration_inadequate",
        met ? "decision" : shortfall,
        `${label}: ${duration.weeksAtAdequateDose} of ${p.minWeeksAtAdequateDose} weeks at or above ${thresholdMg ?? 0} mg/day`,
        ids,
        "minWeeksAtAdequateDose",
        rules.provenance.minWeeksAtAdequateDose,
        { value: duration.weeksAtAdequateDose, threshold: p.minWeeksAtAdequateDose, unit: "weeks", comparison: ">=", met },
      ),
    );
  }
  const stoppedEarly = !ongoing && totalDays < p.earlyStopWeeks * 7;
  if (stoppedEarly) {
    reasons.push(
      reason("stopped_before_early_stop_weeks", "decision", `${label}: stopped after ${weeks(totalDays)} weeks, before the end of week ${p.earlyStopWeeks}; not a failure without clear non-response`, ids, "earlyStopWeeks", rules.provenance.earlyStopWeeks, {
        value: weeks(totalDays),
        threshold: p.earlyStopWeeks,
        unit: "weeks",
        comparison: ">=",
        met: false,
      }),
    );
  }

  // Adherence.
  const recorded = trial.adherence;
  let adherence: AdherenceVerdict;
  if (typeof recorded === "number") {
    const met = recorded >= p.minAdherenceFraction;
    adherence = { status: met ? "adequate" : "poor", recorded };
    reasons.push(
      reason(met ? "adherence_adequate" : "adherence_poor", met ? "decision" : shortfall, `${label}: adherence ${Math.round(recorded * 100)}%; ${Math.round(p.minAdherenceFraction * 100)}% needed`, ids, "minAdherenceFraction", rules.provenance.minAdherenceFraction, {
        value: recorded,
        threshold: p.minAdherenceFraction,
        unit: "fraction",
        comparison: ">=",
        met,
      }),
    );
  } else if (recorded === "good" || recorded === "poor") {
    adherence = { status: recorded === "good" ? "adequate" : "poor", recorded };
    reasons.push(reason(recorded === "good" ? "adherence_adequate" : "adherence_poor", recorded === "good" ? "decision" : shortfall, `${label}: adherence recorded as ${recorded}`, ids, "minAdherenceFraction", rules.provenance.minAdherenceFraction));
  } else {
    adherence = recorded === undefined ? { status: "unknown" } : { status: "unknown", recorded };
    reasons.push(
      reason(
        "adherence_not_documented",
        p.requireDocumentedAdherence ? shortfall : "data-gap",
        `${label}: adherence not documented${p.requireDocumentedAdherence ? `; ${rules.name} requires it` : ""}`,
        ids,
        "requireDocumentedAdherence",
        rules.provenance.requireDocumentedAdherence,
      ),
    );
  }

  const adherenceOk = adherence.status === "adequate" || (adherence.status === "unknown" && !p.requireDocumentedAdherence);
  const adequate = relevant && dose.status === "adequate" && duration.status === "adequate" && adherenceOk;

  // Outcome.
  const derived = deriveOutcome(
    trial,
    context.scores,
    {
      label,
      start: trial.start,
      end,
      asOf,
      adequateFrom: exposure.dayRequirementMet,
      doseOn: (date) => segments.find((s) => s.from <= date && date <= s.to)?.mgPerDay,
    },
    rules,
  );
  reasons.push(...derived.reasons);
  const { outcome } = derived;

  // Failure.
  const failedOutcome = isFailedOutcome(outcome.category, p);
  const intolerance = trial.stopReason === "intolerance";
  if (intolerance) {
    reasons.push(
      reason("stopped_for_intolerance", relevant ? "pseudo-resistance" : "note", `${label}: stopped for intolerance, which is not a failure of efficacy`, ids, "stopReason", {
        source: "library-convention",
        verification: "unverified",
        note: "A trial stopped for intolerance is never a failure, whatever its length; the ATHF is reported to lower the rating of such trials.",
      }),
    );
  }
  const blockers: string[] = [];
  if (!inScope) blockers.push("not a trial that counts under this rule set");
  else if (!relevant) blockers.push("outside the current episode");
  else if (!adequate) blockers.push("not adequate");
  if (!failedOutcome) blockers.push(outcome.category === "unknown" ? "outcome unknown" : `outcome ${outcome.category.replace("-", " ")}`);
  if (intolerance) blockers.push("stopped for intolerance");
  if (stoppedEarly && outcome.category !== "non-response") blockers.push(`stopped before week ${p.earlyStopWeeks}`);
  if (derived.measuredBeforeAdequacy) blockers.push("outcome measured before the trial was adequate");
  if (derived.tachyphylaxis && !p.tachyphylaxisCountsAsFailure) blockers.push("lost an earlier response (tachyphylaxis)");
  const countsTowardResistance = blockers.length === 0;
  reasons.push(
    countsTowardResistance
      ? reason("trial_failed", "decision", `${label}: a failed adequate trial (${outcome.category.replace("-", " ")})`, ids, "failedAdequateTrial")
      : reason("trial_not_failed", "decision", `${label}: does not count toward resistance (${blockers.join("; ")})`, ids, "failedAdequateTrial"),
  );

  // A trial that cannot count has no bearing on pseudo-resistance: its gaps and shortfalls are
  // notes (an unknown agent stays a data gap: it is why the trial cannot count).
  if (!relevant && drug !== undefined) {
    for (let i = 0; i < reasons.length; i++) {
      const r = reasons[i];
      if (r !== undefined && (r.kind === "pseudo-resistance" || r.kind === "data-gap")) reasons[i] = { ...r, kind: "note" };
    }
  }

  // Two literals rather than a spread of the optional drug fields: this runs for every trial.
  return drug === undefined
    ? { trialId: trial.id, agent: trial.agent, role: trial.role, start: trial.start, end, ongoing, inCurrentEpisode, dose, duration, adherence, adequate, outcome, countsTowardResistance, reasons }
    : {
        trialId: trial.id,
        agent: trial.agent,
        drugId: drug.id,
        drugName: drug.name,
        drugClass: drug.drugClass,
        role: trial.role,
        start: trial.start,
        end,
        ongoing,
        inCurrentEpisode,
        dose,
        duration,
        adherence,
        adequate,
        outcome,
        countsTowardResistance,
        reasons,
      };
}
