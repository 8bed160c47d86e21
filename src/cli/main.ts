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
import { choice, command, commandHelp, flag, generalHelp, parseCommand, UsageError, value } from "./commands";
import type { Command, Values } from "./commands";
import { classifyOmopCommand } from "./omopClassify";
import { generateOmopCommand } from "./omopGenerate";
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
} as const;

const generateOptions = {
  patients: value({ form: "N", help: "number of patients (required)", read: wholeNumber(0) }),
  seed: value({ form: "S", help: "seed, a whole number (default 1)", fallback: "1", read: (raw, name) => {
    const n = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n)) throw new UsageError(`${name} ${raw} is not a whole number`);
    return n;
  } }),
  "bad-rate": value({ form: "R", help: "fraction of invalid records, from 0 to 1 (default 0)", fallback: "0", read: (raw, name) => {
    const r = raw.trim() === "" ? Number.NaN : Number(raw);
    if (!(r >= 0 && r <= 1)) throw new UsageError(`${name} ${raw} is not a number from 0 to 1`);
    return r;
  } }),
} as const;

const COMMANDS: readonly Command[] = [
  command({
    name: "classify",
    summary: "classify NDJSON histories (or a long-format CSV of fills and scores); one output record per input record. With --omop duckdb:PATH|postgres://URL, every person of an OMOP CDM instead (options in docs/omop.md)",
    operand: { form: "<file|->", help: "the input file, or - for standard input" },
    options: classifyOptions,
    run: (values, input) => classify(values, input),
  }),
  command({
    name: "generate",
    summary: "write a reproducible synthetic cohort as NDJSON to standard output (with --format omop --out DIR: as OMOP CDM CSVs and DIR/cdm.duckdb, see docs/omop.md)",
    options: generateOptions,
    run: async (values) => {
      if (values.patients === undefined) throw new UsageError("generate needs --patients", "--patients N, a whole number of 0 or more");
      await generate(values.patients, values.seed, values["bad-rate"]);
      return EXIT.ok;
    },
  }),
];

const EXIT_CODES_HELP = `Exit codes: 0 every record classified, 1 some records invalid, 2 usage error, 3 internal failure,
130 interrupted by SIGINT, 143 interrupted by SIGTERM.`;

async function generate(patients: number, seed: number, badRate: number): Promise<void> {
  const out = process.stdout;
  let chunk = "";
  for (let i = 0; i < patients; i++) {
    chunk += `${syntheticPatientLine(i, { seed, badRate })}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  if (chunk !== "") out.write(chunk);
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

async function classify(values: Values<typeof classifyOptions>, input: string): Promise<number> {
  const asOf = values["as-of"] ?? new Date().toISOString().slice(0, 10);
  const inputFormat = values["input-format"] ?? (input.toLowerCase().endsWith(".csv") ? "csv" : "ndjson");
  const workers = values.workers ?? availableParallelism();
  const inputBytes = await inputSize(input);
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

  const summary = await run(input, process.stdout, process.stderr, {
    asOf,
    ruleSet: values["rule-set"],
    inputFormat,
    outputFormat: values.format,
    per,
    full: values.full === true,
    since: values.since === true,
    preset: values.preset,
    workers,
    failFast: values["fail-fast"] === true,
    progress: values["no-progress"] !== true,
    ...(inputBytes === undefined ? {} : { inputBytes }),
    signal: controller.signal,
  });
  const reason: unknown = controller.signal.reason;
  const code = outputError !== undefined ? EXIT.internal : reason === "SIGINT" || reason === "SIGTERM" ? EXIT[reason] : summary.invalid > 0 ? EXIT.invalidRecords : EXIT.ok;
  process.stderr.write(`${summaryLine(summary, { workers, ruleSet: values["rule-set"], asOf, stopped: outputError !== undefined ? `STOPPED: the output could not be written (${outputError})` : summary.interrupted ? `INTERRUPTED by ${String(reason)}` : undefined })}\n`);
  if (summary.interrupted) {
    // Standard input may still be open: exit now that everything is written.
    process.exit(code);
  }
  return code;
}

/** The summary on stderr (test/bench/run.ts reads its "(N/s, ... CPU N s, peak RSS N MB)" part). */
function summaryLine(summary: ClassifySummary, run: { workers: number; ruleSet: string; asOf: string; stopped: string | undefined }): string {
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
  ].filter((n) => n !== "");
  return `trd-classifier: ${what} in ${summary.seconds.toFixed(2)} s (${rate.toLocaleString("en-US")}/s, ${count(run.workers, "worker")}, ${footprintText()}): ${counts}. Rule set ${run.ruleSet}, as of ${run.asOf}.${notes.map((n) => ` ${n}`).join("")}`;
}

/** What the OMOP commands call on a usage error: the same one-line usage error as every other command's. */
function usageError(commandName: string): (message: string) => never {
  return (message) => {
    throw new UsageError(message, undefined, commandName);
  };
}

/** Runs an OMOP command, which sets process.exitCode itself (0, or 1 when a record was invalid). */
async function omopCommand(commandName: string, run: () => Promise<void>): Promise<number> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UsageError && error.command === undefined) throw new UsageError(error.what, error.expected, commandName);
    throw error;
  }
  return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
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
  // OMOP (issue 14): its own modules read their options (docs/omop.md).
  if (name === "classify" && rest.some((a) => a === "--omop" || a.startsWith("--omop="))) return omopCommand("classify", () => classifyOmopCommand(rest, usageError("classify")));
  if (name === "generate" && rest.some((a, i) => a === "--format=omop" || (a === "--format" && rest[i + 1] === "omop"))) return omopCommand("generate", () => generateOmopCommand(rest, usageError("generate")));
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
