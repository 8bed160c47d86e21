/**
 * `--write-cohort`: reads the classification output as it is written (NDJSON or CSV, one line per
 * person), passes it on unchanged, and writes the OHDSI cohort table (the persons with a
 * resistant-since date, from that date) and the results table (every person classified) to the
 * database, in batches, with back-pressure: output waits while a batch is being inserted.
 */
import { Writable } from "node:stream";
import type { CohortTableOptions } from "../omop/index";
import { COHORT_TABLE_COLUMNS, RESULT_TABLE_COLUMNS, qualified, renderCohortDdl, renderCohortEndUpdate } from "../omop/index";
import { parseCsv } from "../fills/longFormat";
import type { OmopConnection, SqlValue } from "./omopDatabase";
import { csvHeader } from "./records";

/** What the writer needs to know of the run. */
export interface CohortWriterOptions extends CohortTableOptions {
  readonly format: "ndjson" | "csv";
  readonly asOf: string;
  readonly classifierVersion: string;
  readonly cdmSchema?: string;
}

/** The patient table's columns, by name (the output's own header, records.ts). */
const COLUMN = new Map(csvHeader({ per: "patient" }).split(",").map((name, i) => [name, i]));

interface Classified {
  readonly id?: string;
  readonly status: string;
  readonly result?: string;
  readonly applicable?: boolean;
  readonly evidence?: string;
  readonly resistantSince?: string;
  readonly ruleSet?: string;
  readonly ruleSetVersion?: string;
  readonly catalogue?: string;
  readonly counts?: readonly (number | undefined)[];
  readonly flags?: string;
  /** The OMOP adapter's decisions on the person's rows, as space-separated `code:count` (empty: none). */
  readonly decisions?: string;
}

function fromNdjson(line: string): Classified {
  const o = JSON.parse(line) as { id?: string; status?: string; result?: string; applicable?: boolean; evidence?: string; resistantSince?: string; ruleSet?: string; ruleSetVersion?: string; catalogue?: string; flagCodes?: string[]; counts?: Record<string, number>; omopDecisionCounts?: Record<string, number>; error?: string };
  if (o.error !== undefined) {
    const run = { id: o.id, ruleSet: o.ruleSet, ruleSetVersion: o.ruleSetVersion, catalogue: o.catalogue };
    return { ...Object.fromEntries(Object.entries(run).filter(([, v]) => v !== undefined)), status: "invalid", result: "invalid" };
  }
  const c = o.counts ?? {};
  return {
    ...(o.id === undefined ? {} : { id: o.id }),
    status: o.status ?? "invalid",
    ...(o.result === undefined ? {} : { result: o.result }),
    ...(o.applicable === undefined ? {} : { applicable: o.applicable }),
    ...(o.evidence === undefined ? {} : { evidence: o.evidence }),
    ...(o.resistantSince === undefined ? {} : { resistantSince: o.resistantSince }),
    ...(o.ruleSet === undefined ? {} : { ruleSet: o.ruleSet }),
    ...(o.ruleSetVersion === undefined ? {} : { ruleSetVersion: o.ruleSetVersion }),
    ...(o.catalogue === undefined ? {} : { catalogue: o.catalogue }),
    counts: [c["trials"], c["adequateTrials"], c["failedAdequateTrials"], c["nonResponseFailures"], c["partialResponseFailures"]],
    flags: (o.flagCodes ?? []).join(" "),
    decisions: Object.entries(o.omopDecisionCounts ?? {})
      .map(([code, n]) => `${code}:${n}`)
      .join(" "),
  };
}

/** The OMOP decisions of a CSV `notes` cell (`code (count); …`) as `code:count …`; other notes are not decisions. */
function decisionsOfNotes(notes: string): string {
  return notes
    .split("; ")
    .flatMap((note) => {
      const m = /^([a-z_]+) \((\d+)\)$/.exec(note);
      return m === null ? [] : [`${m[1]}:${m[2]}`];
    })
    .join(" ");
}

function fromCsv(line: string): Classified | undefined {
  const f = parseCsv(line)[0]?.fields ?? [];
  if (f[0] === "line") return undefined;
  const cell = (name: string): string => f[COLUMN.get(name) ?? -1] ?? "";
  const text = (name: string): string | undefined => (cell(name) === "" ? undefined : cell(name));
  const n = (name: string): number | undefined => (cell(name) === "" ? undefined : Number(cell(name)));
  const applicable = cell("applicable");
  const optional = { id: text("id"), result: text("result"), evidence: text("evidence"), resistantSince: text("resistant_since"), ruleSet: text("rule_set"), ruleSetVersion: text("rule_set_version"), catalogue: text("catalogue") };
  return {
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    status: text("status") ?? "invalid",
    ...(applicable === "TRUE" || applicable === "FALSE" ? { applicable: applicable === "TRUE" } : {}),
    counts: [n("trials"), n("adequate_trials"), n("failed_adequate_trials"), n("non_response_failures"), n("partial_response_failures")],
    ...(text("status") === "invalid" ? {} : { flags: cell("flag_codes"), decisions: decisionsOfNotes(cell("notes")) }),
  };
}

/** A Writable that forwards the output and writes the tables; `finish()` writes the last batch and the cohort ends. */
export class CohortWriter extends Writable {
  private pending = "";
  private results: SqlValue[][] = [];
  private cohort: SqlValue[][] = [];
  private readonly decoder = new TextDecoder();
  /** Rows written to the cohort table and the results table. */
  readonly counts = { cohort: 0, results: 0 };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly db: OmopConnection,
    private readonly options: CohortWriterOptions,
  ) {
    super();
  }

  /** Creates the tables and clears this cohort definition's earlier rows. */
  async prepare(): Promise<void> {
    await this.db.run(...renderCohortDdl(this.db.dialect, this.options));
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    const forwarded = this.out.write(chunk);
    this.pending += text;
    const end = this.pending.lastIndexOf("\n");
    if (end >= 0) {
      for (const line of this.pending.slice(0, end).split("\n")) if (line !== "") this.take(line);
      this.pending = this.pending.slice(end + 1);
    }
    const flushed = this.results.length >= 2000 ? this.flush() : Promise.resolve();
    const drained = forwarded ? Promise.resolve() : new Promise<void>((r) => this.out.once("drain", () => r()));
    Promise.all([flushed, drained]).then(() => done(), done);
  }

  private take(line: string): void {
    const c = this.options.format === "ndjson" ? fromNdjson(line) : fromCsv(line);
    if (c === undefined || c.id === undefined || !/^\d+$/.test(c.id)) return;
    const id = this.options.cohortDefinitionId;
    this.results.push([id, c.id, c.status, c.result ?? null, c.applicable ?? null, c.evidence ?? null, c.resistantSince ?? null, c.ruleSet ?? null, c.ruleSetVersion ?? null, c.catalogue ?? null, this.options.classifierVersion, this.options.asOf, ...(c.counts ?? [undefined, undefined, undefined, undefined, undefined]).map((x) => x ?? null), c.flags ?? null, c.decisions ?? null]);
    if (c.resistantSince !== undefined) this.cohort.push([id, c.id, c.resistantSince, this.options.asOf]);
  }

  private async flush(): Promise<void> {
    const results = this.results;
    const cohort = this.cohort;
    this.results = [];
    this.cohort = [];
    if (results.length > 0) await this.db.insert(qualified(this.options.resultsSchema, this.options.resultTable), RESULT_TABLE_COLUMNS.map(([name]) => name), results);
    if (cohort.length > 0) await this.db.insert(qualified(this.options.resultsSchema, this.options.cohortTable), COHORT_TABLE_COLUMNS, cohort);
    this.counts.results += results.length;
    this.counts.cohort += cohort.length;
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.pending !== "") this.take(this.pending);
    this.pending = "";
    this.flush().then(() => done(), done);
  }

  /** After the output has finished: sets each cohort row's end (observation period or as-of). */
  async closeCohort(): Promise<void> {
    await this.db.run(renderCohortEndUpdate(this.options, this.options.cdmSchema, this.options.asOf));
  }
}
