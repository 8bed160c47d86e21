/**
 * The Maudsley Staging Method, MSM (Fekadu et al. 2009; standardised 2018).
 *
 * @module
 */
import { resolveAgent } from "../catalogue/resolveAgent";
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
 * const o: ScoreMaudsleyOptions = { durationReading: "whole-months", severityFrom: "highest-score" };
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
 * import { classifyTrd, scoreMaudsley } from "trd-classifier";
 * declare const history: import("trd-classifier").TreatmentHistory;
 * const msm = scoreMaudsley(history, classifyTrd(history, { asOf: "2024-06-30" }));
 * console.log(msm.score, msm.band);
 */
export function scoreMaudsley(history: TreatmentHistory, assessment: TrdAssessment, options: ScoreMaudsleyOptions = {}): MaudsleyScore {
  const asOf = assessment.asOf;
  const rules = rulesOf(assessment, options.rules);
  const items: StagingItem[] = [];
  const incomplete: ("severity" | "antidepressants")[] = [];
  const episode = history.episode;
  const episodeEnd = currentEpisodeEnd(episode, asOf);

  // Duration of the current episode.
  const durationReading = options.durationReading ?? "whole-months";
  const days = daysBetween(episode.onset, episodeEnd);
  const months = wholeMonthsBetween(episode.onset, episodeEnd);
  const duration = durationReading === "days" ? (days <= 365 ? 1 : days <= 730 ? 2 : 3) : months <= 12 ? 1 : months <= 24 ? 2 : 3;
  items.push({
    item: "duration",
    points: duration,
    trialIds: [],
    message: `Episode from ${episode.onset} to ${episodeEnd}: ${days} days (${months} whole months), ${["", "acute", "sub-acute", "chronic"][duration]} (reading: ${durationReading === "days" ? "acute <=365 days, sub-acute <=730" : "acute <=12 whole months, sub-acute <=24"})`,
    ...(durationReading === "days" ? { source: "hagg-2020", verification: "primary" as const } : FEKADU),
  });

  // Severity.
  const from = options.severityFrom ?? "clinician-then-first-score";
  const psychosis = history.patient.diagnoses.some((d) => d.condition === "psychotic-features" && (d.onset === undefined || d.onset <= asOf)) || episode.severity === "severe-with-psychosis";
  const windowStart = addDays(episode.onset, -rules.parameters.baselineWindowDays);
  const episodeScores = history.assessments
    .filter((a) => a.date >= windowStart && a.date <= episodeEnd)
    .sort((a, b) => a.date.localeCompare(b.date) || SCALE_PREFERENCE.indexOf(a.scale) - SCALE_PREFERENCE.indexOf(b.scale));
  let category: SeverityCategory | "severe-with-psychosis" | undefined;
  let basis = "";
  const fromScore = (a: Assessment): void => {
    const band = severityBand(a.scale, a.total);
    category = band.category;
    basis = `${a.scale} ${a.total} on ${a.date} (${band.label})`;
  };
  const clinician = episode.severity;
  if ((from === "clinician" || from === "clinician-then-first-score") && clinician !== undefined) {
    category = clinician;
    basis = `clinician's grading: ${clinician}`;
  } else if (from === "first-score" || from === "clinician-then-first-score") {
    const first = episodeScores[0];
    if (first !== undefined) fromScore(first);
  } else if (from === "highest-score") {
    const highest = episodeScores.reduce<Assessment | undefined>((best, a) => (best === undefined || SEVERITY_POINTS[severityBand(a.scale, a.total).category] > SEVERITY_POINTS[severityBand(best.scale, best.total).category] ? a : best), undefined);
    if (highest !== undefined) fromScore(highest);
  }
  if (category !== undefined && psychosis && category !== "severe-with-psychosis") {
    basis += "; psychotic features on record, so severe with psychosis (reading)";
    category = "severe-with-psychosis";
  }
  const severity = category === undefined ? 0 : SEVERITY_POINTS[category];
  if (category === undefined) incomplete.push("severity");
  items.push({
    item: "severity",
    points: severity,
    trialIds: [],
    message: category === undefined ? `Severity unknown (no clinician grading and no score in the episode; reading: ${from}): 0 points` : `Severity ${category} from ${basis}`,
    ...FEKADU,
  });

  // Failed antidepressants (distinct agents).
  const failed = failedAntidepressantTrials(assessment);
  const agents = new Set(failed.map((t) => t.drugId ?? t.trialId));
  const n = agents.size;
  const antidepressants = n === 0 ? 0 : n <= 2 ? 1 : n <= 4 ? 2 : n <= 6 ? 3 : n <= 10 ? 4 : 5;
  if (n === 0) incomplete.push("antidepressants");
  items.push({
    item: "antidepressants",
    points: antidepressants,
    trialIds: failed.map((t) => t.trialId),
    message: n === 0 ? "No failed antidepressant: the method presumes at least one, so 0 points" : `${n} failed antidepressant(s): level ${antidepressants}`,
    ...FEKADU,
  });

  // Augmentation and ECT used in the current episode.
  const inEpisode = (start: string, end: string | undefined): boolean => inCurrentEpisode(start, end ?? asOf, episode, asOf);
  const augmenters = history.trials.filter((t) => t.start <= asOf && inEpisode(t.start, t.end) && (t.role === "augmentation" || resolveAgent(t.agent)?.role === "augmenting-agent"));
  const ects = history.otherTreatments.filter((c) => c.kind === "ect" && c.start <= asOf && inEpisode(c.start, c.end));
  const augmentation = augmenters.length > 0 ? 1 : 0;
  const ect = ects.length > 0 ? 1 : 0;
  items.push({ item: "augmentation", points: augmentation, trialIds: augmenters.map((t) => t.id), message: augmentation === 1 ? `Augmentation used (${augmenters.map((t) => t.id).join(", ")})` : "No augmentation", ...FEKADU });
  items.push({ item: "ect", points: ect, trialIds: ects.map((c) => c.id), message: ect === 1 ? `ECT used (${ects.map((c) => c.id).join(", ")})` : "No ECT", ...FEKADU });

  const score = duration + severity + antidepressants + augmentation + ect;
  const band = score <= 6 ? "mild" : score <= 10 ? "moderate" : "severe";
  return { model: "maudsley", score, band, dimensions: { duration, severity, antidepressants, augmentation, ect }, items, incomplete };
}
