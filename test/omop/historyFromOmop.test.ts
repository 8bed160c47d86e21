import { describe, expect, it } from "vitest";
import { OMOP_DECISION_CODES, SQL_DIALECTS, TESTED_DIALECTS, historyFromOmop, renderBatchBoundsSql, renderCohortDdl, renderExtractionSql, renderInScopeSql, renderPersonRowsSql, rowsByPerson } from "trd-classifier/omop";
import type { OmopRow } from "trd-classifier/omop";
import { parseTreatmentHistory } from "trd-classifier";

const person: OmopRow = { person_id: 9, domain: "person", year_of_birth: 1970, month_of_birth: 3, day_of_birth: 4 };
const mdd: OmopRow = { person_id: 9, domain: "condition", record_id: 1, start_date: "2024-01-01", vocabulary_id: "SNOMED", concept_code: "370143000" };
const drug = (over: Partial<OmopRow>): OmopRow => ({ person_id: 9, domain: "drug", record_id: 10, start_date: "2024-01-02", end_date: "2024-01-31", vocabulary_id: "RxNorm", concept_code: "36437", type_name: "EHR dispensing record", quantity: 30, days_supply: 30, ingredient_count: 1, amount_value: 50, amount_unit: "mg", ...over });
const codes = (rows: readonly OmopRow[], options = { asOf: "2024-12-31" }): string[] => historyFromOmop(rows, options).decisions.map((d) => d.code);

describe("historyFromOmop: drug_exposure", () => {
  it("builds a trial with the daily dose from quantity x amount / days supply (fixed amount formulation)", () => {
    const r = historyFromOmop([person, mdd, drug({})], { asOf: "2024-12-31" });
    expect(r.history?.trials?.[0]).toMatchObject({ agent: { name: "sertraline" }, start: "2024-01-02", end: "2024-01-31", doses: [{ from: "2024-01-02", mgPerDay: 50 }], adherence: 1 });
    expect(r.history?.patient?.birthDate).toBe("1970-03-04");
    expect(parseTreatmentHistory(r.history).success).toBe(true);
  });

  it("reads a concentration in micrograms (quantity x numerator / days) and a missing days_supply from the end date, reporting it", () => {
    const r = historyFromOmop([mdd, drug({ days_supply: null, amount_value: null, amount_unit: null, numerator_value: 2000, numerator_unit: "ug", denominator_unit: "mL", quantity: 1500 })], { asOf: "2024-12-31" });
    expect(r.history?.trials?.[0]?.doses).toStrictEqual([{ from: "2024-01-02", mgPerDay: 100 }]);
    const missing = r.decisions.find((d) => d.code === "days_supply_missing");
    expect(missing).toMatchObject({ recordId: "10", source: "ohdsi-themis-drug-exposure" });
  });

  it("drops negative values and supplies over 365 days with a reason, and says the dose is unknown without a formula", () => {
    expect(codes([mdd, drug({ days_supply: 400, end_date: "2025-02-04" })])).toContain("days_supply_implausible");
    expect(codes([mdd, drug({ quantity: -30 })])).toContain("value_negative");
    expect(codes([mdd, drug({ end_date: "2023-12-01" })])).toContain("end_before_start");
    const dropped = historyFromOmop([mdd, drug({ days_supply: 400, end_date: "2025-02-04" })], { asOf: "2024-12-31" });
    expect(dropped.history?.trials).toStrictEqual([]);
    expect(dropped.decisions.find((d) => d.code === "days_supply_implausible")?.compared).toStrictEqual({ value: 400, threshold: 365, unit: "days", comparison: "<=", met: false });
    const noFormula = historyFromOmop([mdd, drug({ amount_unit: "[iU]" })], { asOf: "2024-12-31" });
    expect(noFormula.decisions.map((d) => d.code)).toContain("strength_without_formula");
    expect(noFormula.history?.trials?.[0]?.doseUnknown).toBe(true);
    expect(codes([mdd, drug({ amount_value: null, amount_unit: null })])).toContain("strength_missing");
  });

  it("drops a daily dose beyond the library's limit, and reads the sig when there is no quantity", () => {
    expect(codes([mdd, drug({ amount_value: 20000 })])).toContain("daily_dose_implausible");
    const sig = historyFromOmop([mdd, drug({ quantity: null, sig: "take 2 tablets by mouth daily" })], { asOf: "2024-12-31" });
    expect(sig.history?.trials?.[0]?.doses).toStrictEqual([{ from: "2024-01-02", mgPerDay: 100 }]);
    expect(sig.decisions.map((d) => d.code)).toContain("daily_dose_from_sig");
  });

  it("does not map combination products, reads other drug types as prescriptions (no adherence) and stop reasons in the classifier's words only", () => {
    expect(codes([mdd, drug({ ingredient_count: 2 })])).toContain("combination_product_not_mapped");
    const prescribed = historyFromOmop([mdd, drug({ type_name: "EHR prescription", stop_reason: "intolerance" })], { asOf: "2024-12-31" });
    expect(prescribed.history?.trials?.[0]?.adherence).toBeUndefined();
    expect(prescribed.history?.trials?.[0]?.stopReason).toBe("intolerance");
    expect(codes([mdd, drug({ stop_reason: "Regimen completed" })])).toContain("stop_reason_not_recognised");
    const claims = historyFromOmop([mdd, drug({ type_name: "Pharmacy claim" })], { asOf: "2024-12-31", dispensingTypes: ["Pharmacy claim"] });
    expect(claims.history?.trials?.[0]?.adherence).toBe(1);
  });
});

describe("historyFromOmop: conditions, scores, procedures, episodes", () => {
  it("reads diagnoses by ICD-10-CM source code and SNOMED, and episodes from MDD diagnoses", () => {
    const r = historyFromOmop(
      [
        mdd,
        { person_id: 9, domain: "condition", record_id: 2, start_date: "2020-01-01", end_date: "2020-06-01", vocabulary_id: "SNOMED", concept_code: "999", source_vocabulary_id: "ICD10CM", source_code: "F33.1" },
        { person_id: 9, domain: "condition", record_id: 3, start_date: "2023-05-01", vocabulary_id: "SNOMED", concept_code: "13746004" },
        drug({}),
      ],
      { asOf: "2024-12-31" },
    );
    expect(r.history?.episode).toStrictEqual({ onset: "2024-01-01" });
    expect(r.history?.previousEpisodes).toStrictEqual([{ onset: "2020-01-01", end: "2020-06-01" }]);
    expect(r.history?.patient?.diagnoses?.map((d) => d.condition).sort()).toStrictEqual(["bipolar-disorder", "major-depressive-disorder"]);
  });

  it("reads scores by LOINC, or by the source value's name when uncoded, and leaves out-of-range scores with a reason", () => {
    const r = historyFromOmop(
      [
        mdd,
        { person_id: 9, domain: "measurement", record_id: 4, start_date: "2024-01-01", vocabulary_id: "LOINC", concept_code: "44261-6", value_as_number: 18 },
        { person_id: 9, domain: "observation", record_id: 5, start_date: "2024-02-01", vocabulary_id: "None", concept_code: "No matching concept", source_value: "MADRS total score", value_as_number: 30 },
        { person_id: 9, domain: "measurement", record_id: 6, start_date: "2024-03-01", vocabulary_id: "LOINC", concept_code: "44261-6", value_as_number: 40 },
        { person_id: 9, domain: "measurement", record_id: 7, start_date: "2024-03-01", vocabulary_id: "None", source_value: "PHQ-8 total score", value_as_number: 10 },
      ],
      { asOf: "2024-12-31" },
    );
    expect(r.history?.assessments).toStrictEqual([
      { date: "2024-01-01", scale: "PHQ-9", total: 18 },
      { date: "2024-02-01", scale: "MADRS", total: 30 },
    ]);
    expect(r.decisions.map((d) => d.code)).toEqual(expect.arrayContaining(["score_from_source_text", "score_out_of_range", "score_not_read"]));
  });

  it("groups ECT sessions less than 30 days apart into courses", () => {
    const ect = (id: number, date: string): OmopRow => ({ person_id: 9, domain: "procedure", record_id: id, start_date: date, vocabulary_id: "CPT4", concept_code: "90870" });
    const r = historyFromOmop([mdd, ect(1, "2024-02-01"), ect(2, "2024-02-03"), ect(3, "2024-02-05"), ect(4, "2024-06-01")], { asOf: "2024-12-31" });
    expect(r.history?.otherTreatments).toStrictEqual([
      { kind: "ect", id: "ect-2024-02-01", start: "2024-02-01", end: "2024-02-05", sessions: 3, laterality: "unknown" },
      { kind: "ect", id: "ect-2024-06-01", start: "2024-06-01", end: "2024-06-01", sessions: 1, laterality: "unknown" },
    ]);
  });

  it("has no history for a person with nothing relevant, and every decision code is a known one", () => {
    expect(historyFromOmop([person]).history).toBeUndefined();
    const all = historyFromOmop([person, { ...person, month_of_birth: null }, mdd, drug({ days_supply: null }), drug({ record_id: 11, days_supply: -1 })], { asOf: "2024-12-31" });
    for (const d of all.decisions) expect(OMOP_DECISION_CODES).toContain(d.code);
  });
});

describe("the extraction SQL", () => {
  it("renders for every dialect, resolves codes by vocabulary and code (no concept_id literal), and marks what was tested", () => {
    for (const dialect of SQL_DIALECTS) {
      const sql = renderExtractionSql(dialect, { cdmSchema: "cdm" });
      expect(sql).toContain("ing.vocabulary_id = 'RxNorm' AND ing.concept_class_id = 'Ingredient'");
      expect(sql).not.toMatch(/concept_id\s*(=|IN)\s*\(?\s*\d/);
      expect(sql).toMatch(/ORDER BY person_id$/);
    }
    expect(Object.entries(TESTED_DIALECTS).filter(([, tested]) => tested).map(([d]) => d)).toStrictEqual(["duckdb", "postgresql"]);
    expect(() => renderExtractionSql("duckdb", { cdmSchema: "cdm; DROP TABLE person" })).toThrow(/plain identifier/);
    expect(() => renderCohortDdl("duckdb", { cohortTable: "cohort x", resultTable: "r", cohortDefinitionId: 1 })).toThrow(/plain identifiers/);
  });

  it("renders the in-scope set, and one row per person read from it, for every dialect", () => {
    for (const dialect of SQL_DIALECTS) {
      const scope = renderInScopeSql(dialect, { cdmSchema: "cdm" });
      expect(scope).toMatch(/^WITH trd_drug_concepts AS \(/);
      expect(scope).toContain("SELECT DISTINCT person_id FROM (");
      const stored = renderInScopeSql(dialect, { cdmSchema: "cdm", vocabularyTables: true });
      expect(stored).toMatch(/^SELECT DISTINCT person_id FROM \(/);
      expect(stored).toContain("JOIN trd_drug_concepts r ON r.drug_concept_id = de.drug_concept_id");
      expect(stored).not.toContain("cdm.concept_ancestor");
      const sql = renderPersonRowsSql(dialect, { cdmSchema: "cdm", inScopeTable: "trd_in_scope", personIdFrom: 1, personIdBefore: 5001 });
      expect(sql).toContain("SELECT s.person_id FROM trd_in_scope s\n  WHERE s.person_id >= 1 AND s.person_id < 5001");
      expect(sql).not.toContain("SELECT DISTINCT person_id FROM (");
      expect(sql).toMatch(/GROUP BY t\.person_id\nORDER BY t\.person_id$/);
      for (const s of [scope, sql]) expect(s).not.toMatch(/concept_id\s*(=|IN)\s*\(?\s*\d/);
    }
    expect(renderBatchBoundsSql("postgresql", { cdmSchema: "cdm", inScopeTable: "trd_in_scope" }, 5000)).toContain("FROM trd_in_scope)");
    expect(() => renderPersonRowsSql("duckdb", { inScopeTable: "t; DROP TABLE person" })).toThrow(/plain identifier/);
    expect(() => renderBatchBoundsSql("duckdb", { inScopeTable: "t x" }, 10)).toThrow(/plain identifier/);
  });

  it("groups rows of one person as they stream", () => {
    const people = [...rowsByPerson([person, mdd, { person_id: 10, domain: "person" }, { person_id: 10, domain: "drug" }])];
    expect(people.map((p) => p.length)).toStrictEqual([2, 2]);
  });
});
