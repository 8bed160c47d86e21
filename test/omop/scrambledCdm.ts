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
