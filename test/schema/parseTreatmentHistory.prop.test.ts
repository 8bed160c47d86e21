import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTreatmentHistory } from "trd-classifier";
import { validHistoryArb } from "../helpers/histories";

describe("parseTreatmentHistory (properties)", () => {
  it("never throws on arbitrary JSON and always returns a result", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseTreatmentHistory(value);
        expect(typeof result.success).toBe("boolean");
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary JSON nested inside an otherwise valid history", () => {
    fc.assert(
      fc.property(fc.constantFrom("patient", "episode", "trials", "assessments", "otherTreatments", "previousEpisodes"), fc.jsonValue(), (field, value) => {
        const result = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, [field]: value });
        expect(typeof result.success).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts every generated valid history", () => {
    fc.assert(
      fc.property(validHistoryArb, (history) => {
        const result = parseTreatmentHistory(history);
        if (!result.success) throw new Error(JSON.stringify(result.issues));
        expect(result.success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
