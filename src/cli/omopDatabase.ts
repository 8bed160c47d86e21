/**
 * A connection to an OMOP CDM in DuckDB (embedded, `duckdb:path/to/cdm.duckdb`) or PostgreSQL
 * (`postgres://…`): a query's rows (one JSON text per person) streamed in batches (DuckDB's
 * result chunks; a PostgreSQL server-side cursor), statements, and batched inserts. The drivers are optional peer
 * dependencies, loaded only here and only when asked for; a missing one is a one-line error
 * saying how to install it.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SqlDialect } from "../omop/index";
import { UsageError } from "./commands";

/** A value to insert. */
export type SqlValue = string | number | boolean | null;

/** What the command line needs of a database. */
export interface OmopConnection {
  readonly dialect: Extract<SqlDialect, "duckdb" | "postgresql">;
  /** A JSON query's rows (person_id as text, a JSON text), in batches, as they arrive. */
  jsonRows(sql: string, batchSize?: number): AsyncGenerator<[string, string][]>;
  /** Runs statements on the connection that reads (where the temporary tables made for reading live). */
  readerRun(...statements: readonly string[]): Promise<void>;
  /** Rows of a query on the connection that reads, as plain objects (small results only). */
  readerAll(sql: string): Promise<Record<string, unknown>[]>;
  /** The schema of the tables {@link OmopConnection.stage} makes, as the extraction SQL names it. */
  readonly stagingSchema: string;
  /**
   * Stores a query's rows, in the query's order, as `table` in {@link OmopConnection.stagingSchema},
   * where the connection that reads can read a range of `person_id`s from it cheaply. DuckDB: in a
   * scratch database in a temporary folder (TMPDIR), on disk rather than in memory, removed on
   * close; PostgreSQL: a temporary table (the session's own) with a BRIN index on `person_id`.
   */
  stage(table: string, sql: string): Promise<void>;
  /** Runs statements, in order. */
  run(...statements: readonly string[]): Promise<void>;
  /** Rows of a query as plain objects (small results only). */
  all(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * Called once the run's tables are made, before the batches, which read only the copy
   * ({@link OmopConnection.stage}): DuckDB closes its instance, which gives back the memory the
   * setup took, and opens it again with a memory limit of what a batch needs, so that its cache of
   * the CDM's blocks stays small however large the CDM is (the temporary tables are gone after
   * it). PostgreSQL has nothing to do.
   */
  beforeBatches(): Promise<void>;
  /** Inserts rows (values in `columns` order). */
  insert(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  close(): Promise<void>;
}


/** A SQL literal for a value the program made (never patient free text). */
export function literal(v: SqlValue): string {
  if (v === null) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("not a finite number");
    return String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `'${v.replace(/'/g, "''")}'`;
}

async function load<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch {
    throw new UsageError(`${what} needs the optional package ${name}: install it with  npm install ${name}`);
  }
}

interface DuckModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<DuckInstance> };
}
interface DuckChunk {
  readonly rowCount: number;
  getRows(): unknown[][];
}
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }>;
  stream(sql: string): Promise<{ fetchChunk(): Promise<DuckChunk | null> }>;
  closeSync(): void;
}

/**
 * DuckDB's memory limit while the run's tables are made (its default is 80% of RAM): finding the
 * persons in scope and copying each table's relevant rows in person order each read the CDM once,
 * and their aggregation and sorts spill to disk beyond the limit (DuckDB's own allocations go
 * beyond it too). Measured on CDMs stored in no person order, 2 workers: 200,000 persons peaked at
 * 432-448 MB, 1,000,000 at 484 MB, 5,000,000 at 554 MB (498 MB since the instance is opened
 * again for the batches, beforeBatches); with 256 MB, 1,000,000 persons peaked at 495 MB (one
 * sort of all tables' rows then, which ran out of memory at 5,000,000 persons even with 300 MB:
 * each table is now sorted on its own); 112 MB ran out of memory at 5,000,000 persons.
 * TRD_DUCKDB_MEMORY_LIMIT changes it.
 */
const DUCKDB_MEMORY_LIMIT = "160MB";

/**
 * DuckDB's memory limit once the run's tables are made, for the batch queries. Its buffer pool keeps
 * the CDM's blocks it has read until the limit, so the limit is what keeps the process flat as the
 * CDM grows. Measured on 1,000,000 generated persons (2 workers): peak RSS 564 MB with 256 MB,
 * 496-508 MB with 128 MB, 483 MB with 96 MB, at the same speed (64 MB for the whole run ran out of memory). TRD_DUCKDB_MEMORY_LIMIT
 * sets both limits.
 */
const DUCKDB_BATCH_MEMORY_LIMIT = "96MB";

/**
 * Return memory to the system after any query that used more than this (DuckDB's default is
 * 128 MB, and 512 MB after a bulk deallocation): each batch's grouping allocates and frees tens of
 * megabytes, and without it the process kept about 170 MB more at its peak (measured, 50,000 persons).
 */
const DUCKDB_ALLOCATOR_FLUSH = "16MB";

/**
 * DuckDB's threads for the run (its default is one per core): one, because the classification
 * workers use the cores, and each batch query is small. Measured on 200,000 persons (three
 * alternating runs): peak RSS 424-427 MB against 445-448 MB with two threads, CPU time 20.8-21.6 s
 * against 21.2-21.8 s, the same speed. TRD_DUCKDB_THREADS changes it.
 */
const DUCKDB_THREADS = "1";

/**
 * A DuckDB statement whose running out of memory says which setting gives it more: its sorts and
 * aggregations spill to disk, but each still needs some memory.
 */
async function withMemoryHint<T>(statement: Promise<T>, limit: string): Promise<T> {
  try {
    return await statement;
  } catch (e) {
    if (e instanceof Error && /out of memory/i.test(e.message)) throw new Error(`DuckDB ran out of memory reading the CDM (memory limit ${limit}): set TRD_DUCKDB_MEMORY_LIMIT higher, e.g. TRD_DUCKDB_MEMORY_LIMIT=512MB`);
    throw e;
  }
}

/** The scratch database's name on DuckDB's connections (stage()). */
const DUCKDB_SCRATCH = "trd_scratch";

interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync?(): void;
}

/** An open DuckDB instance and its two connections (one reads, one writes the cohort). */
interface DuckSession {
  readonly instance: DuckInstance;
  readonly reader: DuckConnection;
  readonly writer: DuckConnection;
}

async function duckSession(duck: DuckModule, path: string, options: Record<string, string>): Promise<DuckSession> {
  const instance = await duck.DuckDBInstance.create(path, options);
  return { instance, reader: await instance.connect(), writer: await instance.connect() };
}

function closeDuckSession({ instance, reader, writer }: DuckSession): void {
  reader.closeSync();
  writer.closeSync();
  instance.closeSync?.();
}

async function openDuckDb(path: string): Promise<OmopConnection> {
  const duck = await load<DuckModule>("@duckdb/node-api", "--omop duckdb:…");
  // The scratch folder holds the staged rows and DuckDB's spill files (rather than a folder next to the CDM).
  const scratch = mkdtempSync(join(tmpdir(), "trd-classifier-"));
  const memoryLimit = process.env["TRD_DUCKDB_MEMORY_LIMIT"] ?? DUCKDB_MEMORY_LIMIT;
  const settings = {
    temp_directory: join(scratch, "spill"),
    threads: process.env["TRD_DUCKDB_THREADS"] ?? DUCKDB_THREADS,
    allocator_flush_threshold: DUCKDB_ALLOCATOR_FLUSH,
    allocator_bulk_deallocation_flush_threshold: DUCKDB_ALLOCATOR_FLUSH,
  };
  let session = await duckSession(duck, path, { ...settings, memory_limit: memoryLimit }).catch((e: unknown) => {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  });
  const stage = join(scratch, "stage.duckdb");
  let attached = false;
  let open = true;
  return {
    dialect: "duckdb",
    async *jsonRows(sql: string): AsyncGenerator<[string, string][]> {
      const result = await session.reader.stream(sql);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) yield chunk.getRows() as [string, string][];
    },
    async readerRun(...statements: readonly string[]): Promise<void> {
      for (const s of statements) await withMemoryHint(session.reader.run(s), memoryLimit);
    },
    async readerAll(sql: string): Promise<Record<string, unknown>[]> {
      return (await withMemoryHint(session.reader.runAndReadAll(sql), memoryLimit)).getRowObjects();
    },
    stagingSchema: `${DUCKDB_SCRATCH}.main`,
    async stage(table: string, sql: string): Promise<void> {
      if (!attached) await session.reader.run(`ATTACH ${literal(stage)} AS ${DUCKDB_SCRATCH}`);
      attached = true;
      await withMemoryHint(session.reader.run(`CREATE TABLE ${DUCKDB_SCRATCH}.main.${table} AS ${sql}`), memoryLimit);
    },
    async beforeBatches(): Promise<void> {
      // DuckDB keeps what finding the persons and copying the tables took (about 200 MB more at
      // 5,000,000 persons) until its instance closes, and the batches read only the copy: so the
      // instance is closed and opened again, with the batches' limit, the copy attached.
      closeDuckSession(session);
      open = false;
      session = await duckSession(duck, path, { ...settings, memory_limit: process.env["TRD_DUCKDB_MEMORY_LIMIT"] ?? DUCKDB_BATCH_MEMORY_LIMIT });
      open = true;
      if (attached) await session.reader.run(`ATTACH ${literal(stage)} AS ${DUCKDB_SCRATCH} (READ_ONLY)`);
    },
    async run(...statements: readonly string[]): Promise<void> {
      for (const s of statements) await session.writer.run(s);
    },
    async all(sql: string): Promise<Record<string, unknown>[]> {
      return (await session.writer.runAndReadAll(sql)).getRowObjects();
    },
    async insert(table, columns, rows): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const values = rows.slice(i, i + 1000).map((r) => `(${r.map(literal).join(", ")})`);
        await session.writer.run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`);
      }
    },
    async close(): Promise<void> {
      try {
        if (open) closeDuckSession(session);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  query(config: { text: string; rowMode: "array" }): Promise<{ rows: unknown[][] }>;
  end(): Promise<void>;
}
interface PgModule {
  default?: { Client: new (config: { connectionString: string; application_name?: string }) => PgClient };
  Client?: new (config: { connectionString: string; application_name?: string }) => PgClient;
}

async function openPostgres(url: string): Promise<OmopConnection> {
  const pg = await load<PgModule>("pg", "--omop postgres://…");
  const Client = pg.Client ?? pg.default?.Client;
  if (Client === undefined) throw new UsageError("the pg package does not export Client");
  const client = (): PgClient => new Client({ connectionString: url, application_name: "trd-classifier" });
  const reader = client();
  const writer = client();
  await reader.connect();
  await writer.connect();
  return {
    dialect: "postgresql",
    async *jsonRows(sql: string, batchSize = 1000): AsyncGenerator<[string, string][]> {
      await reader.query("BEGIN READ ONLY");
      try {
        await reader.query(`DECLARE trd_json_rows NO SCROLL CURSOR FOR ${sql}`);
        for (;;) {
          const { rows } = await reader.query({ text: `FETCH ${batchSize} FROM trd_json_rows`, rowMode: "array" });
          if (rows.length === 0) break;
          yield rows as [string, string][];
        }
        await reader.query("CLOSE trd_json_rows");
      } finally {
        await reader.query("COMMIT");
      }
    },
    async readerRun(...statements: readonly string[]): Promise<void> {
      for (const s of statements) await reader.query(s);
    },
    async readerAll(sql: string): Promise<Record<string, unknown>[]> {
      return (await reader.query(sql)).rows;
    },
    // pg_temp names the session's own schema of temporary tables.
    stagingSchema: "pg_temp",
    async stage(table: string, sql: string): Promise<void> {
      // The rows are stored in person_id order, so a BRIN index (block ranges: small, made in one pass, no sort) finds a batch's rows.
      for (const s of [`CREATE TEMPORARY TABLE ${table} AS ${sql}`, `CREATE INDEX ON pg_temp.${table} USING brin (person_id)`, `ANALYZE pg_temp.${table}`]) await reader.query(s);
    },
    async beforeBatches(): Promise<void> {},
    async run(...statements: readonly string[]): Promise<void> {
      for (const s of statements) await writer.query(s);
    },
    async all(sql: string): Promise<Record<string, unknown>[]> {
      return (await writer.query(sql)).rows;
    },
    async insert(table, columns, rows): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        const values = rows.slice(i, i + 1000).map((r) => `(${r.map(literal).join(", ")})`);
        await writer.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`);
      }
    },
    async close(): Promise<void> {
      await reader.end();
      await writer.end();
    },
  };
}

/**
 * Opens `duckdb:PATH` (or a path ending in .duckdb / .db) or a `postgres://` / `postgresql://` URL.
 * With `existing`, a DuckDB file must already exist (DuckDB would otherwise create an empty one).
 */
export async function openOmop(target: string, options: { readonly existing?: boolean } = {}): Promise<OmopConnection> {
  if (/^postgres(ql)?:\/\//.test(target)) return openPostgres(target);
  const path = target.startsWith("duckdb:") ? target.slice("duckdb:".length) : /\.(duckdb|db)$/.test(target) ? target : undefined;
  if (path === undefined || path === "") throw new UsageError(`--omop ${target} is not a database the command reads`, "--omop duckdb:PATH or --omop postgres://URL");
  // DuckDB would create a missing file (an empty database): a path that is not a file is a mistake.
  if (options.existing === true && (!existsSync(path) || !statSync(path).isFile())) throw new UsageError(`--omop duckdb:${path}: no such file`, "--omop duckdb:PATH of an existing DuckDB file");
  return openDuckDb(path);
}
