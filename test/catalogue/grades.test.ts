/**
 * The catalogue's grading rule and its corrected values (catalogue 2026.12.0, issue 13).
 */
import { describe, expect, it } from "vitest";
import { findDrug } from "trd-classifier";

describe("values corrected in catalogue 2026.12.0", () => {
  it.each([
    ["isocarboxazid", 40],
    ["doxepin", 75],
    ["maprotiline", 75],
  ])("%s: licensed minimum %d mg/day, read in the label's dosage section", (id, mg) => {
    const value = findDrug(id)?.minimumDose["licensed-minimum"];
    expect(value?.mgPerDay).toBe(mg);
    expect(value?.section).toMatch(/Dosage/);
  });
});
