/**
 * NDJSON input cut into chunks at line ends, read straight into reusable buffers.
 *
 * Each chunk is one buffer that is transferred to a worker and handed back with the worker's
 * reply, so that a long run allocates a handful of buffers rather than two per chunk. This
 * matters beyond the copy itself: every buffer is memory outside the JavaScript heap, and V8
 * answers a stream of such allocations with frequent full collections on the reading thread
 * (measured: about 30 in 5 seconds on 200,000 records, on a thread that otherwise only reads and
 * writes).
 */
import type { FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";

/** Reads up to `length` bytes into `target` at `offset`; 0 at the end of the input. */
export type ReadInto = (target: Uint8Array, offset: number, length: number) => Promise<number>;

/** A reader over an open file: each read lands in the caller's buffer, with no copy. */
export function fileReader(handle: FileHandle): ReadInto {
  return async (target, offset, length) => (await handle.read(target, offset, length, null)).bytesRead;
}

/** A reader over a stream (stdin): its pieces are copied into the caller's buffer. */
export function streamReader(stream: Readable): ReadInto {
  const pieces = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let piece: Uint8Array = new Uint8Array(0);
  let at = 0;
  return async (target, offset, length) => {
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
}

/**
 * Buffers of one size, kept for reuse once their chunk is done (a bounded number: no more than
 * the chunks in flight).
 */
export class ChunkBuffers {
  private readonly spare: ArrayBuffer[] = [];

  /** @param size - Bytes per buffer. */
  constructor(readonly size: number) {}

  /** A buffer of `size` bytes (or more, for a record longer than a chunk). */
  take(atLeast = this.size): Uint8Array {
    if (atLeast <= this.size) {
      const reused = this.spare.pop();
      return new Uint8Array(reused ?? new ArrayBuffer(this.size));
    }
    return new Uint8Array(atLeast);
  }

  /** Returns a buffer for reuse; one of another size (or detached) is left to the collector. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.size && this.spare.length < 64) this.spare.push(buffer);
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n += 1;
  return n;
}

/** One chunk: whole lines at the start of its own buffer, and the number of its first line. */
export interface NdjsonChunk {
  /** A view from offset 0 of a buffer of its own (safe to transfer). */
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

/**
 * Yields the input in chunks of about `buffers.size` bytes, each ending at a line end (the last
 * may not), each in a buffer of its own, with the number of its first line. A line longer than a
 * chunk gets a larger buffer. A UTF-8 byte-order mark at the start is dropped.
 */
export async function* ndjsonChunks(read: ReadInto, buffers: ChunkBuffers): AsyncGenerator<NdjsonChunk> {
  let buffer = buffers.take();
  let filled = 0;
  let line = 1;
  let start = true;
  for (;;) {
    if (filled === buffer.length) {
      const larger = buffers.take(buffer.length * 2);
      larger.set(buffer);
      buffers.give(buffer.buffer as ArrayBuffer);
      buffer = larger;
    }
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
    if (filled < buffer.length) continue;
    const cut = buffer.lastIndexOf(10, filled - 1);
    if (cut === -1) continue;
    const rest = filled - cut - 1;
    const next = buffers.take(rest);
    next.set(buffer.subarray(cut + 1, filled));
    const bytes = buffer.subarray(0, cut + 1);
    const firstLine = line;
    line += countNewlines(bytes); // before the yield: the consumer may transfer (detach) the bytes
    yield { bytes, firstLine };
    buffer = next;
    filled = rest;
  }
  if (filled > 0) yield { bytes: buffer.subarray(0, filled), firstLine: line };
}
