import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTreatmentHistory } from "trd-classifier";

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
    const source = readFileSync(fileURLToPath(new URL("../../src/schema/issues.ts", import.meta.url)), "utf8");
    const union = /export type TrdIssueCode =([\s\S]*?);/.exec(source)?.[1] ?? "";
    const codes = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) expect(doc, `issue code ${code}`).toContain(`\`${code}\``);
  });
});
