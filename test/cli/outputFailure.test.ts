/**
 * When the output breaks (EPIPE: the reader went away), the summary counts the records whose
 * output the system took, and no more: not those of the write that failed, nor of writes queued
 * behind it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { classifyCommand } from "../../src/cli/classifyCommand";
import type { ClassifyCommandOptions } from "../../src/cli/classifyCommand";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const dir = mkdtempSync(join(tmpdir(), "trd-output-failure-"));

/** An output that takes `accepted` writes, then fails every later one with EPIPE, as a closed pipe does. */
function breakingOutput(accepted: number): { stream: Writable; text: () => string } {
  const parts: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (parts.length >= accepted) return done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      parts.push(chunk.toString("utf8"));
      done();
    },
  });
  return { stream, text: () => parts.join("") };
}

const quiet = (): Writable => new Writable({ write: (_c, _e, done) => done() });

describe("a broken output", () => {
  // In this thread (workers are threads of the built CLI; robustness.test.ts runs it through a real pipe).
  for (const workers of [1]) {
    it(`counts only the records whose output was taken (--workers ${workers})`, { timeout: 120_000 }, async () => {
      const file = join(dir, `cohort-${workers}.ndjson`);
      writeFileSync(file, `${Array.from({ length: 400 }, (_, i) => syntheticPatientLine(i, { seed: 8, badRate: 0.05 })).join("\n")}\n`);
      for (const accepted of [0, 1, 3]) {
        const out = breakingOutput(accepted);
        const controller = new AbortController();
        // As main.ts does: an output error stops the run.
        out.stream.on("error", () => controller.abort("output"));
        const options: ClassifyCommandOptions = { asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat: "ndjson", full: false, workers, failFast: false, progress: false, chunkBytes: 8 * 1024, signal: controller.signal };
        const summary = await classifyCommand(file, out.stream, quiet(), options);
        const taken = out.text() === "" ? [] : out.text().trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; status?: string });
        expect(summary.records).toBe(taken.length);
        expect(summary.throughLine).toBe(taken.at(-1)?.line ?? 0);
        expect(Object.values(summary.byStatus).reduce((a, b) => a + b, 0)).toBe(taken.length);
        expect(summary.invalid).toBe(taken.filter((r) => r.status === undefined).length);
        expect(taken.length).toBeLessThan(400);
      }
    });
  }
});
