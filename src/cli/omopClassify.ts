/**
 * `trd-classifier classify --omop duckdb:cdm.duckdb | postgres://… [--cdm-schema S]
 * [--write-cohort [--results-schema S] [--cohort-id N] [--cohort-table T] [--result-table T]]
 * [--dispensing-type NAME]… [the classify options]`: the extraction query streams rows ordered by
 * person, each person's rows become a history (trd-classifier/omop), and the histories go through
 * the same classification as NDJSON input (the worker pool, the same output), so a person's output
 * is what classifying their history from an NDJSON file gives.
 */
import { Readable } from "node:stream";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { isRuleSetId, listBuildPresets } from "../index";
import type { BuildPresetId } from "../index";
import { VOCABULARY_TABLES, renderBatchBoundsSql, renderInScopeSql, renderVocabularySql } from "../omop/index";
import { renderCompactRowsSql } from "../omop/sql";
import { vocabularyFromRows } from "../omop/compactRows";
import type { OmopVocabulary } from "../omop/compactRows";
import type { ExtractionSqlOptions } from "../omop/index";
import { isCalendarDate } from "../internal/dates";
import { classifyCommand } from "./classifyCommand";
import type { ClassifySummary } from "./classifyCommand";
import { CohortWriter } from "./cohortWriter";
import { footprintText } from "./footprint";
import { openOmop } from "./omopDatabase";
import type { OmopConnection } from "./omopDatabase";

/**
 * Persons in scope per extraction query: each query groups and sorts this many persons' rows, which
 * bounds the database's memory. Measured on 200,000 persons from DuckDB, three alternating runs:
 * 2,500 a query with one DuckDB thread peaked at 450-472 MB, 5,000 with two threads at 509-551 MB
 * (one thread alone saves about 20 MB); 5,000 a query was about 5% faster.
 */
const PERSONS_PER_QUERY = 2_500;

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
 * size. The persons in scope are found once (a temporary table), then read in batches of
 * {@link PERSONS_PER_QUERY} of them. Needs the vocabulary tables ({@link prepareOmopVocabulary}).
 * The workers read each person's rows back and map them to a history (records.ts), in parallel;
 * this thread only joins text.
 */
export function omopPersonLines(db: OmopConnection, options: Pick<ExtractionSqlOptions, "cdmSchema">, summary: OmopReadSummary): Readable {
  async function* batches(): AsyncGenerator<[string, string][]> {
    const withVocabulary = { ...options, vocabularyTables: true };
    await makeTemporaryTable(db, IN_SCOPE_TABLE, renderInScopeSql(db.dialect, withVocabulary));
    const scoped = { ...withVocabulary, inScopeTable: IN_SCOPE_TABLE };
    const bounds = (await db.readerAll(renderBatchBoundsSql(db.dialect, scoped, PERSONS_PER_QUERY))).map((r) => String(r["person_id"]));
    await db.beforeBatches();
    for (let i = 0; i < bounds.length; i++) {
      const range = { personIdFrom: bounds[i] as string, ...(i + 1 < bounds.length ? { personIdBefore: bounds[i + 1] as string } : {}) };
      yield* db.jsonRows(renderCompactRowsSql(db.dialect, { ...scoped, ...range }));
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

/** The OMOP command's options, read; an unknown option or a missing value is a usage error. */
function parseOmopArgs(args: string[], fail: (message: string) => never) {
  try {
    return parseArgs({
      args,
      allowPositionals: false,
      options: {
        omop: { type: "string" },
        "cdm-schema": { type: "string" },
        "results-schema": { type: "string" },
        "write-cohort": { type: "boolean", default: false },
        "cohort-id": { type: "string", default: "1" },
        "cohort-table": { type: "string", default: "cohort" },
        "result-table": { type: "string", default: "trd_classifier_result" },
        "dispensing-type": { type: "string", multiple: true },
        "as-of": { type: "string" },
        "rule-set": { type: "string", default: "eu-pearl-2022" },
        format: { type: "string", default: "ndjson" },
        preset: { type: "string" },
        workers: { type: "string" },
        full: { type: "boolean", default: false },
        since: { type: "boolean", default: false },
        "fail-fast": { type: "boolean", default: false },
        "no-progress": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const missing = /^Option '(--[\w-]+)[^']*' argument missing/.exec(message)?.[1];
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (missing !== undefined) return fail(`${missing} needs a value, expected ${missing} VALUE (docs/omop.md lists them)`);
    if (unknown !== undefined) return fail(`unknown option ${unknown} for classify --omop, expected one of the options in docs/omop.md`);
    return fail(`the options could not be read (${message.split(".")[0] ?? ""}), expected the options in docs/omop.md`);
  }
}

/** Runs the command; `fail` reports a usage error and exits. */
export async function classifyOmopCommand(args: string[], fail: (message: string) => never): Promise<void> {
  const { values } = parseOmopArgs(args, fail);
  const target = values.omop ?? fail("--omop needs duckdb:PATH or a postgres:// URL");
  const ruleSet = values["rule-set"];
  if (!isRuleSetId(ruleSet)) fail(`unknown rule set "${ruleSet}"`);
  const asOf = values["as-of"] ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(asOf)) fail(`--as-of ${asOf} is not a calendar date, expected --as-of YYYY-MM-DD`);
  const format = values.format;
  if (format !== "ndjson" && format !== "csv") fail("--format must be ndjson or csv");
  const preset = values.preset;
  if (preset !== undefined && !listBuildPresets().some((p) => p.id === preset)) fail(`unknown preset "${preset}"`);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) fail("--workers must be a whole number of 1 or more");
  const cohortId = Number(values["cohort-id"]);
  if (!Number.isSafeInteger(cohortId)) fail("--cohort-id must be a whole number");
  const schemaPattern = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;
  for (const name of ["cdm-schema", "results-schema", "cohort-table", "result-table"] as const) {
    const v = values[name];
    if (v !== undefined && !schemaPattern.test(v)) fail(`--${name} must be a plain SQL identifier`);
  }

  const db = await openOmop(target, { existing: true });
  const summary: OmopReadSummary = { persons: 0 };
  const cdmSchema = values["cdm-schema"];
  const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
  let out: Writable = process.stdout;
  let cohort: CohortWriter | undefined;
  let result: ClassifySummary;
  const cdmOptions = cdmSchema === undefined ? {} : { cdmSchema };
  try {
    const vocabulary = await prepareOmopVocabulary(db, cdmOptions);
    if (values["write-cohort"]) {
      cohort = new CohortWriter(process.stdout, db, {
        format,
        asOf,
        classifierVersion: pkg.version,
        cohortDefinitionId: cohortId,
        cohortTable: values["cohort-table"],
        resultTable: values["result-table"],
        ...(values["results-schema"] === undefined ? {} : { resultsSchema: values["results-schema"] }),
        ...(cdmSchema === undefined ? {} : { cdmSchema }),
      });
      await cohort.prepare();
      out = cohort;
    }
    result = await classifyCommand("omop", out, process.stderr, {
      asOf,
      ruleSet,
      inputFormat: "ndjson",
      outputFormat: format,
      full: values.full,
      since: values.since || values["write-cohort"],
      preset: preset as BuildPresetId | undefined,
      workers,
      failFast: values["fail-fast"],
      progress: !values["no-progress"],
      omop: { vocabulary, ...(values["dispensing-type"] === undefined ? {} : { dispensingTypes: values["dispensing-type"] }) },
      inputStream: omopPersonLines(db, cdmOptions, summary),
    });
    if (cohort !== undefined) {
      cohort.end();
      await once(cohort, "finish");
      await cohort.closeCohort();
    }
  } finally {
    await db.close();
  }
  const rate = Math.round(result.records / Math.max(result.seconds, 0.001));
  const counts = Object.entries(result.byStatus).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ");
  process.stderr.write(
    `trd-classifier: OMOP ${db.dialect}: ${summary.persons.toLocaleString("en-US")} persons in scope (an antidepressant or augmenting drug, a depression diagnosis or a score).\n` +
      `trd-classifier: ${result.records.toLocaleString("en-US")} records in ${result.seconds.toFixed(2)} s (${rate.toLocaleString("en-US")}/s, ${workers} worker${workers === 1 ? "" : "s"}, ${footprintText()}): ${counts}. Rule set ${ruleSet}, as of ${asOf}.` +
      `${cohort === undefined ? "" : ` Cohort ${cohortId}: ${cohort.counts.cohort.toLocaleString("en-US")} persons; ${cohort.counts.results.toLocaleString("en-US")} results written.`}\n`,
  );
  process.exitCode = result.invalid > 0 ? 1 : 0;
}
