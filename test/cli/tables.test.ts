/**
 * The CLI's tables for researchers (`--format csv`, `--per patient|trial`), read back as a data
 * frame reader would: every row has the header's columns, counts are whole numbers, the rule set,
 * its version, the catalogue and the as-of date are on every row (invalid ones too), no column is
 * named like a pandas DataFrame attribute or an R reserved word, and each trial row carries the
 * classifier's own verdicts. Runs the CLI as users do: a child process on the TypeScript sources.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { classifyTrd, getRuleSet, parseTreatmentHistory } from "trd-classifier";
import type { TrialAssessment } from "trd-classifier";
import { PATIENT_COLUMNS } from "../../src/cli/patientColumns";
import { TRIAL_COLUMNS } from "../../src/cli/trialColumns";
import { parseCsv } from "../../src/fills/longFormat";

const dir = mkdtempSync(join(tmpdir(), "trd-tables-"));

const cli = runCli;

/** The CSV as a header and rows of named cells (RFC 4180, as pandas and R read it). */
function table(text: string): { header: string[]; rows: Record<string, string>[]; widths: number[] } {
  const [head, ...body] = parseCsv(text).map((r) => [...r.fields]);
  const header = head ?? [];
  return { header, widths: body.map((f) => f.length), rows: body.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""]))) };
}

/**
 * Public attributes and methods of `pandas.DataFrame`: a column with one of these names cannot be
 * read as `df.name` (the attribute wins, e.g. `df.flags` is DataFrame.flags). Derived from the
 * pandas 1.5.3 API reference (https://pandas.pydata.org/pandas-docs/version/1.5/reference/frame.html),
 * checked as `[n for n in dir(pandas.DataFrame) if not n.startswith("_")]` under pandas 1.5.3,
 * plus `map`, added in pandas 2.1 (https://pandas.pydata.org/docs/reference/frame.html).
 */
const PANDAS_DATAFRAME_ATTRIBUTES = new Set(
  (
    "T abs add add_prefix add_suffix agg aggregate align all any append apply applymap asfreq asof assign astype at at_time attrs axes " +
    "backfill between_time bfill bool boxplot clip columns combine combine_first compare convert_dtypes copy corr corrwith count cov " +
    "cummax cummin cumprod cumsum describe diff div divide dot drop drop_duplicates droplevel dropna dtypes duplicated empty eq equals " +
    "eval ewm expanding explode ffill fillna filter first first_valid_index flags floordiv from_dict from_records ge get groupby gt head " +
    "hist iat idxmax idxmin iloc index infer_objects info insert interpolate isetitem isin isna isnull items iteritems iterrows " +
    "itertuples join keys kurt kurtosis last last_valid_index le loc lookup lt mad mask max mean median melt memory_usage merge min mod " +
    "mode mul multiply ndim ne nlargest notna notnull nsmallest nunique pad pct_change pipe pivot pivot_table plot pop pow prod product " +
    "quantile query radd rank rdiv reindex reindex_like rename rename_axis reorder_levels replace resample reset_index rfloordiv rmod " +
    "rmul rolling round rpow rsub rtruediv sample select_dtypes sem set_axis set_flags set_index shape shift size skew slice_shift " +
    "sort_index sort_values sparse squeeze stack std style sub subtract sum swapaxes swaplevel tail take to_clipboard to_csv to_dict " +
    "to_excel to_feather to_gbq to_hdf to_html to_json to_latex to_markdown to_numpy to_orc to_parquet to_period to_pickle to_records " +
    "to_sql to_stata to_string to_timestamp to_xarray to_xml transform transpose truediv truncate tshift tz_convert tz_localize unstack " +
    "update value_counts values var where xs map"
  ).split(" "),
);

/**
 * R's reserved words (`?Reserved`): read.csv's make.names renames such a column (`if` becomes
 * `if.`). `T` and `F` are not reserved but are R's TRUE and FALSE, so avoided too.
 */
const R_RESERVED = new Set("if else repeat while function for next break TRUE FALSE NULL Inf NaN NA NA_integer_ NA_real_ NA_character_ NA_complex_ in T F".split(" "));

const COUNT_COLUMNS = ["trials", "adequate_trials", "failed_adequate_trials", "non_response_failures", "partial_response_failures", "distinct_failed_agents", "distinct_failed_classes"];
const PROVENANCE = { rule_set: "eu-pearl-2022", rule_set_version: getRuleSet("eu-pearl-2022").version, as_of: "2024-06-30" };

describe("column names", () => {
  for (const [name, columns] of [
    ["patient", PATIENT_COLUMNS],
    ["trial", TRIAL_COLUMNS],
  ] as const) {
    it(`${name} table: snake_case, unique, none a pandas DataFrame attribute or an R reserved word`, () => {
      const names = columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(columns.map((c) => c.json)).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(names.filter((n) => PANDAS_DATAFRAME_ATTRIBUTES.has(n) || R_RESERVED.has(n))).toStrictEqual([]);
      // The rename that motivated the list, and the provenance columns on every table.
      expect(names).not.toContain("flags");
      expect(names).toEqual(expect.arrayContaining(["rule_set", "rule_set_version", "catalogue", "as_of", "line", "id", "result", "error"]));
    });
  }

  it("docs/cli.md has a data dictionary row for every column of both tables, in order, with its NDJSON name", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../docs/cli.md", import.meta.url)), "utf8");
    for (const [heading, columns] of [
      ["### Patient table", PATIENT_COLUMNS],
      ["### Trial table", TRIAL_COLUMNS],
    ] as const) {
      const start = doc.indexOf(heading);
      expect(start, heading).toBeGreaterThan(-1);
      const section = doc.slice(start + heading.length, doc.indexOf("\n### ", start + heading.length) === -1 ? undefined : doc.indexOf("\n### ", start + heading.length));
      const documented = [...section.matchAll(/^\| `([a-z0-9_]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
      expect(documented).toStrictEqual(columns.map((c) => [c.name, c.json]));
    }
  });
});

describe("the patient table", () => {
  it("has the header's column count on every row, whole-number counts, and the rule set, version, catalogue and as-of on every row", async () => {
    const cohort = join(dir, "cohort.ndjson");
    writeFileSync(cohort, (await cli(["generate", "--patients", "400", "--seed", "5", "--bad-rate", "0.05"])).stdout);
    const { stdout, code } = await cli(["classify", cohort, "--as-of", "2024-06-30", "--format", "csv", "--workers", "1", "--no-progress"]);
    expect(code).toBe(1);
    const { header, rows, widths } = table(stdout);
    expect(header).toStrictEqual(PATIENT_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(400);
    expect(new Set(widths)).toStrictEqual(new Set([header.length]));
    const invalid = rows.filter((r) => r.result === "invalid");
    expect(invalid.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r).toMatchObject(PROVENANCE);
      expect(r.catalogue).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(r.line).toMatch(/^[1-9]\d*$/);
      for (const c of COUNT_COLUMNS) {
        // Unknown is not zero: an invalid record has no counts; a classified one always has them.
        if (r.result === "invalid") expect(r[c], c).toBe("");
        else expect(r[c], c).toMatch(/^\d+$/);
      }
      if (r.result === "invalid") expect(r).toMatchObject({ status: "invalid", applicable: "", evidence: "", error: expect.stringMatching(/^invalid_(json|history): /) });
      else expect(r).toMatchObject({ applicable: expect.stringMatching(/^(TRUE|FALSE)$/), error: "" });
    }
  }, 120_000);

  it("gives a structural error of a long-format CSV input the same columns", async () => {
    const fills = readFileSync(fileURLToPath(new URL("../../examples/data/fills.csv", import.meta.url)), "utf8").trimEnd().split("\n");
    // p001's first row again at the end: its rows are not adjacent.
    const file = join(dir, "split.csv");
    writeFileSync(file, `${[...fills, fills[1]].join("\n")}\n`);
    const { stdout, code } = await cli(["classify", file, "--as-of", "2023-12-31", "--format", "csv", "--workers", "1", "--no-progress"]);
    expect(code).toBe(1);
    const { header, rows, widths } = table(stdout);
    expect(new Set(widths)).toStrictEqual(new Set([header.length]));
    const last = rows.at(-1);
    expect(last).toMatchObject({ line: String(fills.length + 1), result: "invalid", status: "invalid", rule_set: "eu-pearl-2022", rule_set_version: getRuleSet("eu-pearl-2022").version, as_of: "2023-12-31", trials: "" });
    expect(last?.error).toMatch(/^csv_patient_not_contiguous: /);
  }, 60_000);
});

/** The vignettes' histories, one per line, and an invalid line between them. */
function vignetteCohort(): { file: string; histories: unknown[] } {
  const vdir = fileURLToPath(new URL("../vignettes/", import.meta.url));
  const histories = readdirSync(vdir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(vdir, f), "utf8")) as { history: unknown }).history);
  const lines = histories.map((h) => JSON.stringify(h));
  lines.splice(3, 0, '{"id": "broken", "episode": ');
  const file = join(dir, "vignettes.ndjson");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, histories };
}

describe("the trial table (--per trial)", () => {
  it("writes one row per assessed trial and one error row per invalid line, with the classifier's own verdicts", async () => {
    const { file, histories } = vignetteCohort();
    const asOf = "2024-12-31";
    const expected = new Map<number, readonly TrialAssessment[]>();
    histories.forEach((h, i) => {
      const parsed = parseTreatmentHistory(h);
      if (parsed.success) expected.set(i < 3 ? i + 1 : i + 2, classifyTrd(parsed.data, { asOf, ruleSet: "mgh-atrq" }).trials);
    });
    const args = ["classify", file, "--as-of", asOf, "--rule-set", "mgh-atrq", "--per", "trial", "--workers", "1", "--no-progress"];
    const ndjson = await cli(args);
    const records = ndjson.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const csv = table((await cli([...args, "--format", "csv"])).stdout);
    expect(csv.rows).toHaveLength(records.length);
    expect(new Set(csv.widths)).toStrictEqual(new Set([csv.header.length]));
    expect(csv.header).toStrictEqual(TRIAL_COLUMNS.map((c) => c.name));

    // The invalid line: exactly one error record (NDJSON) and one error row (CSV), with the provenance.
    expect(records.filter((r) => r.line === 4)).toStrictEqual([expect.objectContaining({ error: "invalid_json", ruleSet: "mgh-atrq", ruleSetVersion: getRuleSet("mgh-atrq").version, asOf })]);
    expect(csv.rows.filter((r) => r.line === "4")).toStrictEqual([expect.objectContaining({ result: "invalid", trial_id: "", rule_set: "mgh-atrq", as_of: asOf, error: expect.stringMatching(/^invalid_json: /) })]);

    const trialRecords = records.filter((r) => r.error === undefined);
    let total = 0;
    for (const [line, trials] of expected) {
      const mine = trialRecords.filter((r) => r.line === line);
      expect(mine.map((r) => r.trialId), `line ${line}`).toStrictEqual(trials.map((t) => t.trialId));
      total += trials.length;
      trials.forEach((t, k) => {
        const r = mine[k]!;
        expect(r).toMatchObject({ start: t.start, end: t.end, role: t.role, ongoing: t.ongoing, doseStatus: t.dose.status, durationStatus: t.duration.status, weeksNeeded: t.duration.requiredWeeks, adherenceStatus: t.adherence.status, adequate: t.adequate, outcome: t.outcome.category, countsTowardResistance: t.countsTowardResistance, ruleSet: "mgh-atrq", asOf });
        expect(r.drugClass).toBe(t.drugClass);
        if (t.dose.status === "unknown") expect([r.doseReached, r.doseThreshold, r.doseUnit]).toStrictEqual([undefined, undefined, undefined]);
        else if ("basis" in t.dose) expect([r.doseReached, r.doseThreshold, r.doseUnit]).toStrictEqual([t.dose.reachedMmolPerL, t.dose.thresholdMmolPerL, "mmol/L"]);
        else expect([r.doseReached, r.doseThreshold, r.doseUnit]).toStrictEqual([t.dose.reachedMgPerDay, t.dose.thresholdMgPerDay, "mg/day"]);
        // Unknown is not negative: no weeks at an adequate dose when the adequate dose is unknown.
        expect(r.weeksAtAdequateDose).toBe(t.duration.status === "unknown" ? undefined : t.duration.weeksAtAdequateDose);
        expect(r.percentImprovement).toBe("percentImprovement" in t.outcome ? t.outcome.percentImprovement : undefined);
      });
    }
    expect(trialRecords).toHaveLength(total);
    // The cohort exercises what the columns must carry: a serum level, an unknown dose, a counted trial.
    expect(trialRecords.some((r) => r.doseUnit === "mmol/L")).toBe(true);
    expect(trialRecords.some((r) => r.doseStatus === "unknown")).toBe(true);
    expect(trialRecords.some((r) => r.countsTowardResistance === true)).toBe(true);

    // The CSV carries the same values, row for row.
    csv.rows.forEach((row, i) => {
      const r = records[i]!;
      expect(row.line).toBe(String(r.line));
      expect(row.trial_id).toBe(r.trialId ?? "");
      expect(row.dose_reached).toBe(r.doseReached === undefined ? "" : String(r.doseReached));
      expect(row.counts_toward_resistance).toBe(r.countsTowardResistance === undefined ? "" : r.countsTowardResistance ? "TRUE" : "FALSE");
    });
  }, 120_000);

  it("refuses an unknown --per, and --full or --since with --per trial, as usage errors", async () => {
    const file = join(dir, "one.ndjson");
    writeFileSync(file, `${JSON.stringify({ id: "a", episode: { onset: "2024-01-01" } })}\n`);
    for (const extra of [["--per", "visit"], ["--per", "trial", "--full"], ["--per", "trial", "--since"]]) {
      const { code, stderr } = await cli(["classify", file, "--as-of", "2024-06-30", "--workers", "1", "--no-progress", ...extra]);
      expect(code, extra.join(" ")).toBe(2);
      expect(stderr).toContain("--");
    }
  }, 60_000);
});
