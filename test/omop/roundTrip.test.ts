/**
 * Round trip through real databases: 2,000 synthetic patients generated as an OMOP CDM
 * (`generate --format omop`), loaded into DuckDB (the generator's cdm.duckdb) and into PostgreSQL
 * (the CSVs, with psql's \copy as docs/omop.md shows), classified with `classify --omop … --write-cohort`,
 * must give every patient the CDM can represent the status and resistant-since date that
 * classifying the patient's NDJSON history gives; the cohort table must hold exactly the resistant
 * patients, from their resistant-since dates.
 *
 * PostgreSQL: TRD_TEST_POSTGRES_URL names a server (.ci/run starts one from Debian's packages and
 * sets it); without it the PostgreSQL half is skipped, saying so.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdmDdl, cdmIndexDdl, CDM_TABLES } from "../../src/cli/omopCdm";
import { openOmop } from "../../src/cli/omopDatabase";
import { notRepresentable } from "../../src/cli/omopSynthetic";
import type { SyntheticHistory } from "../../src/cli/omopSynthetic";
import { processRecord } from "../../src/cli/records";
import { renderExtractionSql, renderInScopeSql, renderPersonRowsSql } from "../../src/omop/index";
import { compactRowReader } from "../../src/omop/compactRows";
import { renderCompactRowsSql, renderStagedTablesSql } from "../../src/omop/sql";
import { prepareOmopVocabulary } from "../../src/cli/omopClassify";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { addPersonsOutOfScope, scrambledCopy } from "./scrambledCdm";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PATIENTS = 2000;
const AS_OF = "2027-01-01";
const PG_URL = process.env["TRD_TEST_POSTGRES_URL"];
const TIMEOUT = 240_000;
let dir = "";

interface Output {
  readonly id: string;
  readonly status: string;
  readonly resistantSince?: string;
}

function cli(args: readonly string[], env: Readonly<Record<string, string>> = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Expected output per person_id (patient i is person i + 1), for the patients the CDM can represent. */
function expected(): Map<string, { status: string; resistantSince?: string }> {
  const map = new Map<string, { status: string; resistantSince?: string }>();
  for (let i = 0; i < PATIENTS; i++) {
    const line = syntheticPatientLine(i, { seed: 1, badRate: 0 });
    if (notRepresentable(JSON.parse(line) as SyntheticHistory).length > 0) continue;
    const out = JSON.parse(processRecord({ line: i + 1, text: line }, { asOf: AS_OF, ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat: "ndjson", full: false, since: true }).text) as Output;
    map.set(String(i + 1), { status: out.status, ...(out.resistantSince === undefined ? {} : { resistantSince: out.resistantSince }) });
  }
  return map;
}

/** Classifies through --omop with --write-cohort and checks statuses, dates and the cohort table. */
async function roundTrip(target: string, extra: readonly string[], schema?: string): Promise<void> {
  const run = cli(["classify", "--omop", target, "--as-of", AS_OF, "--workers", "2", "--no-progress", "--write-cohort", "--results-schema", "results", ...extra]);
  expect(run.stderr).toMatch(/2,000 persons/);
  expect(run.status).toBe(0);
  const outputs = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Output);
  expect(outputs).toHaveLength(PATIENTS);
  const want = expected();
  expect(want.size).toBeGreaterThan(PATIENTS * 0.7);
  const got = new Map(outputs.map((o) => [o.id, { status: o.status, ...(o.resistantSince === undefined ? {} : { resistantSince: o.resistantSince }) }]));
  const differing = [...want].filter(([id, w]) => JSON.stringify(got.get(id)) !== JSON.stringify(w)).map(([id]) => id);
  expect(differing).toStrictEqual([]);
  expect([...want.values()].filter((w) => w.resistantSince !== undefined).length).toBeGreaterThan(100);

  const db = await openOmop(target);
  try {
    const cdm = schema === undefined ? "" : `${schema}.`;
    const cohort = await db.all(`SELECT CAST(c.subject_id AS VARCHAR) AS id, CAST(c.cohort_start_date AS VARCHAR) AS start_date, CAST(c.cohort_end_date AS VARCHAR) AS end_date, CAST(op.observation_period_end_date AS VARCHAR) AS op_end FROM results.cohort c JOIN ${cdm}observation_period op ON op.person_id = c.subject_id WHERE c.cohort_definition_id = 1 ORDER BY c.subject_id`);
    const resistant = outputs.filter((o) => o.resistantSince !== undefined);
    expect(cohort.map((r) => [r["id"], r["start_date"]])).toStrictEqual(resistant.map((o) => [o.id, o.resistantSince]).sort((a, b) => Number(a[0]) - Number(b[0])));
    for (const r of cohort) expect(r["end_date"]).toBe([String(r["op_end"]), AS_OF].sort()[0]);
    const results = await db.all("SELECT status, COUNT(*) AS n FROM results.trd_classifier_result WHERE cohort_definition_id = 1 GROUP BY status");
    expect(results.reduce((sum, r) => sum + Number(r["n"]), 0)).toBe(PATIENTS);
  } finally {
    await db.close();
  }
}

/**
 * The command line's compact rows, read back through the vocabulary, are each person's rows of
 * the full extraction (null columns left out): the same rows for persons 1 to 300.
 */
async function compactMatchesFull(target: string, cdmSchema?: string): Promise<void> {
  const db = await openOmop(target);
  try {
    const cdm = cdmSchema === undefined ? {} : { cdmSchema };
    const vocabulary = await prepareOmopVocabulary(db, cdm);
    await db.readerRun(`CREATE TEMPORARY TABLE scope_compact AS ${renderInScopeSql(db.dialect, { ...cdm, vocabularyTables: true })}`);
    const range = { ...cdm, personIdFrom: 1, personIdBefore: 301 };
    const present = (r: object): object => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
    const sorted = (rows: readonly object[]): string[] => rows.map(present).map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
    const read = compactRowReader(vocabulary);
    const compact = new Map<string, string[]>();
    // As the command line reads them: from its copy of the CDM in person order, a batch (here persons 1 to 300).
    for (const { table, sql } of renderStagedTablesSql(db.dialect, { ...cdm, inScopeTable: "scope_compact" })) await db.stage(table, sql);
    for await (const batch of db.jsonRows(renderCompactRowsSql(db.dialect, { ...range, cdmSchema: db.stagingSchema }))) for (const [id, rows] of batch) compact.set(String(id), sorted(read(String(id), JSON.parse(rows))));
    const full = new Map<string, string[]>();
    for await (const batch of db.jsonRows(renderPersonRowsSql(db.dialect, { ...range, inScopeTable: "scope_compact", vocabularyTables: true })))
      for (const [id, rows] of batch) full.set(String(id), sorted((JSON.parse(rows) as Record<string, unknown>[]).map((r) => ({ ...r, person_id: String(r["person_id"]) }))));
    expect(compact.size).toBeGreaterThan(250);
    expect([...compact.keys()]).toStrictEqual([...full.keys()]);
    for (const [id, rows] of full) expect(compact.get(id)).toStrictEqual(rows);
    expect([...full.values()].flat().filter((r) => r.includes('"domain":"drug"')).length).toBeGreaterThan(1000);
  } finally {
    await db.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "trd-omop-"));
  const run = cli(["generate", "--format", "omop", "--patients", String(PATIENTS), "--out", dir]);
  expect(run.status, run.stderr).toBe(0);
}, TIMEOUT);

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("OMOP round trip, DuckDB", () => {
  it("gives every representable patient the NDJSON status and date, and writes the cohort of the resistant", async () => {
    await roundTrip(`duckdb:${join(dir, "cdm.duckdb")}`, []);
  }, TIMEOUT);

  it("takes classify's other options with --omop: one CSV row per trial, and the cohort report", async () => {
    const report = join(dir, "report.html");
    const trials = cli(["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, "--as-of", AS_OF, "--workers", "2", "--no-progress", "--per", "trial", "--format", "csv"]);
    expect(trials.status, trials.stderr).toBe(0);
    const [header, ...rows] = trials.stdout.trim().split("\n");
    expect(header).toMatch(/^line,id,result,/);
    expect(new Set(rows.map((r) => r.split(",")[1])).size).toBeGreaterThan(PATIENTS * 0.7);
    expect(rows.length).toBeGreaterThan(PATIENTS);
    const withReport = cli(["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, "--as-of", AS_OF, "--workers", "2", "--no-progress", "--report", report]);
    expect(withReport.status, withReport.stderr).toBe(0);
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, "utf8")).toContain("2,000");
  }, TIMEOUT);

  it("gives the same output from a CDM whose rows are not stored in person order, in batches, with persons out of scope, and leaves no scratch files", async () => {
    await scrambledCopy(join(dir, "cdm.duckdb"), join(dir, "scrambled.duckdb"));
    // Persons with a bipolar diagnosis or a procedure only, or no events: out of scope, so the output stays the same.
    await addPersonsOutOfScope(join(dir, "scrambled.duckdb"));
    const scratch = mkdtempSync(join(tmpdir(), "trd-omop-tmp-"));
    try {
      const args = ["--as-of", AS_OF, "--workers", "2", "--no-progress", "--full"];
      const ordered = cli(["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, ...args]);
      // Seven batches of 300 persons in scope, from rows spread over the tables.
      const scrambled = cli(["classify", "--omop", `duckdb:${join(dir, "scrambled.duckdb")}`, ...args], { TMPDIR: scratch, TRD_OMOP_BATCH_PERSONS: "300" });
      expect(ordered.status, ordered.stderr).toBe(0);
      expect(scrambled.status, scrambled.stderr).toBe(0);
      expect(scrambled.stderr).toMatch(/OMOP duckdb: 2,000 persons in scope/);
      expect(scrambled.stdout.split("\n")).toHaveLength(PATIENTS + 1);
      expect(scrambled.stdout === ordered.stdout).toBe(true);
      // (tsx, which runs the sources here, keeps its cache in TMPDIR too.)
      expect(readdirSync(scratch).filter((f) => f.startsWith("trd-classifier-"))).toStrictEqual([]);
      const badBatch = cli(["classify", "--omop", `duckdb:${join(dir, "scrambled.duckdb")}`, ...args], { TRD_OMOP_BATCH_PERSONS: "0" });
      expect(badBatch.stderr.split("\n")[0]).toBe("trd-classifier: TRD_OMOP_BATCH_PERSONS=0 is not a whole number of 1 or more, expected TRD_OMOP_BATCH_PERSONS=N");
      expect(badBatch.status).toBe(2);
      // Too little memory for DuckDB: one line saying which setting to raise, and the scratch folder still removed.
      const starved = cli(["classify", "--omop", `duckdb:${join(dir, "scrambled.duckdb")}`, ...args], { TMPDIR: scratch, TRD_DUCKDB_MEMORY_LIMIT: "1MB" });
      expect(starved.stderr.split("\n")[0]).toBe("trd-classifier: internal failure: DuckDB ran out of memory reading the CDM (memory limit 1MB): set TRD_DUCKDB_MEMORY_LIMIT higher, e.g. TRD_DUCKDB_MEMORY_LIMIT=512MB");
      expect(starved.status).toBe(3);
      expect(readdirSync(scratch).filter((f) => f.startsWith("trd-classifier-"))).toStrictEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, TIMEOUT);

  it("reads back the command line's compact rows through the vocabulary as the full rows", async () => {
    await compactMatchesFull(`duckdb:${join(dir, "cdm.duckdb")}`);
  }, TIMEOUT);

  it("reads each person's rows as one JSON array without nulls: the rows of the extraction query, from the in-scope table", async () => {
    const db = await openOmop(`duckdb:${join(dir, "cdm.duckdb")}`);
    try {
      await db.readerRun(`CREATE TEMPORARY TABLE scope_test AS ${renderInScopeSql("duckdb")}`);
      const range = { personIdFrom: 1, personIdBefore: 301 };
      const byPerson = new Map<string, string[]>();
      for await (const batch of db.jsonRows(renderPersonRowsSql("duckdb", { ...range, inScopeTable: "scope_test" }))) {
        for (const [id, rows] of batch) {
          expect(rows).not.toMatch(/:null[,}]/);
          byPerson.set(id, (JSON.parse(rows) as object[]).map((r) => JSON.stringify(r, Object.keys(r).sort())).sort());
        }
      }
      const expected = new Map<string, string[]>();
      for await (const batch of db.jsonRows(`SELECT CAST(person_id AS VARCHAR), CAST(to_json(t) AS VARCHAR) FROM (${renderExtractionSql("duckdb", range)}) t`)) {
        for (const [id, row] of batch) {
          const compact = Object.fromEntries(Object.entries(JSON.parse(row) as Record<string, unknown>).filter(([, v]) => v !== null));
          expected.set(id, [...(expected.get(id) ?? []), JSON.stringify(compact, Object.keys(compact).sort())]);
        }
      }
      expect(byPerson.size).toBeGreaterThan(250);
      expect([...byPerson.keys()]).toStrictEqual([...expected.keys()]);
      for (const [id, rows] of expected) expect(byPerson.get(id)).toStrictEqual(rows.sort());
    } finally {
      await db.close();
    }
  }, TIMEOUT);
});

describe.runIf(PG_URL !== undefined)("OMOP round trip, PostgreSQL (TRD_TEST_POSTGRES_URL)", () => {
  it("loads the CSVs with psql \\copy, then gives the same statuses and cohort as from NDJSON", async () => {
    const url = PG_URL as string;
    const db = await openOmop(url);
    try {
      await db.run("DROP SCHEMA IF EXISTS trd_test_cdm CASCADE", "DROP SCHEMA IF EXISTS results CASCADE", "CREATE SCHEMA trd_test_cdm", ...cdmDdl("trd_test_cdm"));
    } finally {
      await db.close();
    }
    for (const table of Object.keys(CDM_TABLES)) {
      const copy = spawnSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", `\\copy trd_test_cdm.${table} FROM '${join(dir, `${table}.csv`)}' CSV HEADER`], { encoding: "utf8" });
      expect(copy.status, copy.stderr).toBe(0);
    }
    const indexed = await openOmop(url);
    try {
      await indexed.run(...cdmIndexDdl("trd_test_cdm"), "ANALYZE");
    } finally {
      await indexed.close();
    }
    await roundTrip(url, ["--cdm-schema", "trd_test_cdm"], "trd_test_cdm");
    await compactMatchesFull(url, "trd_test_cdm");
  }, TIMEOUT);
});

describe.skipIf(PG_URL !== undefined)("OMOP round trip, PostgreSQL", () => {
  it("is skipped: set TRD_TEST_POSTGRES_URL to a PostgreSQL server to run it (.ci/run does)", () => {
    expect(PG_URL).toBeUndefined();
  });
});
