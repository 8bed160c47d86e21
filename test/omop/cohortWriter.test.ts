/**
 * `--write-cohort`'s results table, on a real DuckDB database: the same rows whether the run writes
 * NDJSON or CSV, and every field taken from the output as the classifier wrote it (rule set and
 * its version apart, flag codes, counts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { CohortWriter } from "../../src/cli/cohortWriter";
import { openOmop } from "../../src/cli/omopDatabase";
import { csvHeader, processRecord } from "../../src/cli/records";
import type { RecordOptions } from "../../src/cli/records";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";

const dir = mkdtempSync(join(tmpdir(), "trd-cohort-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = "2024-06-30";
/** Twenty synthetic patients as OMOP persons (ids "1" to "20"), one of them invalid. */
const lines = Array.from({ length: 20 }, (_, i) => {
  const history = JSON.parse(syntheticPatientLine(i, { seed: 3, badRate: 0 })) as Record<string, unknown>;
  return JSON.stringify(i === 7 ? { ...history, id: String(i + 1), trials: "none" } : { ...history, id: String(i + 1) });
});

async function resultRows(format: "ndjson" | "csv"): Promise<Record<string, unknown>[]> {
  const options: RecordOptions = { asOf: AS_OF, ruleSet: "mgh-atrq", inputFormat: "ndjson", outputFormat: format, full: false, since: true };
  const output = [...(format === "csv" ? [csvHeader(options)] : []), ...lines.map((text, i) => processRecord({ line: i + 1, text }, options).text)].join("\n");
  const db = await openOmop(`duckdb:${join(dir, `${format}.duckdb`)}`);
  try {
    const writer = new CohortWriter(new Writable({ write: (_c, _e, done) => done() }), db, { format, asOf: AS_OF, classifierVersion: "test", resultsSchema: "main", cohortTable: "cohort", resultTable: "result", cohortDefinitionId: 1 });
    await writer.prepare();
    await new Promise<void>((resolve, reject) => writer.end(`${output}\n`, () => resolve()).on("error", reject));
    return await db.all("SELECT CAST(subject_id AS VARCHAR) AS id, status, result, applicable, evidence, CAST(resistant_since AS VARCHAR) AS since, rule_set, rule_set_version, catalogue_version, trials, failed_adequate_trials, flags FROM main.result ORDER BY subject_id");
  } finally {
    await db.close();
  }
}

describe("--write-cohort's results table", () => {
  it("holds the output's fields, the same from NDJSON and from CSV output", async () => {
    const fromNdjson = await resultRows("ndjson");
    expect(fromNdjson).toHaveLength(20);
    const expected = lines.map((text, i) => JSON.parse(processRecord({ line: i + 1, text }, { asOf: AS_OF, ruleSet: "mgh-atrq", inputFormat: "ndjson", outputFormat: "ndjson", full: false, since: true }).text) as { id?: string; status?: string; error?: string; ruleSetVersion: string; flagCodes?: string[]; counts?: { trials: number } });
    for (const [i, row] of fromNdjson.entries()) {
      const out = expected[i];
      expect(row["id"]).toBe(String(i + 1));
      if (out?.error !== undefined) {
        expect(row["status"]).toBe("invalid");
        continue;
      }
      expect([row["status"], row["rule_set"], row["rule_set_version"], row["flags"], Number(row["trials"])]).toStrictEqual([out?.status, "mgh-atrq", out?.ruleSetVersion, (out?.flagCodes ?? []).join(" "), out?.counts?.trials]);
    }
    expect(fromNdjson.some((r) => r["flags"] !== "")).toBe(true);
    expect(await resultRows("csv")).toStrictEqual(fromNdjson);
  }, 60_000);
});
