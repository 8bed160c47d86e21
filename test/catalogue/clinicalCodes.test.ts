/**
 * matchDiagnosisCode remembers its answers: whatever it is asked, in any order and as often as
 * asked, it answers as the table read from the top would (the first row that matches), and the
 * table it reads cannot change under it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIAGNOSIS_CODES, matchDiagnosisCode, normaliseIcd10 } from "../../src/catalogue/clinicalCodes";
import type { DiagnosisCode } from "../../src/catalogue/clinicalCodes";

/** The answer read from the table, row by row (the rule the cache must keep). */
function fromTable(kind: DiagnosisCode["system"], code: string): DiagnosisCode | undefined {
  const normal = kind === "icd10" ? normaliseIcd10(code) : code.trim();
  for (const row of DIAGNOSIS_CODES) {
    if (row.system !== kind) continue;
    if (row.pattern.endsWith("*") ? normal.startsWith(row.pattern.slice(0, -1)) : normal === row.pattern) return row;
  }
  return undefined;
}

/** Every pattern, as written and in the ways a source writes it (lower case, no dot, spaces, a further digit). */
const variants: string[] = DIAGNOSIS_CODES.flatMap((row) => {
  const stem = row.pattern.replace(/\*$/, "");
  return [stem, `${stem}9`, `${stem}.1`, stem.toLowerCase(), stem.replace(".", ""), ` ${stem} `, stem.slice(0, -1), `X${stem}`];
});

describe("matchDiagnosisCode", () => {
  it("answers every pattern and its variants as the table does, the first time and again", () => {
    for (const kind of ["icd10", "snomed"] as const) {
      for (const code of [...variants, ...variants.reverse()]) expect(matchDiagnosisCode(kind, code)).toBe(fromTable(kind, code));
    }
  });

  it("answers any text as the table does, whatever was asked before", () => {
    const code = fc.oneof(fc.constantFrom(...variants), fc.string({ maxLength: 12 }), fc.stringMatching(/^[A-Za-z]\d{1,2}\.?\d{0,3}[A-Za-z]?$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("icd10" as const, "snomed" as const), code), { maxLength: 40 }), (asks) => {
        for (const [kind, text] of asks) expect(matchDiagnosisCode(kind, text)).toBe(fromTable(kind, text));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a table that cannot be changed, to the last row and list", () => {
    expect(Object.isFrozen(DIAGNOSIS_CODES)).toBe(true);
    for (const row of DIAGNOSIS_CODES) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.isFrozen(row.conditions)).toBe(true);
    }
  });
});
