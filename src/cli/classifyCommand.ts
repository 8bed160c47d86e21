/**
 * `trd-classifier classify <file|->`: streams records through a pool of worker threads and writes
 * one output record per input record, in input order, with back-pressure on both sides: reading
 * pauses while the in-flight work is at its limit, and writing waits for the output to drain.
 *
 * NDJSON is cut into text chunks at line ends and each chunk goes to a worker whole, so the main
 * thread only reads, counts lines and writes. CSV is grouped into patients here (their rows may
 * span chunks) and sent in batches.
 *
 * No record is lost: a record longer than a chunk goes alone to a worker with a larger heap; one
 * over the maximum record size is not read and becomes a `record_too_large` error record; a
 * worker that dies is replaced and its unfinished chunks are classified again in the main thread
 * (a long record whose worker died becomes a `worker_failed` error record). See limits.ts.
 *
 * With a report asked for (`reportSample`), every result, whichever path made it (a pool worker,
 * the long-record worker, a retry or --workers 1 in this thread, an error record of the command),
 * carries its part of the report, merged here in input order as the output is written
 * (reportSample.ts).
 */
import { createReadStream } from "node:fs";
import type { ReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { commandErrorLine, tooLargeMessage } from "./errorRecords";
import type { CommandErrorCode } from "./errorRecords";
import { csvRecords } from "./inputRecords";
import type { CsvStructuralError, TooLargePatient } from "./inputRecords";
import { CHUNK_BYTES, LONG_RECORD_HEAP_MB, MAX_RECORD_BYTES, MAX_WORKER_REPLACEMENTS, OMOP_WORKER_YOUNG_GENERATION_MB, WORKER_HEAP_MB } from "./limits";
import { ChunkBuffers, fileReader, ndjsonChunks, streamReader, textOf } from "./ndjsonChunks";
import { progressTicker } from "./progress";
import { addDecisionCounts, csvHeader, decisionsPart, fromOutputs, processBatch, processNdjsonChunk, processRecord } from "./records";
import type { ChunkResult, DecisionCounts, InputRecord, RecordOptions } from "./records";
import { invalidReport, joinReports } from "./reportSample";
import type { ReportSample, SampleEvaluation, SampleHint, SampleItem } from "./reportSample";

/** Options of the command. */
export interface ClassifyCommandOptions extends RecordOptions {
  /** Worker threads; 1 classifies in the main thread. */
  readonly workers: number;
  /** Stop at the first invalid record. */
  readonly failFast: boolean;
  /** Show a progress line on stderr (only when stderr is a terminal). */
  readonly progress: boolean;
  /** The input's size in bytes, when known (a file): the progress line then shows percent and ETA. */
  readonly inputBytes?: number;
  /** Stops the run when aborted: reading stops, results already done are written, the rest is dropped. */
  readonly signal?: AbortSignal;
  /** OMOP (issue 14): NDJSON histories from this stream instead of the input file (see omopClassify.ts). */
  readonly inputStream?: Readable;
  /** Bytes of NDJSON per chunk (default {@link CHUNK_BYTES}). */
  readonly chunkBytes?: number;
  /** The largest record read (default {@link MAX_RECORD_BYTES}). */
  readonly maxRecordBytes?: number;
  /** Heap cap of each pool worker in MB (default {@link WORKER_HEAP_MB}). */
  readonly workerHeapMb?: number;
  /** Heap cap of the long-record worker in MB (default {@link LONG_RECORD_HEAP_MB}). */
  readonly longRecordHeapMb?: number;
  /** --report: gathers the cohort report's counts and sample from every record written (reportSample.ts). */
  readonly reportSample?: ReportSample;
}

/** What a run did. */
export interface ClassifySummary {
  readonly records: number;
  readonly byStatus: Record<string, number>;
  readonly invalid: number;
  readonly seconds: number;
  readonly stoppedEarly: boolean;
  /** The signal was aborted: the output is the records up to `throughLine`, and the rest was not read or dropped. */
  readonly interrupted: boolean;
  /** The input line up to which every record was written (0 when none). */
  readonly throughLine: number;
  /** Records over the maximum record size, reported as `record_too_large`. */
  readonly tooLarge: number;
  /** Records longer than a chunk, classified one at a time by the long-record worker (or in the main thread with 1 worker). */
  readonly longRecords: number;
  /** Workers that died (heap cap, crash) and were replaced. */
  readonly workerFailures: number;
  /** Chunks of a dead worker classified again in the main thread. */
  readonly retriedChunks: number;
  /** OMOP input: the adapter's decisions on the rows of the records written, per code (empty otherwise). */
  readonly omopDecisions: DecisionCounts;
}

/** A piece of work: NDJSON bytes (whole lines, or one long line) or CSV patient records. */
type Work =
  | { readonly kind: "lines" | "long-record"; readonly bytes: Uint8Array; readonly firstLine: number; readonly lastLine: number }
  | { readonly kind: "csv"; readonly records: readonly InputRecord[]; readonly long: boolean; readonly lastLine: number };

/** A result made here, with no classification: an error record the command writes itself. */
interface Ready {
  readonly kind: "ready";
  readonly result: ChunkResult;
  readonly lastLine: number;
  readonly bytes: number;
  readonly tooLarge: boolean;
}

/** A chunk's result as the main thread holds it: output as text (in-process) or bytes (from a worker). */
type Done = Omit<ChunkResult, "output" | "untilFirstInvalid"> & { readonly output: string | Uint8Array; readonly untilFirstInvalid?: ChunkResult["untilFirstInvalid"] };

/**
 * Starts a worker on the built worker.js; when running from TypeScript sources (tests, tsx), on
 * worker.ts through tsx's loader, registered inside the worker. `heapMb` caps its V8 old generation;
 * with a database in the process (--omop), its young generation is smaller too.
 */
function spawnWorker(options: RecordOptions, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, ...(options.omop === undefined ? {} : { maxYoungGenerationSizeMb: OMOP_WORKER_YOUNG_GENERATION_MB }) };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { workerData: options, resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const worker = new URL("./worker.ts", import.meta.url).href;
  const bootstrap = `(async () => { const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(worker)}); })();`;
  return new Worker(bootstrap, { eval: true, workerData: options, resourceLimits });
}

/** What a worker's sample evaluation gives: undefined when the worker died first. */
type Evaluations = readonly (SampleEvaluation | undefined)[] | undefined;

interface Slot {
  readonly worker: Worker;
  readonly inFlight: Map<number, { readonly work: Work; readonly resolve: (r: Done) => void }>;
  /** The report's sample being evaluated (after the run). */
  readonly evaluating: Map<number, (e: Evaluations) => void>;
}

/**
 * A pool of workers; each piece of work goes to the worker with the least in flight. A worker
 * that dies is replaced (up to {@link MAX_WORKER_REPLACEMENTS} times) and each piece of work it
 * had in flight is settled by `lost`, never the others.
 */
class Pool {
  private readonly slots: Slot[] = [];
  private spawned = 0;
  private closing = false;
  private nextId = 0;
  /** Workers that died. */
  failures = 0;

  constructor(
    private readonly size: number,
    private readonly options: RecordOptions,
    private readonly heapMb: number,
    private readonly lost: (work: Work) => Done,
    private readonly hint: () => SampleHint | undefined,
  ) {}

  /** Starts the workers now rather than at the first piece of work. */
  start(): this {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return this;
  }

  private spawn(): Slot {
    this.spawned += 1;
    const slot: Slot = { worker: spawnWorker(this.options, this.heapMb), inFlight: new Map(), evaluating: new Map() };
    slot.worker.on("message", (m: ({ id: number; bytes: Uint8Array } & Omit<ChunkResult, "output">) | { id: number; evaluations: Evaluations }) => {
      if ("evaluations" in m) {
        slot.evaluating.get(m.id)?.(m.evaluations);
        slot.evaluating.delete(m.id);
        return;
      }
      const { id, bytes, ...rest } = m;
      const pending = slot.inFlight.get(id);
      slot.inFlight.delete(id);
      pending?.resolve({ ...rest, output: bytes });
    });
    // The reason (ERR_WORKER_OUT_OF_MEMORY, an uncaught error) is not shown: it may quote a record.
    slot.worker.on("error", () => undefined);
    slot.worker.on("exit", () => {
      if (!this.closing) this.died(slot);
    });
    return slot;
  }

  private died(slot: Slot): void {
    this.failures += 1;
    const i = this.slots.indexOf(slot);
    if (i !== -1) this.slots.splice(i, 1);
    for (const { work, resolve } of slot.inFlight.values()) resolve(this.lost(work));
    slot.inFlight.clear();
    for (const resolve of slot.evaluating.values()) resolve(undefined);
    slot.evaluating.clear();
  }

  /** Fills a dead worker's place (or starts the first worker), within the run's budget. */
  private fill(): void {
    if (this.slots.length < this.size && this.spawned < this.size + MAX_WORKER_REPLACEMENTS) this.slots.push(this.spawn());
  }

  run(work: Work): Promise<Done> {
    // A dead worker's place is filled here, at the next piece of work.
    this.fill();
    const slot = this.slots.reduce<Slot | undefined>((a, b) => (a === undefined || b.inFlight.size < a.inFlight.size ? b : a), undefined);
    if (slot === undefined) return Promise.resolve(this.lost(work));
    const id = this.nextId++;
    const hint = this.hint();
    return new Promise((resolve) => {
      slot.inFlight.set(id, { work, resolve });
      if (work.kind === "csv") slot.worker.postMessage({ id, records: work.records, hint });
      else slot.worker.postMessage({ id, bytes: work.bytes, firstLine: work.firstLine, hint });
    });
  }

  /**
   * The report's sample classified under every rule set by the workers (reportSample.ts), shared
   * among them; undefined for a share whose worker died (the caller does it).
   */
  evaluate(items: readonly SampleItem[]): Promise<{ readonly share: readonly SampleItem[]; readonly evaluations: Evaluations }[]> {
    if (items.length === 0) return Promise.resolve([]);
    this.fill();
    const size = Math.ceil(items.length / Math.max(1, this.slots.length));
    return Promise.all(
      this.slots.map((slot, i) => {
        const share = items.slice(i * size, (i + 1) * size);
        const id = this.nextId++;
        return new Promise<{ share: readonly SampleItem[]; evaluations: Evaluations }>((resolve) => {
          slot.evaluating.set(id, (evaluations) => resolve({ share, evaluations }));
          slot.worker.postMessage({ id, sample: share });
        });
      }),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** The report part of a chunk result, when there is a report. */
const reportPart = (report: ChunkResult["report"]): { report?: NonNullable<ChunkResult["report"]> } => (report === undefined ? {} : { report });

/** Gathers chunk results in order into one. */
function merge(results: readonly ChunkResult[]): ChunkResult {
  let output = "";
  let records = 0;
  const counts: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  let untilFirstInvalid: ChunkResult["untilFirstInvalid"];
  for (const [i, r] of results.entries()) {
    if (untilFirstInvalid === undefined && r.untilFirstInvalid !== undefined) {
      const before = { ...counts };
      for (const [k, v] of Object.entries(r.untilFirstInvalid.counts)) before[k] = (before[k] ?? 0) + v;
      const decided = { ...decisions };
      addDecisionCounts(decided, r.untilFirstInvalid.decisions);
      const report = joinReports([...results.slice(0, i).map((p) => p.report), r.untilFirstInvalid.report]);
      untilFirstInvalid = { output: output + r.untilFirstInvalid.output, records: records + r.untilFirstInvalid.records, counts: before, ...reportPart(report), ...decisionsPart(decided) };
    }
    output += r.output;
    records += r.records;
    for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + v;
    addDecisionCounts(decisions, r.decisions);
  }
  return { output, counts, records, ...reportPart(joinReports(results.map((r) => r.report))), ...decisionsPart(decisions), ...(untilFirstInvalid === undefined ? {} : { untilFirstInvalid }) };
}

/** One error record as a chunk result (counted as invalid in the report, under its error code). */
function errorResult(line: number, error: CommandErrorCode, message: string, options: RecordOptions): ChunkResult {
  const output = `${commandErrorLine(line, error, message, options)}\n`;
  const counts = { invalid: 1 };
  const report = reportPart(options.report === undefined ? undefined : invalidReport(line, error));
  return { output, counts, records: 1, ...report, untilFirstInvalid: { output, records: 1, counts, ...report } };
}

/** Classifies a piece of work in this thread. */
function classifyHere(work: Work, options: RecordOptions, hint: SampleHint | undefined): ChunkResult {
  if (work.kind !== "csv") return processNdjsonChunk(textOf(work.bytes), work.firstLine, options, hint);
  return fromOutputs(processBatch(work.records, options), options, hint);
}

/**
 * Classifies a piece of work in this thread, record by record if it throws (records never
 * throw; should one, it becomes an `internal_error` record and the others are kept).
 */
function classifySafely(work: Work, options: RecordOptions, hint: SampleHint | undefined): ChunkResult {
  try {
    return classifyHere(work, options, hint);
  } catch {
    const failed = (line: number): ChunkResult => errorResult(line, "internal_error", "the classifier failed on this record", options);
    if (work.kind === "csv") {
      return merge(work.records.map((r) => {
        try {
          return fromOutputs([processRecord(r, options)], options, hint);
        } catch {
          return failed(r.line);
        }
      }));
    }
    return merge(textOf(work.bytes).split("\n").map((text, i) => {
      try {
        return processNdjsonChunk(text, work.firstLine + i, options, hint);
      } catch {
        return failed(work.firstLine + i);
      }
    }));
  }
}

/** A long record whose worker died: an error record (it is not retried in the main thread, whose heap it could exhaust). */
function longRecordFailed(work: Work, heapMb: number, options: RecordOptions): ChunkResult {
  const message = `the worker classifying this long record stopped (heap limit ${heapMb.toLocaleString("en-US")} MB, or a failure); not classified`;
  if (work.kind === "csv") return merge(work.records.map((r) => errorResult(r.line, "worker_failed", message, options)));
  return errorResult(work.firstLine, "worker_failed", message, options);
}

/** The options each batch of records is processed with. */
function recordOptionsOf(options: ClassifyCommandOptions): RecordOptions {
  const { asOf, ruleSet, inputFormat, outputFormat, full, preset, failFast } = options;
  const report = options.reportSample === undefined ? {} : { report: options.reportSample.request };
  return { asOf, ruleSet, inputFormat, outputFormat, full, ...(options.since === true ? { since: true } : {}), preset, failFast, ...(options.per === undefined ? {} : { per: options.per }), ...(options.omop === undefined ? {} : { omop: options.omop }), ...report };
}

const ABORTED = Symbol("aborted");

/**
 * `promise`, or ABORTED as soon as `signal` is aborted. Not Promise.race with a promise of the
 * abort: each race would leave a reaction on that long-lived promise, holding its result (a
 * chunk's output) for the rest of the run (measured: peak RSS 300 MB instead of 240 MB on
 * 200,000 records).
 */
function orAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    // Nobody waits for it now: its failure (the output's error after EPIPE) must not go unhandled.
    promise.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Yields from `source` until `signal` is aborted; a read still pending then is abandoned. */
async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const next = iterator.next();
    next.catch(() => undefined);
    const result = await orAborted(next, signal);
    if (result === ABORTED || result.done === true) return;
    yield result.value;
  }
}

/**
 * Submits long-format CSV records in batches of 64 patients; a structural error, or a patient
 * over the maximum record size (whose rows were not held), goes out as its own result.
 */
async function feedCsv(source: AsyncIterable<InputRecord | CsvStructuralError | TooLargePatient>, submit: (work: Work | Ready) => Promise<void>, sizes: { readonly chunk: number; readonly max: number }, options: RecordOptions): Promise<void> {
  let batch: InputRecord[] = [];
  const flush = async (): Promise<void> => {
    const last = batch[batch.length - 1];
    if (last !== undefined) await submit({ kind: "csv", records: batch, long: false, lastLine: last.line + last.text.split("\n").length - 2 });
    batch = [];
  };
  for await (const record of source) {
    if ("error" in record) {
      await flush();
      await submit({ kind: "ready", result: structuralError(record, options), lastLine: record.line, bytes: 0, tooLarge: false });
      if (record.error === "csv_header_missing") break;
      continue;
    }
    if ("tooLarge" in record) {
      await flush();
      await submit({ kind: "ready", result: errorResult(record.line, "record_too_large", tooLargeMessage(record.tooLarge, sizes.max), options), lastLine: record.line + record.rows - 1, bytes: 0, tooLarge: true });
      continue;
    }
    if (record.text.length > sizes.chunk) {
      await flush();
      await submit({ kind: "csv", records: [record], long: true, lastLine: record.line + record.text.split("\n").length - 2 });
      continue;
    }
    batch.push(record);
    if (batch.length >= 64) await flush();
  }
  await flush();
}

function structuralError(record: CsvStructuralError, options: RecordOptions): ChunkResult {
  const message = record.error === "csv_header_missing" ? "the first line must be the long-format header (patient_id, record_type, date, ...)" : "rows of this patient are not adjacent to its earlier rows";
  return errorResult(record.line, record.error, message, options);
}

/** Writes to the output, waiting while it is full; writes nothing once it is closed or broken (EPIPE: the reader went away). */
async function write(out: Writable, data: string | Uint8Array, signal: AbortSignal | undefined): Promise<void> {
  if (data.length > 0 && out.writable && !out.write(data)) await orAborted(once(out, "drain"), signal);
}

/**
 * The output's writes, each counted once the output has taken it: `taken` runs, in write order,
 * for a write that succeeded (or had nothing to write), never for one that failed (EPIPE) or was
 * not made (the output already closed or broken). {@link TakenWrites.settled} waits for the
 * outcome of every write made.
 */
class TakenWrites {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly out: Writable,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Writes `data`, waiting while the output is full; `taken` runs once the output has it. */
  async write(data: string | Uint8Array, taken: () => void): Promise<void> {
    if (!this.out.writable) return;
    if (data.length === 0) {
      // Nothing to write (a trial table record with no trials): taken after the writes before it.
      this.last = this.last.then(taken);
      return;
    }
    let full = false;
    const outcome = new Promise<void>((resolve) => {
      full = !this.out.write(data, (error) => {
        if (error === null || error === undefined) taken();
        resolve();
      });
    });
    this.last = this.last.then(() => outcome);
    if (full) await orAborted(once(this.out, "drain"), this.signal);
  }

  /** Every write's outcome known (its `taken` run when it succeeded). */
  settled(): Promise<void> {
    return this.last;
  }
}

/**
 * The report's sample evaluated by the workers, whose code is warm by now: a record longer than a
 * chunk by the long-record worker, as when it was classified. What they do not do (a worker died)
 * is left to withReport.
 */
async function evaluateInPools(pools: { readonly pool: Pool; readonly longPool: Pool; readonly chunkBytes: number }, sample: ReportSample): Promise<void> {
  const items = sample.pending();
  const long = items.filter((item) => Buffer.byteLength(item.history) > pools.chunkBytes);
  const shares = await Promise.all([pools.pool.evaluate(items.filter((item) => !long.includes(item))), pools.longPool.evaluate(long)]);
  for (const { share, evaluations } of shares.flat()) if (evaluations !== undefined) sample.evaluated(share, evaluations);
}

/** A queued piece of work: its result (once done), the last input line it covers and its input bytes. */
interface Entry {
  readonly result: Promise<Done>;
  done?: Done;
  readonly lastLine: number;
  readonly bytes: number;
}

/** Runs the command. Input is a file path or "-" for stdin. */
export async function classifyCommand(input: string, out: Writable, err: Writable & { isTTY?: boolean }, options: ClassifyCommandOptions): Promise<ClassifySummary> {
  const started = process.hrtime.bigint();
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const longHeapMb = options.longRecordHeapMb ?? LONG_RECORD_HEAP_MB;
  const isAborted = (): boolean => options.signal?.aborted === true;
  // NDJSON from a file is read straight into the chunk buffers; CSV (and stdin) through a stream.
  const file = options.inputStream === undefined && input !== "-" && options.inputFormat === "ndjson" ? await open(input) : undefined;
  const stream: Readable | undefined = options.inputStream ?? (file !== undefined ? undefined : input === "-" ? process.stdin : createReadStream(input, { highWaterMark: chunkBytes }));
  const buffers = new ChunkBuffers(chunkBytes, options.workers > 1);
  const recordOptions = recordOptionsOf(options);
  const hint = (): SampleHint | undefined => options.reportSample?.hint();
  let retriedChunks = 0;
  const pool =
    options.workers > 1
      ? new Pool(
          options.workers,
          recordOptions,
          options.workerHeapMb ?? WORKER_HEAP_MB,
          (work) => {
            retriedChunks += 1;
            return classifySafely(work, recordOptions, hint());
          },
          hint,
        )
      : undefined;
  // Started now, so that they load while the input opens; with --omop at the first batch instead,
  // so that their memory is not added to what the database takes while it makes the run's tables.
  if (options.omop === undefined) pool?.start();
  const longPool = options.workers > 1 ? new Pool(1, recordOptions, longHeapMb, (work) => longRecordFailed(work, longHeapMb, recordOptions), hint) : undefined;
  const limit = pool === undefined ? 1 : options.workers * 3;
  const queue: Entry[] = [];
  const byStatus: Record<string, number> = { "no-response": 0, "partial-response": 0, "not-yet-resistant": 0, invalid: 0 };
  const omopDecisions: Record<string, number> = {};
  let written = 0;
  let throughLine = 0;
  let bytesDone = 0;
  let tooLarge = 0;
  let longRecords = 0;
  let stop = false;

  // NDJSON: the input bytes of the records written; CSV: the bytes read (a little ahead).
  const bytesRead = (): number => (options.inputFormat === "ndjson" ? bytesDone : ((stream as Partial<ReadStream> | undefined)?.bytesRead ?? 0));
  const progress = options.progress && err.isTTY === true ? progressTicker(err, started, () => ({ records: written, bytes: bytesRead(), totalBytes: options.inputBytes })) : undefined;

  const writes = new TakenWrites(out, options.signal);
  /** Writes one result. */
  const writeEntry = async (entry: Entry, done: Done): Promise<void> => {
    let result = done;
    if (options.failFast && result.untilFirstInvalid !== undefined) {
      result = { ...result.untilFirstInvalid };
      stop = true;
    }
    const through = stop ? undefined : entry.lastLine;
    // Counted once the output has taken them: after EPIPE the summary says what the reader could get.
    await writes.write(result.output, () => {
      for (const [status, n] of Object.entries(result.counts)) byStatus[status] = (byStatus[status] ?? 0) + n;
      addDecisionCounts(omopDecisions, result.decisions);
      options.reportSample?.add(result.report);
      written += result.records;
      if (through !== undefined) throughLine = through;
      bytesDone += entry.bytes;
    });
  };
  // One writer at a time: the results done at the head of the queue are written as soon as they
  // are done (a slow pipe on stdin still sees its records come out), in input order.
  let writing: Promise<void> = Promise.resolve();
  const writeReady = (): Promise<void> => {
    writing = writing.then(async () => {
      for (let head = queue[0]; head?.done !== undefined && !stop && out.writable; head = queue[0]) {
        queue.shift();
        await writeEntry(head, head.done);
      }
    });
    return writing;
  };
  /** Waits for the first queued result (unless the run is aborted first) and writes what is done. */
  const flushOne = async (): Promise<void> => {
    const head = queue[0];
    if (head === undefined) return;
    if (head.done === undefined && (await orAborted(head.result, options.signal)) === ABORTED) return;
    await writeReady();
  };
  const enqueue = (result: Promise<Done> | Done, lastLine: number, bytes: number): void => {
    const entry: Entry = result instanceof Promise ? { result, lastLine, bytes } : { result: Promise.resolve(result), done: result, lastLine, bytes };
    queue.push(entry);
    if (result instanceof Promise) {
      void result.then((d) => {
        entry.done = d;
        writeReady().catch(() => undefined); // a failure to write surfaces where the run awaits `writing`
      });
    }
  };
  const submit = async (work: Work | Ready): Promise<void> => {
    if (work.kind === "ready") {
      if (work.tooLarge) tooLarge += 1;
      enqueue(work.result, work.lastLine, work.bytes);
    } else {
      const bytes = work.kind === "csv" ? 0 : work.bytes.length;
      const long = work.kind === "long-record" || (work.kind === "csv" && work.long);
      if (long) longRecords += 1;
      const target = long ? longPool : pool;
      if (target !== undefined) {
        const result = target.run(work);
        // The input buffer is reused once its chunk is done (the worker no longer reads it).
        if (work.kind !== "csv") void result.then(() => buffers.give(work.bytes.buffer));
        enqueue(result, work.lastLine, bytes);
      } else {
        enqueue(classifySafely(work, recordOptions, hint()), work.lastLine, bytes);
        if (work.kind !== "csv") buffers.give(work.bytes.buffer);
      }
    }
    while (queue.length >= limit && !stop && !isAborted() && out.writable) await flushOne();
  };

  if (options.outputFormat === "csv") await write(out, `${csvHeader(options)}\n`, options.signal);
  try {
    if (options.inputFormat === "ndjson") {
      const pieces = ndjsonChunks(file !== undefined ? fileReader(file) : streamReader(stream ?? process.stdin), buffers, maxRecordBytes);
      for await (const piece of untilAborted(pieces, options.signal)) {
        if (stop) break;
        if (piece.kind === "too-large") {
          const result = errorResult(piece.line, "record_too_large", tooLargeMessage(piece.bytes, maxRecordBytes), recordOptions);
          await submit({ kind: "ready", result, lastLine: piece.line, bytes: piece.bytes, tooLarge: true });
        } else await submit(piece);
      }
    } else {
      await feedCsv(untilAborted(csvRecords(stream ?? process.stdin, maxRecordBytes), options.signal), async (work) => (stop || isAborted() ? undefined : submit(work)), { chunk: chunkBytes, max: maxRecordBytes }, recordOptions);
    }
    while (queue.length > 0 && !stop && !isAborted() && out.writable) await flushOne();
    // Interrupted: the results already done, in order, are written; the rest is dropped.
    await writeReady();
    await writes.settled();
    if (options.reportSample !== undefined && pool !== undefined && longPool !== undefined && !isAborted()) await evaluateInPools({ pool, longPool, chunkBytes }, options.reportSample);
  } finally {
    if (progress !== undefined) {
      clearInterval(progress);
      err.write("\r\x1b[K");
    }
    if ((stop || isAborted()) && input !== "-") stream?.destroy();
    await file?.close();
    await pool?.close();
    await longPool?.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    records: written,
    byStatus,
    invalid: byStatus.invalid ?? 0,
    seconds,
    stoppedEarly: stop,
    interrupted: isAborted(),
    throughLine,
    tooLarge,
    longRecords,
    workerFailures: (pool?.failures ?? 0) + (longPool?.failures ?? 0),
    retriedChunks,
    omopDecisions,
  };
}
