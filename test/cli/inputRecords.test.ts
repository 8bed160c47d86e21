/**
 * Streaming input for CSV: lines and patients over the maximum record size are counted, not held.
 */
import { Readable } from "node:stream";
import { Writable } from "node:stream";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvRecords, lines } from "../../src/cli/inputRecords";
import { classifyCommand } from "../../src/cli/classifyCommand";
import type { ClassifyCommandOptions } from "../../src/cli/classifyCommand";

/** A stream that gives `text` in pieces of `size` characters. */
const pieces = (text: string, size: number): Readable => Readable.from(Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)));

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

const HEADER = "patient_id,record_type,date,drug,rxnorm,days_supply,end_date,strength_mg,quantity,mg_per_day,scale,total,condition,record_id";
const score = (id: string, day: number): string => `${id},score,2023-01-${String(day).padStart(2, "0")},,,,,,,,PHQ-9,21,,`;

describe("lines", () => {
  it("cuts a line over the maximum to its first characters, with its whole size in bytes, whatever the pieces", async () => {
    const long = `p1,${"é".repeat(3000)}`;
    for (const size of [7, 100, 10_000]) {
      const got = await all(lines(pieces(`a,1\r\n${long}\nb,2\n\n${long}`, size), 1000));
      expect(got.map((l) => [l.line, l.bytes])).toStrictEqual([
        [1, 3],
        [2, Buffer.byteLength(long)],
        [3, 3],
        [5, Buffer.byteLength(long)],
      ]);
      expect(got[0]?.text).toBe("a,1");
      for (const l of [got[1], got[3]]) {
        // Read in small pieces it is cut as it goes by; arrived whole within one piece it was never held longer than that piece.
        if (l?.cut === true) expect(long.startsWith(l.text) && l.text.length > 1000 && l.text.length <= 4096).toBe(true);
        else expect(l?.text).toBe(long);
      }
      if (size < 1000) expect([got[1]?.cut, got[3]?.cut]).toStrictEqual([true, true]);
    }
  });
});

describe("csvRecords", () => {
  it("yields a patient over the maximum as its first line, rows and size, and keeps the next patients whole", async () => {
    const big = Array.from({ length: 50 }, (_, i) => score("p2", (i % 28) + 1));
    const text = `${HEADER}\n${score("p1", 1)}\n${big.join("\n")}\n${score("p3", 2)}\n`;
    const got = await all(csvRecords(pieces(text, 64), 1000));
    const bytes = big.reduce((n, row) => n + Buffer.byteLength(row), 0) + big.length - 1;
    expect(bytes).toBeGreaterThan(1000);
    expect(got).toStrictEqual([
      { line: 2, text: `${HEADER}\n${score("p1", 1)}` },
      { line: 3, rows: 50, tooLarge: bytes },
      { line: 53, text: `${HEADER}\n${score("p3", 2)}` },
    ]);
  });
});

describe("classify, long-format CSV", () => {
  it("gives a patient over the maximum record size a record_too_large error record on its first line, and classifies the others", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "trd-csv-large-"));
    const file = join(dir, "fills.csv");
    const big = Array.from({ length: 200 }, (_, i) => score("p2", (i % 28) + 1));
    writeFileSync(file, `${HEADER}\n${score("p1", 1)}\n${big.join("\n")}\n${score("p3", 2)}\n`);
    const parts: string[] = [];
    const out = new Writable({ write: (chunk: Buffer, _e, done) => (parts.push(chunk.toString("utf8")), done()) });
    const options: ClassifyCommandOptions = { asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "csv", outputFormat: "ndjson", full: false, workers: 1, failFast: false, progress: false, maxRecordBytes: 4000, chunkBytes: 2000 };
    const summary = await classifyCommand(file, out, new Writable({ write: (_c, _e, done) => done() }), options);
    const results = parts.join("").trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; id?: string; error?: string; message?: string });
    expect(results.map((r) => [r.line, r.error ?? r.id])).toStrictEqual([
      [2, "p1"],
      [3, "record_too_large"],
      [203, "p3"],
    ]);
    expect(results[1]?.message).toContain("over the maximum record size of 4,000 bytes");
    expect(summary.tooLarge).toBe(1);
    expect(summary.throughLine).toBe(203);
  });
});
