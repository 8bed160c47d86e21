/**
 * The extraction query, written once and rendered per SQL dialect: every row the adapter reads,
 * as {@link OmopRow}s, for the persons with at least one relevant row, ordered by `person_id`.
 * Codes are resolved through `concept` and `concept_ancestor` by `vocabulary_id` and
 * `concept_code`; no `concept_id` appears in it. DuckDB and PostgreSQL renderings are tested;
 * BigQuery, Spark SQL and Snowflake are rendered the same way and have not been run.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { Condition } from "../schema/patient";
import { OMOP_ROW_COLUMNS } from "./rows";
import type { OmopRow } from "./rows";
import { PROCEDURE_CODES, SCORE_TEXT_WORDS, relevantDiagnosisPatterns, relevantIngredientCodes, scoreLoincCodes } from "./vocabulary";

/**
 * The dialects the query renders for. `duckdb` and `postgresql` are tested on real servers; the
 * others are not.
 *
 * @example
 * SQL_DIALECTS; //=> ["duckdb", "postgresql", "bigquery", "spark", "snowflake"]
 */
export const SQL_DIALECTS = deepFreeze(["duckdb", "postgresql", "bigquery", "spark", "snowflake"] as const);

/**
 * One of {@link SQL_DIALECTS}.
 *
 * @example
 * const dialect: SqlDialect = "postgresql";
 * dialect; //=> "postgresql"
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * Whether a dialect's rendering has been run against a real database by this project's tests.
 *
 * @example
 * TESTED_DIALECTS.snowflake; //=> false
 */
export const TESTED_DIALECTS: Readonly<Record<SqlDialect, boolean>> = deepFreeze({ duckdb: true, postgresql: true, bigquery: false, spark: false, snowflake: false });

interface Dialect {
  readonly text: string;
  readonly real: string;
  readonly int: string;
  readonly date: (expr: string) => string;
}

const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = {
  duckdb: { text: "VARCHAR", real: "DOUBLE", int: "BIGINT", date: (e) => `strftime(${e}, '%Y-%m-%d')` },
  postgresql: { text: "VARCHAR", real: "DOUBLE PRECISION", int: "BIGINT", date: (e) => `to_char(${e}, 'YYYY-MM-DD')` },
  bigquery: { text: "STRING", real: "FLOAT64", int: "INT64", date: (e) => `FORMAT_DATE('%Y-%m-%d', ${e})` },
  spark: { text: "STRING", real: "DOUBLE", int: "BIGINT", date: (e) => `date_format(${e}, 'yyyy-MM-dd')` },
  snowflake: { text: "VARCHAR", real: "DOUBLE", int: "BIGINT", date: (e) => `TO_CHAR(${e}, 'YYYY-MM-DD')` },
};

type Column = (typeof OMOP_ROW_COLUMNS)[number];
const TEXT_COLUMNS: ReadonlySet<Column> = new Set(["domain", "record_id", "start_date", "end_date", "vocabulary_id", "concept_code", "source_vocabulary_id", "source_code", "source_value", "type_name", "sig", "stop_reason", "amount_unit", "numerator_unit", "denominator_unit"]);
const INT_COLUMNS: ReadonlySet<Column> = new Set(["person_id", "ingredient_count", "year_of_birth", "month_of_birth", "day_of_birth"]);

/** A SQL string literal. */
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]): string => xs.map(lit).join(", ");

/** One SELECT of the union: the given expressions, every other column a typed NULL, in {@link OMOP_ROW_COLUMNS} order. */
function select(d: Dialect, values: Partial<Record<Column, string>>, from: string): string {
  const cells = OMOP_ROW_COLUMNS.map((c) => {
    const type = TEXT_COLUMNS.has(c) ? d.text : INT_COLUMNS.has(c) ? d.int : d.real;
    const v = values[c];
    return `CAST(${v ?? "NULL"} AS ${type}) AS ${c}`;
  });
  return `SELECT ${cells.join(", ")}\n  ${from}`;
}

/** A predicate: the columns `vocabulary` and `code` hold one of the diagnosis codes that bear on classification (or on the condition named). */
function diagnosisMatch(vocabulary: string, code: string, condition?: Condition): string {
  const icd = relevantDiagnosisPatterns("icd10", condition).map((p) => (p.endsWith("*") ? `${code} LIKE ${lit(`${p.slice(0, -1)}%`)}` : `${code} = ${lit(p)}`));
  return `((${vocabulary} IN ('ICD10CM', 'ICD10') AND (${icd.join(" OR ")})) OR (${vocabulary} = 'SNOMED' AND ${code} IN (${list(relevantDiagnosisPatterns("snomed", condition))})))`;
}

/** A predicate: a score by LOINC code on concept `c` or source concept `s`, or named in the source value `v` when neither is coded. */
function scoreMatch(c: string, s: string, v: string): string {
  const loinc = list(scoreLoincCodes());
  const words = SCORE_TEXT_WORDS.map((w) => `LOWER(${v}) LIKE ${lit(`%${w}%`)}`).join(" OR ");
  return `((${c}.vocabulary_id = 'LOINC' AND ${c}.concept_code IN (${loinc})) OR (${s}.vocabulary_id = 'LOINC' AND ${s}.concept_code IN (${loinc})) OR (COALESCE(${c}.vocabulary_id, '') <> 'LOINC' AND COALESCE(${s}.vocabulary_id, '') <> 'LOINC' AND (${words})))`;
}

/**
 * Options of {@link renderExtractionSql}.
 *
 * @example
 * const options: ExtractionSqlOptions = { cdmSchema: "cdm" };
 * renderExtractionSql("duckdb", options).includes("cdm.drug_exposure"); //=> true
 */
export interface ExtractionSqlOptions {
  /** Schema (BigQuery: `project.dataset`) holding the CDM and vocabulary tables; none for the default. */
  readonly cdmSchema?: string;
  /** Only persons with `person_id` at or above this (a whole number, as text or number): one batch. */
  readonly personIdFrom?: string | number;
  /** Only persons with `person_id` below this. */
  readonly personIdBefore?: string | number;
  /**
   * A table (one `person_id` column) holding the persons in scope, made once per run from
   * {@link renderInScopeSql}: each batch then reads it rather than finding them again.
   */
  readonly inScopeTable?: string;
}

const SCHEMA_NAME = /^[A-Za-z_][\w$-]*(\.[A-Za-z_][\w$-]*)?$/;
const TABLE_NAME = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;

/** The CDM schema checked, and a function qualifying a table name with it. */
function cdmTables(options: Pick<ExtractionSqlOptions, "cdmSchema">, caller: string): (table: string) => string {
  const schema = options.cdmSchema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`${caller}: the CDM schema must be a plain identifier (schema or project.dataset)`);
  return (table) => (schema === undefined ? table : `${schema}.${table}`);
}

/** The in-scope table's name, checked (`undefined` when none is given). */
function inScopeTableOf(options: Pick<ExtractionSqlOptions, "inScopeTable">, caller: string): string | undefined {
  const table = options.inScopeTable;
  if (table !== undefined && !TABLE_NAME.test(table)) throw new Error(`${caller}: the in-scope table must be a plain identifier`);
  return table;
}

/** The batch's person_id predicate on a table alias (`TRUE` when unbounded); bounds must be whole numbers. */
function personRange(alias: string, options: ExtractionSqlOptions): string {
  const parts: string[] = [];
  for (const [bound, op] of [
    [options.personIdFrom, ">="],
    [options.personIdBefore, "<"],
  ] as const) {
    if (bound === undefined) continue;
    if (!/^-?\d{1,19}$/.test(String(bound))) throw new Error("renderExtractionSql: person_id bounds must be whole numbers");
    parts.push(`${alias}.person_id ${op} ${String(bound)}`);
  }
  return parts.length === 0 ? "TRUE" : parts.join(" AND ");
}

/** The relevant-drug CTEs and the union of the event rows (drugs, conditions, scores, procedures), for a dialect. */
function eventsSql(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): string {
  const d = DIALECTS[dialect];
  const t = cdmTables(options, caller);
  const procedureCodes = list(PROCEDURE_CODES.map((p) => p.code));
  const drugs = select(
    d,
    {
      person_id: "de.person_id",
      domain: "'drug'",
      record_id: "de.drug_exposure_id",
      start_date: d.date("de.drug_exposure_start_date"),
      end_date: d.date("de.drug_exposure_end_date"),
      vocabulary_id: "r.vocabulary_id",
      concept_code: "r.concept_code",
      type_name: "ty.concept_name",
      quantity: "de.quantity",
      days_supply: "de.days_supply",
      sig: "de.sig",
      stop_reason: "de.stop_reason",
      ingredient_count: "n.ingredients",
      amount_value: "ds.amount_value",
      amount_unit: "au.concept_code",
      numerator_value: "ds.numerator_value",
      numerator_unit: "nu.concept_code",
      denominator_value: "ds.denominator_value",
      denominator_unit: "du.concept_code",
    },
    `FROM ${t("drug_exposure")} de
  JOIN relevant_drugs r ON r.drug_concept_id = de.drug_concept_id
  JOIN ingredient_counts n ON n.drug_concept_id = de.drug_concept_id
  LEFT JOIN ${t("drug_strength")} ds ON ds.drug_concept_id = de.drug_concept_id AND ds.ingredient_concept_id = r.ingredient_concept_id
  LEFT JOIN ${t("concept")} au ON au.concept_id = ds.amount_unit_concept_id
  LEFT JOIN ${t("concept")} nu ON nu.concept_id = ds.numerator_unit_concept_id
  LEFT JOIN ${t("concept")} du ON du.concept_id = ds.denominator_unit_concept_id
  LEFT JOIN ${t("concept")} ty ON ty.concept_id = de.drug_type_concept_id
  WHERE ${personRange("de", options)}`,
  );
  const coded = (domain: "condition" | "measurement" | "observation" | "procedure", table: string, alias: string, prefix: string, date: string, where: string, extra: Partial<Record<Column, string>> = {}): string =>
    select(
      d,
      {
        person_id: `${alias}.person_id`,
        domain: `'${domain}'`,
        record_id: `${alias}.${table}_id`,
        start_date: d.date(`${alias}.${date}`),
        vocabulary_id: "c.vocabulary_id",
        concept_code: "c.concept_code",
        source_vocabulary_id: "s.vocabulary_id",
        source_code: "s.concept_code",
        source_value: `${alias}.${prefix}_source_value`,
        ...extra,
      },
      `FROM ${t(table)} ${alias}
  LEFT JOIN ${t("concept")} c ON c.concept_id = ${alias}.${prefix}_concept_id
  LEFT JOIN ${t("concept")} s ON s.concept_id = ${alias}.${prefix}_source_concept_id
  WHERE (${where}) AND ${personRange(alias, options)}`,
    );
  const conditions = coded("condition", "condition_occurrence", "co", "condition", "condition_start_date", `${diagnosisMatch("c.vocabulary_id", "c.concept_code")} OR ${diagnosisMatch("s.vocabulary_id", "s.concept_code")}`, { end_date: d.date("co.condition_end_date") });
  const measurements = coded("measurement", "measurement", "m", "measurement", "measurement_date", scoreMatch("c", "s", "m.measurement_source_value"), { value_as_number: "m.value_as_number" });
  const observations = coded("observation", "observation", "o", "observation", "observation_date", scoreMatch("c", "s", "o.observation_source_value"), { value_as_number: "o.value_as_number" });
  const procedures = coded("procedure", "procedure_occurrence", "po", "procedure", "procedure_date", `(c.vocabulary_id = 'CPT4' AND c.concept_code IN (${procedureCodes})) OR (s.vocabulary_id = 'CPT4' AND s.concept_code IN (${procedureCodes}))`);
  return `WITH relevant_drugs AS (
  SELECT ca.descendant_concept_id AS drug_concept_id, ing.concept_id AS ingredient_concept_id, ing.vocabulary_id, ing.concept_code
  FROM ${t("concept")} ing
  JOIN ${t("concept_ancestor")} ca ON ca.ancestor_concept_id = ing.concept_id
  WHERE ing.vocabulary_id = 'RxNorm' AND ing.concept_class_id = 'Ingredient' AND ing.concept_code IN (${list(relevantIngredientCodes())})
),
ingredient_counts AS (
  SELECT ca.descendant_concept_id AS drug_concept_id, COUNT(*) AS ingredients
  FROM ${t("concept_ancestor")} ca
  JOIN ${t("concept")} i ON i.concept_id = ca.ancestor_concept_id AND i.concept_class_id = 'Ingredient'
  WHERE ca.descendant_concept_id IN (SELECT drug_concept_id FROM relevant_drugs)
  GROUP BY ca.descendant_concept_id
),
events AS ${dialect === "duckdb" || dialect === "postgresql" ? "NOT MATERIALIZED " : ""}(
${[drugs, conditions, measurements, observations, procedures].join("\n  UNION ALL\n")}
)`;
}

/** The predicate on an event row that puts its person in scope: a relevant drug or score, or a major depression diagnosis. */
const inScopeEvent = (): string => `domain IN ('drug', 'measurement', 'observation') OR (domain = 'condition' AND (${diagnosisMatch("vocabulary_id", "concept_code", "major-depressive-disorder")} OR ${diagnosisMatch("source_vocabulary_id", "source_code", "major-depressive-disorder")}))`;

/**
 * The persons in scope (one `person_id` column, each once, in no order): those with an
 * antidepressant or augmenting drug exposure, a score, or a major depression diagnosis. The
 * command line stores them once per run in a temporary table and passes it to the batches
 * ({@link ExtractionSqlOptions.inScopeTable}).
 *
 * @example
 * renderInScopeSql("duckdb", { cdmSchema: "cdm" }).startsWith("WITH relevant_drugs"); //=> true
 */
export function renderInScopeSql(dialect: SqlDialect, options: Pick<ExtractionSqlOptions, "cdmSchema" | "personIdFrom" | "personIdBefore"> = {}): string {
  return `${eventsSql(dialect, options, "renderInScopeSql")}
SELECT DISTINCT person_id FROM events
WHERE ${inScopeEvent()}`;
}

/** The extraction's rows, unordered: the events, person and observation-period rows of the persons in scope. */
function unorderedRowsSql(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): string {
  const d = DIALECTS[dialect];
  const t = cdmTables(options, caller);
  const table = inScopeTableOf(options, caller);
  const persons = select(d, { person_id: "p.person_id", domain: "'person'", year_of_birth: "p.year_of_birth", month_of_birth: "p.month_of_birth", day_of_birth: "p.day_of_birth" }, `FROM ${t("person")} p\n  WHERE p.person_id IN (SELECT person_id FROM in_scope) AND ${personRange("p", options)}`);
  const periods = select(
    d,
    { person_id: "op.person_id", domain: "'observation_period'", record_id: "op.observation_period_id", start_date: d.date("op.observation_period_start_date"), end_date: d.date("op.observation_period_end_date") },
    `FROM ${t("observation_period")} op\n  WHERE op.person_id IN (SELECT person_id FROM in_scope) AND ${personRange("op", options)}`,
  );
  const inScope = table === undefined ? `SELECT DISTINCT person_id FROM events\n  WHERE ${inScopeEvent()}` : `SELECT s.person_id FROM ${table} s\n  WHERE ${personRange("s", options)}`;
  return `${eventsSql(dialect, options, caller)},
in_scope AS (
  ${inScope}
)
SELECT * FROM (
  SELECT * FROM events WHERE person_id IN (SELECT person_id FROM in_scope)
  UNION ALL
${persons}
  UNION ALL
${periods}
) rows_of_persons`;
}

/**
 * The extraction query for a dialect. Each row is one {@link OmopRow}; the rows come ordered by
 * `person_id` (rows of one person are adjacent), for the persons in scope: those with an
 * antidepressant or augmenting drug exposure, a score, or a depression diagnosis.
 *
 * @example
 * const sql = renderExtractionSql("postgresql", { cdmSchema: "cdm" });
 * sql.includes("to_char(de.drug_exposure_start_date, 'YYYY-MM-DD')"); //=> true
 * /concept_id (=|IN) \(?\d/.test(sql); //=> false
 */
export function renderExtractionSql(dialect: SqlDialect, options: ExtractionSqlOptions = {}): string {
  return `${unorderedRowsSql(dialect, options, "renderExtractionSql")}
ORDER BY person_id`;
}

/**
 * The first `person_id` of every batch of `every` persons, as text, in order: the bounds of the
 * batches the extraction runs in, so that each query sorts one batch only and memory stays
 * bounded whatever the CDM's size. The persons counted are those of the `person` table, or of
 * the in-scope table when one is given (then every batch holds `every` persons in scope).
 *
 * @example
 * renderBatchBoundsSql("duckdb", { cdmSchema: "cdm" }, 25000).includes("MOD(rn - 1, 25000) = 0"); //=> true
 * renderBatchBoundsSql("duckdb", { inScopeTable: "trd_in_scope" }, 25000).includes("FROM trd_in_scope"); //=> true
 */
export function renderBatchBoundsSql(dialect: SqlDialect, options: Pick<ExtractionSqlOptions, "cdmSchema" | "inScopeTable">, every: number): string {
  if (!Number.isSafeInteger(every) || every < 1) throw new Error("renderBatchBoundsSql: the batch size must be a whole number of 1 or more");
  const person = inScopeTableOf(options, "renderBatchBoundsSql") ?? cdmTables(options, "renderBatchBoundsSql")("person");
  return `SELECT CAST(person_id AS ${DIALECTS[dialect].text}) AS person_id FROM (SELECT person_id, ROW_NUMBER() OVER (ORDER BY person_id) AS rn FROM ${person}) b WHERE MOD(rn - 1, ${every}) = 0 ORDER BY b.person_id`;
}

const ROW_JSON: Readonly<Record<SqlDialect, (row: string) => string>> = {
  duckdb: (t) => `CAST(to_json(${t}) AS VARCHAR)`,
  postgresql: (t) => `CAST(row_to_json(${t}) AS TEXT)`,
  bigquery: (t) => `TO_JSON_STRING(${t})`,
  spark: (t) => `to_json(struct(${t}.*))`,
  snowflake: (t) => `TO_JSON(OBJECT_CONSTRUCT(${t}.*))`,
};

/**
 * A row as a JSON object without its null columns. DuckDB has no function that drops them, so
 * the object is written key by key, and `concat_ws` skips the keys whose value is null; Spark's
 * `to_json` and Snowflake's `OBJECT_CONSTRUCT` leave nulls out by themselves; BigQuery's keeps them.
 */
const COMPACT_ROW_JSON: Readonly<Record<SqlDialect, (row: string) => string>> = {
  duckdb: (t) => `'{' || concat_ws(',', ${OMOP_ROW_COLUMNS.map((c) => `'"${c}":' || to_json(${t}.${c})`).join(", ")}) || '}'`,
  postgresql: (t) => `CAST(json_strip_nulls(row_to_json(${t})) AS TEXT)`,
  bigquery: (t) => `TO_JSON_STRING(${t})`,
  spark: (t) => `to_json(struct(${t}.*))`,
  snowflake: (t) => `TO_JSON(OBJECT_CONSTRUCT(${t}.*))`,
};

/** Texts joined with commas into a JSON array, as an aggregate. */
const JSON_ARRAY_AGG: Readonly<Record<SqlDialect, (text: string) => string>> = {
  duckdb: (x) => `'[' || string_agg(${x}, ',') || ']'`,
  postgresql: (x) => `'[' || string_agg(${x}, ',') || ']'`,
  bigquery: (x) => `CONCAT('[', STRING_AGG(${x}, ','), ']')`,
  spark: (x) => `concat('[', concat_ws(',', collect_list(${x})), ']')`,
  snowflake: (x) => `'[' || LISTAGG(${x}, ',') || ']'`,
};

/**
 * The extraction query with each row as one JSON text: `person_id` as text and `row`, the
 * {@link OmopRow} as a JSON object, ordered by `person_id`. The database writes the JSON, so a
 * client converts two values per row instead of one per cell.
 *
 * @example
 * renderJsonRowsSql("postgresql").includes("CAST(row_to_json(t) AS TEXT) AS row"); //=> true
 */
export function renderJsonRowsSql(dialect: SqlDialect, options: ExtractionSqlOptions = {}): string {
  const text = DIALECTS[dialect].text;
  // DuckDB: sort the plain rows, then write the JSON (its order-preserving projection), so the sort
  // never carries the JSON text; elsewhere the outer ORDER BY is what guarantees the order.
  if (dialect === "duckdb") return `SELECT CAST(t.person_id AS ${text}) AS person_id, ${ROW_JSON[dialect]("t")} AS row\nFROM (\n${renderExtractionSql(dialect, options)}\n) t`;
  return `SELECT CAST(t.person_id AS ${text}) AS person_id, ${ROW_JSON[dialect]("t")} AS row\nFROM (\n${unorderedRowsSql(dialect, options, "renderJsonRowsSql")}\n) t\nORDER BY t.person_id`;
}

/**
 * The extraction query with one row per person in scope, ordered by `person_id`: `person_id` as
 * text and `rows`, a JSON array of the person's {@link OmopRow}s (in no particular order) with
 * their null columns left out (a missing key reads as null). What the command line reads: the
 * database groups and writes the JSON, so a client converts two values per person, and a
 * person's rows travel as about 4 KB instead of 9 (synthetic CDM).
 *
 * @example
 * const sql = renderPersonRowsSql("postgresql", { inScopeTable: "trd_in_scope", personIdFrom: 1, personIdBefore: 10001 });
 * sql.includes("json_strip_nulls(row_to_json(t))"); //=> true
 * sql.includes("GROUP BY t.person_id"); //=> true
 */
export function renderPersonRowsSql(dialect: SqlDialect, options: ExtractionSqlOptions = {}): string {
  return `SELECT CAST(t.person_id AS ${DIALECTS[dialect].text}) AS person_id, ${JSON_ARRAY_AGG[dialect](COMPACT_ROW_JSON[dialect]("t"))} AS rows
FROM (
${unorderedRowsSql(dialect, options, "renderPersonRowsSql")}
) t
GROUP BY t.person_id
ORDER BY t.person_id`;
}

/**
 * Gathers rows ordered by `person_id` into one array per person, as they stream: a person's rows
 * are yielded when the next person's first row arrives (or the rows end), so memory holds one
 * person at a time.
 *
 * @example
 * const people = [...rowsByPerson([{ person_id: 1, domain: "person" }, { person_id: 1, domain: "drug" }, { person_id: 2, domain: "person" }])];
 * people.map((rows) => rows.length); //=> [2, 1]
 */
export function* rowsByPerson(rows: Iterable<OmopRow>): Generator<OmopRow[]> {
  let current: OmopRow[] = [];
  let id: string | undefined;
  for (const row of rows) {
    const key = String(row.person_id);
    if (key !== id && current.length > 0) {
      yield current;
      current = [];
    }
    id = key;
    current.push(row);
  }
  if (current.length > 0) yield current;
}
