/**
 * A copy of a DuckDB CDM whose person-level tables store their rows in a scrambled (but fixed)
 * order, as most real CDMs do: the generator writes them in `person_id` order, which hides what
 * reading a CDM in batches of persons costs when rows of one person are spread over the table.
 * Used by the round-trip test and by `npm run bench:omop`.
 */
import { DuckDBInstance } from "@duckdb/node-api";

/** The tables whose rows a real CDM stores in no particular order (not by person). */
export const PERSON_TABLES = ["person", "observation_period", "drug_exposure", "condition_occurrence", "measurement", "observation", "procedure_occurrence"] as const;

/** Writes `to`, a copy of the DuckDB CDM `from` with {@link PERSON_TABLES}' rows in a scrambled order. */
export async function scrambledCopy(from: string, to: string): Promise<void> {
  const instance = await DuckDBInstance.create(to);
  const c = await instance.connect();
  try {
    await c.run(`ATTACH '${from.replace(/'/g, "''")}' AS source (READ_ONLY)`);
    const tables = (await c.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'source' AND table_schema = 'main'")).getRows().map((r) => String(r[0]));
    for (const t of tables) await c.run(`CREATE TABLE main.${t} AS SELECT * FROM source.main.${t}${(PERSON_TABLES as readonly string[]).includes(t) ? " ORDER BY hash(rowid)" : ""}`);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/**
 * Adds to the DuckDB CDM at `path` three persons no run may classify (none has an antidepressant, a
 * score or a depression diagnosis): one with only a bipolar diagnosis and a procedure of ECT, one
 * with only a procedure, one with no events at all; each with a period of observation. Their
 * person_ids (above every generated one) are returned.
 */
export async function addPersonsOutOfScope(path: string): Promise<readonly number[]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    const conceptOf = async (vocabulary: string, code: string): Promise<string> => String((await c.runAndReadAll(`SELECT concept_id FROM concept WHERE vocabulary_id = '${vocabulary}' AND concept_code LIKE '${code}' ORDER BY concept_code LIMIT 1`)).getRows()[0]?.[0] ?? "NULL");
    const [bipolar, ect] = [await conceptOf("ICD10CM", "F31%"), await conceptOf("CPT4", "90870")];
    if (bipolar === "NULL" || ect === "NULL") throw new Error("addPersonsOutOfScope: the CDM has no bipolar or ECT concept");
    const ids = [9_000_001, 9_000_002, 9_000_003];
    for (const id of ids) {
      await c.run(`INSERT INTO person (person_id, year_of_birth, month_of_birth, day_of_birth) VALUES (${id}, 1970, 1, 1)`);
      await c.run(`INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date, observation_period_end_date) VALUES (${id}, ${id}, DATE '2015-01-01', DATE '2026-01-01')`);
    }
    await c.run(`INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_source_concept_id) VALUES (${ids[0]}, ${ids[0]}, ${bipolar}, DATE '2020-01-01', ${bipolar})`);
    for (const id of ids.slice(0, 2)) await c.run(`INSERT INTO procedure_occurrence (procedure_occurrence_id, person_id, procedure_concept_id, procedure_date, procedure_source_concept_id) VALUES (${id}, ${id}, ${ect}, DATE '2020-02-01', ${ect})`);
    return ids;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
