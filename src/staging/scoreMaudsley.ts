/**
 * The Maudsley Staging Method, MSM (Fekadu et al. 2009; standardised 2018).
 *
 * @module
 */
import { agentOf } from "../catalogue/lookUpAgent";
import { SCALE_PREFERENCE } from "../classify/deriveOutcome";
import type { TrdAssessment } from "../classify/types";
import { addDays, daysBetween, wholeMonthsBetween } from "../internal/dates";
import { currentEpisodeEnd, inCurrentEpisode } from "../rules/currentEpisode";
import { severityBand } from "../rules/severityBands";
import type { SeverityCategory } from "../rules/severityBands";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { Assessment } from "../schema/assessment";
import { failedAntidepressantTrials, rulesOf } from "./courses";
import type { MaudsleyScore, StagingItem } from "./types";

/**
 * Options for {@link scoreMaudsley}.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory, scoreMaudsley } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const options: ScoreMaudsleyOptions = { durationReading: "whole-months", severityFrom: "highest-score" };
 * parsed.success ? scoreMaudsley(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" }), options).dimensions : undefined; //=> { duration: 1, severity: 0, antidepressants: 1, augmentation: 0, ect: 0 }
 */
export interface ScoreMaudsleyOptions {
  /**
   * The 12-to-13-month boundary. `whole-months` (default): acute is at most 12 whole months,
   * sub-acute 13 to 24, as the method's developers standardised it (Fekadu 2018, Table 3: "Acute
   * (≤12 months)", "Sub-acute (13–24 months)"); 12 months and 20 days is still acute. `days`: acute
   * is at most 365 days, sub-acute at most 730 (Hägg 2020, a register adaptation: "Acute (≤365
   * days)"); across a 29 February the two differ (2023-03-01 to 2024-03-01 is 366 days: sub-acute
   * by days, acute by months).
   */
  readonly durationReading?: "days" | "whole-months";
  /**
   * Which fact sets severity. `clinician-then-first-score` (default): the episode's recorded
   * severity, else the first score of the episode; `first-score`; `highest-score` (the most severe
   * band in the episode); `clinician` only. Psychotic features on record (or a clinician's
   * "severe-with-psychosis") give the top category.
   */
  readonly severityFrom?: "clinician-then-first-score" | "first-score" | "highest-score" | "clinician";
  /** The rule set whose baseline window reaches before the onset (default: the assessment's). */
  readonly rules?: RuleSet;
}

const SEVERITY_POINTS: Readonly<Record<SeverityCategory | "severe-with-psychosis", number>> = { subsyndromal: 1, mild: 2, moderate: 3, severe: 4, "severe-with-psychosis": 5 };
const FEKADU = { source: "fekadu-2018", verification: "primary" } as const;

/**
 * Scores a history by the Maudsley Staging Method: episode duration (1-3), severity (1-5),
 * failed antidepressants (1-5), augmentation used (0-1) and ECT used (0-1), total 3-15, banded
 * mild 3-6, moderate 7-10, severe 11-15. With no failed antidepressant the method has no score for
 * that dimension; it is scored 0 and listed in `incomplete`.
 *
 * @param history - The validated history.
 * @param assessment - `classifyTrd`'s result for it.
 * @param options - Readings of the duration boundary and of severity.
 * @returns The total, band, points per dimension and how each was scored.
 * @example
 * import { classifyTrd, parseTreatmentHistory, scoreMaudsley } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const msm = parsed.success ? scoreMaudsley(parsed.data, classifyTrd(parsed.data, { asOf: "2024-06-01" })) : undefined;
 * [msm?.score, msm?.band, msm?.incomplete]; //=> [2, "mild", ["severity"]]
 */
export function scoreMaudsley(history: TreatmentHistory, assessment: TrdAssessment, options: ScoreMaudsleyOptions = {}): MaudsleyScore {
  const asOf = assessment.asOf;
  const rules = rulesOf(assessment, options.rules);
  const episodeEnd = currentEpisodeEnd(history.episode, asOf);
  const duration = durationDimension(history, episodeEnd, options.durationReading ?? "whole-months");
  const severity = severityDimension(history, asOf, episodeEnd, rules, options.severityFrom ?? "clinician-then-first-score");
  const antidepressants = antidepressantsDimension(assessment);
  const used = treatmentsUsed(history, asOf);
  const incomplete: ("severity" | "antidepressants")[] = [];
  if (severity.points === 0) incomplete.push("severity");
  if (antidepressants.points === 0) incomplete.push("antidepressants");
  const dimensions = { duration: duration.points, severity: severity.points, antidepressants: antidepressants.points, augmentation: used.augmentation.points, ect: used.ect.points };
  const score = dimensions.duration + dimensions.severity + dimensions.antidepressants + dimensions.augmentation + dimensions.ect;
  const band = score <= 6 ? "mild" : score <= 10 ? "moderate" : "severe";
  return { model: "maudsley", score, band, dimensions, items: [duration, severity, antidepressants, used.augmentation, used.ect], incomplete };
}

/** Duration of the current episode: acute 1, sub-acute 2, chronic 3. */
function durationDimension(history: TreatmentHistory, episodeEnd: string, reading: "days" | "whole-months"): StagingItem {
  const { onset } = history.episode;
  const days = daysBetween(onset, episodeEnd);
  const months = wholeMonthsBetween(onset, episodeEnd);
  const points = reading === "days" ? (days <= 365 ? 1 : days <= 730 ? 2 : 3) : months <= 12 ? 1 : months <= 24 ? 2 : 3;
  const bounds = reading === "days" ? "acute <=365 days, sub-acute <=730" : "acute <=12 whole months, sub-acute <=24";
  return {
    item: "duration",
    points,
    trialIds: [],
    message: `Episode from ${onset} to ${episodeEnd}: ${days} days (${months} whole months), ${["", "acute", "sub-acute", "chronic"][points]} (reading: ${bounds})`,
    ...(reading === "days" ? { source: "hagg-2020", verification: "primary" as const } : FEKADU),
  };
}

type Severity = SeverityCategory | "severe-with-psychosis";

/** The severity category and what it was read from, as `severityFrom` says (undefined when nothing says). */
function severityFromRecords(history: TreatmentHistory, episodeEnd: string, rules: RuleSet, from: NonNullable<ScoreMaudsleyOptions["severityFrom"]>): { category: Severity; basis: string } | undefined {
  const episode = history.episode;
  const clinician = episode.severity;
  if ((from === "clinician" || from === "clinician-then-first-score") && clinician !== undefined) return { category: clinician, basis: `clinician's grading: ${clinician}` };
  if (from === "clinician") return undefined;
  const windowStart = addDays(episode.onset, -rules.parameters.baselineWindowDays);
  const scores = history.assessments
    .filter((a) => a.date >= windowStart && a.date <= episodeEnd)
    .sort((a, b) => a.date.localeCompare(b.date) || SCALE_PREFERENCE.indexOf(a.scale) - SCALE_PREFERENCE.indexOf(b.scale));
  const points = (a: Assessment): number => SEVERITY_POINTS[severityBand(a.scale, a.total).category];
  const chosen = from === "highest-score" ? scores.reduce<Assessment | undefined>((best, a) => (best === undefined || points(a) > points(best) ? a : best), undefined) : scores[0];
  if (chosen === undefined) return undefined;
  const band = severityBand(chosen.scale, chosen.total);
  return { category: band.category, basis: `${chosen.scale} ${chosen.total} on ${chosen.date} (${band.label})` };
}

/** Severity 1-5 (0 when unknown); psychotic features on record give the top category. */
function severityDimension(history: TreatmentHistory, asOf: string, episodeEnd: string, rules: RuleSet, from: NonNullable<ScoreMaudsleyOptions["severityFrom"]>): StagingItem {
  const psychosis = history.patient.diagnoses.some((d) => d.condition === "psychotic-features" && (d.onset === undefined || d.onset <= asOf)) || history.episode.severity === "severe-with-psychosis";
  const found = severityFromRecords(history, episodeEnd, rules, from);
  if (found === undefined) {
    return { item: "severity", points: 0, trialIds: [], message: `Severity unknown (no clinician grading and no score in the episode; reading: ${from}): 0 points`, ...FEKADU };
  }
  const raised = psychosis && found.category !== "severe-with-psychosis";
  const category: Severity = raised ? "severe-with-psychosis" : found.category;
  const basis = raised ? `${found.basis}; psychotic features on record, so severe with psychosis (reading)` : found.basis;
  return { item: "severity", points: SEVERITY_POINTS[category], trialIds: [], message: `Severity ${category} from ${basis}`, ...FEKADU };
}

/** Failed antidepressants (distinct agents): 1-5 (0 when none, which the method does not define). */
function antidepressantsDimension(assessment: TrdAssessment): StagingItem {
  const failed = failedAntidepressantTrials(assessment);
  const n = new Set(failed.map((t) => t.drugId ?? t.trialId)).size;
  const points = n === 0 ? 0 : n <= 2 ? 1 : n <= 4 ? 2 : n <= 6 ? 3 : n <= 10 ? 4 : 5;
  return {
    item: "antidepressants",
    points,
    trialIds: failed.map((t) => t.trialId),
    message: n === 0 ? "No failed antidepressant: the method presumes at least one, so 0 points" : `${n} failed antidepressant(s): level ${points}`,
    ...FEKADU,
  };
}

/** Augmentation and ECT used in the current episode: 1 point each. */
function treatmentsUsed(history: TreatmentHistory, asOf: string): { augmentation: StagingItem; ect: StagingItem } {
  const inEpisode = (start: string, end: string | undefined): boolean => inCurrentEpisode(start, end ?? asOf, history.episode, asOf);
  const augmenters = history.trials.filter((t) => t.start <= asOf && inEpisode(t.start, t.end) && (t.role === "augmentation" || agentOf(t.agent)?.role === "augmenting-agent"));
  const ects = history.otherTreatments.filter((c) => c.kind === "ect" && c.start <= asOf && inEpisode(c.start, c.end));
  return {
    augmentation: { item: "augmentation", points: augmenters.length > 0 ? 1 : 0, trialIds: augmenters.map((t) => t.id), message: augmenters.length > 0 ? `Augmentation used (${augmenters.map((t) => t.id).join(", ")})` : "No augmentation", ...FEKADU },
    ect: { item: "ect", points: ects.length > 0 ? 1 : 0, trialIds: ects.map((c) => c.id), message: ects.length > 0 ? `ECT used (${ects.map((c) => c.id).join(", ")})` : "No ECT", ...FEKADU },
  };
}
