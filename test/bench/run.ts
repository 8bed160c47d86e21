/**
 * `npm run bench`: speed and memory, measured here and never in a unit test.
 *
 * 0. Cold import time of the built package in fresh processes (./importTime.ts, also run alone by
 *    `npm run bench:import`).
 * 1. One generated cohort (default 1,000,000 patients, BENCH_PATIENTS to change; at least
 *    200,000): JSON.parse alone (the floor), parse + validate, parse + validate + classify (compute
 *    only, timed per batch and interleaved, so the file never sits in memory and machine noise
 *    falls on all three alike).
 * 2. Classifications per second for a typical five-trial history (in-process).
 * 3. The CLI end to end on the cohort with 1 worker and with all cores (patients per second and
 *    peak RSS from its summary).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { benchReportCost } from "./reportCost"; // issue 16: the cost of classify --report
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type * as Package from "../../src/index";
import { COLD_IMPORT_TARGET_MS, coldImportMs } from "./importTime";
import { typicalHistory } from "./typicalHistory";

// The built package (dist), as users and the CLI run it; `npm run bench` builds it first. It is
// loaded by its file URL on purpose: this script runs under tsx, which follows tsconfig's `paths`
// and would resolve the name "trd-classifier" to the TypeScript sources, compiled module by module
// on the fly (validate + classify measured about 10% slower that way than on the bundle).
const distIndex = new URL("../../dist/index.js", import.meta.url);
if (!existsSync(distIndex)) throw new Error("run `npm run build` first (npm run bench does)");
const { classifyTrd, parseTreatmentHistory } = (await import(distIndex.href)) as typeof Package;

const AS_OF = "2024-06-30";
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

function measure(label: string, n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(2000, n); i++) fn(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const perSecond = n / (Number(process.hrtime.bigint() - t0) / 1e9);
  console.log(`  ${label.padEnd(36)} ${fmt(perSecond).padStart(10)} /s`);
  return perSecond;
}

console.log(`node ${process.version}; ${cpus()[0]?.model ?? "unknown CPU"}; ${availableParallelism()} cores; ${Math.round(totalmem() / 2 ** 30)} GiB\n`);

// 1. A generated cohort.
const patients = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
if (patients < 200_000) throw new Error("BENCH_PATIENTS must be at least 200,000");
const cli = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
if (!existsSync(cli)) throw new Error("run `npm run build` first (npm run bench does)");
mkdirSync(fileURLToPath(new URL("../../.tmp/", import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`../../.tmp/bench-cohort-${patients}.ndjson`, import.meta.url));
console.log(`Cohort: ${fmt(patients)} synthetic patients (seed 1, 1% bad records): node dist/cli/main.js generate --patients ${patients} --seed 1 --bad-rate 0.01`);
execFileSync("sh", ["-c", `node "${cli}" generate --patients ${patients} --seed 1 --bad-rate 0.01 > "${file}"`]);
console.log(`  ${(statSync(file).size / 1e6).toFixed(0)} MB of NDJSON\n`);

/** The cohort's non-blank lines, BENCH_BATCH (10,000) at a time, read as a stream. */
async function* batches(size: number): AsyncGenerator<string[]> {
  let carry = "";
  let batch: string[] = [];
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const lines = (carry + (chunk as string)).split("\n");
    carry = lines.pop() ?? "";
    for (const line of lines) if (line !== "") batch.push(line);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (carry !== "") batch.push(carry);
  if (batch.length > 0) yield batch;
}
const parseOrNull = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
};
const stages: readonly ((line: string) => void)[] = [
  (line) => parseOrNull(line),
  (line) => parseTreatmentHistory(parseOrNull(line)),
  (line) => {
    const r = parseTreatmentHistory(parseOrNull(line));
    if (r.success) classifyTrd(r.data, { asOf: AS_OF });
  },
];
function timeBatch(work: (line: string) => void, batch: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  for (const line of batch) work(line);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
// The three stages are interleaved batch by batch, so that a slow spell of a shared machine falls
// on all three alike rather than on whichever stage happened to be running. Each batch goes
// through each stage BENCH_STAGE_ROUNDS times (default 2, in rotating order) and the fastest
// time of each stage on that batch counts: the one least disturbed by the rest of the machine.
const rounds = Math.max(1, Number(process.env.BENCH_STAGE_ROUNDS ?? 2));
const batchSize = Math.max(1000, Number(process.env.BENCH_BATCH ?? 10_000));
console.log(`In-process stages (one thread, compute only; interleaved by batches of ${fmt(batchSize)}, fastest of ${rounds} per batch and stage):`);
const totals = [0, 0, 0];
let b = 0;
for await (const batch of batches(batchSize)) {
  const best = [Infinity, Infinity, Infinity];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < stages.length; k++) {
      const s = (k + r + b) % stages.length;
      best[s] = Math.min(best[s] ?? Infinity, timeBatch(stages[s] as (line: string) => void, batch));
    }
  }
  best.forEach((t, s) => (totals[s] = (totals[s] ?? 0) + t));
  b += 1;
}
const [tFloor = 0, tValidate = 0, tClassify = 0] = totals;
const row = (label: string, seconds: number): void =>
  console.log(`  ${label.padEnd(36)} ${fmt(patients / seconds).padStart(10)} /s   ${(seconds / tFloor).toFixed(2)}x the floor's time`);
row("JSON.parse (the floor)", tFloor);
row("parse + validate", tValidate);
row("parse + validate + classify", tClassify);
console.log(`  validate + classify alone: ${((tClassify - tFloor) / tFloor).toFixed(2)}x the floor's time\n`);

// 2. A typical five-trial history, after the cohort on purpose: V8 specialises code for the
// object shapes it meets first, and this history's shapes differ from the cohort's. Measured
// first, it slowed validate + classify on the cohort by about a quarter (3.1x the floor instead
// of 2.5x, 200,000 patients), which a cohort run on its own never pays.
const inputs = Array.from({ length: 500 }, (_, i) => typicalHistory(i));
const parsed = inputs.map((x) => {
  const r = parseTreatmentHistory(x);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
});
console.log("Typical five-trial history (in-process, one thread):");
measure("parseTreatmentHistory (validate)", 20_000, (i) => parseTreatmentHistory(inputs[i % inputs.length]));
const perHistory = measure("classifyTrd (classify)", 20_000, (i) => classifyTrd(parsed[i % parsed.length]!, { asOf: "2022-12-31" }));
console.log(`  classifications per second: ${fmt(perHistory)}\n`);


function cliRun(workers: number): { perSecond: number; rssMb: number } {
  const r = spawnSync("sh", ["-c", `node "${cli}" classify "${file}" --as-of ${AS_OF} --workers ${workers} --no-progress > /dev/null`], { encoding: "utf8" });
  const summary = r.stderr.trim().split("\n").at(-1) ?? "";
  const m = /\(([\d,]+)\/s, .*peak RSS (\d+) MB\)/.exec(summary);
  if (m === null) throw new Error(`no summary: ${r.stderr}`);
  return { perSecond: Number(m[1]?.replace(/,/g, "")), rssMb: Number(m[2]) };
}
// Shared machines are noisy: the two configurations run in pairs, back to back (which goes first
// alternates), BENCH_CLI_RUNS pairs (default 5). The speed-up is the median of the pairs' ratios,
// so that a slow spell of the machine, which falls on both runs of a pair, cancels out.
const runs = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? 5));
console.log(`CLI end to end (node dist/cli/main.js classify <cohort> --as-of 2024-06-30 --workers N > /dev/null), ${runs} pair(s) of runs, median:`);
const ones: { perSecond: number; rssMb: number }[] = [];
const alls: { perSecond: number; rssMb: number }[] = [];
for (let r = 0; r < runs; r++) {
  if (r % 2 === 0) {
    ones.push(cliRun(1));
    alls.push(cliRun(availableParallelism()));
  } else {
    alls.push(cliRun(availableParallelism()));
    ones.push(cliRun(1));
  }
}
const median = (xs: { perSecond: number; rssMb: number }[]): { perSecond: number; rssMb: number } => {
  const sorted = [...xs].sort((a, b) => a.perSecond - b.perSecond);
  return { perSecond: sorted[Math.floor(sorted.length / 2)]?.perSecond ?? 0, rssMb: Math.max(...xs.map((x) => x.rssMb)) };
};
const one = median(ones);
const all = median(alls);
const pairRatios = alls.map((a, i) => a.perSecond / (ones[i]?.perSecond ?? Infinity)).sort((x, y) => x - y);
const speedUp = pairRatios[Math.floor(pairRatios.length / 2)] ?? 0;
const each = (xs: { perSecond: number }[]): string => xs.map((x) => fmt(x.perSecond)).join(", ");
console.log(`  --workers 1                          ${fmt(one.perSecond).padStart(10)} /s   peak RSS ${one.rssMb} MB   (runs: ${each(ones)})`);
console.log(`  --workers ${String(availableParallelism()).padEnd(27)}${fmt(all.perSecond).padStart(10)} /s   peak RSS ${all.rssMb} MB   (runs: ${each(alls)})`);
console.log(`  speed-up, median of the pairs: ${speedUp.toFixed(2)}x one worker   (pairs: ${alls.map((a, i) => (a.perSecond / (ones[i]?.perSecond ?? Infinity)).toFixed(2)).join(", ")})\n`);

const check = (ok: boolean, text: string): void => console.log(`  ${ok ? "MET    " : "NOT MET"} ${text}`);
console.log("Targets:");
check((tClassify - tFloor) / tFloor <= 3, `validate + classify within 3x the JSON.parse floor (${((tClassify - tFloor) / tFloor).toFixed(2)}x; with the parse itself ${(tClassify / tFloor).toFixed(2)}x)`);
check(speedUp >= 1.7, `CLI with all cores at least 1.7x one worker (${speedUp.toFixed(2)}x on ${availableParallelism()} cores)`);
check(coldImportMs <= COLD_IMPORT_TARGET_MS, `cold import("trd-classifier") at most ${COLD_IMPORT_TARGET_MS} ms (median ${coldImportMs.toFixed(0)} ms)`);
check(patients < 1_000_000 || Math.max(one.rssMb, all.rssMb) < 300, `peak RSS under 300 MB for 1,000,000 patients (${Math.max(one.rssMb, all.rssMb)} MB${patients < 1_000_000 ? `, measured on ${fmt(patients)}` : ""})`);

// --- issue 16: the cost of classify --report (see reportCost.ts); a block of its own ---
console.log("");
benchReportCost(cli, check);
// --- end issue 16 ---
