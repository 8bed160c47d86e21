/**
 * The closed vocabulary of `Reason.rule`: which rule a reason applied.
 *
 * @module
 */
import type { DoseTableId } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { ParameterName } from "../rules/types";
import type { ScaleId } from "../schema/scales";

/**
 * Rules a reason can name that are not rule-set parameters: the catalogue look-up, the
 * indication, the recorded doses, the age caps, the stop reason, the failure decision, the
 * psychotic-features specifier, other causes of pseudo-resistance, counting an agent once, the
 * as-of date, the improvement computation and the outcome.
 *
 * @example
 * CLASSIFIER_RULE_NAMES.includes("catalogue"); //=> true
 */
export const CLASSIFIER_RULE_NAMES = /* @__PURE__ */ deepFreeze([
  "catalogue",
  "indication",
  "doses",
  "ageCaps",
  "stopReason",
  "failedAdequateTrial",
  "specifiers",
  "pseudoResistance",
  "sameAgentOnce",
  "asOf",
  "percentImprovement",
  "outcome",
  "adequacyModel",
  "impairmentLimits",
  "adherenceChanges",
  "sideEffects",
] as const);

/**
 * The rule a reason applied: a rule-set parameter ({@link ParameterName}), one of
 * {@link CLASSIFIER_RULE_NAMES}, a catalogue dose table (`doseTable:<table>`) or a scale's
 * remission cut-off (`remission:<scale>`).
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }],
 * });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * const rules: RuleName[] = t1?.reasons.map((r) => r.rule) ?? [];
 * rules; //=> ["doseTable:licensed-minimum", "minWeeksAtAdequateDose", "earlyStopWeeks", "requireDocumentedAdherence", "baselineWindowDays", "endpointGraceDays", "outcome", "failedAdequateTrial"]
 */
export type RuleName = ParameterName | (typeof CLASSIFIER_RULE_NAMES)[number] | `doseTable:${DoseTableId}` | `remission:${ScaleId}`;
