/**
 * The cost of `classify --report` (issue 16): the same CLI run on 200,000 generated patients with
 * and without `--report`, in pairs back to back (which goes first alternates), the median of the
 * pairs' ratios of CPU time (user + system, every thread: the target) and of wall time (shown; on a
 * shared machine it swings with other work); and the report's size. Targets: at most 10% more time, and a
 * report under 20 MB.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

const AS_OF = "2024-06-30";
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

/** Wall time, and CPU time (user + system, all threads) read from the shell's `times`. */
function timed(command: string): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync("sh", ["-c", `${command}; times`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`failed: ${command}\n${r.stderr}`);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const children = r.stdout.trim().split("\n").at(-1) ?? "";
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wall, cpu };
}

/** Runs the measurement and prints it; returns whether both targets were met. */
export function benchReportCost(cli: string, check: (ok: boolean, text: string) => void): boolean {
  const patients = Number(process.env.BENCH_REPORT_PATIENTS ?? 200_000);
  const runs = Math.max(1, Number(process.env.BENCH_REPORT_RUNS ?? 3));
  const file = fileURLToPath(new URL(`../../.tmp/bench-report-cohort-${patients}.ndjson`, import.meta.url));
  const report = fileURLToPath(new URL(`../../.tmp/bench-report-${patients}.html`, import.meta.url));
  execFileSync("sh", ["-c", `node "${cli}" generate --patients ${patients} --seed 1 --bad-rate 0.01 > "${file}"`]);
  const base = `node "${cli}" classify "${file}" --as-of ${AS_OF} --workers ${availableParallelism()} --no-progress`;
  console.log(`classify --report (${fmt(patients)} patients, ${base.replace(/"[^"]*"/g, "<file>")} > /dev/null [--report <file>]), ${runs} pair(s), CPU and wall time:`);
  const without: { wall: number; cpu: number }[] = [];
  const withReport: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const a = (): { wall: number; cpu: number } => timed(`${base} > /dev/null 2>&1`);
    const b = (): { wall: number; cpu: number } => timed(`${base} --report "${report}" > /dev/null 2>&1`);
    if (r % 2 === 0) {
      without.push(a());
      withReport.push(b());
    } else {
      withReport.push(b());
      without.push(a());
    }
  }
  // The median of the pairs' ratios, in CPU time (what --report adds, little affected by other
  // work on a shared machine) and in wall time (which is).
  const medianRatio = (key: "wall" | "cpu"): number => {
    const ratios = withReport.map((w, i) => w[key] / (without[i]?.[key] ?? Infinity)).sort((x, y) => x - y);
    return ratios[Math.floor(ratios.length / 2)] ?? Infinity;
  };
  const cpuRatio = medianRatio("cpu");
  const wallRatio = medianRatio("wall");
  const bytes = statSync(report).size;
  const list = (xs: { wall: number; cpu: number }[]): string => xs.map((x) => `${x.cpu.toFixed(2)} (${x.wall.toFixed(2)})`).join(", ");
  const pct = (ratio: number): string => `${((ratio - 1) * 100).toFixed(1)}%`;
  console.log(`  without --report   CPU (wall) s: ${list(without)}`);
  console.log(`  with --report      CPU (wall) s: ${list(withReport)}`);
  console.log(`  extra time, median of the pairs: CPU ${pct(cpuRatio)}, wall ${pct(wallRatio)}`);
  console.log(`  report size: ${fmt(bytes)} bytes (${(bytes / 1e6).toFixed(2)} MB)\n`);
  const ratio = cpuRatio;
  const timeOk = ratio <= 1.1;
  const sizeOk = bytes < 20e6;
  check(timeOk, `classify --report at most 10% more time than without it (CPU ${pct(cpuRatio)}, wall ${pct(wallRatio)} on ${fmt(patients)} patients)`);
  check(sizeOk, `report under 20 MB (${(bytes / 1e6).toFixed(2)} MB for ${fmt(patients)} patients)`);
  return timeOk && sizeOk;
}
