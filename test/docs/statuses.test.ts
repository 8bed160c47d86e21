import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetId } from "trd-classifier";

const doc = readFileSync(fileURLToPath(new URL("../../docs/statuses.md", import.meta.url)), "utf8");
const examples = [...doc.matchAll(/<!-- example: asOf=(\S+) ruleSet=(\S+) status=(\S+) reasons=(\S+) -->\n```json\n([\s\S]*?)\n```/g)].map((m, i) => ({
  index: i + 1,
  asOf: m[1] ?? "",
  ruleSet: (m[2] ?? "") as RuleSetId,
  status: m[3],
  reasons: (m[4] ?? "").split(","),
  json: m[5] ?? "",
}));

describe("docs/statuses.md worked examples", () => {
  it("has a worked example for every status", () => {
    expect(new Set(examples.map((e) => e.status))).toStrictEqual(new Set(["no-response", "partial-response", "not-yet-resistant"]));
  });

  it.each(examples)("example $index gives $status", (example) => {
    const parsed = parseTreatmentHistory(JSON.parse(example.json));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const result = classifyTrd(parsed.data, { asOf: example.asOf, ruleSet: example.ruleSet });
    expect(result.status).toBe(example.status);
    const codes = [...result.reasons, ...result.trials.flatMap((t) => t.reasons)].map((r) => r.code);
    for (const code of example.reasons) expect(codes).toContain(code);
  });
});
