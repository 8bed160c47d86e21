/**
 * Verdict: did a trial spend long enough at or above the adequate dose, and did it stop early?
 *
 * @module
 */
import type { Exposure } from "./exposure";
import { reason } from "./reason";
import { weeks } from "./trialFacts";
import type { ReasonKinds, Step, TrialFacts } from "./trialFacts";
import type { DurationVerdict, Reason } from "./types";

/** The duration verdict, and whether the trial stopped before the rule set's early-stop week. */
export interface DurationStep extends Step<DurationVerdict> {
  readonly stoppedEarly: boolean;
}

/** The duration verdict alone (unknown when the dose threshold or every dose is unknown). */
function durationVerdict(facts: TrialFacts, exposure: Exposure): DurationVerdict {
  const required = facts.rules.parameters.minWeeksAtAdequateDose;
  const { daysAtOrAbove, dayRequirementMet } = exposure.exposure;
  const status = exposure.thresholdMg === undefined || exposure.noDoseRecorded ? "unknown" : daysAtOrAbove >= required * 7 ? "adequate" : "inadequate";
  const weeksAtAdequateDose = weeks(daysAtOrAbove);
  const { totalDays } = facts;
  // Two literals rather than a spread: this runs for every trial.
  const verdict: DurationVerdict =
    dayRequirementMet === undefined
      ? { status, daysAtAdequateDose: daysAtOrAbove, weeksAtAdequateDose, requiredWeeks: required, totalDays }
      : { status, daysAtAdequateDose: daysAtOrAbove, weeksAtAdequateDose, requiredWeeks: required, totalDays, adequateFrom: dayRequirementMet };
  // The counted spans only when asked for (classifyTrd's `countedSpans`).
  return exposure.countedSpans === undefined ? verdict : { ...verdict, countedSpans: exposure.countedSpans };
}

/** "8.1 weeks at or above 20 mg/day; 4 needed", or a shortfall: "3 of 4 weeks …", "ongoing: 2 of 4 weeks so far …". */
function durationMessage(facts: TrialFacts, verdict: DurationVerdict, thresholdMg: number): string {
  const at = `at or above ${thresholdMg} mg/day`;
  if (verdict.status === "adequate") return `${facts.label}: ${verdict.weeksAtAdequateDose} weeks ${at}; ${verdict.requiredWeeks} needed`;
  if (facts.ongoing) return `${facts.label}: ongoing, ${verdict.weeksAtAdequateDose} of ${verdict.requiredWeeks} weeks ${at} so far`;
  return `${facts.label}: ${verdict.weeksAtAdequateDose} of ${verdict.requiredWeeks} weeks ${at}`;
}

/** Assesses the weeks at or above the adequate dose, and an early stop. */
export function assessDuration(facts: TrialFacts, exposure: Exposure, kinds: ReasonKinds): DurationStep {
  const { rules, label, ids, totalDays } = facts;
  const p = rules.parameters;
  const verdict = durationVerdict(facts, exposure);
  const reasons: Reason[] = [];
  if (verdict.status !== "unknown") {
    const met = verdict.status === "adequate";
    reasons.push(
      reason(met ? "duration_adequate" : "duration_inadequate", met ? "decision" : kinds.shortfall, durationMessage(facts, verdict, exposure.thresholdMg ?? 0), ids, "minWeeksAtAdequateDose", rules.provenance.minWeeksAtAdequateDose, {
        value: verdict.weeksAtAdequateDose,
        threshold: p.minWeeksAtAdequateDose,
        unit: "weeks",
        comparison: ">=",
        met,
      }),
    );
  }
  const stoppedEarly = !facts.ongoing && totalDays < p.earlyStopWeeks * 7;
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
  return { verdict, reasons, stoppedEarly };
}
