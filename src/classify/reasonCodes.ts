/**
 * The closed vocabularies of a classification's reasons: their codes, their kinds, and the codes
 * that become pseudo-resistance flags.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * Every reason code, grouped by what it is about. Codes are stable: never renamed without a
 * changelog entry (docs/CHANGELOG.md), otherwise only added.
 *
 * @example
 * REASON_CODES.includes("duration_inadequate"); //=> true
 */
export const REASON_CODES = deepFreeze([
  // agent and scope
  "agent_unknown",
  "not_an_antidepressant",
  "trial_after_as_of",
  "trial_outside_current_episode",
  "augmentation_not_counted",
  "combination_not_counted",
  "indication_not_depression",
  "indication_not_recorded",
  "indication_not_recognised",
  // dose
  "dose_adequate",
  "dose_inadequate",
  "dose_threshold_unknown",
  "dose_table_fallback",
  "dose_age_adjusted",
  "dose_impairment_adjusted",
  "impairment_severity_unknown",
  "impairment_not_recommended",
  "dose_unknown_days",
  "dose_not_recorded",
  "age_unknown_for_cap",
  // duration
  "duration_adequate",
  "duration_inadequate",
  "stopped_before_early_stop_weeks",
  // adherence
  "adherence_adequate",
  "adherence_poor",
  "adherence_not_documented",
  "adherence_changed",
  // stop and outcome
  "stopped_for_intolerance",
  "side_effects_recorded",
  "dose_limited_by_side_effects",
  "outcome_non_response",
  "outcome_partial_response",
  "outcome_response",
  "outcome_remission",
  "outcome_data_missing",
  "baseline_missing",
  "endpoint_missing",
  "endpoint_before_adequacy",
  "baseline_zero",
  "recorded_outcome_after_as_of",
  "tachyphylaxis",
  // counting
  "trial_failed",
  "trial_not_failed",
  "same_agent_repeated",
  "same_class_repeated",
  // patient facts
  "bipolar_disorder_on_record",
  "psychotic_features_on_record",
  "substance_use_on_record",
  "thyroid_disease_on_record",
  // status
  "status_no_response",
  "status_partial_response",
  "status_not_yet_resistant",
] as const);

/**
 * A stable reason code: one of {@link REASON_CODES}.
 *
 * @example
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const codes: ReasonCode[] = t1?.reasons.map((r) => r.code) ?? [];
 * codes; //=> ["dose_adequate", "duration_inadequate", "stopped_before_early_stop_weeks", "adherence_not_documented", "baseline_missing", "endpoint_missing", "outcome_data_missing", "trial_not_failed"]
 */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * What a reason is about: a decision the rules made, a sign of pseudo-resistance (an apparent
 * failure that may not be real), a gap in the data, or a note.
 *
 * @example
 * REASON_KINDS[1]; //=> "pseudo-resistance"
 */
export const REASON_KINDS = deepFreeze(["decision", "pseudo-resistance", "data-gap", "note"] as const);

/**
 * One of {@link REASON_KINDS}.
 *
 * @example
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const kinds: ReasonKind[] = t1?.reasons.map((r) => r.kind) ?? [];
 * kinds; //=> ["decision", "pseudo-resistance", "decision", "data-gap", "data-gap", "data-gap", "data-gap", "decision"]
 */
export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * The reason codes that become pseudo-resistance flags (when the reason is not a note), in the
 * order the classifier reports them.
 *
 * @example
 * PSEUDO_RESISTANCE_FLAG_CODES.includes("adherence_poor"); //=> true
 */
export const PSEUDO_RESISTANCE_FLAG_CODES = deepFreeze([
  "dose_inadequate",
  "duration_inadequate",
  "adherence_poor",
  "adherence_not_documented",
  "stopped_for_intolerance",
  "bipolar_disorder_on_record",
  "psychotic_features_on_record",
  "substance_use_on_record",
  "thyroid_disease_on_record",
  "outcome_data_missing",
  "agent_unknown",
  "dose_not_recorded",
] as const satisfies readonly ReasonCode[]);

/**
 * A reason code that is also a pseudo-resistance flag.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const flags: PseudoResistanceFlagCode[] = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).flags.map((f) => f.code) : [];
 * flags; //=> ["duration_inadequate", "adherence_not_documented", "outcome_data_missing"]
 */
export type PseudoResistanceFlagCode = Extract<ReasonCode, (typeof PSEUDO_RESISTANCE_FLAG_CODES)[number]>;

const FLAG_CODE_SET: ReadonlySet<ReasonCode> = new Set(PSEUDO_RESISTANCE_FLAG_CODES);

/**
 * True when a reason with this code becomes a pseudo-resistance flag.
 *
 * @example
 * isPseudoResistanceFlagCode("dose_inadequate"); //=> true
 * isPseudoResistanceFlagCode("dose_adequate"); //=> false
 */
export function isPseudoResistanceFlagCode(code: ReasonCode): code is PseudoResistanceFlagCode {
  return FLAG_CODE_SET.has(code);
}
