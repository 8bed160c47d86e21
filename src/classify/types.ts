/**
 * The shapes of a classification: reasons, per-trial assessments and the overall assessment.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { DoseTableId, DrugClass, Verification } from "../catalogue/types";
import type { DateSpan } from "../rules/doseTimeline";
import type { RuleSetId, RuleSetParameters } from "../rules/types";
import type { ScaleId } from "../schema/scales";
import type { Agent, TrialRole } from "../schema/trial";
import type { PseudoResistanceFlagCode, ReasonCode, ReasonKind } from "./reasonCodes";
import type { RuleName } from "./ruleNames";
import type { Evidence, ResistantSince, TrdStatus } from "./evidence";

export type { TrdStatus } from "./evidence";

export type { ReasonCode, ReasonKind, PseudoResistanceFlagCode } from "./reasonCodes";
export type { RuleName } from "./ruleNames";

/**
 * The numbers a rule compared.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const compared: Comparison | undefined = t1?.reasons.find((r) => r.code === "duration_inadequate")?.compared;
 * compared; //=> { value: 3, threshold: 4, unit: "weeks", comparison: ">=", met: false }
 */
export interface Comparison {
  /** The value found in the history. */
  readonly value: number;
  /** The rule's threshold. */
  readonly threshold: number;
  /** Unit of both. */
  readonly unit: "mg/day" | "mmol/L" | "weeks" | "days" | "%" | "points" | "trials" | "fraction" | "years";
  /** The test the value had to pass: `value <comparison> threshold`. */
  readonly comparison: ">=" | ">" | "<=" | "<";
  /** Whether it passed. */
  readonly met: boolean;
}

/**
 * One reason: a stable code, a plain-language message, the trials it concerns, the numbers it
 * compared, and the rule and source it applied.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const reason: Reason | undefined = t1?.reasons.find((r) => r.code === "duration_inadequate");
 * [reason?.kind, reason?.message, reason?.rule, reason?.source]; //=> ["pseudo-resistance", "sertraline (t1): 3 of 4 weeks at or above 50 mg/day", "minWeeksAtAdequateDose", "sforzini-2022-summary"]
 */
export interface Reason {
  /** Stable code. */
  readonly code: ReasonCode;
  /** What the reason is about. */
  readonly kind: ReasonKind;
  /** One plain sentence for a clinician. */
  readonly message: string;
  /** The trials (or treatment courses) it concerns; empty for patient-level reasons. */
  readonly trialIds: readonly string[];
  /** The numbers compared, when the rule compared numbers. */
  readonly compared?: Comparison;
  /** The rule applied: a rule-set parameter, a classifier rule, a dose table or a remission cut-off. */
  readonly rule: RuleName;
  /** The source of the rule or value. */
  readonly source?: SourceId;
  /** How well that source was verified. */
  readonly verification?: Verification;
}

/**
 * The outcome category of one trial.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const categories: OutcomeCategory[] = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-01" }).trials.map((t) => t.outcome.category) : [];
 * categories; //=> ["non-response", "non-response"]
 */
export type OutcomeCategory = "non-response" | "partial-response" | "response" | "remission" | "unknown";

/**
 * A dated score used as a baseline or endpoint.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100 }],
 *   assessments: [{ date: "2024-01-08", scale: "MADRS", total: 30 }, { date: "2024-03-08", scale: "MADRS", total: 27 }],
 * });
 * const outcome = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0]?.outcome : undefined;
 * const endpoint: ScorePoint | undefined = outcome?.basis === "scores" ? outcome.endpoint : undefined;
 * endpoint; //=> { date: "2024-03-08", total: 27 }
 */
export interface ScorePoint {
  /** Date of the rating. */
  readonly date: string;
  /** Total score. */
  readonly total: number;
}

/**
 * How a trial's outcome was decided.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const outcome: TrialOutcome | undefined = t1?.outcome;
 * outcome; //=> { category: "unknown", basis: "none" }
 */
export type TrialOutcome =
  | {
      readonly category: Exclude<OutcomeCategory, "unknown">;
      readonly basis: "scores";
      readonly scale: ScaleId;
      readonly baseline: ScorePoint;
      readonly endpoint: ScorePoint;
      readonly percentImprovement: number;
    }
  | { readonly category: Exclude<OutcomeCategory, "unknown" | "remission">; readonly basis: "recorded-percent"; readonly percentImprovement: number }
  | { readonly category: Exclude<OutcomeCategory, "unknown" | "remission">; readonly basis: "recorded-cgi-i"; readonly cgiI: number }
  | { readonly category: "unknown"; readonly basis: "none" };

/**
 * The dose verdict of one trial.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const dose: DoseVerdict | undefined = t1?.dose;
 * dose; //=> { status: "adequate", reachedMgPerDay: 50, thresholdMgPerDay: 50, table: "licensed-minimum", source: "sertraline-us-label", verification: "primary", ageAdjusted: false }
 */
export type DoseVerdict =
  | {
      readonly status: "adequate" | "inadequate";
      /** Highest daily dose in the counted window. */
      readonly reachedMgPerDay: number;
      /** The threshold applied (after any age cap). */
      readonly thresholdMgPerDay: number;
      /** The table it came from, or `adequacy-model`: the agent's own adequacy rule in the catalogue (lithium's dose fallback). */
      readonly table: DoseTableId | "adequacy-model";
      /** The source of the threshold (the age cap's source when a cap lowered it). */
      readonly source: SourceId;
      /** How well that source was verified. */
      readonly verification: Verification;
      /** Whether an age cap lowered the threshold. */
      readonly ageAdjusted: boolean;
    }
  | {
      readonly status: "adequate" | "inadequate";
      /** Judged by serum level (lithium), as the catalogue's adequacy model says. */
      readonly basis: "serum-level";
      /** Highest serum level in the counted window (mmol/L). */
      readonly reachedMmolPerL: number;
      /** The level needed (mmol/L). */
      readonly thresholdMmolPerL: number;
      /** Highest daily dose in the counted window (0 when none was recorded). */
      readonly reachedMgPerDay: number;
      readonly source: SourceId;
      readonly verification: Verification;
    }
  | { readonly status: "unknown"; readonly reachedMgPerDay: number };

/**
 * The duration verdict of one trial.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const duration: DurationVerdict | undefined = t1?.duration;
 * duration; //=> { status: "inadequate", daysAtAdequateDose: 21, weeksAtAdequateDose: 3, requiredWeeks: 4, totalDays: 21 }
 */
export interface DurationVerdict {
  /** `unknown` when the dose threshold is unknown. */
  readonly status: "adequate" | "inadequate" | "unknown";
  /** Days at or above the threshold in the counted window. */
  readonly daysAtAdequateDose: number;
  /** The same in weeks (days / 7, to 0.1). */
  readonly weeksAtAdequateDose: number;
  /** The rule set's requirement. */
  readonly requiredWeeks: number;
  /** Days from the trial's start to its end (or the as-of date). */
  readonly totalDays: number;
  /** The day the requirement was met, when it was. */
  readonly adequateFrom?: string;
  /**
   * The days counted at or above the adequate dose, as runs of consecutive days (within the
   * counted window, days of poor adherence left out). Only when `countedSpans: true` was asked
   * for (a timeline shades them).
   */
  readonly countedSpans?: readonly DateSpan[];
}

/**
 * The adherence verdict of one trial.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const adherence: AdherenceVerdict | undefined = t1?.adherence;
 * adherence; //=> { status: "unknown" }
 */
export interface AdherenceVerdict {
  /** `unknown` when not documented. */
  readonly status: "adequate" | "poor" | "unknown";
  /** What was recorded, if anything. */
  readonly recorded?: number | "good" | "poor" | "unknown";
}

/**
 * The assessment of one trial.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * [t1?.trialId, t1?.drugId, t1?.adequate, t1?.countsTowardResistance]; //=> ["t1", "sertraline", false, false]
 */
export interface TrialAssessment {
  /** The trial's id. */
  readonly trialId: string;
  /** The agent as recorded. */
  readonly agent: Agent;
  /** The catalogue entry's id, when the agent was found. */
  readonly drugId?: string;
  /** The catalogue name. */
  readonly drugName?: string;
  /** The pharmacological class. */
  readonly drugClass?: DrugClass;
  /** How the agent was used. */
  readonly role: TrialRole;
  /** First day of the trial. */
  readonly start: string;
  /** Last day counted: the trial's end, or the as-of date for an ongoing trial. */
  readonly end: string;
  /** True when the trial had no end on or before the as-of date. */
  readonly ongoing: boolean;
  /** Whether the trial lies (at least partly) in the current episode. */
  readonly inCurrentEpisode: boolean;
  /** Dose verdict. */
  readonly dose: DoseVerdict;
  /** Duration at or above the adequate dose. */
  readonly duration: DurationVerdict;
  /** Adherence verdict. */
  readonly adherence: AdherenceVerdict;
  /** Adequate in dose, duration and adherence, and within the rule set's scope. */
  readonly adequate: boolean;
  /** The outcome. */
  readonly outcome: TrialOutcome;
  /** A failed adequate trial: counts toward resistance (before de-duplicating agents). */
  readonly countsTowardResistance: boolean;
  /** Every verdict's reasons, in the order they were decided. */
  readonly reasons: readonly Reason[];
}

/**
 * Counts behind the status.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const counts: TrdCounts | undefined = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-01" }).counts : undefined;
 * counts; //=> { trials: 2, adequateTrials: 2, failedAdequateTrials: 2, nonResponseFailures: 2, partialResponseFailures: 0, distinctFailedAgents: 2, distinctFailedClasses: 2 }
 */
export interface TrdCounts {
  /** Trials in the history on or before the as-of date. */
  readonly trials: number;
  /** Adequate trials within the rule set's scope. */
  readonly adequateTrials: number;
  /** Adequate trials that failed (before de-duplicating agents). */
  readonly failedAdequateTrials: number;
  /** Distinct failed agents (or classes) whose outcome was non-response. */
  readonly nonResponseFailures: number;
  /** Distinct failed agents (or classes) whose outcome was partial response. */
  readonly partialResponseFailures: number;
  /** Distinct agents among the failed adequate trials. */
  readonly distinctFailedAgents: number;
  /** Distinct classes among the failed adequate trials. */
  readonly distinctFailedClasses: number;
}

/**
 * Signs of pseudo-resistance (and data gaps) found in the history, each with the trials it
 * concerns. Never dropped: every one also appears among the reasons.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const flags: readonly PseudoResistanceFlag[] = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).flags : [];
 * flags; //=> [{ code: "duration_inadequate", trialIds: ["t1"] }, { code: "adherence_not_documented", trialIds: ["t1"] }, { code: "outcome_data_missing", trialIds: ["t1"] }]
 */
export interface PseudoResistanceFlag {
  /** The reason code behind the flag. */
  readonly code: PseudoResistanceFlagCode;
  /** The trials concerned (empty for patient-level flags). */
  readonly trialIds: readonly string[];
}

/**
 * The result of {@link classifyTrd}.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const result: TrdAssessment | undefined = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-01" }) : undefined;
 * [result?.status, result?.applicable, result?.ruleSet.id, result?.ruleSet.parameters.minFailedTrials]; //=> ["no-response", true, "eu-pearl-2022", 2]
 * result?.reasons[0]?.message; //=> "2 failed adequate trial(s) of distinct agents with non-response (<25% improvement); 2 needed"
 */
export interface TrdAssessment {
  /** The status. */
  readonly status: TrdStatus;
  /**
   * False when the rule set's definition does not apply to this patient (bipolar disorder on
   * record under a definition that excludes it). The status still describes the trials; filter on
   * this field before using it as a TRD label.
   */
  readonly applicable: boolean;
  /**
   * What to show, or put in a column: `not-applicable` when the definition does not apply (it
   * leads wherever a result is displayed), else the status.
   */
  readonly displayStatus: TrdStatus | "not-applicable";
  /** The as-of date the caller passed. */
  readonly asOf: string;
  /**
   * For a resistant status, when `resistantSince: true` was asked for: the first date of the
   * resistant period that lasts to `asOf` (the status on it is resistant, on the day before it is
   * not), the trial that completed the criteria, and the event on that date.
   */
  readonly resistantSince?: ResistantSince;
  /** Whether the evidence is complete, and each open question that could change the status. */
  readonly evidence: Evidence;
  /**
   * The rule set that produced the result, with the parameter values in effect (after any
   * overrides), so that a consumer can read, say, `ruleSet.parameters.minFailedTrials` instead of
   * recovering it from a reason.
   */
  readonly ruleSet: {
    readonly id: RuleSetId;
    readonly version: string;
    readonly name: string;
    readonly source: SourceId;
    readonly parameters: RuleSetParameters;
  };
  /** Parameters the caller overrode (empty when none). */
  readonly overrides: Partial<RuleSetParameters>;
  /** The catalogue version used. */
  readonly catalogueVersion: string;
  /** The counts behind the status. */
  readonly counts: TrdCounts;
  /** One assessment per trial on or before the as-of date, in the history's order. */
  readonly trials: readonly TrialAssessment[];
  /** Signs of pseudo-resistance and data gaps. */
  readonly flags: readonly PseudoResistanceFlag[];
  /** Overall reasons: the status decision first, then patient-level facts and counting decisions. */
  readonly reasons: readonly Reason[];
}
