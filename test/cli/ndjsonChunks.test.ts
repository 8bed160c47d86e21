/**
 * The chunker: whatever the read sizes and the reader (a file, a stream, reads of a few bytes),
 * the chunks are whole lines, each in a buffer of its own, numbered by their first line, and
 * together they are the input without its byte-order mark.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ChunkBuffers, fileReader, ndjsonChunks, streamReader } from "../../src/cli/ndjsonChunks";
import type { NdjsonChunk, NdjsonPiece, ReadInto } from "../../src/cli/ndjsonChunks";

const dir = mkdtempSync(join(tmpdir(), "trd-ndjson-chunks-"));
const decoder = new TextDecoder();

/** Lines of varied length, some longer than the smallest chunk size tested. */
const LINES = Array.from({ length: 120 }, (_, i) => `{"id":"p${i}","pad":"${"x".repeat((i * 37) % 300)}"}`);
const TEXT = `${LINES.slice(0, 60).join("\r\n")}\r\n\n${LINES.slice(60).join("\n")}`;

async function collect(read: ReadInto, size: number): Promise<{ chunks: { text: string; firstLine: number; ownBuffer: boolean }[]; buffers: ChunkBuffers }> {
  const buffers = new ChunkBuffers(size);
  const chunks: { text: string; firstLine: number; ownBuffer: boolean }[] = [];
  const seen = new Set<ArrayBuffer>();
  for await (const chunk of ndjsonChunks(read, buffers) as AsyncGenerator<NdjsonChunk>) {
    const ab = chunk.bytes.buffer as ArrayBuffer;
    chunks.push({ text: decoder.decode(chunk.bytes), firstLine: chunk.firstLine, ownBuffer: chunk.bytes.byteOffset === 0 && !seen.has(ab) });
    seen.add(ab);
    // As the command does once a chunk is done (a worker hands it back): reuse is then safe.
    buffers.give(ab);
    seen.delete(ab);
  }
  return { chunks, buffers };
}

function check(chunks: { text: string; firstLine: number; ownBuffer: boolean }[], expected: string): void {
  expect(chunks.map((c) => c.text).join("")).toBe(expected);
  let line = 1;
  chunks.forEach((c, i) => {
    expect(c.firstLine).toBe(line);
    expect(c.ownBuffer).toBe(true);
    if (i < chunks.length - 1) expect(c.text.endsWith("\n")).toBe(true);
    line += c.text.split("\n").length - 1;
  });
}

/** A reader that hands out at most `step` bytes per call. */
function trickle(bytes: Uint8Array, step: number): ReadInto {
  let at = 0;
  return async (target, offset, length) => {
    const n = Math.min(step, length, bytes.length - at);
    target.set(bytes.subarray(at, at + n), offset);
    at += n;
    return n;
  };
}

describe("ndjsonChunks", () => {
  it("cuts a file into whole lines at any chunk size, numbering each chunk's first line", async () => {
    const file = join(dir, "input.ndjson");
    writeFileSync(file, TEXT);
    for (const size of [16, 100, 1000, 1 << 16]) {
      const handle = await open(file);
      try {
        const { chunks } = await collect(fileReader(handle), size);
        check(chunks, TEXT);
        if (size === 1000) expect(chunks.length).toBeGreaterThan(5);
      } finally {
        await handle.close();
      }
    }
  });

  it("reads a stream (stdin) and a reader that returns a few bytes at a time the same way", async () => {
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [16, 700]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / 333) }, (_, i) => Buffer.from(bytes.subarray(i * 333, (i + 1) * 333)));
      check((await collect(streamReader(Readable.from(pieces)), size)).chunks, TEXT);
      check((await collect(trickle(bytes, 7), size)).chunks, TEXT);
    }
  });

  it("drops a byte-order mark only at the start, and handles input without a final newline or empty input", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode('{"a":1}\n{"b":"\uFEFF"}');
    const input = new Uint8Array(bom.length + body.length);
    input.set(bom);
    input.set(body, bom.length);
    for (const step of [1, 2, 5, 100]) check((await collect(trickle(input, step), 8)).chunks, '{"a":1}\n{"b":"\uFEFF"}');
    expect((await collect(trickle(new Uint8Array(0), 1), 8)).chunks).toStrictEqual([]);
    expect((await collect(trickle(bom, 1), 8)).chunks).toStrictEqual([]);
    check((await collect(trickle(new TextEncoder().encode("ab"), 1), 8)).chunks, "ab");
  });

  it("reuses the buffers handed back, and never more than it needs", async () => {
    const buffers = new ChunkBuffers(64);
    const first = buffers.take();
    buffers.give(first.buffer as ArrayBuffer);
    expect(buffers.take().buffer).toBe(first.buffer);
    // A buffer of another size (a long record's) is not kept.
    const large = buffers.take(500);
    expect(large.length).toBe(500);
    buffers.give(large.buffer as ArrayBuffer);
    expect(buffers.take().buffer.byteLength).toBe(64);
  });

  it("sends a line longer than a chunk alone, and reports one over the maximum by its number and size without holding it", async () => {
    const long = `{"id":"${"y".repeat(500)}"}`; // 509 bytes
    const tooLong = `{"id":"${"z".repeat(2000)}"}`; // 2,009 bytes
    const input = new TextEncoder().encode(`{"a":1}\n${long}\r\n{"b":2}\n${tooLong}\r\n{"c":3}\n${tooLong}`);
    for (const step of [1, 7, 64, 5000]) {
      const pieces: NdjsonPiece[] = [];
      for await (const piece of ndjsonChunks(trickle(input, step), new ChunkBuffers(64), 1000)) pieces.push(piece);
      const view = pieces.map((p) => (p.kind === "too-large" ? [p.kind, p.line, p.bytes] : [p.kind, p.firstLine, p.lastLine, decoder.decode(p.bytes)]));
      const lines = view.filter((v) => v[0] === "lines");
      expect(view.filter((v) => v[0] !== "lines")).toStrictEqual([
        ["long-record", 2, 2, `${long}\r\n`],
        ["too-large", 4, 2009],
        ["too-large", 6, 2009],
      ]);
      expect(lines.map((v) => v[3]).join("")).toBe('{"a":1}\n{"b":2}\n{"c":3}\n');
    }
  });

  it("sends the whole lines read so far when the reader is drained (a slow pipe), not only full chunks", async () => {
    const parts = ['{"a":1}\n{"b"', ':2}\n', '{"c":3}\n'].map((t) => new TextEncoder().encode(t));
    let at = 0;
    const read = Object.assign(async (target: Uint8Array, offset: number) => {
      const part = parts[at++];
      if (part === undefined) return 0;
      target.set(part, offset);
      return part.length;
    }, { drained: () => true });
    const texts: string[] = [];
    for await (const piece of ndjsonChunks(read, new ChunkBuffers(1 << 16))) if (piece.kind !== "too-large") texts.push(decoder.decode(piece.bytes));
    expect(texts).toStrictEqual(['{"a":1}\n', '{"b":2}\n', '{"c":3}\n']);
  });
});
