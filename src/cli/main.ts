/**
 * The trd-classifier command line: a thin layer over the public API, and (with examples/) the
 * only place that reads files, the clock or the environment.
 *
 *   trd-classifier classify <file|-> [--format ndjson|csv] [--input-format ndjson|csv]
 *                  [--rule-set ID] [--as-of YYYY-MM-DD] [--workers N] [--full] [--fail-fast]
 *                  [--preset ID] [--per patient|trial] [--no-progress] [--report FILE [--timelines ID,ID]]
 *   trd-classifier generate --patients N [--seed S] [--bad-rate R]
 */
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { isRuleSetId, listBuildPresets } from "../index";
import type { BuildPresetId } from "../index";
import { classifyCommand } from "./classifyCommand";
import { takeReportOptions, withReport } from "./reportCommand"; // report (issue 16)
import { syntheticPatientLine } from "./syntheticCohort";
// OMOP (issue 14): its own modules parse their options; main only routes to them.
import { classifyOmopCommand } from "./omopClassify";
import { generateOmopCommand } from "./omopGenerate";

const USAGE = `Usage:
  trd-classifier classify <file|-> [options]   classify NDJSON histories (or a long-format CSV)
  trd-classifier generate --patients N [--seed S] [--bad-rate R]   write a synthetic cohort as NDJSON
  trd-classifier classify --omop duckdb:PATH|postgres://URL [--cdm-schema S] [--write-cohort [--results-schema S] [--cohort-id N]] [options]
                            classify every person of an OMOP CDM (see docs/omop.md)
  trd-classifier generate --format omop --patients N --out DIR [--seed S]   the synthetic cohort as OMOP CDM CSVs and DIR/cdm.duckdb

classify options:
  --as-of YYYY-MM-DD        classification date (default: today, stated in the summary)
  --rule-set ID             eu-pearl-2022 (default), mgh-atrq, regulatory, canadian-2021
  --format ndjson|csv       output format (default ndjson)
  --per patient|trial       one output row per patient (default) or per assessed trial
  --input-format ndjson|csv input format (default: csv for *.csv files, else ndjson)
  --preset ID               how CSV drug rows become trials (claims-line-of-therapy, ohdsi-drug-era, fabbri-2021)
  --workers N               worker threads (default: the number of cores; 1 runs in-process)
  --full                    include the full per-trial assessment in NDJSON output
  --since                   find each resistant patient's resistant-since date (about 1.5x the time)
  --fail-fast               stop at the first invalid record
  --no-progress             no progress line on stderr
  --report FILE             also write one self-contained HTML report: counts, flags, rule sets side by side, timelines
  --timelines ID,ID         the report's timelines for these patient ids (default: the first 3 of each result)
Exit code: 0 when every record was classified, 1 when any record was invalid, 2 on a usage error.`;

function fail(message: string): never {
  process.stderr.write(`trd-classifier: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function generate(args: string[]): Promise<void> {
  if (args.some((a, i) => a === "--format=omop" || (a === "--format" && args[i + 1] === "omop"))) return generateOmopCommand(args, fail); // OMOP (issue 14)
  const { values } = parseArgs({ args, options: { patients: { type: "string" }, seed: { type: "string", default: "1" }, "bad-rate": { type: "string", default: "0" } } });
  const patients = Number(values.patients);
  const seed = Number(values.seed);
  const badRate = Number(values["bad-rate"]);
  if (!Number.isInteger(patients) || patients < 0) fail("--patients must be a whole number");
  if (!Number.isInteger(seed)) fail("--seed must be a whole number");
  if (!(badRate >= 0 && badRate <= 1)) fail("--bad-rate must be between 0 and 1");
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

async function classify(allArgs: string[]): Promise<void> {
  if (allArgs.some((a) => a === "--omop" || a.startsWith("--omop="))) return classifyOmopCommand(allArgs, fail); // OMOP (issue 14)
  // --- report (issue 16): --report and --timelines are taken out here, see reportCommand.ts ---
  const { report, rest: args, error: reportError } = takeReportOptions(allArgs);
  if (reportError !== undefined) fail(reportError);
  const run = report === undefined ? classifyCommand : withReport(report, classifyCommand);
  // --- end report ---
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "as-of": { type: "string" },
      "rule-set": { type: "string", default: "eu-pearl-2022" },
      format: { type: "string", default: "ndjson" },
      "input-format": { type: "string" },
      preset: { type: "string" },
      workers: { type: "string" },
      full: { type: "boolean", default: false },
      since: { type: "boolean", default: false },
      "fail-fast": { type: "boolean", default: false },
      "no-progress": { type: "boolean", default: false },
      per: { type: "string", default: "patient" },
    },
  });
  const input = positionals[0];
  if (input === undefined) fail("classify needs a file, or - for standard input");
  const ruleSet = values["rule-set"];
  if (!isRuleSetId(ruleSet)) fail(`unknown rule set "${ruleSet}"`);
  const asOf = values["as-of"] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail("--as-of must be a date as YYYY-MM-DD");
  const format = values.format;
  if (format !== "ndjson" && format !== "csv") fail("--format must be ndjson or csv");
  const inputFormat = values["input-format"] ?? (input.toLowerCase().endsWith(".csv") ? "csv" : "ndjson");
  if (inputFormat !== "ndjson" && inputFormat !== "csv") fail("--input-format must be ndjson or csv");
  const preset = values.preset;
  if (preset !== undefined && !listBuildPresets().some((p) => p.id === preset)) fail(`unknown preset "${preset}"`);
  const per = values.per;
  if (per !== "patient" && per !== "trial") fail("--per must be patient or trial");
  if (per === "trial" && (values.full || values.since)) fail("--full and --since apply to --per patient only");
  if (per === "trial" && report !== undefined) fail("--report counts patients: use it with --per patient");
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) fail("--workers must be a whole number of 1 or more");

  const summary = await run(input, process.stdout, process.stderr, {
    asOf,
    ruleSet,
    inputFormat,
    outputFormat: format,
    full: values.full,
    since: values.since,
    preset: preset as BuildPresetId | undefined,
    workers,
    failFast: values["fail-fast"],
    progress: !values["no-progress"],
    per,
  });
  const rate = Math.round(summary.records / Math.max(summary.seconds, 0.001));
  const counts = Object.entries(summary.byStatus).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ");
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(
    `trd-classifier: ${summary.records.toLocaleString("en-US")} records in ${summary.seconds.toFixed(2)} s (${rate.toLocaleString("en-US")}/s, ${workers} worker${workers === 1 ? "" : "s"}, peak RSS ${rssMb} MB): ${counts}. Rule set ${ruleSet}, as of ${asOf}.${summary.stoppedEarly ? " Stopped at the first invalid record (--fail-fast)." : ""}\n`,
  );
  process.exitCode = summary.invalid > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "classify") return classify(rest);
  if (command === "generate") return generate(rest);
  if (command === "--version" || command === "-v") {
    const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  fail(`unknown command "${command}"`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`trd-classifier: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
