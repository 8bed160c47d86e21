/**
 * Research-style script: classify a folder of histories (one JSON file per patient) and write one
 * CSV row per patient.
 *
 *   npx tsx examples/cohortToCsv.ts [folder] [--as-of YYYY-MM-DD] [--rule-set ID] > results.csv
 *
 * Defaults: the bundled cohort in examples/data/cohort, as of 2023-12-31, the default rule set.
 * A file that fails validation becomes a row with status "invalid" and its issue codes and paths
 * (never its contents), so every input yields exactly one row; its counts stay empty (unknown,
 * not 0). Column names avoid pandas DataFrame attributes (`flag_codes`, not `flags`).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { CATALOGUE_VERSION, classifyTrd, getRuleSet, isRuleSetId, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetId } from "trd-classifier";

export const CSV_COLUMNS = [
  "file",
  "id",
  "status",
  "applicable",
  "rule_set",
  "rule_set_version",
  "catalogue_version",
  "trials",
  "adequate_trials",
  "failed_adequate_trials",
  "non_response_failures",
  "partial_response_failures",
  "flag_codes",
  "key_reason",
] as const;

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Classifies every `*.json` file of `folder` (sorted by name) and returns the CSV text. */
export function cohortToCsv(folder: string, options: { asOf: string; ruleSet: RuleSetId }): string {
  const rows: string[] = [CSV_COLUMNS.join(",")];
  const version = getRuleSet(options.ruleSet).version;
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(join(folder, file), "utf8"));
    } catch {
      rows.push([file, "", "invalid", "", options.ruleSet, version, CATALOGUE_VERSION, "", "", "", "", "", "", "not valid JSON"].map(csvField).join(","));
      continue;
    }
    const parsed = parseTreatmentHistory(input);
    if (!parsed.success) {
      const issues = parsed.issues.map((i) => `${i.code} at ${i.path}`).join("; ");
      rows.push([file, "", "invalid", "", options.ruleSet, version, CATALOGUE_VERSION, "", "", "", "", "", "", issues].map(csvField).join(","));
      continue;
    }
    const r = classifyTrd(parsed.data, options);
    const c = r.counts;
    rows.push(
      [
        file,
        parsed.data.id ?? "",
        r.status,
        r.applicable,
        r.ruleSet.id,
        r.ruleSet.version,
        r.catalogueVersion,
        c.trials,
        c.adequateTrials,
        c.failedAdequateTrials,
        c.nonResponseFailures,
        c.partialResponseFailures,
        r.flags.map((f) => f.code).join(" "),
        r.reasons[0]?.message ?? "",
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${rows.join("\n")}\n`;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "as-of": { type: "string", default: "2023-12-31" }, "rule-set": { type: "string", default: "eu-pearl-2022" } },
  });
  const ruleSet = values["rule-set"];
  if (!isRuleSetId(ruleSet)) {
    console.error(`unknown rule set: use one of eu-pearl-2022, mgh-atrq, regulatory, canadian-2021`);
    process.exit(2);
  }
  const folder = positionals[0] ?? fileURLToPath(new URL("./data/cohort/", import.meta.url));
  process.stdout.write(cohortToCsv(folder, { asOf: values["as-of"], ruleSet }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
