/**
 * A trial's dose threshold and its days at or above it, within the window that counts: the
 * facts the dose, duration and outcome verdicts share. No verdict and no reason here.
 *
 * @module
 */
import { maxDate, minDate } from "../internal/dates";
import { adequateDose } from "../rules/adequateDose";
import type { DoseThreshold } from "../rules/adequateDose";
import { ageOn } from "../rules/ageOn";
import { currentEpisodeEnd } from "../rules/currentEpisode";
import { doseExposure, doseSegments } from "../rules/doseTimeline";
import type { DoseExposure, DoseSegment } from "../rules/doseTimeline";
import type { ScopeVerdict } from "./scope";
import type { TrialFacts } from "./trialFacts";

/** The measured exposure of one trial. */
export interface Exposure {
  /** The trial's doses over time, up to its last counted day. */
  readonly segments: readonly DoseSegment[];
  /** The patient's age at the trial's start, when known. */
  readonly age: number | undefined;
  /** The adequate dose (undefined for an unknown agent). */
  readonly threshold: DoseThreshold | undefined;
  /** The threshold in mg/day, when one was found. */
  readonly thresholdMg: number | undefined;
  /** True when the trial has days but none of them has a recorded dose. */
  readonly noDoseRecorded: boolean;
  /** Days at or above the threshold, the highest dose reached, and when the requirement was met. */
  readonly exposure: DoseExposure;
}

/**
 * Measures a trial's exposure. Days count only within the current episode (when the rule set
 * asks); a trial outside it is measured over its own dates, for information only.
 */
export function measureExposure(facts: TrialFacts, scope: ScopeVerdict): Exposure {
  const { trial, rules, history, drug, end } = facts;
  const p = rules.parameters;
  const episode = history.episode;
  const clip = p.currentEpisodeOnly && scope.inCurrentEpisode;
  const windowStart = clip ? maxDate(trial.start, episode.onset) : trial.start;
  const windowEnd = clip ? minDate(end, currentEpisodeEnd(episode, facts.asOf)) : end;
  const age = ageOn(history.patient, trial.start);
  const threshold = drug === undefined ? undefined : adequateDose(drug, { table: p.doseTable, fallback: p.doseTableFallback, ageYears: age });
  const segments = doseSegments(trial, end);
  const thresholdMg = threshold?.status === "found" ? threshold.mgPerDay : undefined;
  const exposure = doseExposure(segments, { windowStart, windowEnd, thresholdMgPerDay: thresholdMg, requiredDays: p.minWeeksAtAdequateDose * 7 });
  const noDoseRecorded = segments.length > 0 && segments.every((segment) => segment.mgPerDay === undefined);
  return { segments, age, threshold, thresholdMg, noDoseRecorded, exposure };
}
