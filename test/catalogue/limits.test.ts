/**
 * Hepatic and renal dose limits (catalogue 2026.12.0): only what a label states as a limit.
 */
import { describe, expect, it } from "vitest";
import { findDrug, listDrugs } from "trd-classifier";

const SEVERITIES: readonly string[] = ["mild", "moderate", "severe"];

describe("impairment limits", () => {
  it("are well formed: a severity at least, a positive maximum or a fraction between 0 and 1", () => {
    let count = 0;
    for (const drug of listDrugs()) {
      for (const limit of drug.impairmentLimits ?? []) {
        count += 1;
        expect(limit.severities.length, drug.id).toBeGreaterThan(0);
        for (const severity of limit.severities) expect(SEVERITIES, drug.id).toContain(severity);
        if (limit.limit.kind === "max-mg-per-day") expect(limit.limit.mgPerDay, drug.id).toBeGreaterThan(0);
        if (limit.limit.kind === "fraction-of-dose") {
          expect(limit.limit.fraction, drug.id).toBeGreaterThan(0);
          expect(limit.limit.fraction, drug.id).toBeLessThan(1);
        }
        expect(limit.note ?? "", `${drug.id}: a limit quotes its source`).not.toBe("");
      }
    }
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it("encodes the label maxima that fall below an adequate dose", () => {
    const limit = (id: string, impairment: string, severity: string) =>
      findDrug(id)?.impairmentLimits?.find((l) => l.impairment === impairment && l.severities.includes(severity as "severe"));
    expect(limit("desvenlafaxine", "renal", "severe")).toMatchObject({ limit: { kind: "max-mg-per-day", mgPerDay: 25 }, verification: "primary" });
    expect(limit("bupropion", "hepatic", "moderate")).toMatchObject({ limit: { kind: "max-mg-per-day", mgPerDay: 75 }, verification: "primary" });
    expect(limit("venlafaxine", "hepatic", "mild")).toMatchObject({ limit: { kind: "fraction-of-dose", fraction: 0.5 }, verification: "primary" });
    expect(limit("levomilnacipran", "renal", "severe")).toMatchObject({ limit: { kind: "max-mg-per-day", mgPerDay: 40 } });
    expect(limit("citalopram", "hepatic", "mild")).toMatchObject({ limit: { kind: "max-mg-per-day", mgPerDay: 20 } });
    expect(limit("duloxetine", "hepatic", "mild")).toMatchObject({ limit: { kind: "not-recommended" } });
  });

  it("leaves tolerability remarks in the notes, not in the limits", () => {
    // "lower or less frequent dosage" (fluoxetine), "clearance may be decreased" (mirtazapine).
    expect(findDrug("fluoxetine")?.impairmentLimits ?? []).toStrictEqual([]);
    expect(findDrug("mirtazapine")?.impairmentLimits ?? []).toStrictEqual([]);
  });
});
