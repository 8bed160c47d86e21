/**
 * Reads the classify command's own output (NDJSON or CSV) as it is written, and gathers what the
 * report needs in bounded memory: the cohort's counts, the input lines of the default timeline
 * sample (the first few records of each result), the lines of the chosen patient ids, and the
 * line of every valid record (4 bytes each) for the rule-set comparison's sample.
 */
import { Writable } from "node:stream";
import { addToTally, newCohortTally } from "../report/cohortTally";
import type { CohortTally, RecordSummary } from "../report/cohortTally";
import { csvHeader } from "./records";

const CSV_HEADER = csvHeader({ per: "patient" });

const CSV_COLUMNS = CSV_HEADER.split(",");
const COL = (name: string): number => CSV_COLUMNS.indexOf(name);
const C_LINE = COL("line");
const C_ID = COL("id");
const C_RESULT = COL("result");
const C_STATUS = COL("status");
const C_APPLICABLE = COL("applicable");
const C_EVIDENCE = COL("evidence");
const C_FLAGS = COL("flag_codes");
const C_ERROR = COL("error");

/** The fields of one CSV line (quoted fields may hold commas and doubled quotes). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i += 1; // the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** "invalid_history: too_small at trials[0].mgPerDay; invalid_type at episode" → issues. */
function issuesOfCsvError(error: string): { code: string; path: string }[] {
  const colon = error.indexOf(": ");
  const kind = colon === -1 ? error : error.slice(0, colon);
  if (kind !== "invalid_history") return [{ code: kind, path: "" }];
  return error
    .slice(colon + 2)
    .split("; ")
    .map((part) => {
      const at = part.indexOf(" at ");
      return at === -1 ? { code: part, path: "" } : { code: part.slice(0, at), path: part.slice(at + 4) === "(root)" ? "" : part.slice(at + 4) };
    });
}

/** The string value of a top-level key written by records.ts (the first `"key":"`; inside a JSON string a quote is always escaped, so it cannot match there). */
function stringAfter(text: string, key: string): string | undefined {
  const at = text.indexOf(key);
  if (at === -1) return undefined;
  const from = at + key.length;
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
  const raw = text.slice(from, end);
  return raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/**
 * A classified record's summary from its NDJSON line without parsing the whole line (the line's
 * reasons and messages are most of it): the keys records.ts writes, found by their first
 * occurrence. Undefined for anything else (an invalid record), which is parsed in full.
 */
function fastResult(text: string): { summary: RecordSummary; line: number; id: string | undefined } | undefined {
  const result = stringAfter(text, '"result":"');
  const status = stringAfter(text, '"status":"');
  const flagsAt = text.indexOf('"flagCodes":[');
  if (result === undefined || status === undefined || flagsAt === -1 || !text.startsWith('{"line":')) return undefined;
  const line = Number.parseInt(text.slice(8, 24), 10);
  const flagsEnd = text.indexOf("]", flagsAt);
  const flags = text.slice(flagsAt + 13, flagsEnd).split(",").filter((f) => f !== "").map((f) => f.slice(1, -1));
  const id = text.startsWith('"id":"', text.indexOf(",") + 1) ? stringAfter(text, '"id":"') : undefined;
  const applicableAt = text.indexOf('"applicable":');
  const applicable = applicableAt !== -1 && text.charCodeAt(applicableAt + 13) === 116; // t(rue)
  return { summary: { kind: "result", result, status, applicable, evidenceComplete: stringAfter(text, '"evidence":"') === "complete", flags }, line, id };
}

/** One output line as a record summary, its input line and its id; undefined for the CSV header or an unreadable line. */
export function summaryOfOutputLine(text: string, format: "ndjson" | "csv"): { summary: RecordSummary; line: number; id: string | undefined } | undefined {
  if (format === "ndjson") {
    const fast = fastResult(text);
    if (fast !== undefined) return fast;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const line = typeof o.line === "number" ? o.line : 0;
    const id = typeof o.id === "string" ? o.id : undefined;
    if (typeof o.error === "string") {
      const issues = Array.isArray(o.issues) ? (o.issues as { code?: unknown; path?: unknown }[]).map((i) => ({ code: String(i.code), path: typeof i.path === "string" ? i.path : "" })) : [];
      return { summary: { kind: "invalid", line, issues: o.error === "invalid_history" ? issues : [{ code: o.error, path: "" }] }, line, id };
    }
    const flags = Array.isArray(o.flagCodes) ? o.flagCodes.map(String) : [];
    return { summary: { kind: "result", result: String(o.result), status: String(o.status), applicable: o.applicable === true, evidenceComplete: o.evidence === "complete", flags }, line, id };
  }
  if (text === CSV_HEADER) return undefined;
  const f = csvFields(text);
  const line = Number(f[C_LINE]);
  const id = f[C_ID] === "" ? undefined : f[C_ID];
  if (f[C_RESULT] === "invalid") return { summary: { kind: "invalid", line, issues: issuesOfCsvError(f[C_ERROR] ?? "") }, line, id };
  const flags = (f[C_FLAGS] ?? "").split(" ").filter((x) => x !== "");
  return { summary: { kind: "result", result: f[C_RESULT] ?? "", status: f[C_STATUS] ?? "", applicable: f[C_APPLICABLE] === "TRUE", evidenceComplete: f[C_EVIDENCE] === "complete", flags }, line, id };
}

/** What to sample while collecting. */
export interface CollectOptions {
  readonly format: "ndjson" | "csv";
  /** Default timeline sample: the first this many records of each result. */
  readonly perResult: number;
  /** Chosen patient ids (when given, they replace the default sample). */
  readonly ids: readonly string[] | undefined;
}

/** The counts and the sample's lines, gathered from the output. */
export class ReportCollector {
  readonly tally: CohortTally = newCohortTally();
  /** Input lines of the timelines, in order of appearance. */
  readonly timelineLines: number[] = [];
  /** The chosen ids found, with their lines. */
  readonly idLines = new Map<string, number>();
  private readonly perResult = new Map<string, number>();
  private valid = new Uint32Array(1024);
  /** The result of each valid record (an index into `resultNames`), in step with `valid`. */
  private results = new Uint8Array(1024);
  private readonly resultNames: string[] = [];
  private validCount = 0;
  private pending = "";
  private readonly decoder = new TextDecoder("utf-8");
  private readonly wanted: ReadonlySet<string> | undefined;

  constructor(private readonly options: CollectOptions) {
    this.wanted = options.ids === undefined ? undefined : new Set(options.ids);
  }

  /** Valid records' input lines. */
  validLines(): Uint32Array {
    return this.valid.subarray(0, this.validCount);
  }

  /** The result of the `i`-th valid record under the run's rule set. */
  resultOf(i: number): string | undefined {
    return this.resultNames[this.results[i] ?? -1];
  }

  /** Takes a chunk of output. */
  push(chunk: string | Uint8Array): void {
    const text = this.pending + (typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      this.take(text.slice(start, nl));
      start = nl + 1;
    }
    this.pending = text.slice(start);
  }

  /** Takes what is left (output that did not end with a newline). */
  finish(): void {
    const rest = this.pending + this.decoder.decode();
    this.pending = "";
    if (rest.trim() !== "") this.take(rest);
  }

  private take(text: string): void {
    const read = summaryOfOutputLine(text, this.options.format);
    if (read === undefined) return;
    addToTally(this.tally, read.summary);
    if (read.summary.kind !== "result") return;
    if (this.validCount === this.valid.length) {
      const grown = new Uint32Array(this.valid.length * 2);
      grown.set(this.valid);
      this.valid = grown;
      const results = new Uint8Array(this.results.length * 2);
      results.set(this.results);
      this.results = results;
    }
    let code = this.resultNames.indexOf(read.summary.result);
    if (code === -1 && this.resultNames.length < 255) code = this.resultNames.push(read.summary.result) - 1;
    this.results[this.validCount] = code === -1 ? 255 : code;
    this.valid[this.validCount++] = read.line;
    if (this.wanted !== undefined) {
      if (read.id !== undefined && this.wanted.has(read.id) && !this.idLines.has(read.id)) {
        this.idLines.set(read.id, read.line);
        this.timelineLines.push(read.line);
      }
      return;
    }
    const seen = this.perResult.get(read.summary.result) ?? 0;
    if (seen < this.options.perResult) {
      this.perResult.set(read.summary.result, seen + 1);
      this.timelineLines.push(read.line);
    }
  }
}

/** A writable that passes everything to `target` (with its back-pressure) and shows it to the collector. */
export function teeTo(target: Writable, collector: ReportCollector): Writable {
  return new Writable({
    write(chunk: string | Uint8Array, _encoding, callback) {
      collector.push(chunk);
      if (target.write(chunk)) callback();
      else target.once("drain", () => callback());
    },
    final(callback) {
      collector.finish();
      callback();
    },
    decodeStrings: false,
  });
}
