/**
 * A flat output table: its columns, each with a CSV name, an NDJSON name and how its value is read
 * from a row, and how a row is written as CSV or as a JSON object. The column lists themselves
 * are in patientColumns.ts and trialColumns.ts; docs/cli.md is their data dictionary.
 */
import { CATALOGUE_VERSION, getRuleSet } from "../index";
import type { RuleSetId } from "../index";

/** One cell: empty when `undefined` (missing stays missing; never written as 0 or "false"). */
export type Cell = string | number | boolean | undefined;

/** One column of a table. */
export interface Column<Row> {
  /** The CSV header name (snake_case; no pandas DataFrame attribute, no R reserved word). */
  readonly name: string;
  /** The NDJSON field (camelCase; a path such as `counts.trials` where the record nests it). */
  readonly json: string;
  /** The cell of a row. */
  readonly value: (row: Row) => Cell;
}

/**
 * Under what a record was classified: the same four cells on every row of every table, invalid
 * rows included (they come from the options there, from the assessment on result rows).
 */
export interface Provenance {
  /** The rule set's id, e.g. `eu-pearl-2022`. */
  readonly ruleSet: RuleSetId;
  /** The rule set's version, e.g. `1.0.0`. */
  readonly ruleSetVersion: string;
  /** The drug catalogue's version. */
  readonly catalogue: string;
  /** The classification date, YYYY-MM-DD. */
  readonly asOf: string;
}

/** The provenance of a run, from its options (for rows that have no assessment). */
export function provenanceOf(options: { readonly ruleSet: RuleSetId; readonly asOf: string }): Provenance {
  return { ruleSet: options.ruleSet, ruleSetVersion: getRuleSet(options.ruleSet).version, catalogue: CATALOGUE_VERSION, asOf: options.asOf };
}

/** The provenance columns, the same in every table. */
export function provenanceColumns<Row extends { readonly provenance: Provenance }>(): readonly Column<Row>[] {
  return [
    { name: "rule_set", json: "ruleSet", value: (r) => r.provenance.ruleSet },
    { name: "rule_set_version", json: "ruleSetVersion", value: (r) => r.provenance.ruleSetVersion },
    { name: "catalogue", json: "catalogue", value: (r) => r.provenance.catalogue },
    { name: "as_of", json: "asOf", value: (r) => r.provenance.asOf },
  ];
}

/**
 * Quotes a CSV field when it needs it (RFC 4180); `undefined` is an empty field; a boolean is
 * `TRUE` or `FALSE`, which both pandas and R's read.csv read as logical (R reads `true` as text).
 */
export function csvField(value: Cell): string {
  const text = value === undefined ? "" : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header line of a table (no line end). */
export function csvHeaderOf(columns: readonly Column<never>[]): string {
  return columns.map((c) => c.name).join(",");
}

/** One row as a CSV line (no line end): exactly one field per column. */
export function csvRow<Row>(columns: readonly Column<Row>[], row: Row): string {
  let text = "";
  for (let i = 0; i < columns.length; i++) text += (i === 0 ? "" : ",") + csvField(columns[i]!.value(row));
  return text;
}

/** One row as a JSON object (no line end); empty cells are left out. */
export function jsonRow<Row>(columns: readonly Column<Row>[], row: Row): string {
  const out: Record<string, Cell> = {};
  for (const c of columns) {
    const v = c.value(row);
    if (v !== undefined) out[c.json] = v;
  }
  return JSON.stringify(out);
}
