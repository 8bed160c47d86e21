import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION, getRuleSet } from "trd-classifier";
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
    // An invalid file still says under which rule set, version and catalogue it was run.
    const invalid = lines.find((l) => l.startsWith("demo-06-invalid.json,"))?.split(",");
    expect(invalid?.slice(4, 7)).toStrictEqual(["eu-pearl-2022", getRuleSet("eu-pearl-2022").version, CATALOGUE_VERSION]);
  });

  it("quotes fields that need it", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(3)).toBe("3");
  });
});
