/**
 * The rule-set parameters as a schema: the one definition of their names, types and allowed
 * ranges. `RuleSetParameters` and `ParameterName` are inferred from it, and overrides (which may
 * come from a CLI flag or a config file) are validated by it.
 *
 * @module
 */
import * as z from "zod";
import { DOSE_TABLE_IDS } from "../catalogue/types";

const DoseTableIdSchema = z.enum(DOSE_TABLE_IDS);

/**
 * Schema of a complete set of rule-set parameters: every number and switch the classifier uses.
 *
 * @example
 * import { RuleSetParametersSchema, getRuleSet } from "trd-classifier";
 * RuleSetParametersSchema.safeParse(getRuleSet("mgh-atrq").parameters).success; //=> true
 */
export const RuleSetParametersSchema = z.strictObject({
  /** Failed adequate trials needed for resistance. */
  minFailedTrials: z.number().int().min(1).max(20),
  /** The catalogue dose table that decides dose adequacy. */
  doseTable: DoseTableIdSchema,
  /** Tables tried, in order, when `doseTable` has no value for an agent (each use is reported). */
  doseTableFallback: z.array(DoseTableIdSchema).max(4).readonly(),
  /** Weeks a trial must spend at or above the adequate dose (titration below it does not count). */
  minWeeksAtAdequateDose: z.number().min(0).max(52),
  /** A trial stopped before this many weeks, without clear evidence of non-response, is not a failure. */
  earlyStopWeeks: z.number().min(0).max(52),
  /** Improvement (%) below which an outcome is non-response. */
  nonResponseBelowPercent: z.number().min(0).max(100),
  /** When true, an improvement exactly at `nonResponseBelowPercent` is still non-response (MGH-ATRQ "<=25%"). */
  nonResponseInclusive: z.boolean(),
  /** Improvement (%) at or above which an outcome is response. */
  responsePercent: z.number().min(0).max(100),
  /** Whether partial response (between the two) is a failure of the trial. */
  partialResponseCountsAsFailure: z.boolean(),
  /** Whether one adequate trial with partial response is enough for `partial-response` (EU-PEARL PRD). */
  partialResponseAfterOneTrial: z.boolean(),
  /** Documented adherence fraction at or above which adherence is adequate. */
  minAdherenceFraction: z.number().min(0).max(1),
  /** When true, a trial whose adherence is not documented cannot be adequate. */
  requireDocumentedAdherence: z.boolean(),
  /** Count only trials given in the current episode (and only their days within it). */
  currentEpisodeOnly: z.boolean(),
  /** Failed trials must come from different pharmacological classes to count separately. */
  requireDifferentClasses: z.boolean(),
  /** Whether an adequate augmentation trial (lithium, an antipsychotic, T3 added on) counts as a trial. */
  countAugmentation: z.boolean(),
  /** Whether an adequate combination of two antidepressants counts as a trial of the added agent. */
  countCombination: z.boolean(),
  /** Whether the definition excludes bipolar depression (the result is then marked not applicable). */
  excludeBipolar: z.boolean(),
  /** A baseline score must be dated within this many days before the trial's start (or on it). */
  baselineWindowDays: z.number().int().min(0).max(365),
  /** A score up to this many days after a trial's end still counts as its endpoint. */
  endpointGraceDays: z.number().int().min(0).max(365),
  /** Highest CGI-I that counts as response (1 = very much improved, 2 = much improved). */
  cgiIResponseMax: z.number().int().min(1).max(7),
  /** Highest CGI-I that counts as partial response; above it is non-response. */
  cgiIPartialMax: z.number().int().min(1).max(7),
  /** Whether a trial that lost an earlier response at the same dose (tachyphylaxis) counts as a failure. */
  tachyphylaxisCountsAsFailure: z.boolean(),
});

/**
 * Schema of a partial set of rule-set parameters, as accepted by `classifyTrd`'s `overrides`.
 *
 * @example
 * import { RuleSetOverridesSchema } from "trd-classifier";
 * RuleSetOverridesSchema.safeParse({ minWeeksAtAdequateDose: 8 }).success; //=> true
 * RuleSetOverridesSchema.safeParse({ minWeeksAtAdequateDoze: 8 }).success; //=> false
 */
export const RuleSetOverridesSchema = RuleSetParametersSchema.partial();

/**
 * Every parameter name, in the schema's order.
 *
 * @example
 * PARAMETER_NAMES[0]; //=> "minFailedTrials"
 */
export const PARAMETER_NAMES = Object.freeze([...RuleSetParametersSchema.keyof().options]);
