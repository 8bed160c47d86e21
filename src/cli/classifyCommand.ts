/**
 * `trd-classifier classify <file|->`: streams records through a pool of worker threads and writes
 * one output record per input record, in input order, with back-pressure on both sides: reading
 * pauses while the in-flight work is at its limit, and writing waits for the output to drain.
 *
 * NDJSON is cut into text chunks at line ends and each chunk goes to a worker whole, so the main
 * thread only reads, counts lines and writes. CSV is grouped into patients here (their rows may
 * span chunks) and sent in batches.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { ResourceLimits } from "node:worker_threads";
import { records } from "./inputRecords";
import { ChunkBuffers, fileReader, ndjsonChunks, streamReader } from "./ndjsonChunks";
import { csvHeader, fromOutputs, processBatch, processNdjsonChunk, structuralErrorText } from "./records";
import type { ChunkResult, InputRecord, RecordOptions } from "./records";

/** Options of the command. */
export interface ClassifyCommandOptions extends RecordOptions {
  /** Worker threads; 1 classifies in the main thread. */
  readonly workers: number;
  /** Stop at the first invalid record. */
  readonly failFast: boolean;
  /** Show a progress line on stderr (only when stderr is a terminal). */
  readonly progress: boolean;
  /** Bytes of NDJSON per chunk (default 128 KiB). */
  readonly chunkBytes?: number;
  /** OMOP (issue 14): NDJSON histories from this stream instead of the input file (see omopClassify.ts). */
  readonly inputStream?: Readable;
}

/** What a run did. */
export interface ClassifySummary {
  readonly records: number;
  readonly byStatus: Record<string, number>;
  readonly invalid: number;
  readonly seconds: number;
  readonly stoppedEarly: boolean;
}

type Work = { readonly bytes: Uint8Array; readonly firstLine: number } | { readonly records: readonly InputRecord[] };

/** A chunk's result as the main thread holds it: output as text (in-process) or bytes (from a worker). */
type Done = Omit<ChunkResult, "output" | "untilFirstInvalid"> & { readonly output: string | Uint8Array; readonly untilFirstInvalid?: ChunkResult["untilFirstInvalid"] };



/**
 * Each worker's V8 old generation is capped: a worker holds a few chunks and bounded caches, and
 * without a cap each heap grows lazily. Measured on 200,000 synthetic records (2 cores): peak RSS
 * 327 MB uncapped, 250 MB capped at 96 MB, and slightly faster (fewer, smaller major GCs).
 */
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 96 };

/**
 * Starts a worker on the built worker.js; when running from TypeScript sources (tests, tsx), on
 * worker.ts through tsx's loader, registered inside the worker.
 */
function spawnWorker(options: RecordOptions): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { workerData: options, resourceLimits: RESOURCE_LIMITS });
  const tsx = import.meta.resolve("tsx/esm/api");
  const worker = new URL("./worker.ts", import.meta.url).href;
  const bootstrap = `(async () => { const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(worker)}); })();`;
  return new Worker(bootstrap, { eval: true, workerData: options, resourceLimits: RESOURCE_LIMITS });
}

/** A fixed pool of workers; each piece of work goes to the worker with the least in flight. */
class Pool {
  private readonly slots: { worker: Worker; inFlight: number }[];
  private readonly pending = new Map<number, { resolve: (r: Done) => void; reject: (e: unknown) => void }>();
  private nextId = 0;

  /** @param buffers - Where the input buffers that workers hand back go, for reuse. */
  constructor(size: number, options: RecordOptions, buffers: ChunkBuffers) {
    this.slots = Array.from({ length: size }, () => {
      const slot = { worker: spawnWorker(options), inFlight: 0 };
      slot.worker.on("message", (m: { id: number; bytes: Uint8Array; input?: ArrayBuffer } & Omit<ChunkResult, "output">) => {
        slot.inFlight -= 1;
        const { id, bytes, input, ...rest } = m;
        if (input !== undefined) buffers.give(input);
        this.pending.get(id)?.resolve({ ...rest, output: bytes });
        this.pending.delete(id);
      });
      slot.worker.on("error", (error) => {
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      });
      return slot;
    });
  }

  run(work: Work): Promise<Done> {
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if ("bytes" in work) slot.worker.postMessage({ id, bytes: work.bytes, firstLine: work.firstLine }, [work.bytes.buffer as ArrayBuffer]);
      else slot.worker.postMessage({ id, records: work.records });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

const decoder = new TextDecoder("utf-8");

function inline(work: Work, options: RecordOptions): ChunkResult {
  if ("bytes" in work) return processNdjsonChunk(decoder.decode(work.bytes), work.firstLine, options);
  return fromOutputs(processBatch(work.records, options), options.failFast === true);
}

async function write(out: Writable, data: string | Uint8Array): Promise<void> {
  if (data.length > 0 && !out.write(data)) await once(out, "drain");
}

/** The options each batch of records is processed with. */
function recordOptionsOf(options: ClassifyCommandOptions): RecordOptions {
  const { asOf, ruleSet, inputFormat, outputFormat, full, preset, failFast } = options;
  return { asOf, ruleSet, inputFormat, outputFormat, full, ...(options.since === true ? { since: true } : {}), preset, failFast, ...(options.per === undefined ? {} : { per: options.per }), ...(options.omop === undefined ? {} : { omop: options.omop }) };
}

/** Writes the running count and rate to a terminal every 200 ms. */
function progressTicker(err: Writable, started: bigint, written: () => number): ReturnType<typeof setInterval> {
  return setInterval(() => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    err.write(`\r${written().toLocaleString("en-US")} records, ${Math.round(written() / Math.max(seconds, 0.001)).toLocaleString("en-US")}/s   `);
  }, 200);
}

/** Submits long-format CSV records in batches of 64 patients; a structural error goes out as its own result. */
async function feedCsv(stream: Readable, submit: (work: Work) => Promise<void>, enqueue: (result: ChunkResult) => void, stopped: () => boolean, options: RecordOptions): Promise<void> {
  let batch: InputRecord[] = [];
  for await (const record of records(stream, "csv")) {
    if (stopped()) break;
    if ("error" in record) {
      if (batch.length > 0) await submit({ records: batch });
      batch = [];
      enqueue(structuralError(record, options));
      if (record.error === "csv_header_missing") break;
      continue;
    }
    batch.push(record);
    if (batch.length >= 64) {
      await submit({ records: batch });
      batch = [];
    }
  }
  if (batch.length > 0 && !stopped()) await submit({ records: batch });
}

/** Runs the command. Input is a file path or "-" for stdin. */
export async function classifyCommand(input: string, out: Writable, err: Writable & { isTTY?: boolean }, options: ClassifyCommandOptions): Promise<ClassifySummary> {
  const started = process.hrtime.bigint();
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  // NDJSON from a file is read straight into the chunk buffers; CSV (and stdin) through a stream.
  const file = options.inputStream === undefined && input !== "-" && options.inputFormat === "ndjson" ? await open(input) : undefined;
  const stream: Readable | undefined = options.inputStream ?? (file !== undefined ? undefined : input === "-" ? process.stdin : createReadStream(input, { highWaterMark: chunkBytes }));
  const buffers = new ChunkBuffers(chunkBytes);
  const recordOptions = recordOptionsOf(options);
  const pool = options.workers > 1 ? new Pool(options.workers, recordOptions, buffers) : undefined;
  const limit = pool === undefined ? 1 : options.workers * 3;
  const queue: Promise<Done>[] = [];
  const byStatus: Record<string, number> = { "no-response": 0, "partial-response": 0, "not-yet-resistant": 0, invalid: 0 };
  let written = 0;
  let stop = false;

  const progress = options.progress && err.isTTY === true ? progressTicker(err, started, () => written) : undefined;

  const flushOne = async (): Promise<void> => {
    const next = queue.shift();
    if (next === undefined) return;
    let result = await next;
    if (options.failFast && result.untilFirstInvalid !== undefined) {
      result = { ...result.untilFirstInvalid };
      stop = true;
    }
    for (const [status, n] of Object.entries(result.counts)) byStatus[status] = (byStatus[status] ?? 0) + n;
    written += result.records;
    await write(out, result.output);
  };
  const submit = async (work: Work): Promise<void> => {
    if (pool !== undefined) queue.push(pool.run(work));
    else {
      queue.push(Promise.resolve(inline(work, recordOptions)));
      if ("bytes" in work) buffers.give(work.bytes.buffer as ArrayBuffer);
    }
    while (queue.length >= limit && !stop) await flushOne();
  };

  if (options.outputFormat === "csv") await write(out, `${csvHeader(options)}\n`);
  try {
    if (options.inputFormat === "ndjson") {
      for await (const chunk of ndjsonChunks(file !== undefined ? fileReader(file) : streamReader(stream ?? process.stdin), buffers)) {
        if (stop) break;
        await submit(chunk);
      }
    } else {
      await feedCsv(stream ?? process.stdin, submit, (result) => queue.push(Promise.resolve(result)), () => stop, options);
    }
    while (queue.length > 0 && !stop) await flushOne();
  } finally {
    if (progress !== undefined) {
      clearInterval(progress);
      err.write("\r\x1b[K");
    }
    if (stop && input !== "-") stream?.destroy();
    await file?.close();
    await pool?.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records: written, byStatus, invalid: byStatus.invalid ?? 0, seconds, stoppedEarly: stop };
}

function structuralError(record: { line: number; error: string }, options: RecordOptions): ChunkResult {
  const message = record.error === "csv_header_missing" ? "the first line must be the long-format header (patient_id, record_type, date, ...)" : "rows of this patient are not adjacent to its earlier rows";
  const text = structuralErrorText(record.line, record.error, message, options);
  const counts = { invalid: 1 };
  return { output: `${text}\n`, counts, records: 1, untilFirstInvalid: { output: `${text}\n`, records: 1, counts } };
}
