/**
 * A worker that dies is replaced, and only its unfinished chunks are classified again: the
 * command run in a child process (classifyDriver.ts, through tsx as cli.test.ts runs the CLI) with its heap caps lowered (ClassifyCommandOptions.workerHeapMb and
 * longRecordHeapMb, documented options of the command) so that a genuinely large record exceeds a
 * worker's heap. The cohort report's data flows through those paths too: the same report as with
 * one worker, and a `worker_failed` record counted as invalid.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { ClassifyCommandOptions, ClassifySummary } from "../../src/cli/classifyCommand";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { manyTrialsLine } from "./largeRecords";

const dir = mkdtempSync(join(tmpdir(), "trd-worker-failure-"));

const run = promisify(execFile);
const DRIVER = fileURLToPath(new URL("./classifyDriver.ts", import.meta.url));

let reports = 0;

/** Runs the command in a child process; its output, summary and cohort report. */
async function classify(file: string, options: Partial<ClassifyCommandOptions>): Promise<{ output: string; summary: ClassifySummary; report: string }> {
  const report = join(dir, `report-${(reports += 1)}.html`);
  const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", DRIVER, file, JSON.stringify(options), report], { maxBuffer: 1 << 30 });
  return { output: stdout, summary: JSON.parse(stderr.trimEnd().split("\n").at(-1) ?? "") as ClassifySummary, report: readFileSync(report, "utf8") };
}

// 2,000 ordinary records (about 2 MB), a valid 30,000-trial history (about 3.6 MB, far more
// than 32 MB of heap to parse and classify), 2,000 more.
const file = join(dir, "input.ndjson");
const ordinary = (from: number) => Array.from({ length: 2000 }, (_, i) => syntheticPatientLine(from + i, { seed: 8, badRate: 0.01 }));
writeFileSync(file, `${[...ordinary(0), manyTrialsLine("large", 30_000), ...ordinary(2000)].join("\n")}\n`);

describe("worker failure", () => {
  it("replaces a pool worker that runs out of heap and classifies only its chunk again, in the main thread", async () => {
    const reference = await classify(file, { workers: 1, chunkBytes: 1 << 20 });
    // Chunks of 4 MiB: the large record is classified by a pool worker capped at 32 MB, which dies.
    const { output, summary, report } = await classify(file, { workers: 2, chunkBytes: 4 << 20, workerHeapMb: 32 });
    expect(output).toBe(reference.output);
    expect(report).toBe(reference.report);
    expect(output.trimEnd().split("\n")).toHaveLength(4001);
    expect(summary.workerFailures).toBeGreaterThanOrEqual(1);
    expect(summary.retriedChunks).toBeGreaterThanOrEqual(1);
    // Only the dead worker's chunks were retried: at most the chunks it held (the input is 3
    // chunks of 4 MiB or less). One failure while classifying; the large record is also in the
    // report's sample, whose evaluation after the run can exhaust a 32 MB worker once more (the
    // main thread then does it: the report is the same).
    expect(summary.workerFailures).toBeGreaterThanOrEqual(1);
    expect(summary.workerFailures).toBeLessThanOrEqual(2);
    expect(summary.retriedChunks).toBeLessThanOrEqual(2);
    expect(summary.longRecords).toBe(0);
  }, 300_000);

  it("reports a long record whose worker ran out of heap as worker_failed, and keeps every other record", async () => {
    const reference = await classify(file, { workers: 1 });
    const { output, summary, report } = await classify(file, { workers: 2, longRecordHeapMb: 32 });
    const lines = output.trimEnd().split("\n");
    expect(lines).toHaveLength(4001);
    expect(JSON.parse(lines[2000] ?? "")).toMatchObject({ line: 2001, error: "worker_failed", issues: [] });
    const expected = reference.output.trimEnd().split("\n");
    expect(lines.filter((_, i) => i !== 2000)).toStrictEqual(expected.filter((_, i) => i !== 2000));
    expect(summary).toMatchObject({ longRecords: 1, workerFailures: 1, retriedChunks: 0 });
    // The report counts it as invalid, under its code, and lists it by line.
    expect(report).toMatch(/<tr data-code="worker_failed"><td><code>worker_failed<\/code><\/td><td class="n">1<\/td>/);
    expect(report).toContain('<tr data-line="2001">');
  }, 300_000);
});
