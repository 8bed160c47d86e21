/**
 * Worker thread: classifies chunks of NDJSON (raw UTF-8 bytes in a buffer shared with the main
 * thread, read without a copy) or batches of CSV patient records sent by the classify command,
 * and returns the output as UTF-8 bytes (transferred), so the main thread neither decodes nor
 * copies text. A worker that dies (its heap cap, a crash) is replaced by the command, which
 * classifies that worker's unfinished chunks again (see classifyCommand.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { textOf } from "./ndjsonChunks";
import { fromOutputs, processBatch, processNdjsonChunk } from "./records";
import type { ChunkResult, InputRecord, RecordOptions } from "./records";
import { evaluateSample } from "./reportSample";
import type { SampleHint, SampleItem } from "./reportSample";

const options = workerData as RecordOptions;
const encoder = new TextEncoder();
// With --report, each message has the report's hint and each result its part of the report; after
// the run, a message may hold the report's sample, to classify under every rule set (reportSample.ts).
parentPort?.on("message", (message: { id: number; bytes?: Uint8Array; firstLine?: number; records?: InputRecord[]; hint?: SampleHint; sample?: SampleItem[] }) => {
  if (message.sample !== undefined) {
    parentPort?.postMessage({ id: message.id, evaluations: evaluateSample(message.sample, options) });
    return;
  }
  const result: ChunkResult =
    message.bytes !== undefined ? processNdjsonChunk(textOf(message.bytes), message.firstLine ?? 1, options, message.hint) : fromOutputs(processBatch(message.records ?? [], options), options, message.hint);
  const bytes = encoder.encode(result.output);
  const { output: _text, ...rest } = result;
  parentPort?.postMessage({ id: message.id, bytes, ...rest }, [bytes.buffer]);
});
