/**
 * NDJSON is cut into chunks at line ends whatever the read size: records longer than a chunk,
 * lines split across many reads, a byte-order mark and CRLF must not change one output byte.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { classifyCommand } from "../../src/cli/classifyCommand";
import type { ClassifyCommandOptions } from "../../src/cli/classifyCommand";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const dir = mkdtempSync(join(tmpdir(), "trd-chunks-"));

function sink(): { stream: Writable; text: () => string } {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(parts).toString("utf8") };
}

async function classify(file: string, chunkBytes: number): Promise<string> {
  const out = sink();
  const options: ClassifyCommandOptions = { asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat: "ndjson", full: false, workers: 1, failFast: false, progress: false, chunkBytes };
  await classifyCommand(file, out.stream, sink().stream, options);
  return out.text();
}

describe("NDJSON chunking", () => {
  it("gives the same output for chunks smaller than a record, of a few records, and the default size", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => syntheticPatientLine(i, { seed: 3, badRate: 0.05 }));
    const file = join(dir, "cohort.ndjson");
    // A byte-order mark, CRLF line ends, blank lines and no newline at the end.
    writeFileSync(file, `\uFEFF${lines.slice(0, 150).join("\r\n")}\r\n\r\n${lines.slice(150).join("\n")}`);
    const reference = await classify(file, 256 * 1024);
    expect(reference.trimEnd().split("\n")).toHaveLength(300);
    for (const chunkBytes of [64, 700, 4096, 50_000]) expect(await classify(file, chunkBytes)).toBe(reference);
  });
});
