/**
 * Runs the classify command in a process of its own with options the command line does not
 * expose (heap caps, chunk size: documented options of ClassifyCommandOptions), for the
 * worker-failure tests: `node --import tsx classifyDriver.ts <file> '<options as JSON>' [report.html]`.
 * Writes the output on stdout and the summary as JSON on stderr (its last line), and the cohort
 * report when a path is given.
 */
import { classifyCommand } from "../../src/cli/classifyCommand";
import type { ClassifyCommandOptions } from "../../src/cli/classifyCommand";
import { withReport } from "../../src/cli/reportCommand";

const [file = "", json = "{}", report] = process.argv.slice(2);
const base: ClassifyCommandOptions = { asOf: "2024-06-30", ruleSet: "eu-pearl-2022", inputFormat: "ndjson", outputFormat: "ndjson", full: false, workers: 1, failFast: false, progress: false };
const command = report === undefined ? classifyCommand : withReport({ path: report, ids: undefined }, classifyCommand);
const summary = await command(file, process.stdout, process.stderr, { ...base, ...(JSON.parse(json) as Partial<ClassifyCommandOptions>) });
process.stderr.write(`${JSON.stringify(summary)}\n`);
