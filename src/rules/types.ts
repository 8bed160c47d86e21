/**
 * Types of the rule sets: named, versioned bundles of parameters, each parameter with the source
 * it came from.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Citation, DoseTableId } from "../catalogue/types";

/**
 * Every number and switch the classifier uses. A rule set gives each one a value and a citation;
 * a caller may override any of them (`classifyTrd(history, { overrides })`) and the result records
 * the override.
 *
 * @example
 * const strict: Partial<RuleSetParameters> = { minWeeksAtAdequateDose: 8 };
 */
export interface RuleSetParameters {
  /** Failed adequate trials needed for resistance. */
  readonly minFailedTrials: number;
  /** The catalogue dose table that decides dose adequacy. */
  readonly doseTable: DoseTableId;
  /** Tables tried, in order, when `doseTable` has no value for an agent (each use is reported). */
  readonly doseTableFallback: readonly DoseTableId[];
  /** Weeks a trial must spend at or above the adequate dose (titration below it does not count). */
  readonly minWeeksAtAdequateDose: number;
  /** A trial stopped before this many weeks, without clear evidence of non-response, is not a failure. */
  readonly earlyStopWeeks: number;
  /** Improvement (%) below which an outcome is non-response. */
  readonly nonResponseBelowPercent: number;
  /** When true, an improvement exactly at `nonResponseBelowPercent` is still non-response (MGH-ATRQ "<=25%"). */
  readonly nonResponseInclusive: boolean;
  /** Improvement (%) at or above which an outcome is response. */
  readonly responsePercent: number;
  /** Whether partial response (between the two) is a failure of the trial. */
  readonly partialResponseCountsAsFailure: boolean;
  /** Whether one adequate trial with partial response is enough for `partial-response` (EU-PEARL PRD). */
  readonly partialResponseAfterOneTrial: boolean;
  /** Documented adherence fraction at or above which adherence is adequate. */
  readonly minAdherenceFraction: number;
  /** When true, a trial whose adherence is not documented cannot be adequate. */
  readonly requireDocumentedAdherence: boolean;
  /** Count only trials given in the current episode (and only their days within it). */
  readonly currentEpisodeOnly: boolean;
  /** Failed trials must come from different pharmacological classes to count separately. */
  readonly requireDifferentClasses: boolean;
  /** Whether an adequate augmentation trial (lithium, an antipsychotic, T3 added on) counts as a trial. */
  readonly countAugmentation: boolean;
  /** Whether an adequate combination of two antidepressants counts as a trial of the added agent. */
  readonly countCombination: boolean;
  /** Whether the definition excludes bipolar depression (the result is then marked not applicable). */
  readonly excludeBipolar: boolean;
  /** A baseline score must be dated within this many days before the trial's start (or on it). */
  readonly baselineWindowDays: number;
  /** A score up to this many days after a trial's end still counts as its endpoint. */
  readonly endpointGraceDays: number;
  /** Highest CGI-I that counts as response (1 = very much improved, 2 = much improved). */
  readonly cgiIResponseMax: number;
  /** Highest CGI-I that counts as partial response; above it is non-response. */
  readonly cgiIPartialMax: number;
  /** Whether a trial that lost an earlier response at the same dose (tachyphylaxis) counts as a failure. */
  readonly tachyphylaxisCountsAsFailure: boolean;
}

/**
 * The name of a parameter.
 *
 * @example
 * const p: ParameterName = "minWeeksAtAdequateDose";
 */
export type ParameterName = keyof RuleSetParameters;

/**
 * Identifiers of the built-in rule sets.
 *
 * @example
 * const id: RuleSetId = "eu-pearl-2022";
 */
export type RuleSetId = "eu-pearl-2022" | "mgh-atrq" | "regulatory" | "canadian-2021";

/**
 * A named, versioned rule set: parameter values plus the citation of every parameter.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const rules: RuleSet = getRuleSet("canadian-2021");
 */
export interface RuleSet {
  /** Stable identifier. */
  readonly id: RuleSetId;
  /** Version of this rule set; bumped whenever any value or citation changes. */
  readonly version: string;
  /** Human-readable name with its year. */
  readonly name: string;
  /** One paragraph: what the definition is and when to use it. */
  readonly description: string;
  /** The principal source of the definition. */
  readonly source: SourceId;
  /** Parameter values. */
  readonly parameters: RuleSetParameters;
  /** Where every parameter value comes from. */
  readonly provenance: { readonly [K in ParameterName]: Citation };
}
