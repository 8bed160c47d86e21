import { describe, expect, it } from "vitest";
import { COMPACT_CELLS, compactRowReader, vocabularyFromRows } from "../../src/omop/compactRows";
import { OMOP_DOMAINS } from "../../src/omop/index";
import { renderCompactRowsSql } from "../../src/omop/sql";

const vocabulary = vocabularyFromRows(
  [
    { drug_concept_id: 20, vocabulary_id: "RxNorm", concept_code: "36437", ingredient_count: 1n, amount_value: 50, amount_unit: "mg" },
    // a combination product: two relevant ingredients, the second without a strength
    { drug_concept_id: 30, vocabulary_id: "RxNorm", concept_code: "4493", ingredient_count: "2", amount_value: "25", amount_unit: "mg" },
    { drug_concept_id: 30, vocabulary_id: "RxNorm", concept_code: "89013", ingredient_count: "2", amount_value: null, amount_unit: null },
  ],
  [
    { concept_id: 1, vocabulary_id: "Type Concept", concept_code: "x", concept_name: "EHR dispensing record" },
    { concept_id: 2, vocabulary_id: "SNOMED", concept_code: "370143000", concept_name: "MDD" },
    { concept_id: 3, vocabulary_id: "ICD10CM", concept_code: "F33.9", concept_name: "MDD recurrent" },
  ],
);
const read = compactRowReader(vocabulary);

describe("compact rows", () => {
  it("lists cells for every domain", () => {
    expect(Object.keys(COMPACT_CELLS)).toStrictEqual([...OMOP_DOMAINS]);
  });

  it("reads a drug row back with the ingredient's code and strength and the type's name", () => {
    const rows = read("7", [[2, "11", "2024-01-02", "2024-01-31", 20, 1, 30, 30, "1 tablet daily", null]]);
    expect(rows).toStrictEqual([
      { person_id: "7", domain: "drug", record_id: "11", start_date: "2024-01-02", end_date: "2024-01-31", type_name: "EHR dispensing record", quantity: 30, days_supply: 30, sig: "1 tablet daily", vocabulary_id: "RxNorm", concept_code: "36437", ingredient_count: 1, amount_value: 50, amount_unit: "mg" },
    ]);
  });

  it("makes one row per relevant ingredient of a combination product, each with only its own strength", () => {
    const rows = read("7", [[2, "12", "2024-01-02", null, 30, 99, 30, null, null, null]]);
    expect(rows.map((r) => [r.concept_code, r.amount_value, r.ingredient_count, r.type_name])).toStrictEqual([
      ["4493", 25, 2, undefined],
      ["89013", undefined, 2, undefined],
    ]);
  });

  it("reads standard and source concepts, leaves unknown ones out, and skips what is not a compact row", () => {
    const rows = read("8", [[3, "1", "2020-09-12", null, 2, 3, "F33.9"], [3, "2", "2020-09-13", null, 404, null, "x"], "not a row", [99, "1"], null]);
    expect(rows).toStrictEqual([
      { person_id: "8", domain: "condition", record_id: "1", start_date: "2020-09-12", vocabulary_id: "SNOMED", concept_code: "370143000", source_vocabulary_id: "ICD10CM", source_code: "F33.9", source_value: "F33.9" },
      { person_id: "8", domain: "condition", record_id: "2", start_date: "2020-09-13", source_value: "x" },
    ]);
    expect(read("8", "not rows")).toStrictEqual([]);
  });

  it("renders the batch query for DuckDB and PostgreSQL from the stored vocabulary, one row per drug exposure", () => {
    for (const dialect of ["duckdb", "postgresql"] as const) {
      const sql = renderCompactRowsSql(dialect, { cdmSchema: "cdm", inScopeTable: "trd_in_scope", personIdFrom: 1, personIdBefore: 5001 });
      expect(sql).toContain("WHERE de.drug_concept_id IN (SELECT drug_concept_id FROM trd_drug_concepts)");
      expect(sql).not.toContain("cdm.concept ");
      expect(sql).not.toMatch(/concept_id\s*(=|IN)\s*\(?\s*\d/);
    }
  });
});
