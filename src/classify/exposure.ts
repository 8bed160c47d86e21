/**
 * A trial's dose threshold and its days at or above it, within the window that counts: the
 * facts the dose, duration and outcome verdicts share. No verdict and no reason here.
 *
 * @module
 */
import type { AdequacyModel, Impairment, ImpairmentSeverity } from "../catalogue/types";
import { addDays, daysBetween, maxDate, minDate } from "../internal/dates";
import { adequateDose } from "../rules/adequateDose";
import type { DoseThreshold } from "../rules/adequateDose";
import { ageOn } from "../rules/ageOn";
import { currentEpisodeEnd } from "../rules/currentEpisode";
import { doseExposure, doseSegments } from "../rules/doseTimeline";
import type { DateSpan, DoseExposure, DoseSegment } from "../rules/doseTimeline";
import type { TreatmentHistory } from "../schema/history";
import type { Trial } from "../schema/trial";
import type { ScopeVerdict } from "./scope";
import type { TrialFacts } from "./trialFacts";

/** The measured exposure of one trial. */
export interface Exposure {
  /** What was measured against the threshold: the daily dose, or a serum level (lithium). */
  readonly measure: "dose" | "serum-level";
  /** The serum-level model applied, when the measure is a level or its dose fallback. */
  readonly serumModel: Extract<AdequacyModel, { kind: "serum-level" }> | undefined;
  /** Days of poor adherence (from `adherenceChanges`) taken out of the count. */
  readonly poorAdherenceDays: number;
  /** Impairments on record whose severity is unknown although the agent has limits for them. */
  readonly impairmentSeverityUnknown: readonly Impairment[];
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
  /** The runs of days counted at or above the threshold, when they were asked for. */
  readonly countedSpans?: readonly DateSpan[];
}

const NONE: readonly Impairment[] = Object.freeze([]);

/** Hepatic and renal impairment on record by the trial's start, with severity where recorded. */
function impairmentsOf(history: TreatmentHistory, on: string): Partial<Record<Impairment, ImpairmentSeverity | "unknown">> | undefined {
  let found: Partial<Record<Impairment, ImpairmentSeverity | "unknown">> | undefined;
  for (const d of history.patient.diagnoses) {
    if (d.onset !== undefined && d.onset > on) continue;
    const impairment = d.condition === "hepatic-impairment" ? "hepatic" : d.condition === "renal-impairment" ? "renal" : undefined;
    if (impairment === undefined) continue;
    found ??= {};
    found[impairment] = d.severity ?? found[impairment] ?? "unknown";
  }
  return found;
}

/** Serum levels as segments: each level holds from its date until the next (mmol/L in `mgPerDay`). */
function levelSegments(trial: Trial, lastDay: string): DoseSegment[] {
  const levels = [...(trial.serumLevels ?? [])].filter((l) => l.date <= lastDay).sort((a, b) => a.date.localeCompare(b.date));
  const segments: DoseSegment[] = [];
  const first = levels[0];
  if (first !== undefined && first.date > trial.start) segments.push({ from: trial.start, to: addDays(first.date, -1), mgPerDay: undefined });
  levels.forEach((l, i) => {
    const next = levels[i + 1];
    segments.push({ from: maxDate(l.date, trial.start), to: next === undefined ? lastDay : addDays(next.date, -1), mgPerDay: l.mmolPerL });
  });
  return segments;
}

/** Dose segments with the days of poor adherence (from `adherenceChanges`) counted at no dose. */
function withAdherence(segments: readonly DoseSegment[], trial: Trial, minFraction: number): { segments: readonly DoseSegment[]; poorDays: number } {
  const changes = trial.adherenceChanges;
  if (changes === undefined) return { segments, poorDays: 0 };
  const poor = (a: Trial["adherence"]): boolean => a === "poor" || (typeof a === "number" && a < minFraction);
  const periods = changes.map((c, i) => ({ from: c.from, to: changes[i + 1] === undefined ? "9999-12-31" : addDays(changes[i + 1]?.from ?? c.from, -1), poor: poor(c.adherence) }));
  const out: DoseSegment[] = [];
  let poorDays = 0;
  for (const seg of segments) {
    let from = seg.from;
    for (const p of periods) {
      if (p.to < from || p.from > seg.to) continue;
      const a = maxDate(p.from, from);
      const b = minDate(p.to, seg.to);
      if (a > from) out.push({ from, to: addDays(a, -1), mgPerDay: seg.mgPerDay });
      out.push({ from: a, to: b, mgPerDay: p.poor && seg.mgPerDay !== undefined ? 0 : seg.mgPerDay });
      if (p.poor) poorDays += daysBetween(a, b) + 1;
      from = addDays(b, 1);
    }
    if (from <= seg.to) out.push({ from, to: seg.to, mgPerDay: seg.mgPerDay });
  }
  return { segments: out, poorDays };
}

/** The serum-level model's threshold: the level with levels on record, else its dose fallback. */
function serumThreshold(model: Extract<AdequacyModel, { kind: "serum-level" }>, trial: Trial): { threshold: DoseThreshold | undefined; measure: Exposure["measure"] } {
  const citation = { source: model.source, verification: model.verification };
  if (trial.serumLevels !== undefined) return { threshold: { status: "found", mgPerDay: model.minMmolPerL, baseMgPerDay: model.minMmolPerL, table: "adequacy-model", citation }, measure: "serum-level" };
  if (model.fallbackMgPerDay === undefined) return { threshold: undefined, measure: "dose" };
  return { threshold: { status: "found", mgPerDay: model.fallbackMgPerDay, baseMgPerDay: model.fallbackMgPerDay, table: "adequacy-model", citation }, measure: "dose" };
}

/**
 * Measures a trial's exposure. Days count only within the current episode (when the rule set
 * asks); a trial outside it is measured over its own dates, for information only. Days of poor
 * adherence do not count. An agent judged by serum level (lithium) is measured by its levels, or
 * by its dose fallback where it has no level on record.
 */
export function measureExposure(facts: TrialFacts, scope: ScopeVerdict, withSpans = false): Exposure {
  const { trial, rules, history, drug, end } = facts;
  const p = rules.parameters;
  const episode = history.episode;
  const clip = p.currentEpisodeOnly && scope.inCurrentEpisode;
  const windowStart = clip ? maxDate(trial.start, episode.onset) : trial.start;
  const windowEnd = clip ? minDate(end, currentEpisodeEnd(episode, facts.asOf)) : end;
  const age = ageOn(history.patient, trial.start);
  const serumModel = drug?.adequacy?.kind === "serum-level" ? drug.adequacy : undefined;
  const impairments = impairmentsOf(history, trial.start);
  const serum = serumModel === undefined ? undefined : serumThreshold(serumModel, trial);
  // Two literals rather than a spread: this runs for every trial.
  const threshold =
    drug === undefined
      ? undefined
      : serum !== undefined
        ? serum.threshold
        : impairments === undefined
          ? adequateDose(drug, { table: p.doseTable, fallback: p.doseTableFallback, ageYears: age })
          : adequateDose(drug, { table: p.doseTable, fallback: p.doseTableFallback, ageYears: age, impairments });
  const measure = serum?.measure ?? "dose";
  const adherent = withAdherence(measure === "serum-level" ? levelSegments(trial, end) : doseSegments(trial, end), trial, p.minAdherenceFraction);
  const thresholdMg = threshold?.status === "found" ? threshold.mgPerDay : undefined;
  const requiredDays = (serumModel?.minWeeks ?? p.minWeeksAtAdequateDose) * 7;
  const spans: DateSpan[] | undefined = withSpans ? [] : undefined;
  const exposure = doseExposure(adherent.segments, { windowStart, windowEnd, thresholdMgPerDay: thresholdMg, requiredDays }, spans);
  const noDoseRecorded = measure === "dose" && adherent.segments.length > 0 && adherent.segments.every((segment) => segment.mgPerDay === undefined);
  const unknownSeverity = impairments === undefined ? NONE : (Object.entries(impairments) as [Impairment, string][]).filter(([i, sev]) => sev === "unknown" && (drug?.impairmentLimits ?? []).some((l) => l.impairment === i)).map(([i]) => i);
  const measured: Exposure = { measure, serumModel, poorAdherenceDays: adherent.poorDays, impairmentSeverityUnknown: unknownSeverity, segments: adherent.segments, age, threshold, thresholdMg, noDoseRecorded, exposure };
  return spans === undefined ? measured : { ...measured, countedSpans: spans };
}
