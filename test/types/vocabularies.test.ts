/**
 * Closed vocabularies (#12): each one is an `as const` array with its type derived from it, so a
 * misspelt code, rule name or option key fails to compile. The `@ts-expect-error` lines are
 * checked by `tsc -p tsconfig.json` (which includes test/): if a line stops being an error, the
 * typecheck fails. The runtime assertions check the arrays behind the types.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { classifyAndStage, classifyTrd, stageAll } from "trd-classifier";
import type {
  ClassifyTrdOptions,
  ParameterName,
  PseudoResistanceFlag,
  Reason,
  ReasonCode,
  RuleSetParameters,
  StagingModel,
  StagingOptions,
  TrdIssueCode,
  TreatmentHistory,
} from "trd-classifier";
import { PSEUDO_RESISTANCE_FLAG_CODES, REASON_CODES } from "../../src/classify/reasonCodes";
import type { PseudoResistanceFlagCode } from "../../src/classify/reasonCodes";
import { CLASSIFIER_RULE_NAMES } from "../../src/classify/ruleNames";
import type { RuleName } from "../../src/classify/ruleNames";
import { PARAMETER_NAMES, RuleSetParametersSchema } from "../../src/rules/ruleSetParametersSchema";
import { TRD_ISSUE_CODES } from "../../src/schema/issues";

/** Never called: it only has to compile (or, on the marked lines, fail to). */
function compileOnly(history: TreatmentHistory): void {
  classifyTrd(history, { asOf: "2024-06-30", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 8 } });
  // @ts-expect-error a misspelt option key
  classifyTrd(history, { asOf: "2024-06-30", rulSet: "mgh-atrq" });
  // @ts-expect-error a misspelt parameter in overrides
  classifyTrd(history, { asOf: "2024-06-30", overrides: { minWeeksAtAdequateDoze: 8 } });
  // @ts-expect-error an unknown rule set
  classifyTrd(history, { asOf: "2024-06-30", ruleSet: "eu-pearl" });
  const options: ClassifyTrdOptions = { asOf: "2024-06-30" };
  // @ts-expect-error classifyTrd no longer stages: classifyAndStage does
  classifyTrd(history, { asOf: "2024-06-30", staging: true });
  const staged = classifyAndStage(history, { ...options, staging: { thaseRush: { reading: "sequential" }, maudsley: {} } });
  // @ts-expect-error a misspelt staging model key
  classifyAndStage(history, { asOf: "2024-06-30", staging: { mghS: { reading: "with-recalled-items" } } });
  // @ts-expect-error a misspelt staging model key
  stageAll(history, staged, { maudsly: {} });
  // @ts-expect-error a model's misspelt reading
  stageAll(history, staged, { thaseRush: { reading: "sequentail" } });
}

describe("closed vocabularies", () => {
  it("staging options are keyed by exactly the staging models", () => {
    expectTypeOf<keyof StagingOptions>().toEqualTypeOf<StagingModel>();
    expectTypeOf<StagingModel>().toEqualTypeOf<"thaseRush" | "european" | "mghs" | "maudsley">();
    expect(typeof compileOnly).toBe("function");
  });

  it("rule names: parameters, classifier rules, dose tables and remission cut-offs, nothing else", () => {
    expectTypeOf<"minWeeksAtAdequateDose">().toMatchTypeOf<RuleName>();
    expectTypeOf<"catalogue">().toMatchTypeOf<RuleName>();
    expectTypeOf<"doseTable:mgh-atrq">().toMatchTypeOf<RuleName>();
    expectTypeOf<"remission:MADRS">().toMatchTypeOf<RuleName>();
    expectTypeOf<Reason["rule"]>().toEqualTypeOf<RuleName>();
    // @ts-expect-error a misspelt parameter is not a rule name
    const misspelt: RuleName = "minWeeksAtAdequateDoze";
    // @ts-expect-error an unknown dose table
    const table: RuleName = "doseTable:bnf";
    // @ts-expect-error an unknown scale
    const scale: RuleName = "remission:HAM-D21";
    void [misspelt, table, scale, compileOnly];
    expect(new Set([...PARAMETER_NAMES, ...CLASSIFIER_RULE_NAMES]).size).toBe(PARAMETER_NAMES.length + CLASSIFIER_RULE_NAMES.length);
  });

  it("parameter names are the schema's keys, and RuleSetParameters is inferred from it", () => {
    expectTypeOf<ParameterName>().toEqualTypeOf<keyof RuleSetParameters>();
    // @ts-expect-error a misspelt parameter name
    const p: ParameterName = "minFailedTrial";
    void p;
    expect(PARAMETER_NAMES).toStrictEqual(Object.keys(RuleSetParametersSchema.shape));
  });

  it("reason codes, flag codes and issue codes are closed unions of their arrays", () => {
    expectTypeOf<ReasonCode>().toEqualTypeOf<(typeof REASON_CODES)[number]>();
    expectTypeOf<PseudoResistanceFlag["code"]>().toEqualTypeOf<PseudoResistanceFlagCode>();
    expectTypeOf<PseudoResistanceFlagCode>().toMatchTypeOf<ReasonCode>();
    expectTypeOf<TrdIssueCode>().toEqualTypeOf<(typeof TRD_ISSUE_CODES)[number]>();
    // @ts-expect-error the old name of the early-stop code (renamed in #12)
    const old: ReasonCode = "stopped_before_week_4";
    // @ts-expect-error a reason code that is not a flag
    const flag: PseudoResistanceFlagCode = "dose_adequate";
    // @ts-expect-error a misspelt issue code
    const issue: TrdIssueCode = "trial_end_before_begin";
    void [old, flag, issue];
    expect(PSEUDO_RESISTANCE_FLAG_CODES.every((code) => REASON_CODES.includes(code))).toBe(true);
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    expect(new Set(TRD_ISSUE_CODES).size).toBe(TRD_ISSUE_CODES.length);
  });
});
