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
import { COMPACT_CELLS, CONCEPT_CELLS } from "./compactRows";
import type { ConceptCell } from "./compactRows";
import { OMOP_DOMAINS, OMOP_ROW_COLUMNS } from "./rows";
import type { OmopDomain, OmopRow } from "./rows";
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

/** A predicate: the columns `vocabulary` and `code` hold one of the diagnosis codes that bear on classification (or on the condition named). */
function diagnosisMatch(vocabulary: string, code: string, condition?: Condition): string {
  const icd = relevantDiagnosisPatterns("icd10", condition).map((p) => (p.endsWith("*") ? `${code} LIKE ${lit(`${p.slice(0, -1)}%`)}` : `${code} = ${lit(p)}`));
  return `((${vocabulary} IN ('ICD10CM', 'ICD10') AND (${icd.join(" OR ")})) OR (${vocabulary} = 'SNOMED' AND ${code} IN (${list(relevantDiagnosisPatterns("snomed", condition))})))`;
}

/** A predicate: the source value `v` holds a word naming a score (the text fallback for rows with no LOINC code). */
const namesScore = (v: string): string => `(${SCORE_TEXT_WORDS.map((w) => `LOWER(${v}) LIKE ${lit(`%${w}%`)}`).join(" OR ")})`;

/** A predicate: a score by LOINC code on concept `c` or source concept `s`, or named in the source value `v` when neither is coded. */
function scoreMatch(c: string, s: string, v: string): string {
  const loinc = list(scoreLoincCodes());
  const words = namesScore(v);
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
  /**
   * The vocabulary the extraction needs was stored once per run in the temporary tables
   * {@link VOCABULARY_TABLES} names ({@link renderVocabularySql}): each query joins those small
   * tables instead of resolving codes in `concept` and `concept_ancestor` again.
   */
  readonly vocabularyTables?: boolean;
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

/**
 * The names of the two small tables the extraction resolves its vocabulary into: `drugs`, one
 * row per drug concept and relevant ingredient (the ingredient's RxNorm code, the number of
 * ingredients of the drug, its `drug_strength` with unit codes); `concepts`, the concepts whose
 * vocabulary and code the extraction reads (diagnoses, score LOINC codes, CPT4 procedures, drug
 * type concepts, and the concepts of rows whose source value names a score).
 *
 * @example
 * VOCABULARY_TABLES.drugs; //=> "trd_drug_concepts"
 */
export const VOCABULARY_TABLES = deepFreeze({ drugs: "trd_drug_concepts", concepts: "trd_concepts" } as const);

/** The SELECTs of the vocabulary tables, in the order they are made. */
function vocabularySelects(options: ExtractionSqlOptions, caller: string): readonly { readonly table: string; readonly sql: string }[] {
  const t = cdmTables(options, caller);
  const drugs = `SELECT ca.descendant_concept_id AS drug_concept_id, ing.vocabulary_id, ing.concept_code, n.ingredients AS ingredient_count,
    ds.amount_value, au.concept_code AS amount_unit, ds.numerator_value, nu.concept_code AS numerator_unit, ds.denominator_value, du.concept_code AS denominator_unit
  FROM ${t("concept")} ing
  JOIN ${t("concept_ancestor")} ca ON ca.ancestor_concept_id = ing.concept_id
  JOIN (
    SELECT cn.descendant_concept_id AS drug_concept_id, COUNT(*) AS ingredients
    FROM ${t("concept_ancestor")} cn
    JOIN ${t("concept")} i ON i.concept_id = cn.ancestor_concept_id AND i.concept_class_id = 'Ingredient'
    WHERE cn.descendant_concept_id IN (
      SELECT r.descendant_concept_id FROM ${t("concept_ancestor")} r JOIN ${t("concept")} ri ON ri.concept_id = r.ancestor_concept_id
      WHERE ri.vocabulary_id = 'RxNorm' AND ri.concept_class_id = 'Ingredient' AND ri.concept_code IN (${list(relevantIngredientCodes())})
    )
    GROUP BY cn.descendant_concept_id
  ) n ON n.drug_concept_id = ca.descendant_concept_id
  LEFT JOIN ${t("drug_strength")} ds ON ds.drug_concept_id = ca.descendant_concept_id AND ds.ingredient_concept_id = ing.concept_id
  LEFT JOIN ${t("concept")} au ON au.concept_id = ds.amount_unit_concept_id
  LEFT JOIN ${t("concept")} nu ON nu.concept_id = ds.numerator_unit_concept_id
  LEFT JOIN ${t("concept")} du ON du.concept_id = ds.denominator_unit_concept_id
  WHERE ing.vocabulary_id = 'RxNorm' AND ing.concept_class_id = 'Ingredient' AND ing.concept_code IN (${list(relevantIngredientCodes())})`;
  const textNamed = ["measurement", "observation"].flatMap((table) => [`${table}_concept_id`, `${table}_source_concept_id`].map((column) => `SELECT ${column} FROM ${t(table)} WHERE ${namesScore(`${table}_source_value`)}`));
  const concepts = `SELECT c.concept_id, c.vocabulary_id, c.concept_code, c.concept_name
  FROM ${t("concept")} c
  WHERE ${diagnosisMatch("c.vocabulary_id", "c.concept_code")}
    OR (c.vocabulary_id = 'LOINC' AND c.concept_code IN (${list(scoreLoincCodes())}))
    OR (c.vocabulary_id = 'CPT4' AND c.concept_code IN (${list(PROCEDURE_CODES.map((p) => p.code))}))
    OR c.domain_id = 'Type Concept'
    OR c.concept_id IN (${textNamed.join("\n      UNION ")})`;
  return [
    { table: VOCABULARY_TABLES.drugs, sql: drugs },
    { table: VOCABULARY_TABLES.concepts, sql: concepts },
  ];
}

/**
 * The vocabulary the extraction needs, resolved once by `vocabulary_id` and `concept_code`: a
 * SELECT for each of the {@link VOCABULARY_TABLES}, to store (in this order) as a temporary table
 * of that name; then pass `vocabularyTables: true` to the other queries. Small whatever the CDM's
 * size (the relevant drug concepts, and a few thousand other concepts), so each batch joins two
 * small tables rather than the vocabulary.
 *
 * @example
 * renderVocabularySql("duckdb", { cdmSchema: "cdm" }).map((v) => v.table); //=> ["trd_drug_concepts", "trd_concepts"]
 */
export function renderVocabularySql(dialect: SqlDialect, options: Pick<ExtractionSqlOptions, "cdmSchema"> = {}): readonly { readonly table: string; readonly sql: string }[] {
  // The SELECTs are plain SQL, the same in every dialect; the dialect is taken for the API's symmetry.
  return vocabularySelects(options, "renderVocabularySql");
}

/** The vocabulary as common table expressions (`WITH …,`), or nothing when the tables were made once. */
function vocabularyCtes(options: ExtractionSqlOptions, caller: string): string {
  if (options.vocabularyTables === true) return "";
  return `WITH ${vocabularySelects(options, caller).map((v) => `${v.table} AS (\n  ${v.sql}\n)`).join(",\n")}\n`;
}

/** One kind of row: its columns' expressions, and the FROM and WHERE that find the rows. */
interface RowSource {
  readonly domain: OmopDomain;
  /** The CDM table its rows come from, and the table's alias in its expressions. */
  readonly table: string;
  readonly alias: string;
  readonly values: Partial<Record<Column, string>>;
  readonly from: string;
  /** Whether its rows put a person in scope: all of them (`true`), or those matching the predicate. */
  readonly scope: boolean | string;
  /** The concept ids of its compact row ({@link COMPACT_CELLS}). */
  readonly conceptIds?: Partial<Record<ConceptCell, string>>;
  /** The FROM of its compact rows, when it differs (one row per drug exposure, not per ingredient). */
  readonly compactFrom?: string;
}

/** Every kind of event row (drugs, conditions, scores, procedures) with the relevance filters, for a batch. */
function eventSources(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): readonly RowSource[] {
  const d = DIALECTS[dialect];
  const t = cdmTables(options, caller);
  const drugs: RowSource = {
    domain: "drug",
    table: "drug_exposure",
    alias: "de",
    values: {
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
      ingredient_count: "r.ingredient_count",
      amount_value: "r.amount_value",
      amount_unit: "r.amount_unit",
      numerator_value: "r.numerator_value",
      numerator_unit: "r.numerator_unit",
      denominator_value: "r.denominator_value",
      denominator_unit: "r.denominator_unit",
    },
    from: `FROM ${t("drug_exposure")} de
  JOIN ${VOCABULARY_TABLES.drugs} r ON r.drug_concept_id = de.drug_concept_id
  LEFT JOIN ${VOCABULARY_TABLES.concepts} ty ON ty.concept_id = de.drug_type_concept_id
  WHERE ${personRange("de", options)}`,
    scope: true,
    conceptIds: { drug_concept: "de.drug_concept_id", type_concept: "de.drug_type_concept_id" },
    compactFrom: `FROM ${t("drug_exposure")} de
  WHERE de.drug_concept_id IN (SELECT drug_concept_id FROM ${VOCABULARY_TABLES.drugs}) AND ${personRange("de", options)}`,
  };
  const coded = (domain: "condition" | "measurement" | "observation" | "procedure", table: string, alias: string, prefix: string, date: string, where: string, scope: boolean | string, extra: Partial<Record<Column, string>> = {}): RowSource => ({
    domain,
    table,
    alias,
    values: {
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
    from: `FROM ${t(table)} ${alias}
  LEFT JOIN ${VOCABULARY_TABLES.concepts} c ON c.concept_id = ${alias}.${prefix}_concept_id
  LEFT JOIN ${VOCABULARY_TABLES.concepts} s ON s.concept_id = ${alias}.${prefix}_source_concept_id
  WHERE (${where}) AND ${personRange(alias, options)}`,
    scope,
    conceptIds: { concept: `${alias}.${prefix}_concept_id`, source_concept: `${alias}.${prefix}_source_concept_id` },
  });
  const mdd = `${diagnosisMatch("c.vocabulary_id", "c.concept_code", "major-depressive-disorder")} OR ${diagnosisMatch("s.vocabulary_id", "s.concept_code", "major-depressive-disorder")}`;
  const procedureCodes = list(PROCEDURE_CODES.map((p) => p.code));
  return [
    drugs,
    coded("condition", "condition_occurrence", "co", "condition", "condition_start_date", `${diagnosisMatch("c.vocabulary_id", "c.concept_code")} OR ${diagnosisMatch("s.vocabulary_id", "s.concept_code")}`, mdd, { end_date: d.date("co.condition_end_date") }),
    coded("measurement", "measurement", "m", "measurement", "measurement_date", scoreMatch("c", "s", "m.measurement_source_value"), true, { value_as_number: "m.value_as_number" }),
    coded("observation", "observation", "o", "observation", "observation_date", scoreMatch("c", "s", "o.observation_source_value"), true, { value_as_number: "o.value_as_number" }),
    coded("procedure", "procedure_occurrence", "po", "procedure", "procedure_date", `(c.vocabulary_id = 'CPT4' AND c.concept_code IN (${procedureCodes})) OR (s.vocabulary_id = 'CPT4' AND s.concept_code IN (${procedureCodes}))`, false),
  ];
}

/** The person and observation-period rows, for a batch (their persons are filtered by the caller). */
function personSources(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): readonly RowSource[] {
  const d = DIALECTS[dialect];
  const t = cdmTables(options, caller);
  return [
    { domain: "person", table: "person", alias: "p", values: { person_id: "p.person_id", domain: "'person'", year_of_birth: "p.year_of_birth", month_of_birth: "p.month_of_birth", day_of_birth: "p.day_of_birth" }, from: `FROM ${t("person")} p\n  WHERE ${personRange("p", options)}`, scope: false },
    {
      domain: "observation_period",
      table: "observation_period",
      alias: "op",
      values: { person_id: "op.person_id", domain: "'observation_period'", record_id: "op.observation_period_id", start_date: d.date("op.observation_period_start_date"), end_date: d.date("op.observation_period_end_date") },
      from: `FROM ${t("observation_period")} op\n  WHERE ${personRange("op", options)}`,
      scope: false,
    },
  ];
}

/** Every kind of row the extraction reads: the events, then the person and observation-period rows. */
function allSources(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): readonly RowSource[] {
  return [...eventSources(dialect, options, caller), ...personSources(dialect, options, caller)];
}

/** The SQL type of a column in a dialect. */
function typeOf(d: Dialect, c: Column): string {
  return TEXT_COLUMNS.has(c) ? d.text : INT_COLUMNS.has(c) ? d.int : d.real;
}

/** One SELECT of the union: the source's expressions, every other column a typed NULL, in {@link OMOP_ROW_COLUMNS} order. */
function fullRow(d: Dialect, source: RowSource, where = ""): string {
  return `SELECT ${OMOP_ROW_COLUMNS.map((c) => `CAST(${source.values[c] ?? "NULL"} AS ${typeOf(d, c)}) AS ${c}`).join(", ")}\n  ${source.from}${where}`;
}

/** Restricts a source's rows to the persons in scope. */
function inScopeOnly(source: RowSource): string {
  return `\n    AND ${source.values.person_id ?? "NULL"} IN (SELECT person_id FROM in_scope)`;
}

/** The persons in scope, as a SELECT of distinct `person_id`s over the sources that put a person in scope. */
function inScopeSelect(sources: readonly RowSource[]): string {
  const parts = sources.filter((s) => s.scope !== false).map((s) => `SELECT ${s.values.person_id ?? "NULL"} AS person_id\n  ${s.from}${s.scope === true ? "" : `\n    AND (${s.scope})`}`);
  return `SELECT DISTINCT person_id FROM (\n${parts.join("\n  UNION ALL\n")}\n) scoped`;
}

/**
 * The persons in scope (one `person_id` column, each once, in no order): those with an
 * antidepressant or augmenting drug exposure, a score, or a major depression diagnosis. The
 * command line stores them once per run in a temporary table and passes it to the batches
 * ({@link ExtractionSqlOptions.inScopeTable}).
 *
 * @example
 * renderInScopeSql("duckdb", { cdmSchema: "cdm" }).startsWith("WITH trd_drug_concepts AS"); //=> true
 * renderInScopeSql("duckdb", { vocabularyTables: true }).startsWith("SELECT DISTINCT person_id"); //=> true
 */
export function renderInScopeSql(dialect: SqlDialect, options: Pick<ExtractionSqlOptions, "cdmSchema" | "personIdFrom" | "personIdBefore" | "vocabularyTables"> = {}): string {
  return `${vocabularyCtes(options, "renderInScopeSql")}${inScopeSelect(eventSources(dialect, options, "renderInScopeSql"))}`;
}

/** The common table expressions every row query starts with: the vocabulary (unless stored) and the persons in scope. */
function rowQueryCtes(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): string {
  const table = inScopeTableOf(options, caller);
  const vocabulary = vocabularyCtes(options, caller);
  const inScope = table === undefined ? inScopeSelect(eventSources(dialect, options, caller)) : `SELECT s.person_id FROM ${table} s\n  WHERE ${personRange("s", options)}`;
  return `${vocabulary === "" ? "WITH " : `${vocabulary.slice(0, -1)},\n`}in_scope AS (\n  ${inScope}\n)\n`;
}

/** The extraction's rows, unordered, every column in {@link OMOP_ROW_COLUMNS} order: the events, person and observation-period rows of the persons in scope. */
function unorderedRowsSql(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string): string {
  const d = DIALECTS[dialect];
  const sources = allSources(dialect, options, caller);
  return `${rowQueryCtes(dialect, options, caller)}SELECT * FROM (
${sources.map((s) => fullRow(d, s, inScopeOnly(s))).join("\n  UNION ALL\n")}
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
 * A row's present columns as a JSON object without its null ones, from `[name, expression]`
 * pairs. DuckDB has no function that drops them, so the object is written key by key, and
 * `concat_ws` skips the keys whose value is null; PostgreSQL strips them; Spark's `to_json` and
 * Snowflake's `OBJECT_CONSTRUCT` leave nulls out by themselves; BigQuery's keeps them.
 */
const JSON_WITHOUT_NULLS: Readonly<Record<SqlDialect, (cells: readonly (readonly [string, string])[]) => string>> = {
  duckdb: (cells) => `'{' || concat_ws(',', ${cells.map(([c, e]) => `'"${c}":' || to_json(${e})`).join(", ")}) || '}'`,
  postgresql: (cells) => `CAST(json_strip_nulls(json_build_object(${cells.map(([c, e]) => `'${c}', ${e}`).join(", ")})) AS TEXT)`,
  bigquery: (cells) => `TO_JSON_STRING(STRUCT(${cells.map(([c, e]) => `${e} AS ${c}`).join(", ")}))`,
  spark: (cells) => `to_json(named_struct(${cells.map(([c, e]) => `'${c}', ${e}`).join(", ")}))`,
  snowflake: (cells) => `TO_JSON(OBJECT_CONSTRUCT(${cells.map(([c, e]) => `'${c}', ${e}`).join(", ")}))`,
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

/** A source's rows as `person_id` and `row`, the row's present columns as a compact JSON object (each source writes only its own columns). */
function rowWithoutNulls(d: Dialect, dialect: SqlDialect, source: RowSource): string {
  const cells = OMOP_ROW_COLUMNS.flatMap((c) => {
    const v = source.values[c];
    return v === undefined ? [] : [[c, `CAST(${v} AS ${typeOf(d, c)})`] as const];
  });
  return `SELECT ${source.values.person_id ?? "NULL"} AS person_id, ${JSON_WITHOUT_NULLS[dialect](cells)} AS row\n  ${source.from}${inScopeOnly(source)}`;
}

/**
 * The extraction query with one row per person in scope, ordered by `person_id`: `person_id` as
 * text and `rows`, a JSON array of the person's {@link OmopRow}s (in no particular order) with
 * their null columns left out (a missing key reads as null). What the command line reads: each
 * kind of row writes only its own columns, the database groups and writes the JSON, so a client
 * converts two values per person.
 *
 * @example
 * const sql = renderPersonRowsSql("postgresql", { inScopeTable: "trd_in_scope", vocabularyTables: true, personIdFrom: 1, personIdBefore: 10001 });
 * sql.includes("json_strip_nulls(json_build_object('person_id', CAST(de.person_id AS BIGINT)"); //=> true
 * sql.includes("GROUP BY t.person_id"); //=> true
 */
export function renderPersonRowsSql(dialect: SqlDialect, options: ExtractionSqlOptions = {}): string {
  return rowsPerPerson(dialect, options, "renderPersonRowsSql", (s) => rowWithoutNulls(DIALECTS[dialect], dialect, s));
}

/** One row per person, ordered by `person_id`: the rows of the SELECTs (each `person_id` and `row`, a JSON text) aggregated into one JSON array. */
function groupedByPerson(dialect: SqlDialect, selects: readonly string[]): string {
  return `SELECT CAST(t.person_id AS ${DIALECTS[dialect].text}) AS person_id, ${JSON_ARRAY_AGG[dialect]("t.row")} AS rows
FROM (
${selects.join("\n  UNION ALL\n")}
) t
GROUP BY t.person_id
ORDER BY t.person_id`;
}

/** One row per person in scope, ordered by `person_id`: its rows (`rowOf` each source's, as JSON text) aggregated into one JSON array. */
function rowsPerPerson(dialect: SqlDialect, options: ExtractionSqlOptions, caller: string, rowOf: (source: RowSource) => string): string {
  return `${rowQueryCtes(dialect, options, caller)}${groupedByPerson(dialect, allSources(dialect, options, caller).map(rowOf))}`;
}

/** How a compact cell is written as JSON: a number that is whole, text that needs no escaping (dates, ids), or anything else. */
type CellKind = "whole" | "plain-text" | "any";

/** The kind of a compact row's column (a concept id cell is always whole), for DuckDB's JSON written by concatenation. */
function cellKind(column: Column): CellKind {
  if (INT_COLUMNS.has(column)) return "whole";
  return column === "record_id" || column === "start_date" || column === "end_date" ? "plain-text" : "any";
}

/**
 * A compact row as a JSON array. DuckDB: written by one `concat` (one string made per row), each
 * cell as cheaply as its kind allows (whole numbers and dates as they are, only free text and decimals through
 * `to_json`), `null` for a missing one; PostgreSQL: `json_build_array`.
 */
const COMPACT_JSON_ARRAY: Readonly<Record<"duckdb" | "postgresql", (cells: readonly (readonly [CellKind, string])[]) => string>> = {
  duckdb: (cells) =>
    `concat('[', ${cells.map(([kind, e]) => (kind === "whole" ? `COALESCE(CAST(${e} AS VARCHAR), 'null')` : kind === "plain-text" ? `COALESCE('"' || ${e} || '"', 'null')` : `COALESCE(to_json(${e}), 'null')`)).join(", ',', ")}, ']')`,
  postgresql: (cells) => `CAST(json_build_array(${cells.map(([, e]) => e).join(", ")}) AS TEXT)`,
};

/** A source's rows in the staged copy as `person_id` and `row`, the compact row (compactRows.ts) as a JSON array: a range of `person_id`, nothing else to decide. */
function compactArray(d: Dialect, dialect: "duckdb" | "postgresql", source: RowSource, table: (name: string) => string, options: ExtractionSqlOptions): string {
  const cells = COMPACT_CELLS[source.domain].map((cell): readonly [CellKind, string] => {
    if ((CONCEPT_CELLS as readonly string[]).includes(cell)) return ["whole", source.conceptIds?.[cell as ConceptCell] ?? "NULL"];
    const c = cell as Column;
    return [cellKind(c), `CAST(${source.values[c] ?? "NULL"} AS ${typeOf(d, c)})`];
  });
  return `SELECT ${source.alias}.person_id AS person_id, ${COMPACT_JSON_ARRAY[dialect]([["whole", String(OMOP_DOMAINS.indexOf(source.domain))], ...cells])} AS row\n  FROM ${table(source.table)} ${source.alias}\n  WHERE ${personRange(source.alias, options)}`;
}

/** The columns of its CDM table that a source's compact rows and filters read (every `alias.column` in them). */
function columnsRead(source: RowSource): readonly string[] {
  const text = [...Object.values(source.values), ...Object.values(source.conceptIds ?? {}), source.compactFrom ?? source.from].join(" ");
  const columns = new Set(["person_id"]);
  for (const m of text.matchAll(new RegExp(`\\b${source.alias}\\.([a-z_]+)\\b`, "g"))) columns.add(m[1] as string);
  return [...columns];
}

/**
 * The command line's copy of the CDM in person order: for each person-level table the compact
 * rows read, a SELECT of its relevant rows of the persons in scope (the extraction's filters; the
 * persons of `inScopeTable`, for the tables whose rows do not all put a person in scope) with only
 * the columns the compact rows read, ordered by `person_id`. Stored (in this order) under the same
 * names in a schema of their own, and passed as `cdmSchema` to {@link renderCompactRowsSql}, they let each
 * batch read its persons' rows together whatever order the CDM stores its rows in: a batch query
 * on the CDM itself scans every table once per batch when they are not in `person_id` order, as
 * in most CDMs. And since the copy holds only what the batches read, a batch neither joins the
 * vocabulary nor filters again. Each table is sorted on its own, so no statement holds more than
 * one table's relevant rows. Needs the vocabulary tables ({@link renderVocabularySql}).
 *
 * @example
 * const staged = renderStagedTablesSql("duckdb", { cdmSchema: "cdm", inScopeTable: "trd_in_scope" });
 * staged.map((s) => s.table).includes("drug_exposure"); //=> true
 * staged.find((s) => s.table === "person")?.sql;
 * //=> "SELECT p.person_id, p.year_of_birth, p.month_of_birth, p.day_of_birth\nFROM cdm.person p\n  WHERE TRUE\n    AND p.person_id IN (SELECT person_id FROM trd_in_scope)\nORDER BY p.person_id"
 */
export function renderStagedTablesSql(dialect: "duckdb" | "postgresql", options: Pick<ExtractionSqlOptions, "cdmSchema"> & { readonly inScopeTable: string }): readonly { readonly table: string; readonly sql: string }[] {
  const scoped = { ...options, vocabularyTables: true };
  const inScope = inScopeTableOf(options, "renderStagedTablesSql") as string;
  return allSources(dialect, scoped, "renderStagedTablesSql").map((s) => {
    // A person with only a bipolar diagnosis, a procedure, or no events at all is not in scope: their rows are not copied.
    const persons = s.scope === true ? "" : `\n    AND ${s.alias}.person_id IN (SELECT person_id FROM ${inScope})`;
    return { table: s.table, sql: `SELECT ${columnsRead(s).map((c) => `${s.alias}.${c}`).join(", ")}\n${s.compactFrom ?? s.from}${persons}\nORDER BY ${s.alias}.person_id` };
  });
}

/**
 * The command line's batch query on its copy of the CDM ({@link renderStagedTablesSql}, whose
 * schema is `cdmSchema` here): one row per person in the `person_id` range, ordered by
 * `person_id`, with `person_id` as text and `rows`, a JSON array of the person's rows in the
 * compact form of compactRows.ts (concept ids where the full row has codes, read back through the
 * vocabulary tables' rows). The copy holds the relevant rows of the persons in scope only, so the
 * query reads a range of each table and aggregates; it filters nothing.
 *
 * @example
 * const sql = renderCompactRowsSql("duckdb", { cdmSchema: "staged", personIdFrom: 1, personIdBefore: 2501 });
 * sql.includes("FROM staged.drug_exposure de\n  WHERE de.person_id >= 1 AND de.person_id < 2501"); //=> true
 * sql.includes("JOIN"); //=> false
 */
export function renderCompactRowsSql(dialect: "duckdb" | "postgresql", options: Pick<ExtractionSqlOptions, "cdmSchema" | "personIdFrom" | "personIdBefore">): string {
  const table = cdmTables(options, "renderCompactRowsSql");
  const sources = allSources(dialect, { ...options, vocabularyTables: true }, "renderCompactRowsSql");
  return groupedByPerson(dialect, sources.map((s) => compactArray(DIALECTS[dialect], dialect, s, table, options)));
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
