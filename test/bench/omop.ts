/**
 * `npm run bench:omop`: the OMOP path end to end, measured here and never in a unit test. For
 * each size (50,000 and 200,000 generated patients; BENCH_OMOP_PATIENTS=N for one size), the same
 * patients classified by the built CLI from NDJSON, from DuckDB (`--omop duckdb:`) and, when
 * BENCH_POSTGRES_URL or TRD_TEST_POSTGRES_URL names a server, from PostgreSQL (loaded with psql
 * \copy first; loading is not timed). Reports persons per second (wall clock, process start to
 * exit), the CPU time of all the process's threads per person (from its summary line: steadier
 * than wall time on a machine others share; PostgreSQL's own CPU is not counted), split on Linux
 * into the classification workers' threads and the rest (the main thread, the database's threads,
 * V8's garbage collection helpers), and the process's peak RSS (workers are threads, so it counts them). "DuckDB, unordered" is the same CDM
 * with each table's rows stored in a scrambled order, as in most real CDMs (the generator writes
 * them in person order); PostgreSQL's tables are scrambled the same way.
 * Targets (issue 14): DuckDB at least half the NDJSON rate; peak RSS under 500 MB and flat.
 * BENCH_OMOP_REPEAT=N runs each source N times, alternating, and reports the median.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PERSON_TABLES, scrambledCopy } from "../omop/scrambledCdm";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "dist/cli/main.js");
if (!existsSync(cli)) throw new Error("run `npm run build` first (npm run bench:omop does)");
const sizes = process.env["BENCH_OMOP_PATIENTS"] === undefined ? [50_000, 200_000] : [Number(process.env["BENCH_OMOP_PATIENTS"])];
const pgUrl = process.env["BENCH_POSTGRES_URL"] ?? process.env["TRD_TEST_POSTGRES_URL"];
const AS_OF = "2027-01-01";
const workers = String(availableParallelism());
const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
  readonly cpuSeconds: number;
  /** CPU of the classification workers (the `workers` busiest threads after the main one), from /proc; NaN elsewhere. */
  readonly workerCpuSeconds: number;
  readonly stderr: string;
}

/** CPU seconds (user + system) of each thread of a running process, from /proc (Linux); empty elsewhere. */
function threadCpu(pid: number): Map<number, number> {
  const byThread = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
        byThread.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // No /proc, or the process ended.
  }
  return byThread;
}

/** Runs the CLI; returns wall seconds, the peak RSS and CPU its summary line reports, and the workers' CPU. */
async function run(args: readonly string[], stdout: "ignore" | string = "ignore"): Promise<Run> {
  const t0 = process.hrtime.bigint();
  const fd = stdout === "ignore" ? "ignore" : openSync(stdout, "w");
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", fd, "pipe"] });
  if (typeof fd === "number") closeSync(fd);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  // Each thread's CPU as last seen while it ran (a thread's figures go when it ends).
  const seen = new Map<number, number>();
  const sample = setInterval(() => {
    for (const [tid, cpu] of threadCpu(child.pid ?? -1)) seen.set(tid, cpu);
  }, 100);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sample);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (status !== 0) throw new Error(`trd-classifier ${args.join(" ")} failed: ${stderr}`);
  const rss = /peak RSS (\d+) MB/.exec(stderr);
  const cpu = /CPU ([\d.]+) s/.exec(stderr);
  const others = [...seen].filter(([tid]) => tid !== child.pid).map(([, c]) => c);
  const workerCpuSeconds = others.length < Number(workers) ? Number.NaN : others.sort((a, b) => b - a).slice(0, Number(workers)).reduce((a, b) => a + b, 0);
  return { seconds, rssMb: rss === null ? Number.NaN : Number(rss[1]), cpuSeconds: cpu === null ? Number.NaN : Number(cpu[1]), workerCpuSeconds, stderr };
}

const repeat = Math.max(1, Number(process.env["BENCH_OMOP_REPEAT"] ?? 1));

/** The run of median wall time. */
function median<T extends { seconds: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)] as T;
}

console.log(`node ${process.version}; ${cpus()[0]?.model ?? "unknown CPU"}; ${availableParallelism()} cores; workers ${workers}\n`);
const rows: string[] = [
  "| patients | source | persons/s | vs NDJSON | CPU µs/person | NDJSON CPU / this CPU | workers' CPU µs/person | the rest's CPU µs/person | peak RSS (MB) |",
  "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "trd-bench-omop-"));
  try {
    const ndjson = join(dir, "cohort.ndjson");
    await run(["generate", "--patients", String(n), "--seed", "1"], ndjson);
    await run(["generate", "--format", "omop", "--patients", String(n), "--seed", "1", "--out", dir]);
    const common = ["--as-of", AS_OF, "--workers", workers, "--no-progress"];
    // Alternating runs, the median of each (by wall time; CPU and RSS from the same run).
    const ndjsonRuns: Run[] = [];
    const duckRuns: Run[] = [];
    const scrambledRuns: Run[] = [];
    await scrambledCopy(join(dir, "cdm.duckdb"), join(dir, "scrambled.duckdb"));
    for (let i = 0; i < repeat; i++) {
      ndjsonRuns.push(await run(["classify", ndjson, ...common]));
      duckRuns.push(await run(["classify", "--omop", `duckdb:${join(dir, "cdm.duckdb")}`, ...common]));
      scrambledRuns.push(await run(["classify", "--omop", `duckdb:${join(dir, "scrambled.duckdb")}`, ...common]));
    }
    const fromNdjson = median(ndjsonRuns);
    const fromDuck = median(duckRuns);
    const base = n / fromNdjson.seconds;
    const perPerson = (seconds: number): string => (Number.isNaN(seconds) ? "n/a" : fmt((seconds / n) * 1e6));
    const line = (source: string, r: Run): string =>
      `| ${fmt(n)} | ${source} | ${fmt(n / r.seconds)} | ${(n / r.seconds / base).toFixed(2)} | ${perPerson(r.cpuSeconds)} | ${(fromNdjson.cpuSeconds / r.cpuSeconds).toFixed(2)} | ${perPerson(r.workerCpuSeconds)} | ${perPerson(r.cpuSeconds - r.workerCpuSeconds)} | ${r.rssMb} |`;
    rows.push(line("NDJSON", fromNdjson), line("DuckDB", fromDuck), line("DuckDB, unordered", median(scrambledRuns)));
    console.log(rows.slice(-3).join("\n"));
    if (pgUrl !== undefined) {
      const schema = `bench_cdm_${n}`;
      const ddl = spawnSync(process.execPath, ["--import", "tsx", "-e", `import { cdmDdl, cdmIndexDdl } from ${JSON.stringify(join(root, "src/cli/omopCdm.ts"))}; console.log(JSON.stringify([cdmDdl(${JSON.stringify(schema)}), cdmIndexDdl(${JSON.stringify(schema)})].map((s) => s.join(";\\n") + ";")))`], { encoding: "utf8", cwd: root });
      const [tables, indexes] = JSON.parse(ddl.stdout) as [string, string];
      const psql = (sql: string): void => {
        const r = spawnSync("psql", [pgUrl, "-v", "ON_ERROR_STOP=1", "-q"], { input: sql, encoding: "utf8" });
        if (r.status !== 0) throw new Error(r.stderr);
      };
      psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};\n${tables}`);
      for (const table of ["person", "observation_period", "drug_exposure", "condition_occurrence", "measurement", "observation", "procedure_occurrence", "concept", "concept_ancestor", "drug_strength"]) psql(`\\copy ${schema}.${table} FROM '${join(dir, `${table}.csv`)}' CSV HEADER\n`);
      // Rows in no person order, and the indexes a real CDM has (the OHDSI index DDL); loading and indexing are not timed.
      for (const table of PERSON_TABLES) psql(`CREATE TABLE ${schema}.scrambled AS SELECT * FROM ${schema}.${table} ORDER BY md5(CAST(person_id AS TEXT) || CAST(ctid AS TEXT)); DROP TABLE ${schema}.${table}; ALTER TABLE ${schema}.scrambled RENAME TO ${table};`);
      psql(`${indexes}\nANALYZE;`);
      const fromPg = await run(["classify", "--omop", pgUrl, "--cdm-schema", schema, ...common]);
      rows.push(line("PostgreSQL, unordered", fromPg));
      console.log(rows.at(-1));
      psql(`DROP SCHEMA ${schema} CASCADE;`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\n${rows.join("\n")}`);
