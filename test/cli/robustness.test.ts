/**
 * The command line never loses a record, stops cleanly on a signal, and says what is wrong with
 * its arguments in one line: run as users run it, a child process on the TypeScript sources
 * (through tsx), as in cli.test.ts.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_MAIN, runCli } from "../helpers/cli";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { longIdLine, manyTrialsLine } from "./largeRecords";

const MAIN = CLI_MAIN;
const dir = mkdtempSync(join(tmpdir(), "trd-cli-robust-"));

const cli = runCli;

describe("a CLI that never loses a record", () => {
  it("gives one output line per input line for a 50 MB line and a 100,000-trial history among 1,400 records, with --workers 2", async () => {
    const lines = Array.from({ length: 1400 }, (_, i) => syntheticPatientLine(i, { seed: 15, badRate: 0.01 }));
    lines.splice(3, 0, longIdLine(50_000_000)); // line 4
    lines.splice(700, 0, manyTrialsLine("many-trials", 100_000)); // line 701
    const file = join(dir, "large.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);

    const { stdout, stderr, code } = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "2", "--no-progress"]);
    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number; id?: string; error?: string; message?: string; counts?: { trials: number } });
    expect(out).toHaveLength(1402);
    expect(out.map((o) => o.line)).toStrictEqual(lines.map((_, i) => i + 1));
    expect(out[3]).toMatchObject({ line: 4, error: "record_too_large" });
    expect(out[3]?.message).toContain("over the maximum record size of 16,777,216 bytes");
    expect(out[700]).toMatchObject({ line: 701, id: "many-trials", counts: { trials: 100_000 } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^trd-classifier: 1,402 records in .* 2 workers, .*1 record over the maximum record size not read \(record_too_large\)\. 1 long record classified one at a time\./m);
  }, 600_000);
});

/** Starts the CLI on a stdin this test controls; resolves once `records` output lines came out. */
function classifyFromStdin(records: number): { child: ReturnType<typeof spawn>; output: () => string; errors: () => string; exited: Promise<number | null>; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "classify", "-", "--as-of", "2024-06-30", "--workers", "2", "--no-progress"], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
    if (stdout.split("\n").length - 1 >= records) signalReady();
  });
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Records are written, and stdin is left open: the CLI is waiting for more when the signal comes.
  child.stdin?.write(`${Array.from({ length: records }, (_, i) => syntheticPatientLine(i, { seed: 4, badRate: 0 })).join("\n")}\n`);
  return { child, output: () => stdout, errors: () => stderr, exited, ready };
}

describe("signals", () => {
  for (const [signal, exitCode] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    it(`stops on ${signal} with stdin still open: whole lines, an INTERRUPTED summary and exit ${exitCode}`, async () => {
      const run = classifyFromStdin(25);
      await run.ready;
      run.child.kill(signal);
      expect(await run.exited).toBe(exitCode);
      const output = run.output();
      expect(output.endsWith("\n")).toBe(true);
      const lines = output.trimEnd().split("\n").map((l) => JSON.parse(l) as { line: number });
      expect(lines.map((l) => l.line)).toStrictEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(run.errors()).toMatch(new RegExp(`^trd-classifier: INTERRUPTED by ${signal}: 25 records written, input lines 1 to 25 done; the rest of the input was not classified;`, "m"));
    }, 120_000);
  }
});

describe("a reader that stops reading (`| head -1`)", () => {
  for (const workers of ["1", "2"]) {
    it(`stops with a STOPPED summary and exit 3, never a crash, with --workers ${workers} (five runs through a real pipe)`, async () => {
      const file = join(dir, "for-head.ndjson");
      writeFileSync(file, `${Array.from({ length: 20_000 }, (_, i) => syntheticPatientLine(i, { seed: 6, badRate: 0 })).join("\n")}\n`);
      const errors = join(dir, `head-${workers}.err`);
      // As users run it: the shell's pipe into head, which exits after the first line while the CLI has most records to write.
      const script = `"${process.execPath}" --import tsx "${MAIN}" classify "${file}" --as-of 2024-06-30 --workers ${workers} --no-progress 2> "${errors}" | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`;
      for (let run = 0; run < 5; run++) {
        const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
          const child = spawn("bash", ["-c", script], { stdio: ["ignore", "pipe", "inherit"] });
          let out = "";
          child.stdout?.on("data", (d: Buffer) => (out += d.toString("utf8")));
          child.on("exit", () => resolve({ stdout: out }));
        });
        const stderr = readFileSync(errors, "utf8");
        expect(stderr).not.toMatch(/\n\s+at |triggerUncaughtException|Unhandled/);
        expect(stdout.trim(), stderr).toBe("3");
        // Records whose output the pipe took whole: none when head went away during the first write.
        const summary = /^trd-classifier: STOPPED: the output could not be written \(EPIPE\): ([\d,]+) records? written, (?:input lines 1 to ([\d,]+)|no input line) done; the rest of the input was not classified;/m.exec(stderr);
        expect(summary, stderr).not.toBeNull();
        const [written, through] = [Number(summary?.[1]?.replace(/,/g, "")), Number(summary?.[2]?.replace(/,/g, "") ?? 0)];
        expect(written).toBeLessThan(20_000);
        expect(written).toBe(through);
      }
    }, 300_000);
  }

  it("stops generating with a STOPPED line and exit 3, never a crash", async () => {
    const errors = join(dir, "generate-head.err");
    const script = `"${process.execPath}" --import tsx "${MAIN}" generate --patients 200000 2> "${errors}" | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    for (let run = 0; run < 3; run++) {
      const status = await new Promise<string>((resolve) => {
        const child = spawn("bash", ["-c", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout?.on("data", (d: Buffer) => (out += d.toString("utf8")));
        child.on("exit", () => resolve(out.trim()));
      });
      const stderr = readFileSync(errors, "utf8");
      expect(stderr).toBe("trd-classifier: STOPPED: the output could not be written (EPIPE); generating stopped.\n");
      expect(status).toBe("3");
    }
  }, 300_000);
});

describe("usage errors: one line naming the option and the expected form, exit 2", () => {
  const cases: readonly (readonly [string[], string])[] = [
    [["classify", "x.ndjson", "--as-of", "2024-13-01"], "trd-classifier: --as-of 2024-13-01 is not a calendar date, expected --as-of YYYY-MM-DD"],
    [["classify", "x.ndjson", "--as-of"], "trd-classifier: --as-of needs a value, expected --as-of YYYY-MM-DD"],
    [["generate", "--patients", "-5"], "trd-classifier: --patients -5 is not a whole number of 0 or more, expected --patients N"],
    [["generate", "--patients=-5"], "trd-classifier: --patients -5 is not a whole number of 0 or more, expected --patients N"],
    [["generate"], "trd-classifier: generate needs --patients, expected --patients N"],
    [["generate", "--patients", "3", "--bad-rate", "2"], "trd-classifier: --bad-rate 2 is not a number from 0 to 1, expected --bad-rate R"],
    [["classify", "x.ndjson", "--frobnicate"], "trd-classifier: unknown option --frobnicate for classify, expected one of --as-of, --rule-set,"],
    [["classify", "x.ndjson", "-x"], "trd-classifier: unknown option -x for classify, expected one of --as-of,"],
    [["classify", "x.ndjson", "--rule-set", "nice"], "trd-classifier: --rule-set nice is not a rule set, expected --rule-set ID"],
    [["classify", "x.ndjson", "--format", "xml"], "trd-classifier: --format xml is not ndjson or csv, expected --format ndjson|csv"],
    [["classify", "x.ndjson", "--workers", "0"], "trd-classifier: --workers 0 is not a whole number of 1 or more, expected --workers N"],
    [["classify", "x.ndjson", "--full=yes"], "trd-classifier: --full takes no value, expected --full alone"],
    [["classify"], "trd-classifier: classify needs a file, or - for standard input, expected trd-classifier classify <file|-> [options]"],
    [["classify", "a.ndjson", "b.ndjson"], "trd-classifier: classify takes one input, got 2, expected trd-classifier classify <file|-> [options]"],
    [["classify", join(dir, "missing.ndjson"), "--as-of", "2024-06-30"], "(no such file), expected an existing file, or - for standard input"],
    [["classify", "--omop"], "trd-classifier: --omop needs a value, expected --omop duckdb:PATH|postgres://URL"],
    [["classify", "--omop", "x.duckdb", "--frobnicate"], "trd-classifier: unknown option --frobnicate for classify, expected one of --as-of,"],
    [["classify", "--omop", "mysql://db/cdm"], "trd-classifier: --omop mysql://db/cdm is not a database the command reads, expected --omop duckdb:PATH or --omop postgres://URL"],
    [["classify", "--omop", `duckdb:${join(dir, "missing.duckdb")}`, "--as-of", "2024-06-30"], "missing.duckdb: no such file, expected --omop duckdb:PATH of an existing DuckDB file"],
    [["classify", "--omop", "x.duckdb", "--as-of", "2024-13-01"], "trd-classifier: --as-of 2024-13-01 is not a calendar date, expected --as-of YYYY-MM-DD"],
    [["classify", "--omop", "x.duckdb", "cohort.ndjson"], 'trd-classifier: classify --omop reads no input file, got "cohort.ndjson", expected classify --omop duckdb:PATH|postgres://URL without a file'],
    [["classify", "cohort.ndjson", "--cdm-schema", "cdm"], "trd-classifier: --cdm-schema applies to --omop only, expected --omop duckdb:PATH|postgres://URL --cdm-schema …"],
    [["classify", "--omop", "x.duckdb", "--cohort-id", "4"], "trd-classifier: --cohort-id applies to --write-cohort only, expected --write-cohort --cohort-id …"],
    [["classify", "--omop", "x.duckdb", "--cdm-schema", "cdm; DROP TABLE person"], "trd-classifier: --cdm-schema cdm; DROP TABLE person is not a plain SQL identifier"],
    [["classify", "--omop", "x.duckdb", "--write-cohort", "--per", "trial"], "trd-classifier: --write-cohort writes one row per patient, expected --per patient with --write-cohort"],
    [["generate", "--format", "omop", "--patients", "3"], "trd-classifier: --format omop writes files, expected --format omop --out DIR"],
    [["generate", "--patients", "3", "--out", "x"], "trd-classifier: --out is for --format omop, expected --format omop --out DIR"],
    [["frobnicate"], 'trd-classifier: unknown command "frobnicate", expected one of classify, generate or help'],
    [["help", "frobnicate"], 'trd-classifier: no help on "frobnicate", expected trd-classifier help classify|generate'],
  ];
  it.each(cases)("%j", async (args, line) => {
    const { stdout, stderr, code } = await cli(args);
    const first = stderr.split("\n")[0] ?? "";
    expect(first).toContain(line);
    expect(first).toMatch(/^trd-classifier: .+, expected .+$/);
    expect(stdout).toBe("");
    expect(code).toBe(2);
  }, 60_000);
});

describe("help", () => {
  it("prints each command's options for `<command> --help` and `help <command>`, exit 0", async () => {
    const [classify, help, generate, general] = await Promise.all([cli(["classify", "--help"]), cli(["help", "classify"]), cli(["generate", "-h"]), cli(["help"])]);
    expect(classify.code).toBe(0);
    expect(classify.stdout).toMatch(/^Usage: trd-classifier classify <file\|-> \[options\]/);
    expect(classify.stdout).toContain("--as-of YYYY-MM-DD");
    expect(classify.stdout).toContain("143 interrupted by SIGTERM");
    expect(help.stdout).toBe(classify.stdout);
    expect(classify.stdout).toContain("--omop duckdb:PATH|postgres://URL");
    expect(classify.stdout).toContain("--dispensing-type NAME (repeatable)");
    expect(generate.stdout).toMatch(/^Usage: trd-classifier generate \[options\][\s\S]*--patients N/);
    expect(generate.stdout).toContain("--format ndjson|omop");
    expect(general.stdout).toContain("trd-classifier help <command>");
  }, 60_000);
});
