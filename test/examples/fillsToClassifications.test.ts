import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyLongFormat } from "../../examples/fillsToClassifications";

const text = readFileSync(fileURLToPath(new URL("../../examples/data/fills.csv", import.meta.url)), "utf8");

describe("examples/fillsToClassifications", () => {
  it("classifies every patient of the bundled fills cohort, reporting the bad row", () => {
    const { rows, fileIssues } = classifyLongFormat(text, { asOf: "2023-12-31" });
    expect(fileIssues).toStrictEqual([]);
    expect(Object.fromEntries(rows.map((r) => [r.patientId, r.status]))).toStrictEqual({
      p001: "no-response",
      p002: "not-yet-resistant",
      p003: "partial-response",
      p004: "not-yet-resistant",
      p005: "not-yet-resistant",
    });
    expect(rows.find((r) => r.patientId === "p002")?.flags).toContain("dose_inadequate");
    expect(rows.find((r) => r.patientId === "p005")?.note).toContain("invalid_date_format at line 40.date");
  });
});
