import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTreatmentHistory } from "trd-classifier";
import { TRD_ISSUE_CODES } from "../../src/schema/issues";

const doc = readFileSync(fileURLToPath(new URL("../../docs/input-contract.md", import.meta.url)), "utf8");

describe("docs/input-contract.md", () => {
  it("has a complete example history that validates", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const result = parseTreatmentHistory(JSON.parse(block ?? "null"));
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.trials.length).toBeGreaterThanOrEqual(3);
    expect(result.data.otherTreatments.length).toBeGreaterThanOrEqual(1);
  });

  it("documents every issue code the library can emit", () => {
    expect(TRD_ISSUE_CODES.length).toBeGreaterThan(20);
    for (const code of TRD_ISSUE_CODES) expect(doc, `issue code ${code}`).toContain(`\`${code}\``);
  });
});
