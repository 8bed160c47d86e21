/**
 * `--write-cohort`: reads the classification output as it is written (NDJSON or CSV, one line per
 * person), passes it on unchanged, and writes the OHDSI cohort table (the persons with a
 * resistant-since date, from that date) and the results table (every person classified) to the
 * database, in batches, with back-pressure: output waits while a batch is being inserted.
 */
import { Writable } from "node:stream";
import type { CohortTableOptions } from "../omop/index";
import { COHORT_TABLE_COLUMNS, RESULT_TABLE_COLUMNS, qualified, renderCohortDdl, renderCohortEndUpdate } from "../omop/index";
import type { OmopConnection, SqlValue } from "./omopDatabase";

/** What the writer needs to know of the run. */
export interface CohortWriterOptions extends CohortTableOptions {
  readonly format: "ndjson" | "csv";
  readonly asOf: string;
  readonly classifierVersion: string;
  readonly cdmSchema?: string;
}

/** Splits one CSV line into fields (quoted fields with doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

interface Classified {
  readonly id?: string;
  readonly status: string;
  readonly result?: string;
  readonly applicable?: boolean;
  readonly evidence?: string;
  readonly resistantSince?: string;
  readonly ruleSet?: string;
  readonly catalogue?: string;
  readonly counts?: readonly (number | undefined)[];
  readonly flags?: string;
}

function fromNdjson(line: string): Classified {
  const o = JSON.parse(line) as { id?: string; status?: string; result?: string; applicable?: boolean; evidence?: string; resistantSince?: string; ruleSet?: string; catalogue?: string; flags?: string[]; counts?: Record<string, number>; error?: string };
  if (o.error !== undefined) return { ...(o.id === undefined ? {} : { id: o.id }), status: "invalid" };
  const c = o.counts ?? {};
  return {
    ...(o.id === undefined ? {} : { id: o.id }),
    status: o.status ?? "invalid",
    ...(o.result === undefined ? {} : { result: o.result }),
    ...(o.applicable === undefined ? {} : { applicable: o.applicable }),
    ...(o.evidence === undefined ? {} : { evidence: o.evidence }),
    ...(o.resistantSince === undefined ? {} : { resistantSince: o.resistantSince }),
    ...(o.ruleSet === undefined ? {} : { ruleSet: o.ruleSet }),
    ...(o.catalogue === undefined ? {} : { catalogue: o.catalogue }),
    counts: [c["trials"], c["adequateTrials"], c["failedAdequateTrials"], c["nonResponseFailures"], c["partialResponseFailures"]],
    flags: (o.flags ?? []).join(" "),
  };
}

function fromCsv(line: string): Classified | undefined {
  const f = csvFields(line);
  if (f[0] === "line") return undefined;
  const n = (i: number): number | undefined => (f[i] === undefined || f[i] === "" ? undefined : Number(f[i]));
  const status = f[3] ?? "invalid";
  return {
    ...(f[1] ? { id: f[1] } : {}),
    status,
    ...(f[2] ? { result: f[2] } : {}),
    ...(f[4] === "true" || f[4] === "false" ? { applicable: f[4] === "true" } : {}),
    ...(f[5] ? { evidence: f[5] } : {}),
    ...(f[6] ? { resistantSince: f[6] } : {}),
    ...(f[7] ? { ruleSet: f[7] } : {}),
    ...(f[8] ? { catalogue: f[8] } : {}),
    counts: [n(9), n(10), n(11), n(12), n(13)],
    flags: f[14] ?? "",
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
    const [ruleSet, ruleSetVersion] = (c.ruleSet ?? "").split("@");
    const id = this.options.cohortDefinitionId;
    this.results.push([id, c.id, c.status, c.result ?? null, c.applicable ?? null, c.evidence ?? null, c.resistantSince ?? null, ruleSet || null, ruleSetVersion ?? null, c.catalogue ?? null, this.options.classifierVersion, this.options.asOf, ...(c.counts ?? [undefined, undefined, undefined, undefined, undefined]).map((x) => x ?? null), c.flags ?? null]);
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
