/**
 * The trial table (`--per trial`): one row per trial the classifier assessed (trials on or before
 * the as-of date), or one error row for an invalid record. Every value is read from the
 * classifier's own `TrialAssessment`; nothing is recomputed here. docs/cli.md is its data
 * dictionary.
 */
import type { TrialAssessment, TrdAssessment } from "../index";
import { provenanceColumns } from "./columns";
import type { Cell, Column, Provenance } from "./columns";

/** One row of the trial table: a trial of a classified record, or an invalid record (`error` set). */
export interface TrialRow {
  /** First line of the patient's record in the input (1-based). */
  readonly line: number;
  /** The patient's id, when it could be read. */
  readonly id: string | undefined;
  /** The patient's displayed result (`TrdAssessment.displayStatus`), or `invalid`. */
  readonly result: TrdAssessment["displayStatus"] | "invalid";
  readonly provenance: Provenance;
  /** The trial (absent on an error row). */
  readonly trial?: TrialAssessment;
  /** What made the record invalid. */
  readonly error?: string;
}

/** A column read from the trial; empty on an error row. */
function fromTrial(name: string, json: string, value: (t: TrialAssessment) => Cell): Column<TrialRow> {
  return { name, json, value: (r) => (r.trial === undefined ? undefined : value(r.trial)) };
}

/** The dose verdict's compared numbers, in their unit; nothing when nothing was compared. */
function compared(t: TrialAssessment): { reached: number; threshold: number; unit: "mg/day" | "mmol/L" } | undefined {
  const d = t.dose;
  if (d.status === "unknown") return undefined;
  return "basis" in d ? { reached: d.reachedMmolPerL, threshold: d.thresholdMmolPerL, unit: "mmol/L" } : { reached: d.reachedMgPerDay, threshold: d.thresholdMgPerDay, unit: "mg/day" };
}

/**
 * The highest daily dose in the counted window, in mg/day; empty when the classifier found no
 * dose on record (it reports 0 then: `dose_not_recorded`, or 0 on a serum-level verdict).
 */
function maxMgPerDay(t: TrialAssessment): number | undefined {
  if (t.reasons.some((r) => r.code === "dose_not_recorded")) return undefined;
  if ("basis" in t.dose && t.dose.reachedMgPerDay === 0) return undefined;
  return t.dose.reachedMgPerDay;
}

/** The outcome's scores, when it was decided on scores. */
function scores(t: TrialAssessment) {
  return t.outcome.basis === "scores" ? t.outcome : undefined;
}

/** The columns of the trial table, in order. */
export const TRIAL_COLUMNS: readonly Column<TrialRow>[] = Object.freeze([
  { name: "line", json: "line", value: (r: TrialRow) => r.line },
  { name: "id", json: "id", value: (r: TrialRow) => r.id },
  { name: "result", json: "result", value: (r: TrialRow) => r.result },
  fromTrial("trial_id", "trialId", (t) => t.trialId),
  fromTrial("drug_id", "drugId", (t) => t.drugId),
  fromTrial("agent_name", "agentName", (t) => t.agent.name),
  fromTrial("agent_rxnorm", "agentRxnorm", (t) => t.agent.rxnorm),
  fromTrial("agent_atc", "agentAtc", (t) => t.agent.atc),
  fromTrial("drug_class", "drugClass", (t) => t.drugClass),
  fromTrial("role", "role", (t) => t.role),
  fromTrial("start", "start", (t) => t.start),
  fromTrial("end", "end", (t) => t.end),
  fromTrial("ongoing", "ongoing", (t) => t.ongoing),
  fromTrial("in_current_episode", "inCurrentEpisode", (t) => t.inCurrentEpisode),
  fromTrial("dose_status", "doseStatus", (t) => t.dose.status),
  fromTrial("dose_reached", "doseReached", (t) => compared(t)?.reached),
  fromTrial("dose_threshold", "doseThreshold", (t) => compared(t)?.threshold),
  fromTrial("dose_unit", "doseUnit", (t) => compared(t)?.unit),
  fromTrial("dose_table", "doseTable", (t) => ("table" in t.dose ? t.dose.table : undefined)),
  fromTrial("dose_source", "doseSource", (t) => ("source" in t.dose ? t.dose.source : undefined)),
  fromTrial("dose_verification", "doseVerification", (t) => ("verification" in t.dose ? t.dose.verification : undefined)),
  fromTrial("dose_age_adjusted", "doseAgeAdjusted", (t) => ("ageAdjusted" in t.dose ? t.dose.ageAdjusted : undefined)),
  fromTrial("max_mg_per_day", "maxMgPerDay", maxMgPerDay),
  fromTrial("duration_status", "durationStatus", (t) => t.duration.status),
  fromTrial("weeks_at_adequate_dose", "weeksAtAdequateDose", (t) => (t.duration.status === "unknown" ? undefined : t.duration.weeksAtAdequateDose)),
  fromTrial("weeks_needed", "weeksNeeded", (t) => t.duration.requiredWeeks),
  fromTrial("adequate_from", "adequateFrom", (t) => t.duration.adequateFrom),
  fromTrial("adherence_status", "adherenceStatus", (t) => t.adherence.status),
  fromTrial("adherence_fraction", "adherenceFraction", (t) => (typeof t.adherence.recorded === "number" ? t.adherence.recorded : undefined)),
  fromTrial("adherence_rating", "adherenceRating", (t) => (typeof t.adherence.recorded === "string" ? t.adherence.recorded : undefined)),
  fromTrial("adequate", "adequate", (t) => t.adequate),
  fromTrial("outcome", "outcome", (t) => t.outcome.category),
  fromTrial("outcome_basis", "outcomeBasis", (t) => t.outcome.basis),
  fromTrial("percent_improvement", "percentImprovement", (t) => ("percentImprovement" in t.outcome ? t.outcome.percentImprovement : undefined)),
  fromTrial("cgi_i", "cgiI", (t) => ("cgiI" in t.outcome ? t.outcome.cgiI : undefined)),
  fromTrial("outcome_scale", "outcomeScale", (t) => scores(t)?.scale),
  fromTrial("baseline_date", "baselineDate", (t) => scores(t)?.baseline.date),
  fromTrial("baseline_total", "baselineTotal", (t) => scores(t)?.baseline.total),
  fromTrial("endpoint_date", "endpointDate", (t) => scores(t)?.endpoint.date),
  fromTrial("endpoint_total", "endpointTotal", (t) => scores(t)?.endpoint.total),
  fromTrial("counts_toward_resistance", "countsTowardResistance", (t) => t.countsTowardResistance),
  ...provenanceColumns<TrialRow>(),
  { name: "error", json: "error", value: (r: TrialRow) => r.error },
]);
