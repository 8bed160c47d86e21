import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, cohortToCsv, csvField } from "../../examples/cohortToCsv";

const folder = fileURLToPath(new URL("../../examples/data/cohort/", import.meta.url));

describe("examples/cohortToCsv", () => {
  it("writes one row per file of the bundled cohort, invalid ones included, covering all three statuses", () => {
    const lines = cohortToCsv(folder, { asOf: "2023-12-31", ruleSet: "eu-pearl-2022" }).trimEnd().split("\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(8);
    const status = Object.fromEntries(lines.slice(1).map((l) => [l.split(",")[0], l.split(",")[2]]));
    expect(status).toMatchObject({
      "demo-01.json": "no-response",
      "demo-02.json": "partial-response",
      "demo-03.json": "not-yet-resistant",
      "demo-06-invalid.json": "invalid",
    });
  });

  it("quotes fields that need it", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(3)).toBe("3");
  });
});
