/**
 * `npm run bench:import` (also the first part of `npm run bench`, which imports this file): how long a cold import of the
 * built package takes, each time in a fresh Node.js process, so nothing is cached in memory
 * (the operating system's file cache is warm after the first run, as it is for a user's second
 * start). Timed inside the process, from just before `import()` to just after, so Node.js's own
 * start-up is not counted. BENCH_IMPORT_RUNS runs each (default 11); the median counts. The CPU
 * time of the import (user + system, `process.cpuUsage`) is printed beside the wall time: on a
 * shared, busy machine the wall time also counts the time spent waiting for a core.
 *
 * Measures dist/ (run `npm run build` first; `npm run bench:import` does). Target: the core
 * (`import("trd-classifier")`) in at most 100 ms.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TARGET_MS = 100;
const runs = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 11));
const dist = (file: string): string => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
if (!existsSync(dist("index.js"))) throw new Error("run `npm run build` first (npm run bench:import does)");

/** One fresh process: the wall and CPU milliseconds of importing (or requiring) `file`. */
function once(kind: "import" | "require", file: string): { wall: number; cpu: number } {
  const load = kind === "import" ? `await import(${JSON.stringify(new URL(`file://${dist(file)}`).href)})` : `require(${JSON.stringify(dist(file))})`;
  const script = `const c0 = process.cpuUsage(); const t0 = performance.now(); ${load}; const t1 = performance.now(); const c = process.cpuUsage(c0); console.log(t1 - t0, (c.user + c.system) / 1000);`;
  const args = kind === "import" ? ["--input-type=module", "-e", script] : ["-e", script];
  const [wall, cpu] = execFileSync(process.execPath, args, { encoding: "utf8" }).trim().split(" ").map(Number);
  return { wall: wall ?? NaN, cpu: cpu ?? NaN };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

console.log(`Cold import of the built package, each in a fresh node process (node ${process.version}), ${runs} runs: median wall time (min-max), median CPU time:`);
const cases = [
  { label: 'import("trd-classifier")', kind: "import", file: "index.js" },
  { label: 'import("trd-classifier/fhir")', kind: "import", file: "fhir/index.js" },
  { label: 'require("trd-classifier")', kind: "require", file: "index.cjs" },
  { label: 'require("trd-classifier/fhir")', kind: "require", file: "fhir/index.cjs" },
] as const;
const results = new Map<string, number>();
for (const c of cases) {
  once(c.kind, c.file); // warms the operating system's file cache
  const samples = Array.from({ length: runs }, () => once(c.kind, c.file));
  const times = samples.map((x) => x.wall);
  const m = median(times);
  results.set(c.label, m);
  console.log(`  ${c.label.padEnd(32)} ${m.toFixed(0).padStart(5)} ms   (${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)} ms)   CPU ${median(samples.map((x) => x.cpu)).toFixed(0).padStart(4)} ms`);
}
/** The median cold `import("trd-classifier")`, in milliseconds. */
export const coldImportMs = results.get('import("trd-classifier")') ?? NaN;
/** The target for {@link coldImportMs}. */
export const COLD_IMPORT_TARGET_MS = TARGET_MS;
console.log(`  ${coldImportMs <= TARGET_MS ? "MET    " : "NOT MET"} cold import of the core at most ${TARGET_MS} ms (${coldImportMs.toFixed(0)} ms)\n`);
