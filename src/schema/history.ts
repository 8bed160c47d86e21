/**
 * The root of the input contract: one patient's treatment history.
 *
 * @module
 */
import * as z from "zod";
import { AssessmentSchema } from "./assessment";
import { EpisodeSchema } from "./episode";
import { OtherTreatmentSchema } from "./otherTreatment";
import { PatientSchema } from "./patient";
import type { CrossFieldIssueCode } from "./issues";
import { IdSchema } from "./primitives";
import { SCALES } from "./scales";
import { TrialSchema } from "./trial";

/**
 * Where the cross-field rules report a broken rule: a stable issue code, the path, and what was
 * expected. The zod refinement reports to zod; the fast path (`parseFast`) only notes that
 * something was reported and hands the input to zod.
 */
export type ReportIssue = (trdCode: CrossFieldIssueCode, path: (string | number)[], expected: string) => void;

/**
 * The shape of a history, before the cross-field rules.
 */
const HistoryShapeSchema = z.strictObject({
  /** An opaque record or patient identifier, copied to results and never echoed in errors. */
  id: IdSchema.optional(),
  patient: PatientSchema.default({ diagnoses: [] }),
  /** The current depressive episode: the one whose resistance is being assessed. */
  episode: EpisodeSchema,
  /** Earlier episodes, each ended before the current one began. */
  previousEpisodes: z.array(EpisodeSchema).default([]),
  trials: z.array(TrialSchema).default([]),
  assessments: z.array(AssessmentSchema).default([]),
  otherTreatments: z.array(OtherTreatmentSchema).default([]),
});

/** A history whose shape is valid, before the cross-field rules. */
export type HistoryShape = z.output<typeof HistoryShapeSchema>;

function checkIds(history: HistoryShape, report: ReportIssue): void {
  const seen = new Set<string>();
  const check = (id: string | undefined, path: (string | number)[]): void => {
    if (id === undefined) return;
    if (seen.has(id)) report("duplicate_id", path, "an id not used by another trial, treatment or assessment");
    seen.add(id);
  };
  history.trials.forEach((t, i) => check(t.id, ["trials", i, "id"]));
  history.otherTreatments.forEach((t, i) => check(t.id, ["otherTreatments", i, "id"]));
  history.assessments.forEach((a, i) => check(a.id, ["assessments", i, "id"]));
}

function checkTrials(history: HistoryShape, report: ReportIssue): void {
  const trialIds = new Set(history.trials.map((t) => t.id));
  history.trials.forEach((trial, i) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ["trials", i, ...rest];
    if (trial.end !== undefined && trial.end < trial.start) {
      report("trial_end_before_start", at("end"), "a date on or after the trial's start");
    }
    const doseForms = [trial.mgPerDay, trial.doses, trial.doseUnknown].filter((x) => x !== undefined).length;
    if (doseForms === 0) {
      report("dose_missing", at("doses"), "mgPerDay, a list of dated doses, or doseUnknown: true");
    } else if (doseForms > 1) {
      report("dose_conflict", at("doses"), "one of mgPerDay, doses or doseUnknown");
    }
    trial.doses?.forEach((dose, j) => {
      const previous = j > 0 ? trial.doses?.[j - 1] : undefined;
      if (dose.from < trial.start || (trial.end !== undefined && dose.from > trial.end)) {
        report("dose_change_outside_trial", at("doses", j, "from"), "a date within the trial's start and end");
      } else if (previous !== undefined && dose.from < previous.from) {
        report("dose_changes_out_of_order", at("doses", j, "from"), "dose changes in date order");
      } else if (previous !== undefined && dose.from === previous.from) {
        report("dose_change_duplicate_date", at("doses", j, "from"), "one dose change per date");
      }
    });
    if (trial.augments !== undefined && (!trialIds.has(trial.augments) || trial.augments === trial.id)) {
      report("unknown_trial_reference", at("augments"), "the id of another trial in this history");
    }
    if (trial.outcome !== undefined && trial.outcome.percentImprovement === undefined && trial.outcome.cgiI === undefined) {
      report("outcome_missing_value", at("outcome"), "percentImprovement or cgiI");
    }
  });
}

function checkEpisodes(history: HistoryShape, report: ReportIssue): void {
  const current = history.episode;
  if (current.end !== undefined && current.end < current.onset) {
    report("episode_end_before_onset", ["episode", "end"], "a date on or after the episode's onset");
  }
  history.previousEpisodes.forEach((episode, k) => {
    if (episode.end !== undefined && episode.end < episode.onset) {
      report("episode_end_before_onset", ["previousEpisodes", k, "end"], "a date on or after the episode's onset");
    } else if (episode.onset >= current.onset) {
      report("previous_episode_after_current", ["previousEpisodes", k, "onset"], "a date before the current episode's onset");
    } else if (episode.end !== undefined && episode.end >= current.onset) {
      report("episode_overlap", ["previousEpisodes", k, "end"], "an end before the current episode's onset");
    }
  });
}

function checkPatient(history: HistoryShape, report: ReportIssue): void {
  const { patient } = history;
  if (patient.birthDate !== undefined && patient.age !== undefined) {
    report("age_conflict", ["patient", "age"], "either birthDate or age, not both");
  }
  if (patient.birthDate !== undefined && patient.birthDate > history.episode.onset) {
    report("birth_date_after_event", ["patient", "birthDate"], "a birth date before the episode's onset");
  }
}

function checkAssessments(history: HistoryShape, report: ReportIssue): void {
  history.assessments.forEach((assessment, i) => {
    const scale = SCALES[assessment.scale];
    if (assessment.total < scale.min || assessment.total > scale.max) {
      report("score_out_of_range", ["assessments", i, "total"], `a ${scale.id} total from ${scale.min} to ${scale.max}`);
    }
  });
}

function checkOtherTreatments(history: HistoryShape, report: ReportIssue): void {
  history.otherTreatments.forEach((course, i) => {
    if (course.end !== undefined && course.end < course.start) {
      report("intervention_end_before_start", ["otherTreatments", i, "end"], "a date on or after the course's start");
    }
    if (course.outcome !== undefined && course.outcome.percentImprovement === undefined && course.outcome.cgiI === undefined) {
      report("outcome_missing_value", ["otherTreatments", i, "outcome"], "percentImprovement or cgiI");
    }
  });
}

/**
 * Runs every cross-field rule on a history whose shape is valid, reporting each broken one.
 * Shared by the zod schema and the fast path, so the rules exist once.
 */
export function checkCrossFieldRules(history: HistoryShape, report: ReportIssue): void {
  checkIds(history, report);
  checkTrials(history, report);
  checkEpisodes(history, report);
  checkPatient(history, report);
  checkAssessments(history, report);
  checkOtherTreatments(history, report);
}

/**
 * The treatment-history schema: shape plus cross-field rules (dates in order, doses inside their
 * trial, scores inside their scale, unique ids). Prefer {@link parseTreatmentHistory}, which
 * returns issues with stable codes and paths; use the schema directly to compose it into a larger
 * zod schema.
 *
 * @example
 * import { TreatmentHistorySchema } from "trd-classifier";
 * TreatmentHistorySchema.safeParse({ episode: { onset: "2024-01-01" } }).success; //=> true
 * TreatmentHistorySchema.safeParse({ episode: { onset: "2024-01-01", end: "2023-12-01" } }).success; //=> false
 */
export const TreatmentHistorySchema = HistoryShapeSchema.superRefine((history, ctx) => {
  checkCrossFieldRules(history, (trdCode, path, expected) => ctx.addIssue({ code: "custom", path, message: expected, params: { trdCode } }));
});

/**
 * A validated treatment history (defaults filled in: `role`, empty arrays).
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" } });
 * const history: TreatmentHistory | undefined = parsed.success ? parsed.data : undefined;
 * history; //=> { patient: { diagnoses: [] }, episode: { onset: "2024-01-01" }, previousEpisodes: [], trials: [], assessments: [], otherTreatments: [] }
 */
export interface TreatmentHistory extends z.output<typeof TreatmentHistorySchema> {}

/**
 * What a caller may pass in: the same shape with defaults optional.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const input: TreatmentHistoryInput = {
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-01", mgPerDay: 100 }],
 * };
 * const parsed = parseTreatmentHistory(input);
 * parsed.success ? parsed.data.trials[0]?.role : undefined; //=> "monotherapy"
 */
export interface TreatmentHistoryInput extends z.input<typeof TreatmentHistorySchema> {}
