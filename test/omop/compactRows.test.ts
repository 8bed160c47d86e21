import { describe, expect, it } from "vitest";
import { COMPACT_CELLS, CONCEPT_CELLS, compactRowReader, vocabularyFromRows } from "../../src/omop/compactRows";
import type { OmopRow } from "../../src/omop/index";
import { OMOP_DOMAINS } from "../../src/omop/index";
import { renderCompactRowsSql, renderStagedTablesSql } from "../../src/omop/sql";

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
/** A row without its null columns. */
const present = (row: OmopRow): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));

describe("compact rows", () => {
  it("lists cells for every domain, and each domain's reader takes each cell from its place in that list", () => {
    expect(Object.keys(COMPACT_CELLS)).toStrictEqual([...OMOP_DOMAINS]);
    const where: Record<string, readonly string[]> = { drug_concept: ["concept_code"], type_concept: ["type_name"], concept: ["vocabulary_id", "concept_code"], source_concept: ["source_vocabulary_id", "source_code"] };
    const marked = compactRowReader(
      vocabularyFromRows(
        [{ drug_concept_id: 101, vocabulary_id: "RxNorm", concept_code: "drug_concept", ingredient_count: 1 }],
        [102, 103, 104].map((id, i) => ({ concept_id: id, vocabulary_id: ["type_concept", "concept", "source_concept"][i], concept_code: ["type_concept", "concept", "source_concept"][i], concept_name: "type_concept" })),
      ),
    );
    const ids: Record<string, number> = { drug_concept: 101, type_concept: 102, concept: 103, source_concept: 104 };
    OMOP_DOMAINS.forEach((domain, index) => {
      const cells = COMPACT_CELLS[domain];
      const [row] = marked("1", [[index, ...cells.map((c) => ids[c] ?? `value of ${c}`)]]);
      expect(row?.domain).toBe(domain);
      for (const c of cells) {
        if ((CONCEPT_CELLS as readonly string[]).includes(c)) for (const column of where[c] ?? []) expect(String(row?.[column as keyof OmopRow]), `${domain}.${c}`).toMatch(c === "concept" || c === "source_concept" ? new RegExp(`^${c}$`) : /concept/);
        else expect(row?.[c as keyof OmopRow], `${domain}.${c}`).toBe(`value of ${c}`);
      }
    });
  });

  it("reads a drug row back with the ingredient's code and strength and the type's name", () => {
    const rows = read("7", [[2, "11", "2024-01-02", "2024-01-31", 20, 1, 30, 30, "1 tablet daily", null]]);
    expect(rows.map(present)).toStrictEqual([
      { person_id: "7", domain: "drug", record_id: "11", start_date: "2024-01-02", end_date: "2024-01-31", type_name: "EHR dispensing record", quantity: 30, days_supply: 30, sig: "1 tablet daily", vocabulary_id: "RxNorm", concept_code: "36437", ingredient_count: 1, amount_value: 50, amount_unit: "mg" },
    ]);
  });

  it("makes one row per relevant ingredient of a combination product, each with only its own strength", () => {
    const rows = read("7", [[2, "12", "2024-01-02", null, 30, 99, 30, null, null, null]]);
    expect(rows.map((r) => [r.concept_code, r.amount_value, r.ingredient_count, r.type_name])).toStrictEqual([
      ["4493", 25, 2, null],
      ["89013", null, 2, null],
    ]);
  });

  it("reads standard and source concepts, leaves unknown ones out, and skips what is not a compact row", () => {
    const rows = read("8", [[3, "1", "2020-09-12", null, 2, 3, "F33.9"], [3, "2", "2020-09-13", null, 404, null, "x"], "not a row", [99, "1"], null]);
    expect(rows.map(present)).toStrictEqual([
      { person_id: "8", domain: "condition", record_id: "1", start_date: "2020-09-12", vocabulary_id: "SNOMED", concept_code: "370143000", source_vocabulary_id: "ICD10CM", source_code: "F33.9", source_value: "F33.9" },
      { person_id: "8", domain: "condition", record_id: "2", start_date: "2020-09-13", source_value: "x" },
    ]);
    expect(read("8", "not rows")).toStrictEqual([]);
  });

  it("renders the batch query for DuckDB and PostgreSQL as a range of the staged copy: no join, no filter, no concept id", () => {
    for (const dialect of ["duckdb", "postgresql"] as const) {
      const sql = renderCompactRowsSql(dialect, { cdmSchema: "staged", personIdFrom: 1, personIdBefore: 5001 });
      expect(sql).toContain("FROM staged.drug_exposure de\n  WHERE de.person_id >= 1 AND de.person_id < 5001");
      expect(sql).not.toMatch(/JOIN|trd_concepts|trd_drug_concepts|in_scope|LIKE/);
      expect(sql).not.toMatch(/concept_id\s*(=|IN)\s*\(?\s*\d/);
    }
  });

  it("stages each table's relevant rows in person order with only the columns the batch query reads", () => {
    for (const dialect of ["duckdb", "postgresql"] as const) {
      const staged = renderStagedTablesSql(dialect, { cdmSchema: "cdm", inScopeTable: "trd_in_scope" });
      expect(staged.map((s) => s.table)).toStrictEqual(["drug_exposure", "condition_occurrence", "measurement", "observation", "procedure_occurrence", "person", "observation_period"]);
      const batch = renderCompactRowsSql(dialect, { cdmSchema: "staged", personIdFrom: 1, personIdBefore: 5001 });
      for (const { table, sql } of staged) {
        expect(sql).toContain(`FROM cdm.${table} `);
        expect(sql.trimEnd()).toMatch(/ORDER BY \w+\.person_id$/);
        // The events that put every person of theirs in scope are not joined with the persons in scope; the others are.
        expect(sql.includes("person_id IN (SELECT person_id FROM trd_in_scope)")).toBe(!["drug_exposure", "measurement", "observation"].includes(table));
        // Every column of the table that the batch query reads is staged.
        const alias = new RegExp(`FROM staged\\.${table} (\\w+)`).exec(batch)?.[1] as string;
        const read = new Set([...batch.matchAll(new RegExp(`\\b${alias}\\.([a-z_]+)`, "g"))].map((m) => m[1]));
        const kept = new Set(/^SELECT (.*)$/m.exec(sql)?.[1]?.split(", ").map((c) => c.split(".")[1]));
        expect([...read].filter((c) => !kept.has(c))).toStrictEqual([]);
      }
    }
  });
});
