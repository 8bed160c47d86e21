/**
 * A guard for refactors (performance work above all): the full output of classifying a fixed
 * synthetic cohort under every rule set must stay the same, byte for byte. When a change is meant
 * to change results (a new reason, a corrected message), update the digest and say so in the
 * commit message.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { classifyAndStage, classifyTrd, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const GOLDEN = "16f110e8f5c4ecb68ec4dd88ef1e0eb6047365c135d8c0fbaad0defb60eb2272";

describe("classification output on a fixed cohort", () => {
  it("is unchanged, byte for byte, for 1,000 synthetic histories under every rule set", () => {
    const hash = createHash("sha256");
    let classified = 0;
    for (let i = 0; i < 1000; i++) {
      const line = syntheticPatientLine(i, { seed: 11, badRate: 0.02 });
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch {
        hash.update("unparseable\n");
        continue;
      }
      const parsed = parseTreatmentHistory(input);
      if (!parsed.success) {
        hash.update(`${JSON.stringify(parsed.issues)}\n`);
        continue;
      }
      for (const { id: ruleSet } of listRuleSets()) {
        const asOf = ["2019-06-30", "2021-01-31", "2024-06-30"][i % 3] ?? "2024-06-30";
        const result = i % 5 === 0 ? classifyAndStage(parsed.data, { asOf, ruleSet }) : classifyTrd(parsed.data, { asOf, ruleSet });
        hash.update(`${JSON.stringify(result)}\n`);
        classified += 1;
      }
    }
    expect(classified).toBeGreaterThan(3800);
    expect(hash.digest("hex")).toBe(GOLDEN);
  });
});
