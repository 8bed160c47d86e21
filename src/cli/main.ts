/**
 * The trd-classifier command line: a thin layer over the public API, and (with examples/) the
 * only place that reads files, the clock or the environment.
 *
 *   trd-classifier classify <file|-> [--format ndjson|csv] [--input-format ndjson|csv]
 *                  [--rule-set ID] [--as-of YYYY-MM-DD] [--workers N] [--full] [--fail-fast]
 *                  [--preset ID] [--per patient|trial] [--no-progress] [--report FILE [--timelines ID,ID]]
 *   trd-classifier classify --omop duckdb:PATH|postgres://URL [...]   (docs/omop.md)
 *   trd-classifier generate --patients N [--seed S] [--bad-rate R]
 *   trd-classifier generate --format omop --patients N --out DIR [--seed S]
 *   trd-classifier help [command]     (or: trd-classifier <command> --help)
 *
 * Each command is one declarative table of options (see commands.ts) that drives parsing, checking,
 * usage errors and its --help: adding an option is adding one entry to the table of its command.
 */
import { once } from "node:events";
import { fstatSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { isRuleSetId, listBuildPresets, listRuleSets } from "../index";
import type { BuildPresetId, RuleSetId } from "../index";
import { isCalendarDate } from "../internal/dates";
import { classifyCommand } from "./classifyCommand";
import type { ClassifySummary } from "./classifyCommand";
import { choice, command, commandHelp, flag, generalHelp, parseCommand, repeatable, UsageError, value } from "./commands";
import type { Command, Values } from "./commands";
import { classifyFromOmop } from "./omopClassify";
import type { OmopSourceOptions } from "./omopClassify";
import { generateOmop } from "./omopGenerate";
import { count } from "./progress";
import { MAX_CHOSEN_IDS as MAX_TIMELINE_IDS, withReport } from "./reportCommand";
import { syntheticPatientLine } from "./syntheticCohort";
import { footprintText } from "./footprint";

/** Exit codes (docs/cli.md). */
export const EXIT = Object.freeze({
  /** Every record was classified. */
  ok: 0,
  /** Some records were invalid (each has its error record in the output). */
  invalidRecords: 1,
  /** The command line was wrong: nothing was classified. */
  usage: 2,
  /** The command failed (a bug, or the output could not be written). */
  internal: 3,
  /** Interrupted by SIGINT (128 + 2). */
  SIGINT: 130,
  /** Interrupted by SIGTERM (128 + 15). */
  SIGTERM: 143,
});

/** A value that is not empty. */
function nonEmpty(raw: string, name: string): string {
  if (raw.trim() === "") throw new UsageError(`${name} needs a value`);
  return raw;
}

/** A plain SQL identifier (a name, or schema.name): it goes into SQL as it is. */
function identifier(raw: string, name: string): string {
  if (!/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/.test(raw)) throw new UsageError(`${name} ${raw} is not a plain SQL identifier`, `${name} NAME (letters, digits, _ and $, or schema.name)`);
  return raw;
}

const wholeNumber = (min: number) => (raw: string, name: string): number => {
  const n = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} ${raw} is not a whole number of ${min} or more`);
  return n;
};

const classifyOptions = {
  "as-of": value({ form: "YYYY-MM-DD", help: "classification date (default: today, stated in the summary)", read: (raw, name) => {
    if (!isCalendarDate(raw)) throw new UsageError(`${name} ${raw} is not a calendar date`);
    return raw;
  } }),
  "rule-set": value({ form: "ID", help: `rule set: ${listRuleSets().map((r) => r.id).join(", ")} (default eu-pearl-2022)`, fallback: "eu-pearl-2022", read: (raw, name): RuleSetId => {
    if (!isRuleSetId(raw)) throw new UsageError(`${name} ${raw} is not a rule set`);
    return raw;
  } }),
  format: choice(["ndjson", "csv"], { help: "output format (default ndjson)", fallback: "ndjson" }),
  per: choice(["patient", "trial"], { help: "one output row per patient (default) or per assessed trial", fallback: "patient" }),
  "input-format": choice(["ndjson", "csv"], { help: "input format (default: csv for *.csv files, else ndjson)" }),
  preset: value({ form: "ID", help: `how CSV drug rows become trials: ${listBuildPresets().map((p) => p.id).join(", ")}`, read: (raw, name): BuildPresetId => {
    const preset = listBuildPresets().find((p) => p.id === raw);
    if (preset === undefined) throw new UsageError(`${name} ${raw} is not a preset`);
    return preset.id;
  } }),
  workers: value({ form: "N", help: "worker threads (default: the number of cores; 1 classifies in the main thread)", read: wholeNumber(1) }),
  full: flag("include the full per-trial assessment in NDJSON output"),
  since: flag("find each resistant patient's resistant-since date (about 1.5x the time)"),
  "fail-fast": flag("stop at the first invalid record"),
  "no-progress": flag("no progress line on stderr"),
  report: value({ form: "FILE", help: "also write one self-contained HTML report: counts, flags, rule sets side by side, timelines", read: (raw, name) => {
    if (raw.trim() === "") throw new UsageError(`${name} needs a file name`);
    return raw;
  } }),
  timelines: value({ form: "ID,ID", help: `the report's timelines for these patient ids, at most ${MAX_TIMELINE_IDS} (default: the first 3 of each result)`, read: (raw, name) => {
    const ids = raw.split(",").map((id) => id.trim()).filter((id) => id !== "");
    if (ids.length === 0 || ids.length > MAX_TIMELINE_IDS) throw new UsageError(`${name} takes 1 to ${MAX_TIMELINE_IDS} ids`);
    return ids;
  } }),
  // OMOP (issue 14, docs/omop.md): every person in scope of a CDM instead of an input file.
  omop: value({ form: "duckdb:PATH|postgres://URL", help: "classify every person in scope of an OMOP CDM (a DuckDB file or a PostgreSQL database) instead of an input file", read: nonEmpty }),
  "cdm-schema": value({ form: "SCHEMA", help: "with --omop: the schema of the CDM and vocabulary tables", read: identifier }),
  "dispensing-type": repeatable({ form: "NAME", help: "with --omop: a drug type concept name that means a dispensing (default EHR dispensing record)", read: nonEmpty }),
  "write-cohort": flag("with --omop: also write the OHDSI cohort table (the resistant, from the date they first met the definition) and a results table"),
  "results-schema": value({ form: "SCHEMA", help: "with --write-cohort: the schema of the tables written (created if absent)", read: identifier }),
  "cohort-id": value({ form: "N", help: "with --write-cohort: the cohort_definition_id (default 1); a rerun replaces its rows", read: wholeNumber(0) }),
  "cohort-table": value({ form: "NAME", help: "with --write-cohort: the cohort table (default cohort)", read: identifier }),
  "result-table": value({ form: "NAME", help: "with --write-cohort: the results table (default trd_classifier_result)", read: identifier }),
} as const;

/** The options that only --write-cohort reads, and all those that only --omop reads. */
const COHORT_ONLY = ["results-schema", "cohort-id", "cohort-table", "result-table"] as const;
const OMOP_ONLY = ["cdm-schema", "dispensing-type", "write-cohort", ...COHORT_ONLY] as const;

const generateOptions = {
  patients: value({ form: "N", help: "number of patients (required)", read: wholeNumber(0) }),
  seed: value({ form: "S", help: "seed, a whole number (default 1)", fallback: "1", read: (raw, name) => {
    const n = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n)) throw new UsageError(`${name} ${raw} is not a whole number`);
    return n;
  } }),
  "bad-rate": value({ form: "R", help: "fraction of invalid records, from 0 to 1 (default 0; NDJSON only)", fallback: "0", read: (raw, name) => {
    const r = raw.trim() === "" ? Number.NaN : Number(raw);
    if (!(r >= 0 && r <= 1)) throw new UsageError(`${name} ${raw} is not a number from 0 to 1`);
    return r;
  } }),
  format: choice(["ndjson", "omop"], { help: "ndjson: histories on standard output (default); omop: the same patients as an OMOP CDM, CSVs and cdm.duckdb in --out (docs/omop.md)", fallback: "ndjson" }),
  out: value({ form: "DIR", help: "with --format omop: the folder to write (created if absent)", read: nonEmpty }),
  "no-duckdb": flag("with --format omop: the CSVs only, no cdm.duckdb"),
} as const;

const COMMANDS: readonly Command[] = [
  command({
    name: "classify",
    summary: "classify NDJSON histories (or a long-format CSV of fills and scores); one output record per input record. With --omop duckdb:PATH|postgres://URL, every person in scope of an OMOP CDM instead (docs/omop.md)",
    operand: { form: "<file|->", help: "the input file, or - for standard input (none with --omop)", unless: "omop" },
    options: classifyOptions,
    run: (values, input) => classify(values, input),
  }),
  command({
    name: "generate",
    summary: "write a reproducible synthetic cohort as NDJSON to standard output (with --format omop --out DIR: as OMOP CDM CSVs and DIR/cdm.duckdb, see docs/omop.md)",
    options: generateOptions,
    run: async (values) => {
      if (values.patients === undefined) throw new UsageError("generate needs --patients", "--patients N, a whole number of 0 or more");
      if (values.format === "ndjson") {
        const stray = (["out", "no-duckdb"] as const).find((name) => values[name] !== undefined && values[name] !== false);
        if (stray !== undefined) throw new UsageError(`--${stray} is for --format omop`, `--format omop --out DIR`);
        const failed = await generate(values.patients, values.seed, values["bad-rate"]);
        if (failed === undefined) return EXIT.ok;
        process.stderr.write(`trd-classifier: STOPPED: the output could not be written (${failed}); generating stopped.\n`);
        return EXIT.internal;
      }
      if (values.out === undefined) throw new UsageError("--format omop writes files", "--format omop --out DIR");
      if (values["bad-rate"] !== 0) throw new UsageError("--bad-rate makes invalid NDJSON records, which a CDM cannot hold", "--format omop without --bad-rate");
      const done = await generateOmop(values.patients, values.seed, values.out, values["no-duckdb"] !== true);
      process.stderr.write(
        `trd-classifier: ${done.persons.toLocaleString("en-US")} synthetic persons written as OMOP CDM CSVs in ${done.dir}${done.duckdb === undefined ? "" : ` and ${done.duckdb}`}; ${done.notRepresentable.toLocaleString("en-US")} of them carry something the CDM cannot hold (see docs/omop.md).\n`,
      );
      return EXIT.ok;
    },
  }),
];

const EXIT_CODES_HELP = `Exit codes: 0 every record classified, 1 some records invalid, 2 usage error, 3 internal failure,
130 interrupted by SIGINT, 143 interrupted by SIGTERM.`;

/**
 * Writes the synthetic cohort to standard output. Returns the output's error code when it could
 * not be written (EPIPE: the reader, say `head`, went away), having stopped generating.
 */
async function generate(patients: number, seed: number, badRate: number): Promise<string | undefined> {
  const out = process.stdout;
  let failed: string | undefined;
  const onError = (error: NodeJS.ErrnoException): void => {
    failed = error.code ?? "error";
  };
  // Left on: a write that fails after the last one here still reports to it rather than crashing.
  out.on("error", onError);
  let chunk = "";
  for (let i = 0; i < patients && failed === undefined; i++) {
    chunk += `${syntheticPatientLine(i, { seed, badRate })}\n`;
    if (chunk.length > 1 << 16) {
      // The error event settles the wait for drain (once() rejects on it).
      if (!out.write(chunk)) await once(out, "drain").catch(() => undefined);
      chunk = "";
    }
  }
  if (chunk !== "" && failed === undefined) out.write(chunk);
  return failed;
}

/** The input's size in bytes when it is a regular file (stdin redirected from a file included). */
async function inputSize(input: string): Promise<number | undefined> {
  if (input === "-") {
    try {
      const s = fstatSync(0);
      return s.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  }
  const s = await stat(input).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (code ?? "unreadable");
    throw new UsageError(`cannot read ${input} (${why})`, "an existing file, or - for standard input");
  });
  if (s.isDirectory()) throw new UsageError(`${input} is a directory`, "a file, or - for standard input");
  return s.isFile() ? s.size : undefined;
}

/** The OMOP source's options, when --omop is given; the options that need it are usage errors without it. */
function omopOptionsOf(values: Values<typeof classifyOptions>, asOf: string): OmopSourceOptions | undefined {
  const given = (name: (typeof OMOP_ONLY)[number]): boolean => values[name] !== undefined && values[name] !== false;
  if (values.omop === undefined) {
    const stray = OMOP_ONLY.find(given);
    if (stray !== undefined) throw new UsageError(`--${stray} applies to --omop only`, `--omop duckdb:PATH|postgres://URL --${stray} …`);
    return undefined;
  }
  const stray = COHORT_ONLY.find((name) => given(name) && values["write-cohort"] !== true);
  if (stray !== undefined) throw new UsageError(`--${stray} applies to --write-cohort only`, `--write-cohort --${stray} …`);
  if (values["input-format"] !== undefined) throw new UsageError("--input-format is for input files; --omop reads the CDM's tables", "--omop without --input-format");
  if (values["write-cohort"] === true && values.per === "trial") throw new UsageError("--write-cohort writes one row per patient", "--per patient with --write-cohort");
  return {
    target: values.omop,
    cdmSchema: values["cdm-schema"],
    dispensingTypes: values["dispensing-type"],
    cohort:
      values["write-cohort"] === true
        ? { resultsSchema: values["results-schema"], cohortDefinitionId: values["cohort-id"] ?? 1, cohortTable: values["cohort-table"] ?? "cohort", resultTable: values["result-table"] ?? "trd_classifier_result" }
        : undefined,
    asOf,
    format: values.format,
  };
}

async function classify(values: Values<typeof classifyOptions>, input: string): Promise<number> {
  const asOf = values["as-of"] ?? new Date().toISOString().slice(0, 10);
  const omop = omopOptionsOf(values, asOf);
  const inputFormat = values["input-format"] ?? (input.toLowerCase().endsWith(".csv") ? "csv" : "ndjson");
  const workers = values.workers ?? availableParallelism();
  const inputBytes = omop === undefined ? await inputSize(input) : undefined;
  const per = values.per;
  if (per === "trial" && (values.full === true || values.since === true)) throw new UsageError("--full and --since apply to --per patient only", "--per patient");
  if (per === "trial" && values.report !== undefined) throw new UsageError("--report counts patients", "--per patient with --report");
  if (values.timelines !== undefined && values.report === undefined) throw new UsageError("--timelines needs --report", "--report FILE --timelines ID,ID");
  const run = values.report === undefined ? classifyCommand : withReport({ path: values.report, ids: values.timelines }, classifyCommand);

  // SIGINT/SIGTERM: the first stops the run (what is done is written, then a summary); a second
  // one exits at once.
  const controller = new AbortController();
  const onSignal = (signal: "SIGINT" | "SIGTERM"): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`\ntrd-classifier: INTERRUPTED again by ${signal}; exiting now, without a summary.\n`);
      process.exit(EXIT[signal]);
    }
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let outputError: string | undefined;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    outputError = error.code ?? "error";
    controller.abort("output");
  });

  const options = {
    asOf,
    ruleSet: values["rule-set"],
    inputFormat,
    outputFormat: values.format,
    per,
    full: values.full === true,
    // The cohort starts on the date each patient first met the definition.
    since: values.since === true || omop?.cohort !== undefined,
    preset: values.preset,
    workers,
    failFast: values["fail-fast"] === true,
    progress: values["no-progress"] !== true,
    ...(inputBytes === undefined ? {} : { inputBytes }),
    signal: controller.signal,
  };
  let notes: readonly string[] = [];
  let summary: ClassifySummary;
  if (omop === undefined) summary = await run(input, process.stdout, process.stderr, options);
  else {
    const fromOmop = await classifyFromOmop(omop, process.stdout, (source) => run("omop", source.out, process.stderr, { ...options, inputFormat: "ndjson", inputStream: source.inputStream, omop: source.omop }));
    process.stderr.write(fromOmop.before);
    ({ summary, notes } = fromOmop);
  }
  const reason: unknown = controller.signal.reason;
  const code = outputError !== undefined ? EXIT.internal : reason === "SIGINT" || reason === "SIGTERM" ? EXIT[reason] : summary.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  process.stderr.write(`${summaryLine(summary, { workers, ruleSet: values["rule-set"], asOf, stopped: outputError !== undefined ? `STOPPED: the output could not be written (${outputError})` : summary.interrupted ? `INTERRUPTED by ${String(reason)}` : undefined }, notes)}\n`);
  if (summary.interrupted) {
    // Standard input may still be open: exit now that everything is written.
    process.exit(code);
  }
  return code;
}

/** The summary on stderr (test/bench/run.ts reads its "(N/s, ... CPU N s, peak RSS N MB)" part). */
function summaryLine(summary: ClassifySummary, run: { workers: number; ruleSet: string; asOf: string; stopped: string | undefined }, more: readonly string[] = []): string {
  const rate = Math.round(summary.records / Math.max(summary.seconds, 0.001));
  const counts = Object.entries(summary.byStatus).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ");
  const what =
    run.stopped === undefined
      ? count(summary.records, "record")
      : `${run.stopped}: ${count(summary.records, "record")} written, ${summary.throughLine === 0 ? "no input line done" : `input lines 1 to ${summary.throughLine.toLocaleString("en-US")} done`}; the rest of the input was not classified;`;
  const notes = [
    summary.tooLarge > 0 ? `${count(summary.tooLarge, "record")} over the maximum record size not read (record_too_large).` : "",
    summary.longRecords > 0 ? `${count(summary.longRecords, "long record")} classified one at a time.` : "",
    summary.workerFailures > 0 ? `${count(summary.workerFailures, "worker")} stopped and ${summary.workerFailures === 1 ? "was" : "were"} replaced; ${count(summary.retriedChunks, "chunk")} classified again in the main thread.` : "",
    summary.stoppedEarly ? "Stopped at the first invalid record (--fail-fast)." : "",
    ...more,
  ].filter((n) => n !== "");
  return `trd-classifier: ${what} in ${summary.seconds.toFixed(2)} s (${rate.toLocaleString("en-US")}/s, ${count(run.workers, "worker")}, ${footprintText()}): ${counts}. Rule set ${run.ruleSet}, as of ${run.asOf}.${notes.map((n) => ` ${n}`).join("")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const cmd = COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && cmd === undefined) throw new UsageError(`no help on "${topic}"`, `trd-classifier help ${COMMANDS.map((c) => c.name).join("|")}`);
    process.stdout.write(`${cmd === undefined ? generalHelp(COMMANDS, EXIT_CODES_HELP) : commandHelp(cmd, EXIT_CODES_HELP)}\n`);
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (cmd === undefined) throw new UsageError(`unknown command "${name}"`, `one of ${COMMANDS.map((c) => c.name).join(", ")} or help`);
  const parsed = parseCommand(cmd, rest);
  if (parsed === "help") {
    process.stdout.write(`${commandHelp(cmd, EXIT_CODES_HELP)}\n`);
    return EXIT.ok;
  }
  try {
    return await cmd.run(parsed.values, parsed.operand);
  } catch (error) {
    if (error instanceof UsageError && error.command === undefined) throw new UsageError(error.what, error.expected, cmd.name);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      const hint = error.command === undefined ? "trd-classifier --help" : `trd-classifier ${error.command} --help`;
      process.stderr.write(`trd-classifier: ${error.message}\nSee ${hint}.\n`);
      process.exit(EXIT.usage);
    }
    process.stderr.write(`trd-classifier: internal failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT.internal);
  },
);
