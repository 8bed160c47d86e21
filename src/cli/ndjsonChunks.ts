/**
 * NDJSON input cut into chunks at line ends, read straight into reusable buffers.
 *
 * Each chunk is one shared buffer (a SharedArrayBuffer) that a worker reads without a copy and
 * the main thread keeps until the chunk is done, for reuse, so that a long run allocates a
 * handful of buffers rather than two per chunk, and so that the chunk of a worker that dies can
 * be classified again. Reuse matters beyond the copy itself: every buffer is memory outside the
 * JavaScript heap, and V8 answers a stream of such allocations with frequent full collections on
 * the reading thread (measured: about 30 in 5 seconds on 200,000 records, on a thread that
 * otherwise only reads and writes).
 *
 * A line longer than a chunk comes alone, in a buffer of its exact size (a "long record"), and a
 * line longer than the stated maximum is skipped unread and reported by its number and size.
 */
import type { FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";

/**
 * Reads up to `length` bytes into `target` at `offset`; 0 at the end of the input. `drained`,
 * when given, says that nothing more is available without waiting (a pipe whose writer is slow):
 * the whole lines read so far then go out rather than wait for a full chunk.
 */
export type ReadInto = ((target: Uint8Array, offset: number, length: number) => Promise<number>) & { readonly drained?: () => boolean };

/** A reader over an open file: each read lands in the caller's buffer, with no copy. */
export function fileReader(handle: FileHandle): ReadInto {
  return async (target, offset, length) => (await handle.read(target, offset, length, null)).bytesRead;
}

/** A reader over a stream (stdin): its pieces are copied into the caller's buffer. */
export function streamReader(stream: Readable): ReadInto {
  const pieces = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let piece: Uint8Array = new Uint8Array(0);
  let at = 0;
  const read = async (target: Uint8Array, offset: number, length: number): Promise<number> => {
    while (at === piece.length) {
      const next = await pieces.next();
      if (next.done === true) return 0;
      piece = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      at = 0;
    }
    const n = Math.min(length, piece.length - at);
    target.set(piece.subarray(at, at + n), offset);
    at += n;
    return n;
  };
  return Object.assign(read, { drained: () => at === piece.length && stream.readableLength === 0 });
}

/**
 * Shared buffers of one size, kept for reuse once their chunk is done (a bounded number: no more
 * than the chunks in flight).
 */
export class ChunkBuffers {
  private readonly spare: ArrayBufferLike[] = [];

  /**
   * @param size - Bytes per buffer.
   * @param shared - SharedArrayBuffers (for workers), or ordinary ones (one thread: typed-array
   *   searches and copies on a shared buffer take a slower path).
   */
  constructor(
    readonly size: number,
    readonly shared = true,
  ) {}

  private allocate(length: number): ArrayBufferLike {
    return this.shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length);
  }

  /** A buffer of `size` bytes, or of exactly `length` bytes when that is more. */
  take(length = this.size): Uint8Array {
    if (length <= this.size) return new Uint8Array(this.spare.pop() ?? this.allocate(this.size));
    return new Uint8Array(this.allocate(length));
  }

  /** Returns a buffer for reuse; one of another size is left to the collector. */
  give(buffer: ArrayBufferLike): void {
    if (buffer.byteLength === this.size && this.spare.length < 64) this.spare.push(buffer);
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n += 1;
  return n;
}

/** Whole lines at the start of a buffer of their own (safe to share), with their line numbers. */
export interface NdjsonChunk {
  /** `lines`: whole lines; `long-record`: one line longer than a chunk, alone. */
  readonly kind: "lines" | "long-record";
  /** A view from offset 0 of a buffer of its own. */
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  /** The number of the chunk's last line. */
  readonly lastLine: number;
}

/** A line longer than the maximum record size: skipped, never held in memory. */
export interface NdjsonTooLarge {
  readonly kind: "too-large";
  readonly line: number;
  /** Its length in bytes (without the line end). */
  readonly bytes: number;
}

/** What {@link ndjsonChunks} yields. */
export type NdjsonPiece = NdjsonChunk | NdjsonTooLarge;

/** A line longer than a chunk, gathered piece by piece (or only measured, once over the maximum). */
class LongLine {
  private readonly pieces: Uint8Array[] = [];
  private length = 0;
  /** Bytes of the line end (0, 1 for "\n", 2 for "\r\n"), once it is seen. */
  private end = 0;
  private lastByte = -1;

  constructor(private readonly max: number) {}

  /** Adds the next piece; `last` when it ends with the line's newline. */
  add(piece: Uint8Array, last = false): void {
    if (last) this.end = (piece.length >= 2 ? piece[piece.length - 2] : this.lastByte) === 13 ? 2 : 1;
    this.lastByte = piece[piece.length - 1] ?? this.lastByte;
    this.length += piece.length;
    // Over the maximum (the line end aside, counting a "\r" that may precede a later "\n"): measured only.
    if (this.length - (last ? this.end : 1) > this.max) this.pieces.length = 0;
    else this.pieces.push(piece.slice());
  }

  /** The line in a shared buffer of its exact size, or its size when it is over the maximum. */
  finish(line: number, buffers: ChunkBuffers): NdjsonPiece {
    if (this.pieces.length === 0 || this.length - this.end > this.max) return { kind: "too-large", line, bytes: this.length - this.end };
    const bytes = buffers.take(this.length).subarray(0, this.length);
    let at = 0;
    for (const piece of this.pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    return { kind: "long-record", bytes, firstLine: line, lastLine: line };
  }
}

/**
 * Yields the input in chunks of about `buffers.size` bytes, each ending at a line end (the last
 * may not), each in a buffer of its own, with its first and last line numbers. A line longer than
 * a chunk comes alone (`long-record`); one longer than `maxRecordBytes` is skipped unread
 * (`too-large`). A UTF-8 byte-order mark at the start is dropped. When the reader is `drained`
 * (a slow pipe), the whole lines read so far go out at once.
 */
export async function* ndjsonChunks(read: ReadInto, buffers: ChunkBuffers, maxRecordBytes = Number.MAX_SAFE_INTEGER): AsyncGenerator<NdjsonPiece> {
  let buffer = buffers.take();
  let filled = 0;
  let line = 1;
  let start = true;
  let long: LongLine | undefined;
  for (;;) {
    const n = await read(buffer, filled, buffer.length - filled);
    if (n === 0) break;
    filled += n;
    if (start && filled >= 3) {
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
        buffer.copyWithin(0, 3, filled);
        filled -= 3;
      }
      start = false;
    }
    if (long !== undefined) {
      // The rest of a long line: up to its newline, then back to chunks of whole lines.
      const nl = buffer.subarray(0, filled).indexOf(10);
      long.add(buffer.subarray(0, nl === -1 ? filled : nl + 1), nl !== -1);
      if (nl === -1) {
        filled = 0;
        continue;
      }
      yield long.finish(line, buffers);
      line += 1;
      long = undefined;
      buffer.copyWithin(0, nl + 1, filled);
      filled -= nl + 1;
    }
    if (filled < buffer.length && read.drained?.() !== true) continue;
    const cut = buffer.lastIndexOf(10, filled - 1);
    if (cut === -1 && filled < buffer.length) continue;
    if (cut === -1) {
      // A full buffer and no line end: the start of a long line.
      long = new LongLine(maxRecordBytes);
      long.add(buffer);
      filled = 0;
      continue;
    }
    start = false;
    const rest = filled - cut - 1;
    const next = buffers.take();
    next.set(buffer.subarray(cut + 1, filled));
    const bytes = buffer.subarray(0, cut + 1);
    const lines = countNewlines(bytes);
    yield { kind: "lines", bytes, firstLine: line, lastLine: line + lines - 1 };
    line += lines;
    buffer = next;
    filled = rest;
  }
  if (long !== undefined) yield long.finish(line, buffers);
  else if (filled > 0) {
    const bytes = buffer.subarray(0, filled);
    yield { kind: "lines", bytes, firstLine: line, lastLine: line + countNewlines(bytes) - (bytes[filled - 1] === 10 ? 1 : 0) };
  } else buffers.give(buffer.buffer);
}

const decoder = new TextDecoder("utf-8");
let local = new Uint8Array(0);

/**
 * The text of a chunk. Decoding straight from a shared buffer takes a slow path (measured on Node
 * 20: 3x the time of decoding an ordinary buffer, 2.4 ms per 256 KiB chunk); a copy into a
 * buffer of this thread's own, reused, costs about 0.02 ms.
 */
export function textOf(bytes: Uint8Array): string {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) return decoder.decode(bytes);
  if (local.length < bytes.length) local = new Uint8Array(bytes.length);
  local.set(bytes);
  const text = decoder.decode(local.subarray(0, bytes.length));
  // A long record's copy is not kept.
  if (local.length > 1 << 20) local = new Uint8Array(0);
  return text;
}
