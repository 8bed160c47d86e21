/**
 * Research-style script: a long-format CSV of fills, scores and diagnoses for a cohort in, one
 * classification per patient out (a table on stdout, or CSV with --csv).
 *
 *   npx tsx examples/fillsToClassifications.ts [file.csv] [--as-of YYYY-MM-DD] [--preset ID] [--csv]
 *
 * Defaults: the bundled examples/data/fills.csv, as of 2023-12-31, the default build preset.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { classifyTrd, historyFromLongFormat, parseTreatmentHistory, readLongFormat } from "trd-classifier";
import type { BuildPresetId } from "trd-classifier";
import { csvField } from "./cohortToCsv";

/** One output row per patient. */
export interface PatientRow {
  readonly patientId: string;
  readonly status: string;
  readonly trials: number;
  readonly failed: number;
  readonly flags: string;
  readonly note: string;
}

/** Classifies every patient of a long-format CSV text. */
export function classifyLongFormat(text: string, options: { asOf: string; preset?: BuildPresetId }): { rows: PatientRow[]; fileIssues: string[] } {
  const { patients, issues } = readLongFormat(text);
  const rows = patients.map((patient): PatientRow => {
    const { history, build } = historyFromLongFormat(patient, { asOf: options.asOf, ...(options.preset === undefined ? {} : { preset: options.preset }) });
    const rowIssues = [...patient.issues, ...build.issues].map((i) => `${i.code} at ${i.path}`);
    const parsed = parseTreatmentHistory(history);
    if (!parsed.success) {
      return { patientId: patient.patientId, status: "invalid", trials: 0, failed: 0, flags: "", note: [...rowIssues, ...parsed.issues.map((i) => `${i.code} at ${i.path}`)].join("; ") };
    }
    const result = classifyTrd(parsed.data, { asOf: options.asOf });
    const skipped = rowIssues.length === 0 ? "" : `; rows skipped: ${rowIssues.join("; ")}`;
    return {
      patientId: patient.patientId,
      status: result.status,
      trials: result.counts.trials,
      failed: result.counts.failedAdequateTrials,
      flags: result.flags.map((f) => f.code).join(" "),
      note: `${result.reasons[0]?.message ?? ""}${skipped}`,
    };
  });
  return { rows, fileIssues: issues.map((i) => i.message) };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "as-of": { type: "string", default: "2023-12-31" }, preset: { type: "string" }, csv: { type: "boolean", default: false } },
  });
  const file = positionals[0] ?? fileURLToPath(new URL("./data/fills.csv", import.meta.url));
  const preset = values.preset as BuildPresetId | undefined;
  const { rows, fileIssues } = classifyLongFormat(readFileSync(file, "utf8"), { asOf: values["as-of"], ...(preset === undefined ? {} : { preset }) });
  for (const issue of fileIssues) console.error(issue);
  if (values.csv) {
    console.log("patient_id,status,trials,failed_adequate_trials,flags,note");
    for (const r of rows) console.log([r.patientId, r.status, r.trials, r.failed, r.flags, r.note].map(csvField).join(","));
    return;
  }
  for (const r of rows) console.log(`${r.patientId.padEnd(8)}${r.status.padEnd(20)}${String(r.failed).padEnd(4)}${r.note}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
