/**
 * Streaming input: lines with their numbers (CRLF, a byte-order mark and blank lines handled),
 * and records (one per NDJSON line, or one per patient's adjacent rows in a long-format CSV).
 */
import type { Readable } from "node:stream";
import type { InputRecord } from "./records";

/** Yields non-blank lines with their 1-based numbers. */
export async function* lines(stream: Readable): AsyncGenerator<{ line: number; text: string }> {
  let buffered = "";
  let number = 0;
  let first = true;
  stream.setEncoding("utf8");
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = buffered + chunk;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      number += 1;
      const raw = text.slice(start, nl);
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.trim() !== "") yield { line: number, text: line };
      start = nl + 1;
    }
    buffered = text.slice(start);
  }
  if (buffered.trim() !== "") yield { line: number + 1, text: buffered.endsWith("\r") ? buffered.slice(0, -1) : buffered };
}

/** The patient id of a CSV line (the first field, unquoted). */
function firstField(line: string): string {
  if (line.startsWith('"')) {
    const end = line.indexOf('",');
    return (end === -1 ? line.slice(1, -1) : line.slice(1, end)).replace(/""/g, '"').trim();
  }
  const comma = line.indexOf(",");
  return (comma === -1 ? line : line.slice(0, comma)).trim();
}

/** Yields one record per input record. CSV rows of a patient must be adjacent; a later group of the same patient is an error record. */
export async function* records(stream: Readable, format: "ndjson" | "csv"): AsyncGenerator<InputRecord | { line: number; error: "csv_patient_not_contiguous" | "csv_header_missing" }> {
  if (format === "ndjson") {
    for await (const { line, text } of lines(stream)) yield { line, text };
    return;
  }
  let header: string | undefined;
  let patient: string | undefined;
  let rejected = false;
  let block: string[] = [];
  let blockLine = 0;
  const seen = new Set<string>();
  const flush = function* (): Generator<InputRecord> {
    if (patient !== undefined && !rejected && header !== undefined) yield { line: blockLine, text: [header, ...block].join("\n") };
  };
  for await (const { line, text } of lines(stream)) {
    if (header === undefined) {
      header = text;
      if (!/(^|,)\s*patient_id\s*(,|$)/i.test(text)) {
        yield { line, error: "csv_header_missing" };
        return;
      }
      continue;
    }
    const id = firstField(text);
    if (id !== patient) {
      yield* flush();
      patient = id;
      block = [];
      blockLine = line;
      rejected = seen.has(id);
      if (rejected) yield { line, error: "csv_patient_not_contiguous" };
      seen.add(id);
    }
    block.push(text);
  }
  yield* flush();
}
