/**
 * The command line's limits, in one place (docs/cli.md states them).
 *
 * Measured with test/cli/largeRecords.ts on Node 20, 2 cores (in-process, parse + validate +
 * classify of one NDJSON line):
 * - a valid history of 10,000 one-day trials (1.2 MB): 27 MB of heap, about 1 s;
 * - a valid history of 100,000 one-day trials (12 MB): 346 MB of heap, about 14 s;
 * - a one-trial history with a 50 MB id: 36 MB of heap (the string), rejected by the schema.
 * A real treatment history is a few kilobytes (a lifetime of monthly fills is about 100 KB).
 */

/** Bytes of NDJSON per chunk sent to a worker; a line longer than this is a "long record". */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The largest record (NDJSON line, or one patient's rows of a long-format CSV) that is read:
 * 16 MiB. It holds a 100,000-trial history (12 MB, about 350 MB of heap to classify); a longer
 * line is skipped without being parsed and reported as a `record_too_large` error record.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * The V8 old-generation cap of each pool worker, in MB. A worker holds a few chunks and bounded
 * caches; without a cap each heap grows lazily. Measured on 200,000 synthetic records (2 cores):
 * peak RSS 327 MB uncapped, 250 MB capped at 96 MB, and slightly faster (fewer, smaller major GCs).
 */
export const WORKER_HEAP_MB = 96;

/**
 * The V8 young-generation size of each pool worker, in MB, when the process also runs a database
 * engine (`classify --omop`): DuckDB's own memory sits beside the workers', and V8's default young
 * generation (up to 48 MB a worker) was most of what they held. Measured on 200,000 persons from
 * DuckDB (2 workers, three alternating runs): peak RSS 450-472 MB without it, 426-435 MB with it,
 * at the same speed within the runs' noise. NDJSON and CSV input keep V8's default.
 */
export const OMOP_WORKER_YOUNG_GENERATION_MB = 24;

/**
 * The old-generation cap, in MB, of the worker that classifies long records (one at a time):
 * about three times what the largest accepted record was measured to need.
 */
export const LONG_RECORD_HEAP_MB = 1024;

/**
 * How many times in one run a pool replaces a worker that died. Past that, a pool of ordinary
 * workers classifies in the main thread, and long records are reported as `worker_failed`.
 */
export const MAX_WORKER_REPLACEMENTS = 16;
