/**
 * `classify --omop` says how it read each person's rows: the adapter's decisions per code on the
 * person's output record (NDJSON `omopDecisionCounts`, the CSV `notes` column), the decisions
 * themselves with `--full`, and their totals in the run's summary. A row dropped for an
 * implausible days' supply, or read without one, is never silent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/fills/longFormat";
import { ADDED_RESULT_COLUMNS, RESULT_TABLE_COLUMNS } from "../../src/omop/index";

const root = fileURLToPath(new URL("../..", import.meta.url));
const TIMEOUT = 240_000;
/** Above every generated person_id. */
const PERSON = 9_100_001;
let dir = "";

function cli(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/**
 * Adds a person with a depression diagnosis and three dispensings of sertraline 50 mg: one as
 * recorded, one with no days' supply (its end date gives the period), one of 400 days' supply
 * (implausible: dropped).
 */
async function addPersonWithDataGaps(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    const one = async (sql: string): Promise<string> => {
      const value = (await c.runAndReadAll(sql)).getRows()[0]?.[0];
      if (value === undefined || value === null) throw new Error(`addPersonWithDataGaps: nothing for ${sql}`);
      return String(value);
    };
    const sertraline50 = await one("SELECT ds.drug_concept_id FROM drug_strength ds JOIN concept i ON i.concept_id = ds.ingredient_concept_id WHERE i.vocabulary_id = 'RxNorm' AND i.concept_code = '36437' AND ds.amount_value = 50 ORDER BY 1 LIMIT 1");
    const dispensing = await one("SELECT concept_id FROM concept WHERE concept_name = 'EHR dispensing record' LIMIT 1");
    const depression = await one("SELECT concept_id FROM concept WHERE vocabulary_id = 'SNOMED' AND concept_code = '370143000' LIMIT 1");
    await c.run(`INSERT INTO person (person_id, year_of_birth, month_of_birth, day_of_birth) VALUES (${PERSON}, 1970, 1, 1)`);
    await c.run(`INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date, observation_period_end_date) VALUES (${PERSON}, ${PERSON}, DATE '2015-01-01', DATE '2026-12-31')`);
    await c.run(`INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_source_concept_id) VALUES (${PERSON}, ${PERSON}, ${depression}, DATE '2024-01-01', 0)`);
    const exposures = [
      [1, "2024-01-02", "2024-01-31", "30"],
      [2, "2024-02-01", "2024-03-01", "NULL"],
      [3, "2024-03-02", "2025-04-05", "400"],
    ] as const;
    for (const [n, start, end, days] of exposures) {
      await c.run(`INSERT INTO drug_exposure (drug_exposure_id, person_id, drug_concept_id, drug_exposure_start_date, drug_exposure_end_date, drug_type_concept_id, quantity, days_supply, sig, drug_source_concept_id) VALUES (${PERSON * 10 + n}, ${PERSON}, ${sertraline50}, DATE '${start}', DATE '${end}', ${dispensing}, 30, ${days}, NULL, 0)`);
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "trd-omop-decisions-"));
  const run = cli(["generate", "--format", "omop", "--patients", "40", "--out", dir]);
  expect(run.status, run.stderr).toBe(0);
  await addPersonWithDataGaps(join(dir, "cdm.duckdb"));
}, TIMEOUT);

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

interface Decision {
  readonly code: string;
  readonly recordId?: string;
  readonly dropped?: boolean;
}

describe("classify --omop: how each person's rows were read", () => {
  it("gives each record its decisions per code (all of them with --full), and the run's totals in the summary", { timeout: TIMEOUT }, () => {
    const common = ["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, "--as-of", "2026-06-30", "--workers", "1", "--no-progress"];
    const run = cli(common);
    expect(run.status, run.stderr).toBe(0);
    const records = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { id: string; omopDecisionCounts?: Record<string, number>; omopDecisions?: unknown });
    const person = records.find((r) => r.id === String(PERSON));
    expect(person?.omopDecisionCounts).toMatchObject({ days_supply_missing: 1, days_supply_implausible: 1 });
    // The decisions themselves only with --full.
    expect(records.every((r) => r.omopDecisions === undefined)).toBe(true);

    // The summary's totals are the sums of the records' counts.
    const totals: Record<string, number> = {};
    for (const r of records) for (const [code, n] of Object.entries(r.omopDecisionCounts ?? {})) totals[code] = (totals[code] ?? 0) + n;
    const note = /How the rows were read \(docs\/omop\.md\): ([^.]+)\./.exec(run.stderr);
    expect(note, run.stderr).not.toBeNull();
    const summarised = Object.fromEntries((note?.[1] ?? "").split(", ").map((part) => [part.split(" ")[0], Number(part.split(" ")[1]?.replace(/,/g, ""))]));
    expect(summarised).toStrictEqual(totals);

    const full = cli([...common, "--full"]);
    expect(full.status, full.stderr).toBe(0);
    const detailed = full.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { id: string; omopDecisions?: Decision[] }).find((r) => r.id === String(PERSON));
    const about = (code: string): Decision | undefined => detailed?.omopDecisions?.find((d) => d.code === code);
    expect(about("days_supply_missing")).toMatchObject({ recordId: String(PERSON * 10 + 2) });
    expect(about("days_supply_implausible")).toMatchObject({ recordId: String(PERSON * 10 + 3), dropped: true });
  });

  it("lists them in the CSV table's notes column", { timeout: TIMEOUT }, () => {
    const run = cli(["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, "--as-of", "2026-06-30", "--workers", "1", "--no-progress", "--format", "csv"]);
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout).map((r) => r.fields);
    const cell = (row: readonly string[] | undefined, name: string): string | undefined => row?.[header?.indexOf(name) ?? -1];
    const notes = cell(rows.find((r) => cell(r, "id") === String(PERSON)), "notes");
    expect(notes?.split("; ")).toEqual(expect.arrayContaining(["days_supply_missing (1)", "days_supply_implausible (1)"]));
  });

  it("writes them to the results table as code:count (from NDJSON or CSV output), adding the column to a results table made by an earlier version", { timeout: TIMEOUT }, async () => {
    const path = join(dir, "cdm.duckdb");
    // A results table as an earlier version made it: without the columns added since.
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    const older = RESULT_TABLE_COLUMNS.filter(([name]) => !ADDED_RESULT_COLUMNS.some(([added]) => added === name));
    await c.run(`CREATE SCHEMA results; CREATE TABLE results.trd_classifier_result (${older.map(([name, type]) => `${name} ${type === "TEXT" ? "VARCHAR" : type}`).join(", ")})`);
    c.closeSync();
    instance.closeSync();
    const stored: Record<string, string | null> = {};
    for (const format of ["ndjson", "csv"]) {
      const run = cli(["classify", "--omop", `duckdb:${path}`, "--as-of", "2026-06-30", "--workers", "1", "--no-progress", "--format", format, "--write-cohort", "--results-schema", "results"]);
      expect(run.status, run.stderr).toBe(0);
      const db = await DuckDBInstance.create(path);
      const read = await db.connect();
      const rows = (await read.runAndReadAll(`SELECT omop_decisions FROM results.trd_classifier_result WHERE subject_id = ${PERSON}`)).getRows();
      const blank = (await read.runAndReadAll("SELECT COUNT(*) FROM results.trd_classifier_result WHERE omop_decisions IS NULL")).getRows();
      read.closeSync();
      db.closeSync();
      expect(rows).toHaveLength(1);
      stored[format] = rows[0]?.[0] === null ? null : String(rows[0]?.[0]);
      expect(stored[format]?.split(" ")).toEqual(expect.arrayContaining(["days_supply_missing:1", "days_supply_implausible:1"]));
      // Every classified person has the column set (empty when there were no decisions).
      expect(Number(blank[0]?.[0])).toBe(0);
    }
    expect(stored["csv"]).toBe(stored["ndjson"]);
  });
});
