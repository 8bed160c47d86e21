/**
 * `npm run bench:udf`: the warehouse UDF's speed in a bare V8 context on this machine, measured
 * here and never in a unit test. What a warehouse does per patient: JSON text in, the
 * assessment as JSON text out.
 *
 * 1. Loading the bundle into a fresh context (compile + run): what an engine pays once per
 *    JavaScript environment, or per row in Snowflake unless the UDF guards it (docs/warehouse.md).
 * 2. Patients per second, one thread: `trdClassify(history, options)` inside the bare context,
 *    against the same work in-process with the built package (JSON.parse, parseTreatmentHistory,
 *    classifyTrd, JSON.stringify), batch by batch, interleaved, fastest of BENCH_ROUNDS per batch.
 * 3. The heap the loaded bundle holds.
 *
 * BENCH_UDF_PATIENTS (default 100,000) synthetic patients, seed 1, 1% bad records, as-of 2024-06-30.
 */
import { existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import type * as Package from "../../src/index";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { bareContext, buildUdfBundle, loadUdf } from "../helpers/udfBundle";

// The built package by its file URL (see test/bench/run.ts for why not by name under tsx).
const distIndex = new URL("../../dist/index.js", import.meta.url);
if (!existsSync(distIndex)) throw new Error("run `npm run build` first (npm run bench:udf does)");
const { classifyTrd, parseTreatmentHistory } = (await import(distIndex.href)) as typeof Package;

const patients = Number(process.env.BENCH_UDF_PATIENTS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 5_000;
const OPTIONS = JSON.stringify({ asOf: "2024-06-30" });
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
const gc = (globalThis as { gc?: () => void }).gc;

console.log(`node ${process.version}; ${cpus()[0]?.model ?? "unknown CPU"}; ${availableParallelism()} cores\n`);

const bundle = await buildUdfBundle();
console.log(`Bundle: ${fmt(Buffer.byteLength(bundle))} bytes (built with the udf block of tsup.config.ts)`);

// 1. Loading, five fresh contexts.
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = bareContext();
  const t0 = process.hrtime.bigint();
  loadUdf(bundle, context);
  loads.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(`Load into a fresh context (compile + run): ${loads.map((ms) => ms.toFixed(1)).join(", ")} ms\n`);

// 3 (first, before the work): the heap of a loaded bundle.
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const context = bareContext();
const udf = loadUdf(bundle, context);
udf("{}", OPTIONS); // touches the schema and rule tables once
gc?.();
const heapLoaded = process.memoryUsage().heapUsed - heapBefore;

// 2. Throughput.
const lines = Array.from({ length: patients }, (_, i) => syntheticPatientLine(i, { seed: 1, badRate: 0.01 }));
const inProcess = (line: string): string => {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ status: "invalid", error: "invalid_json" });
  }
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) return JSON.stringify({ status: "invalid", error: "invalid_history", issues: parsed.issues });
  return JSON.stringify(classifyTrd(parsed.data, { asOf: "2024-06-30" }));
};
const stages = [
  { label: "UDF in the bare context", run: (line: string): unknown => udf(line, OPTIONS) },
  { label: "in-process (dist)", run: inProcess },
] as const;
const best = stages.map(() => 0);
let outBytes = 0;
for (let start = 0; start < lines.length; start += BATCH) {
  const batch = lines.slice(start, start + BATCH);
  const fastest = stages.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < stages.length; k++) {
      const s = (k + r + start / BATCH) % stages.length; // rotating order
      const stage = stages[s];
      if (stage === undefined) continue;
      const t0 = process.hrtime.bigint();
      for (const line of batch) {
        const out = stage.run(line);
        if (s === 0 && r === 0) outBytes += (out as string).length;
      }
      fastest[s] = Math.min(fastest[s] ?? Infinity, Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  fastest.forEach((t, s) => (best[s] = (best[s] ?? 0) + t));
}
console.log(`${fmt(patients)} synthetic patients (seed 1, 1% bad records), as-of 2024-06-30, one thread, fastest of ${rounds} per batch of ${fmt(BATCH)}:`);
stages.forEach((s, k) => console.log(`  ${s.label.padEnd(26)} ${fmt(patients / (best[k] ?? Infinity)).padStart(9)} patients/s`));
console.log(`  ratio (in-process / UDF)   ${((best[0] ?? 0) / (best[1] ?? 1)).toFixed(2)}x`);
console.log(`  output: ${(outBytes / patients).toFixed(0)} characters of JSON per patient on average\n`);
console.log(`Heap held by one loaded bundle: ${gc === undefined ? "(run with node --expose-gc to measure)" : `${(heapLoaded / 1e6).toFixed(1)} MB`}`);
