/**
 * `trd-classifier generate --format omop --patients N --out DIR [--seed S]`: the synthetic cohort
 * as an OMOP CDM: one CSV per table in DIR (header line, empty cell for NULL, for PostgreSQL's
 * `\copy … CSV HEADER`), and DIR/cdm.duckdb loaded from them. Rows stream to the files, so memory
 * does not grow with N (only the vocabulary, a few hundred rows, is held).
 */
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import { join, resolve } from "node:path";
import { openOmop } from "./omopDatabase";
import { CDM_TABLES, cdmDdl } from "./omopCdm";
import { SyntheticVocabulary, notRepresentable, writeSyntheticPerson } from "./omopSynthetic";
import type { Cell, CdmSink, Counters, SyntheticHistory } from "./omopSynthetic";
import { syntheticPatientLine } from "./syntheticCohort";

function csvCell(v: Cell): string {
  if (v === null) return "";
  const text = String(v);
  return /[",\r\n]/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV file per table, written with back-pressure. */
class CsvSink implements CdmSink {
  private readonly streams = new Map<string, { stream: WriteStream; buffer: string }>();
  constructor(private readonly dir: string) {
    for (const [table, columns] of Object.entries(CDM_TABLES)) {
      const stream = createWriteStream(join(dir, `${table}.csv`));
      this.streams.set(table, { stream, buffer: `${columns.map(([c]) => c).join(",")}\n` });
    }
  }
  add(table: string, row: readonly Cell[]): void {
    const s = this.streams.get(table);
    if (s === undefined) throw new Error(`no table ${table}`);
    s.buffer += `${row.map(csvCell).join(",")}\n`;
  }
  /** Writes what is buffered, waiting for any stream that asks to drain. */
  async flush(): Promise<void> {
    for (const s of this.streams.values()) {
      if (s.buffer === "") continue;
      const ok = s.stream.write(s.buffer);
      s.buffer = "";
      if (!ok) await once(s.stream, "drain");
    }
  }
  async close(): Promise<void> {
    await this.flush();
    await Promise.all([...this.streams.values()].map(async (s) => new Promise<void>((done, fail) => s.stream.end((e?: Error | null) => (e ? fail(e) : done())))));
  }
}

/** What a generation wrote. */
export interface OmopGenerated {
  readonly persons: number;
  readonly notRepresentable: number;
  readonly dir: string;
  readonly duckdb?: string;
}

/** Writes the CSVs (and, unless `duckdb` is false, DIR/cdm.duckdb loaded from them). */
export async function generateOmop(patients: number, seed: number, dir: string, duckdb = true): Promise<OmopGenerated> {
  mkdirSync(dir, { recursive: true });
  const sink = new CsvSink(dir);
  const vocabulary = new SyntheticVocabulary();
  const ids: Counters = { drug: 0, condition: 0, measurement: 0, observation: 0, procedure: 0 };
  let lost = 0;
  for (let i = 0; i < patients; i++) {
    const history = JSON.parse(syntheticPatientLine(i, { seed, badRate: 0 })) as SyntheticHistory;
    if (notRepresentable(history).length > 0) lost += 1;
    writeSyntheticPerson(history, i + 1, vocabulary, sink, ids);
    if (i % 512 === 511) await sink.flush();
  }
  vocabulary.write(sink);
  await sink.close();
  if (!duckdb) return { persons: patients, notRepresentable: lost, dir };
  const path = join(dir, "cdm.duckdb");
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const db = await openOmop(`duckdb:${path}`);
  try {
    await db.run(...cdmDdl());
    for (const table of Object.keys(CDM_TABLES)) await db.run(`COPY ${table} FROM '${resolve(dir, `${table}.csv`).replace(/'/g, "''")}' (FORMAT csv, HEADER true)`);
  } finally {
    await db.close();
  }
  return { persons: patients, notRepresentable: lost, dir, duckdb: path };
}
