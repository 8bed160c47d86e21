/**
 * The CDM v5.4 tables this project writes and reads (`generate --format omop`, the tests and the
 * benchmark): the columns the extraction query uses and the ones a table needs to be a valid
 * CDM table for it, in CDM v5.4 names and types. Other v5.4 columns are left out.
 */

/** Table name to its columns and SQL types (valid in DuckDB and PostgreSQL). */
export const CDM_TABLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = Object.freeze({
  person: [
    ["person_id", "BIGINT"],
    ["gender_concept_id", "INTEGER"],
    ["year_of_birth", "INTEGER"],
    ["month_of_birth", "INTEGER"],
    ["day_of_birth", "INTEGER"],
    ["race_concept_id", "INTEGER"],
    ["ethnicity_concept_id", "INTEGER"],
    ["person_source_value", "VARCHAR(50)"],
  ],
  observation_period: [
    ["observation_period_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["observation_period_start_date", "DATE"],
    ["observation_period_end_date", "DATE"],
    ["period_type_concept_id", "INTEGER"],
  ],
  drug_exposure: [
    ["drug_exposure_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["drug_concept_id", "INTEGER"],
    ["drug_exposure_start_date", "DATE"],
    ["drug_exposure_end_date", "DATE"],
    ["drug_type_concept_id", "INTEGER"],
    ["stop_reason", "VARCHAR(20)"],
    ["quantity", "NUMERIC"],
    ["days_supply", "INTEGER"],
    ["sig", "TEXT"],
    ["drug_source_value", "VARCHAR(50)"],
    ["drug_source_concept_id", "INTEGER"],
  ],
  condition_occurrence: [
    ["condition_occurrence_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["condition_concept_id", "INTEGER"],
    ["condition_start_date", "DATE"],
    ["condition_end_date", "DATE"],
    ["condition_type_concept_id", "INTEGER"],
    ["condition_source_value", "VARCHAR(50)"],
    ["condition_source_concept_id", "INTEGER"],
  ],
  measurement: [
    ["measurement_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["measurement_concept_id", "INTEGER"],
    ["measurement_date", "DATE"],
    ["measurement_type_concept_id", "INTEGER"],
    ["value_as_number", "NUMERIC"],
    ["measurement_source_value", "VARCHAR(50)"],
    ["measurement_source_concept_id", "INTEGER"],
  ],
  observation: [
    ["observation_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["observation_concept_id", "INTEGER"],
    ["observation_date", "DATE"],
    ["observation_type_concept_id", "INTEGER"],
    ["value_as_number", "NUMERIC"],
    ["observation_source_value", "VARCHAR(50)"],
    ["observation_source_concept_id", "INTEGER"],
  ],
  procedure_occurrence: [
    ["procedure_occurrence_id", "BIGINT"],
    ["person_id", "BIGINT"],
    ["procedure_concept_id", "INTEGER"],
    ["procedure_date", "DATE"],
    ["procedure_type_concept_id", "INTEGER"],
    ["procedure_source_value", "VARCHAR(50)"],
    ["procedure_source_concept_id", "INTEGER"],
  ],
  concept: [
    ["concept_id", "INTEGER"],
    ["concept_name", "VARCHAR(255)"],
    ["domain_id", "VARCHAR(20)"],
    ["vocabulary_id", "VARCHAR(20)"],
    ["concept_class_id", "VARCHAR(20)"],
    ["standard_concept", "VARCHAR(1)"],
    ["concept_code", "VARCHAR(50)"],
    ["valid_start_date", "DATE"],
    ["valid_end_date", "DATE"],
    ["invalid_reason", "VARCHAR(1)"],
  ],
  concept_ancestor: [
    ["ancestor_concept_id", "INTEGER"],
    ["descendant_concept_id", "INTEGER"],
    ["min_levels_of_separation", "INTEGER"],
    ["max_levels_of_separation", "INTEGER"],
  ],
  drug_strength: [
    ["drug_concept_id", "INTEGER"],
    ["ingredient_concept_id", "INTEGER"],
    ["amount_value", "NUMERIC"],
    ["amount_unit_concept_id", "INTEGER"],
    ["numerator_value", "NUMERIC"],
    ["numerator_unit_concept_id", "INTEGER"],
    ["denominator_value", "NUMERIC"],
    ["denominator_unit_concept_id", "INTEGER"],
    ["box_size", "INTEGER"],
    ["valid_start_date", "DATE"],
    ["valid_end_date", "DATE"],
    ["invalid_reason", "VARCHAR(1)"],
  ],
});

/** `CREATE TABLE` statements for every table, in a schema or none. */
export function cdmDdl(schema?: string): string[] {
  const q = (t: string): string => (schema === undefined ? t : `${schema}.${t}`);
  return Object.entries(CDM_TABLES).map(([table, columns]) => `CREATE TABLE ${q(table)} (${columns.map(([c, t]) => `${c} ${t === "NUMERIC" ? "NUMERIC(19,4)" : t}`).join(", ")})`);
}

/**
 * The indexes the extraction reads through, as the OHDSI CDM v5.4 index DDL makes them
 * (`OMOPCDM_postgresql_5.4_indices.sql`: `person_id` of every clinical table, the vocabulary's
 * keys): a CDM loaded from CSV has none until they are made, and without them each batch query
 * scans whole tables in PostgreSQL. Valid in DuckDB and PostgreSQL.
 */
export function cdmIndexDdl(schema?: string): string[] {
  const q = (t: string): string => (schema === undefined ? t : `${schema}.${t}`);
  const index = (table: string, columns: string): string => `CREATE INDEX idx_trd_${table}_${columns.replace(/\W+/g, "_")} ON ${q(table)} (${columns})`;
  return [
    ...["person", "observation_period", "drug_exposure", "condition_occurrence", "measurement", "observation", "procedure_occurrence"].map((t) => index(t, "person_id")),
    index("concept", "concept_id"),
    index("concept", "vocabulary_id, concept_code"),
    index("concept_ancestor", "ancestor_concept_id"),
    index("concept_ancestor", "descendant_concept_id"),
    index("drug_strength", "drug_concept_id"),
  ];
}
