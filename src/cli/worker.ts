/**
 * Worker thread: classifies chunks of NDJSON (raw UTF-8 bytes, transferred) or batches of CSV
 * patient records sent by the classify command, and returns the output as UTF-8 bytes
 * (transferred), so the main thread neither decodes nor copies text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { fromOutputs, processBatch, processNdjsonChunk } from "./records";
import type { ChunkResult, InputRecord, RecordOptions } from "./records";

const options = workerData as RecordOptions;
const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

parentPort?.on("message", (message: { id: number; bytes?: Uint8Array; firstLine?: number; records?: InputRecord[] }) => {
  const result: ChunkResult =
    message.bytes !== undefined ? processNdjsonChunk(decoder.decode(message.bytes), message.firstLine ?? 1, options) : fromOutputs(processBatch(message.records ?? [], options), options.failFast === true);
  const bytes = encoder.encode(result.output);
  const { output: _text, ...rest } = result;
  // The input buffer goes back with the reply, for the next chunk (see ndjsonChunks.ts).
  const input = message.bytes?.buffer as ArrayBuffer | undefined;
  parentPort?.postMessage({ id: message.id, bytes, ...rest, ...(input === undefined ? {} : { input }) }, input === undefined ? [bytes.buffer] : [bytes.buffer, input]);
});
