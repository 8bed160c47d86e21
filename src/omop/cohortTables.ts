/**
 * The tables a run writes back to the database: an OHDSI cohort table (one row per person who met
 * the definition, from the date they first met it) and a results table (one row per person
 * classified, with the status, rule set, versions and counts). Pure: statements as text.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { SqlDialect } from "./sql";

/**
 * Columns of the cohort table, as OHDSI tools expect them.
 *
 * @example
 * COHORT_TABLE_COLUMNS; //=> ["cohort_definition_id", "subject_id", "cohort_start_date", "cohort_end_date"]
 */
export const COHORT_TABLE_COLUMNS = deepFreeze(["cohort_definition_id", "subject_id", "cohort_start_date", "cohort_end_date"] as const);

/**
 * Columns of the results table and their SQL types (`TEXT` is rendered per dialect).
 *
 * @example
 * RESULT_TABLE_COLUMNS.find(([name]) => name === "status"); //=> ["status", "TEXT"]
 */
export const RESULT_TABLE_COLUMNS = deepFreeze([
  ["cohort_definition_id", "INTEGER"],
  ["subject_id", "BIGINT"],
  ["status", "TEXT"],
  ["result", "TEXT"],
  ["applicable", "BOOLEAN"],
  ["evidence", "TEXT"],
  ["resistant_since", "DATE"],
  ["rule_set", "TEXT"],
  ["rule_set_version", "TEXT"],
  ["catalogue_version", "TEXT"],
  ["classifier_version", "TEXT"],
  ["as_of", "DATE"],
  ["trials", "INTEGER"],
  ["adequate_trials", "INTEGER"],
  ["failed_adequate_trials", "INTEGER"],
  ["non_response_failures", "INTEGER"],
  ["partial_response_failures", "INTEGER"],
  ["flags", "TEXT"],
  ["omop_decisions", "TEXT"],
] as const);

/**
 * Columns added to the results table after its first release, with their types: a table made by an
 * earlier version gets them (`ADD COLUMN IF NOT EXISTS`) before a run writes to it.
 *
 * @example
 * ADDED_RESULT_COLUMNS; //=> [["omop_decisions", "TEXT"]]
 */
export const ADDED_RESULT_COLUMNS = deepFreeze([["omop_decisions", "TEXT"]] as const);

/**
 * Where the tables go.
 *
 * @example
 * const options: CohortTableOptions = { resultsSchema: "results", cohortTable: "cohort", resultTable: "trd_classifier_result", cohortDefinitionId: 1 };
 * renderCohortDdl("postgresql", options)[0]; //=> "CREATE SCHEMA IF NOT EXISTS results"
 */
export interface CohortTableOptions {
  readonly resultsSchema?: string;
  readonly cohortTable: string;
  readonly resultTable: string;
  readonly cohortDefinitionId: number;
}

const IDENT = /^[A-Za-z_][\w$]*$/;

/**
 * A table's qualified name, after checking every part is a plain identifier.
 *
 * @example
 * qualified("results", "cohort"); //=> "results.cohort"
 */
export function qualified(schema: string | undefined, table: string): string {
  for (const part of [...(schema === undefined ? [] : schema.split(".")), table]) if (!IDENT.test(part)) throw new Error("table and schema names must be plain identifiers");
  return schema === undefined ? table : `${schema}.${table}`;
}

/**
 * The statements that prepare both tables: create them when absent, add the columns a results
 * table made by an earlier version lacks ({@link ADDED_RESULT_COLUMNS}; Spark SQL has no
 * `ADD COLUMN IF NOT EXISTS`, so there a table made by an earlier version needs them added by
 * hand), and delete this cohort definition's earlier rows (a rerun replaces them, as OHDSI cohort
 * generation does).
 *
 * @example
 * renderCohortDdl("duckdb", { cohortTable: "cohort", resultTable: "trd_result", cohortDefinitionId: 7 })[2]; //=> "DELETE FROM cohort WHERE cohort_definition_id = 7"
 */
export function renderCohortDdl(dialect: SqlDialect, options: CohortTableOptions): string[] {
  const text = dialect === "bigquery" || dialect === "spark" ? "STRING" : "VARCHAR";
  const int = dialect === "bigquery" ? "INT64" : undefined;
  const type = (t: string): string => (t === "TEXT" ? text : int !== undefined && (t === "INTEGER" || t === "BIGINT") ? int : t);
  const cohort = qualified(options.resultsSchema, options.cohortTable);
  const result = qualified(options.resultsSchema, options.resultTable);
  const id = options.cohortDefinitionId;
  if (!Number.isSafeInteger(id)) throw new Error("the cohort definition id must be a whole number");
  return [
    ...(options.resultsSchema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS ${options.resultsSchema}`]),
    `CREATE TABLE IF NOT EXISTS ${cohort} (cohort_definition_id ${type("INTEGER")} NOT NULL, subject_id ${type("BIGINT")} NOT NULL, cohort_start_date DATE NOT NULL, cohort_end_date DATE NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${result} (${RESULT_TABLE_COLUMNS.map(([name, t]) => `${name} ${type(t)}`).join(", ")})`,
    `DELETE FROM ${cohort} WHERE cohort_definition_id = ${id}`,
    `DELETE FROM ${result} WHERE cohort_definition_id = ${id}`,
    ...(dialect === "spark" ? [] : ADDED_RESULT_COLUMNS.map(([name, t]) => `ALTER TABLE ${result} ADD COLUMN IF NOT EXISTS ${name} ${type(t)}`)),
  ];
}

/**
 * The statement that sets each cohort row's end: the end of the observation period that holds its
 * start, or the as-of date when that is earlier or no period holds the start (OHDSI cohorts end
 * within observation; the classification says nothing after the as-of date).
 *
 * @example
 * renderCohortEndUpdate({ cohortTable: "cohort", resultTable: "r", cohortDefinitionId: 1 }, "cdm", "2025-01-01").startsWith("UPDATE cohort SET cohort_end_date"); //=> true
 */
export function renderCohortEndUpdate(options: CohortTableOptions, cdmSchema: string | undefined, asOf: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error("asOf must be a date as YYYY-MM-DD");
  const cohort = qualified(options.resultsSchema, options.cohortTable);
  const periods = qualified(cdmSchema, "observation_period");
  const day = `CAST('${asOf}' AS DATE)`;
  return `UPDATE ${cohort} SET cohort_end_date = COALESCE((SELECT MIN(CASE WHEN op.observation_period_end_date < ${day} THEN op.observation_period_end_date ELSE ${day} END) FROM ${periods} op WHERE op.person_id = ${options.cohortTable}.subject_id AND op.observation_period_start_date <= ${options.cohortTable}.cohort_start_date AND op.observation_period_end_date >= ${options.cohortTable}.cohort_start_date), ${day}) WHERE cohort_definition_id = ${options.cohortDefinitionId}`;
}
