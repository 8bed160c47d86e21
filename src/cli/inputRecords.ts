/**
 * Streaming input: lines with their numbers (CRLF, a byte-order mark and blank lines handled),
 * and long-format CSV records (one per patient's adjacent rows).
 */
import type { Readable } from "node:stream";
import type { InputRecord } from "./records";

/** A line: its 1-based number, its text (without the line end) and its size in UTF-8 bytes. */
export interface InputLine {
  readonly line: number;
  readonly text: string;
  readonly bytes: number;
  /** The line was longer than the maximum given to {@link lines}: `text` is only its first characters. */
  readonly cut?: true;
}

/** The characters kept of a line over the maximum (enough for a CSV patient id). */
const CUT_LINE_KEEPS = 4096;

/**
 * Yields non-blank lines with their 1-based numbers. A line longer than `maxBytes` is not held:
 * it is read to its end, counting its bytes, and yielded cut to its first characters.
 */
export async function* lines(stream: Readable, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<InputLine> {
  let buffered = "";
  let number = 0;
  let first = true;
  let cut: { prefix: string; bytes: number } | undefined;
  const whole = (raw: string): InputLine | undefined => {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    return text.trim() === "" ? undefined : { line: number, text, bytes: Buffer.byteLength(text) };
  };
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
      if (cut !== undefined) {
        yield { line: number, text: cut.prefix, bytes: cut.bytes + Buffer.byteLength(raw), cut: true };
        cut = undefined;
      } else {
        const line = whole(raw);
        if (line !== undefined) yield line;
      }
      start = nl + 1;
    }
    const rest = text.slice(start);
    // A line's characters are at most its bytes: longer than the maximum in characters, it is over it.
    if (cut !== undefined) cut.bytes += Buffer.byteLength(rest);
    else if (rest.length > maxBytes) cut = { prefix: rest.slice(0, CUT_LINE_KEEPS), bytes: Buffer.byteLength(rest) };
    buffered = cut === undefined ? rest : "";
  }
  number += 1;
  if (cut !== undefined) yield { line: number, text: cut.prefix, bytes: cut.bytes, cut: true };
  else {
    const line = whole(buffered);
    if (line !== undefined) yield line;
  }
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

/** A CSV patient whose rows are over the maximum record size: where they start, how many there are, their size; their text was not kept. */
export interface TooLargePatient {
  readonly line: number;
  readonly rows: number;
  readonly tooLarge: number;
}

/** A structural error of the CSV input. */
export interface CsvStructuralError {
  readonly line: number;
  readonly error: "csv_patient_not_contiguous" | "csv_header_missing";
}

/**
 * Yields one record per patient of a long-format CSV (NDJSON is cut into chunks elsewhere,
 * ndjsonChunks.ts). A patient's rows must be adjacent; a later group of the same patient is an
 * error record. A patient's rows over `maxBytes` together (the header not counted) are not held:
 * they are counted as they go by and yielded as a {@link TooLargePatient}.
 */
export async function* csvRecords(stream: Readable, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<InputRecord | CsvStructuralError | TooLargePatient> {
  let header: string | undefined;
  let patient: string | undefined;
  let rejected = false;
  let block: string[] = [];
  let blockLine = 0;
  let rows = 0;
  let bytes = 0;
  const seen = new Set<string>();
  const flush = function* (): Generator<InputRecord | TooLargePatient> {
    if (patient === undefined || rejected || header === undefined) return;
    if (bytes > maxBytes) yield { line: blockLine, rows, tooLarge: bytes };
    else yield { line: blockLine, text: [header, ...block].join("\n") };
  };
  for await (const { line, text, bytes: size } of lines(stream, maxBytes)) {
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
      rows = 0;
      bytes = -1; // the rows' line ends: one fewer than the rows
      rejected = seen.has(id);
      if (rejected) yield { line, error: "csv_patient_not_contiguous" };
      seen.add(id);
    }
    rows += 1;
    bytes += size + 1;
    // Over the maximum: the rows read so far are let go, the rest only counted.
    if (bytes > maxBytes) block = [];
    else block.push(text);
  }
  yield* flush();
}
