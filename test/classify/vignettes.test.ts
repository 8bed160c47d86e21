/**
 * Clinical vignettes as data: test/vignettes/*.json. Each holds a history, an as-of date, a rule
 * set, the expected status and key reasons, and a one-line rationale with its source.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SOURCES, classifyTrd, isRuleSetId, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetParameters, TrdStatus } from "trd-classifier";
import { addDays } from "../helpers/build";

interface Vignette {
  readonly name: string;
  readonly rationale: string;
  readonly source: string;
  readonly ruleSet: string;
  readonly asOf: string;
  readonly overrides?: Partial<RuleSetParameters>;
  readonly history: unknown;
  readonly expected: {
    readonly status: TrdStatus;
    readonly applicable?: boolean;
    readonly reasons: readonly string[];
    readonly counts?: Record<string, number>;
    /** Codes on the trial they concern. */
    readonly trialReasons?: Record<string, readonly string[]>;
    readonly displayStatus?: string;
    readonly evidence?: { readonly complete: boolean; readonly ifAllResolved?: string; readonly openQuestions?: readonly Record<string, unknown>[] };
    /** Asked for with `resistantSince: true`; the status the day before must not be resistant. */
    readonly resistantSince?: { readonly date: string; readonly trialId?: string; readonly event?: string };
  };
}

const dir = fileURLToPath(new URL("../vignettes/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const vignettes = files.map((file) => ({ file, ...(JSON.parse(readFileSync(dir + file, "utf8")) as Vignette) }));

describe("clinical vignettes", () => {
  it("has at least 25 vignettes, each with a rationale and a known source", () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(25);
    for (const v of vignettes) {
      expect(v.rationale.length, v.file).toBeGreaterThan(10);
      expect(Object.hasOwn(SOURCES, v.source), `${v.file}: source ${v.source}`).toBe(true);
      expect(isRuleSetId(v.ruleSet), `${v.file}: rule set ${v.ruleSet}`).toBe(true);
    }
  });

  it.each(vignettes)("$file: $name", (v) => {
    const parsed = parseTreatmentHistory(v.history);
    if (!parsed.success) throw new Error(`${v.file}: invalid history ${JSON.stringify(parsed.issues)}`);
    const result = classifyTrd(parsed.data, { asOf: v.asOf, ruleSet: v.ruleSet as "eu-pearl-2022", ...(v.overrides === undefined ? {} : { overrides: v.overrides }) });
    expect(result.status).toBe(v.expected.status);
    if (v.expected.applicable !== undefined) expect(result.applicable).toBe(v.expected.applicable);
    const codes = new Set([...result.reasons, ...result.trials.flatMap((t) => t.reasons)].map((r) => r.code));
    for (const code of v.expected.reasons) expect([...codes], `${v.file}: reason ${code}`).toContain(code);
    if (v.expected.counts !== undefined) expect(result.counts).toMatchObject(v.expected.counts);
    for (const [trialId, trialCodes] of Object.entries(v.expected.trialReasons ?? {})) {
      const onTrial = result.trials.find((t) => t.trialId === trialId)?.reasons.map((r) => r.code) ?? [];
      for (const code of trialCodes) expect(onTrial, `${v.file}: ${code} on ${trialId}`).toContain(code);
    }
    if (v.expected.displayStatus !== undefined) expect(result.displayStatus).toBe(v.expected.displayStatus);
    if (v.expected.evidence !== undefined) {
      expect(result.evidence.complete).toBe(v.expected.evidence.complete);
      if (v.expected.evidence.ifAllResolved !== undefined) expect(result.evidence.ifAllResolved).toBe(v.expected.evidence.ifAllResolved);
      if (v.expected.evidence.openQuestions !== undefined) expect(result.evidence.openQuestions).toMatchObject(v.expected.evidence.openQuestions);
    }
    if (v.expected.resistantSince !== undefined) {
      const options = { ruleSet: v.ruleSet as "eu-pearl-2022", ...(v.overrides === undefined ? {} : { overrides: v.overrides }) };
      const since = classifyTrd(parsed.data, { asOf: v.asOf, ...options, resistantSince: true }).resistantSince;
      expect(since, v.file).toMatchObject(v.expected.resistantSince);
      const date = since?.date ?? v.asOf;
      expect(classifyTrd(parsed.data, { asOf: date, ...options }).status).not.toBe("not-yet-resistant");
      expect(classifyTrd(parsed.data, { asOf: addDays(date, -1), ...options }).status).toBe("not-yet-resistant");
    }
  });
});
