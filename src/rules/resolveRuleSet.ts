/**
 * Classification options: validation, and overrides applied to a rule set.
 *
 * @module
 */
import { isCalendarDate } from "../internal/dates";
import { formatPath, makeIssue } from "../schema/issues";
import type { TrdIssue } from "../schema/issues";
import { applyOverrides } from "./applyOverrides";
import { RuleSetOverridesSchema } from "./ruleSetParametersSchema";
import { DEFAULT_RULE_SET_ID, isRuleSetId, ruleSetFacts } from "./ruleSets";
import type { RuleSet, RuleSetId, RuleSetParameters } from "./types";

/**
 * Options for {@link classifyTrd} and {@link assessTrial}: the as-of date, the rule set and overrides.
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
 * const options: ClassifyTrdOptions = { asOf: "2024-06-01", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 10 } };
 * parsed.success ? classifyTrd(parsed.data, options).status : undefined; //=> "not-yet-resistant"
 */
export interface ClassifyTrdOptions {
  /** The date the classification is made for (`YYYY-MM-DD`): later events are ignored, and an ongoing trial counts up to it. */
  readonly asOf: string;
  /** A built-in rule set's id (default {@link DEFAULT_RULE_SET_ID}) or a custom {@link RuleSet}. */
  readonly ruleSet?: RuleSetId | RuleSet;
  /** Parameters to override; the result records them. */
  readonly overrides?: Partial<RuleSetParameters>;
  /**
   * Also find `resistantSince` for a resistant result: the first date its criteria were met. It
   * costs about two more classifications of the history for each resistant patient, so it is off
   * unless asked for.
   */
  readonly resistantSince?: boolean;
  /**
   * Also record, on each trial's duration verdict, the runs of days counted at the adequate dose
   * (`duration.countedSpans`), which a timeline shades. Off unless asked for.
   */
  readonly countedSpans?: boolean;
}

/**
 * Thrown by {@link classifyTrd} for invalid options (a programming error, unlike a bad history,
 * which {@link parseTreatmentHistory} reports as data). Carries the issues.
 *
 * @example
 * import { TrdOptionsError, classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" } });
 * const codes = (() => {
 *   try {
 *     if (parsed.success) classifyTrd(parsed.data, { asOf: "2024-02-30" });
 *     return [];
 *   } catch (error) {
 *     return error instanceof TrdOptionsError ? error.issues.map((i) => `${i.code} at ${i.path}`) : ["not a TrdOptionsError"];
 *   }
 * })();
 * codes; //=> ["invalid_date_format at asOf"]
 */
export class TrdOptionsError extends Error {
  /** What was wrong with the options. */
  readonly issues: readonly TrdIssue[];

  constructor(issues: readonly TrdIssue[]) {
    super(`classifyTrd: invalid options: ${issues.map((i) => i.message).join("; ")}`);
    this.name = "TrdOptionsError";
    this.issues = issues;
  }
}

/**
 * The effective rule set of a classification and the overrides that made it.
 *
 * @example
 * resolveRuleSet({ asOf: "2024-06-30", overrides: { minFailedTrials: 3 } }).overrides; //=> { minFailedTrials: 3 }
 */
export interface ResolvedRuleSet {
  /** The rule set with the overrides applied (each overridden parameter cited as the caller's). */
  readonly rules: RuleSet;
  /** The validated overrides (empty when none). */
  readonly overrides: Partial<RuleSetParameters>;
}

const OPTION_KEYS: ReadonlySet<string> = new Set<keyof ClassifyTrdOptions>(["asOf", "ruleSet", "overrides", "resistantSince", "countedSpans"]);

/** An issue per key that is not an option (a JavaScript caller's typo is not silently ignored). */
function unknownOptionIssues(options: ClassifyTrdOptions): TrdIssue[] {
  const issues: TrdIssue[] = [];
  for (const key in options) {
    if (OPTION_KEYS.has(key)) continue;
    const hint = key === "staging" ? "; for the staging models, call classifyAndStage" : "";
    issues.push(makeIssue("unrecognized_key", formatPath([key]), `the options are asOf, ruleSet, overrides, resistantSince and countedSpans${hint}`));
  }
  return issues;
}

/**
 * Validates classification options and applies the overrides to the chosen rule set. Overridden
 * parameters are re-cited as caller overrides (`library-convention`, `unverified`) so that no
 * result credits a published source with a value it does not give.
 *
 * @param options - As for {@link classifyTrd}.
 * @returns The effective rule set and the validated overrides.
 * @throws {@link TrdOptionsError} when `asOf`, the rule set or an override is invalid.
 * @example
 * const { rules } = resolveRuleSet({ asOf: "2024-06-30", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 8 } });
 * rules.parameters.minWeeksAtAdequateDose; //=> 8
 */
export function resolveRuleSet(options: ClassifyTrdOptions): ResolvedRuleSet {
  const issues: TrdIssue[] = unknownOptionIssues(options);
  if (typeof options.asOf !== "string" || !isCalendarDate(options.asOf)) issues.push(makeIssue("invalid_date_format", "asOf", "a calendar date as YYYY-MM-DD"));
  let base: RuleSet | undefined;
  const requested = options.ruleSet ?? DEFAULT_RULE_SET_ID;
  if (typeof requested === "string") {
    if (isRuleSetId(requested)) base = ruleSetFacts(requested);
    else issues.push(makeIssue("invalid_value", "ruleSet", "the id of a built-in rule set (eu-pearl-2022, mgh-atrq, regulatory, canadian-2021) or a RuleSet object"));
  } else {
    base = requested;
  }
  if (issues.length === 0 && base !== undefined && (options.overrides === undefined || Object.keys(options.overrides).length === 0)) {
    return { rules: base, overrides: {} };
  }
  const overrides = RuleSetOverridesSchema.safeParse(options.overrides ?? {});
  if (!overrides.success) {
    for (const issue of overrides.error.issues) issues.push(makeIssue("invalid_value", formatPath(["overrides", ...issue.path]), "a valid rule-set parameter value"));
  }
  if (issues.length > 0 || base === undefined) throw new TrdOptionsError(issues);
  const applied = applyOverrides(base.parameters, base.provenance, overrides.data ?? {});
  if (applied.parameters === base.parameters) return { rules: base, overrides: applied.overrides };
  // Frozen like the built-in rule sets (only the objects made here: a caller's RuleSet is not touched).
  return { rules: Object.freeze({ ...base, parameters: applied.parameters, provenance: applied.provenance }), overrides: applied.overrides };
}
