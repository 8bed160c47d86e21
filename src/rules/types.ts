/**
 * Types of the rule sets: named, versioned bundles of parameters, each parameter with the source
 * it came from.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type * as z from "zod";
import type { Citation } from "../catalogue/types";
import type { PARAMETER_NAMES, RuleSetParametersSchema } from "./ruleSetParametersSchema";

/**
 * Every number and switch the classifier uses, inferred from {@link RuleSetParametersSchema}
 * (each field is documented there). A rule set gives each one a value and a citation; a caller
 * may override any of them (`classifyTrd(history, { overrides })`) and the result records the
 * override.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const parameters: RuleSetParameters = getRuleSet("regulatory").parameters;
 * [parameters.minFailedTrials, parameters.minWeeksAtAdequateDose, parameters.requireDocumentedAdherence]; //=> [2, 6, true]
 */
export type RuleSetParameters = Readonly<z.output<typeof RuleSetParametersSchema>>;

/**
 * The name of a parameter: one of {@link PARAMETER_NAMES}.
 *
 * @example
 * import { PARAMETER_NAMES } from "trd-classifier";
 * const names: readonly ParameterName[] = PARAMETER_NAMES;
 * names.slice(0, 3); //=> ["minFailedTrials", "doseTable", "doseTableFallback"]
 */
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/**
 * Identifiers of the built-in rule sets.
 *
 * @example
 * import { DEFAULT_RULE_SET_ID, isRuleSetId } from "trd-classifier";
 * const id: RuleSetId = DEFAULT_RULE_SET_ID;
 * [id, isRuleSetId("eu-pearl")]; //=> ["eu-pearl-2022", false]
 */
export type RuleSetId = "eu-pearl-2022" | "mgh-atrq" | "regulatory" | "canadian-2021";

/**
 * A named, versioned rule set: parameter values plus the citation of every parameter.
 *
 * @example
 * import { getRuleSet } from "trd-classifier";
 * const rules: RuleSet = getRuleSet("canadian-2021");
 * [rules.version, rules.source, rules.provenance.minFailedTrials.source]; //=> ["1.1.0", "rybak-2021", "rybak-2021"]
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
