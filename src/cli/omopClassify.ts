/**
 * The OMOP source of `trd-classifier classify --omop duckdb:cdm.duckdb | postgres://…` (its
 * options are classify's, main.ts): the extraction query streams rows ordered by person, each
 * person's rows become a history (trd-classifier/omop) in the workers, and the histories go
 * through the same classification as NDJSON input (the worker pool, the same output), so a
 * person's output is what classifying their history from an NDJSON file gives. With
 * --write-cohort, the output also goes to the OHDSI cohort and results tables (cohortWriter.ts).
 */
import { Readable } from "node:stream";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { createRequire } from "node:module";
import { OMOP_DECISION_CODES, VOCABULARY_TABLES, renderBatchBoundsSql, renderInScopeSql, renderVocabularySql } from "../omop/index";
import { renderCompactRowsSql, renderStagedTablesSql } from "../omop/sql";
import { vocabularyFromRows } from "../omop/compactRows";
import type { OmopVocabulary } from "../omop/compactRows";
import type { ExtractionSqlOptions } from "../omop/index";
import type { ClassifySummary } from "./classifyCommand";
import { CohortWriter } from "./cohortWriter";
import { UsageError } from "./commands";
import { openOmop } from "./omopDatabase";
import type { OmopConnection } from "./omopDatabase";

/**
 * Persons in scope per extraction query: each query groups and sorts this many persons' rows, which
 * bounds the database's memory. Measured on 200,000 persons from DuckDB, three alternating runs:
 * 2,500 a query with one DuckDB thread peaked at 450-472 MB, 5,000 with two threads at 509-551 MB
 * (one thread alone saves about 20 MB); 5,000 a query was about 5% faster.
 */
const PERSONS_PER_QUERY = 2_500;

/** The persons per batch query: TRD_OMOP_BATCH_PERSONS (a whole number of 1 or more), else {@link PERSONS_PER_QUERY}. */
function personsPerQuery(): number {
  const set = process.env["TRD_OMOP_BATCH_PERSONS"];
  if (set === undefined) return PERSONS_PER_QUERY;
  const n = Number(set);
  if (!/^\d+$/.test(set) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`TRD_OMOP_BATCH_PERSONS=${set.slice(0, 20)} is not a whole number of 1 or more`, "TRD_OMOP_BATCH_PERSONS=N");
  return n;
}

/** The temporary table (on the reading connection) holding the persons in scope, made once per run. */
const IN_SCOPE_TABLE = "trd_in_scope";

/** What the OMOP source read, for the summary. */
export interface OmopReadSummary {
  persons: number;
}

/** Stores a query's rows as a temporary table on the reading connection (PostgreSQL: with statistics for the planner). */
async function makeTemporaryTable(db: OmopConnection, table: string, sql: string): Promise<void> {
  await db.readerRun(`CREATE TEMPORARY TABLE ${table} AS ${sql}`, ...(db.dialect === "postgresql" ? [`ANALYZE ${table}`] : []));
}

/**
 * Resolves the vocabulary once, on the connection that reads: the two small tables
 * `renderVocabularySql` defines, made as temporary tables (each batch joins them), and their rows,
 * which the workers read compact rows back with (compactRows.ts).
 */
export async function prepareOmopVocabulary(db: OmopConnection, options: Pick<ExtractionSqlOptions, "cdmSchema">): Promise<OmopVocabulary> {
  for (const { table, sql } of renderVocabularySql(db.dialect, options)) await makeTemporaryTable(db, table, sql);
  const real = db.dialect === "postgresql" ? "DOUBLE PRECISION" : "DOUBLE";
  const drugs = await db.readerAll(
    `SELECT drug_concept_id, vocabulary_id, concept_code, ingredient_count, CAST(amount_value AS ${real}) AS amount_value, amount_unit, CAST(numerator_value AS ${real}) AS numerator_value, numerator_unit, CAST(denominator_value AS ${real}) AS denominator_value, denominator_unit FROM ${VOCABULARY_TABLES.drugs}`,
  );
  const concepts = await db.readerAll(`SELECT concept_id, vocabulary_id, concept_code, concept_name FROM ${VOCABULARY_TABLES.concepts}`);
  return vocabularyFromRows(drugs, concepts);
}

/**
 * One NDJSON line per person (`{"person_id": "…", "rows": […]}`, the rows in the compact form of
 * compactRows.ts, as the database wrote them as one JSON array per person), a batch of persons per
 * chunk, pulled as the classifier reads, so at most a few batches are in memory whatever the CDM's
 * size. The persons in scope are found once (a temporary table); the CDM's relevant rows of those
 * persons are copied once, each table in `person_id` order whatever order the CDM stores them in
 * (renderStagedTablesSql), and the batches of `personsPerBatch` persons read ranges of that copy,
 * with nothing left to join or filter. Needs the vocabulary
 * tables ({@link prepareOmopVocabulary}). The workers read each person's rows back and map them
 * to a history (records.ts), in parallel; this thread only joins text.
 */
export function omopPersonLines(db: OmopConnection, options: Pick<ExtractionSqlOptions, "cdmSchema">, summary: OmopReadSummary, personsPerBatch = PERSONS_PER_QUERY): Readable {
  async function* batches(): AsyncGenerator<[string, string][]> {
    const withVocabulary = { ...options, vocabularyTables: true };
    await makeTemporaryTable(db, IN_SCOPE_TABLE, renderInScopeSql(db.dialect, withVocabulary));
    const scoped = { ...withVocabulary, inScopeTable: IN_SCOPE_TABLE };
    const bounds = (await db.readerAll(renderBatchBoundsSql(db.dialect, scoped, personsPerBatch))).map((r) => String(r["person_id"]));
    for (const { table, sql } of renderStagedTablesSql(db.dialect, { ...options, inScopeTable: IN_SCOPE_TABLE })) await db.stage(table, sql);
    await db.beforeBatches();
    for (let i = 0; i < bounds.length; i++) {
      const range = { personIdFrom: bounds[i] as string, ...(i + 1 < bounds.length ? { personIdBefore: bounds[i + 1] as string } : {}) };
      yield* db.jsonRows(renderCompactRowsSql(db.dialect, { cdmSchema: db.stagingSchema, ...range }));
    }
  }
  async function* lines(): AsyncGenerator<string> {
    let text = "";
    for await (const batch of batches()) {
      for (const [person, rows] of batch) text += `{"person_id":${JSON.stringify(String(person))},"rows":${rows}}\n`;
      summary.persons += batch.length;
      if (text.length > 1 << 17) {
        yield text;
        text = "";
      }
    }
    if (text !== "") yield text;
  }
  return Readable.from(lines(), { objectMode: false, highWaterMark: 1 << 16 });
}

/** The OMOP options of classify, as its option table read them. */
export interface OmopSourceOptions {
  /** `duckdb:PATH` or a `postgres://` URL. */
  readonly target: string;
  readonly cdmSchema?: string | undefined;
  readonly dispensingTypes?: readonly string[] | undefined;
  /** With --write-cohort: where and under which id the cohort and results tables are written. */
  readonly cohort?: { readonly resultsSchema?: string | undefined; readonly cohortDefinitionId: number; readonly cohortTable: string; readonly resultTable: string } | undefined;
  readonly asOf: string;
  readonly format: "ndjson" | "csv";
}

/** What a classify run reads from the OMOP source: the persons' lines, where to write, and the workers' OMOP options. */
export interface OmopSource {
  readonly inputStream: Readable;
  readonly out: Writable;
  readonly omop: { readonly vocabulary: OmopVocabulary; readonly dispensingTypes?: readonly string[] };
}

/**
 * Opens the CDM, resolves its vocabulary and, with a cohort asked for, makes the cohort and results
 * tables; runs `classify` on the persons in scope; then completes the cohort tables and closes the
 * database (also when the run fails). Returns the run's summary and the summary's OMOP lines.
 */
export async function classifyFromOmop(options: OmopSourceOptions, stdout: Writable, classify: (source: OmopSource) => Promise<ClassifySummary>): Promise<{ readonly summary: ClassifySummary; readonly before: string; readonly notes: readonly string[] }> {
  const personsPerBatch = personsPerQuery();
  const db = await openOmop(options.target, { existing: true });
  const read: OmopReadSummary = { persons: 0 };
  const cdm = options.cdmSchema === undefined ? {} : { cdmSchema: options.cdmSchema };
  try {
    const vocabulary = await prepareOmopVocabulary(db, cdm);
    const cohort = options.cohort === undefined ? undefined : await cohortWriter(db, stdout, options, options.cohort);
    const summary = await classify({
      inputStream: omopPersonLines(db, cdm, read, personsPerBatch),
      out: cohort ?? stdout,
      omop: { vocabulary, ...(options.dispensingTypes === undefined ? {} : { dispensingTypes: options.dispensingTypes }) },
    });
    if (cohort !== undefined) {
      cohort.end();
      await once(cohort, "finish");
      await cohort.closeCohort();
    }
    const before = `trd-classifier: OMOP ${db.dialect}: ${read.persons.toLocaleString("en-US")} persons in scope (an antidepressant or augmenting drug, a depression diagnosis or a score).\n`;
    const notes = [
      ...(cohort === undefined || options.cohort === undefined ? [] : [`Cohort ${options.cohort.cohortDefinitionId}: ${cohort.counts.cohort.toLocaleString("en-US")} persons; ${cohort.counts.results.toLocaleString("en-US")} results written.`]),
      ...decisionsNote(summary.omopDecisions),
    ];
    return { summary, before, notes };
  } finally {
    await db.close();
  }
}

/**
 * The summary's line on how the persons' rows were read: the adapter's decisions per code over the
 * records written (each record's own are in its output).
 */
function decisionsNote(decisions: Readonly<Record<string, number>>): string[] {
  const parts = OMOP_DECISION_CODES.flatMap((code) => (decisions[code] === undefined ? [] : [`${code} ${decisions[code].toLocaleString("en-US")}`]));
  return parts.length === 0 ? [] : [`How the rows were read (docs/omop.md): ${parts.join(", ")}.`];
}

/** The cohort writer (its tables made), in front of standard output. */
async function cohortWriter(db: OmopConnection, stdout: Writable, options: OmopSourceOptions, cohort: NonNullable<OmopSourceOptions["cohort"]>): Promise<CohortWriter> {
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  const writer = new CohortWriter(stdout, db, {
    format: options.format,
    asOf: options.asOf,
    classifierVersion: pkg.version,
    cohortDefinitionId: cohort.cohortDefinitionId,
    cohortTable: cohort.cohortTable,
    resultTable: cohort.resultTable,
    ...(cohort.resultsSchema === undefined ? {} : { resultsSchema: cohort.resultsSchema }),
    ...(options.cdmSchema === undefined ? {} : { cdmSchema: options.cdmSchema }),
  });
  await writer.prepare();
  return writer;
}
