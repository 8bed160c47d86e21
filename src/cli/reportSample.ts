/**
 * The cohort report's data, gathered where the records are classified (issue 16), so that
 * `--report` re-reads neither the output nor the input.
 *
 * Each chunk (in a worker, or in this thread) folds its records into a tally, from the
 * assessments themselves, and keeps a few sample candidates: the histories that may be drawn as
 * timelines or classified under every rule set. The main thread merges the chunks in input order
 * ({@link ReportSample}) and keeps the sample, which is therefore deterministic and the same
 * whatever the number of workers:
 *
 * - timelines: the first {@link ReportRequest.perResult} valid records of each result, in input
 *   order; or, with chosen ids, the first valid record of each;
 * - the comparison of rule sets: the valid records whose input line's hash is a multiple of `k`,
 *   `k` the smallest power of two that keeps them at most {@link COMPARISON_SAMPLE} (every valid
 *   record of a smaller cohort). A hash rather than every k-th line: the first lines of the
 *   patients of a long-format CSV may fall in step with `k`.
 *
 * A chunk knows only its own records. When it is sent, the main thread gives it a hint of what can
 * no longer be chosen (the results whose timelines are all chosen, the ids found, the current `k`).
 * What the hint rules out stays ruled out, so the hint changes what a chunk carries back, never
 * the sample: a chunk carries at most `perResult` candidates per result (or one per chosen id),
 * and the comparison's candidates.
 *
 * Once the run knows its sample, the sample's records are classified under every rule set (and
 * the timelines drawn) by the pool's workers, whose code is warm by then ({@link evaluateSample});
 * whatever they did not do (one worker, an interrupted run) is done in the main thread.
 */
import { classifyTrd, listRuleSets, parseTreatmentHistory, renderTimeline } from "../index";
import type { RuleSetId, TrdAssessment, TrdIssue } from "../index";
import { addClassifiedToTally, addToTally, mergeTally, newCohortTally } from "../report/cohortTally";
import type { CohortTally, RecordSummary } from "../report/cohortTally";

/** Most valid records classified under every rule set for the comparison. */
export const COMPARISON_SAMPLE = 1000;

/** What the report asks of each chunk; sent to the workers with the other options. */
export interface ReportRequest {
  /** Default timelines: the first this many valid records of each result. */
  readonly perResult: number;
  /** Chosen patient ids (when given, they replace the default timelines). */
  readonly ids?: readonly string[];
}

/** What can no longer be chosen when a chunk is sent (see the module's comment). */
export interface SampleHint {
  /** The comparison takes the lines whose hash is a multiple of this (a power of two). */
  readonly every: number;
  /** Results (or, with chosen ids, ids) whose timelines are all chosen. */
  readonly done: readonly string[];
}

/** The hint before any chunk is done: anything may be chosen. */
export const FIRST_HINT: SampleHint = Object.freeze({ every: 1, done: Object.freeze([]) });

/** What the report needs of one record: its summary, and for a valid one, its id and history. */
export interface RecordReport {
  readonly summary: RecordSummary;
  readonly id?: string | undefined;
  /** The input the history was read from: the NDJSON line, or the object made from CSV rows or OMOP rows (a valid record only). */
  readonly source?: string | object;
}

/** A record that may be in the sample. */
export interface SampleCandidate {
  readonly line: number;
  readonly id?: string;
  /** Its result under the run's rule set. */
  readonly result: string;
  /** Its history before validation, as JSON (the NDJSON line itself, when that is the input). */
  readonly history: string;
}

/** A chunk's part of the report: small, sent back from the worker with the chunk's output. */
export interface ChunkReport {
  readonly tally: CohortTally;
  /** In input order. */
  readonly candidates: readonly SampleCandidate[];
}

/** A sampled record to classify under every rule set, and to draw when it is a timeline. */
export interface SampleItem {
  readonly line: number;
  readonly history: string;
  /** Its result under the run's rule set. */
  readonly result: string;
  /** Its place among the timelines (it names the picture's ids), when it is one. */
  readonly timeline?: number;
}

/** A sampled record classified under every rule set, and drawn when it is a timeline. */
export interface SampleEvaluation {
  /** Its result under each rule set, in {@link listRuleSets} order (the run's own taken from the run). */
  readonly results: readonly string[];
  /** The history's id. */
  readonly id?: string;
  /** The timeline (a timeline only). */
  readonly svg?: string;
}

/**
 * Classifies sampled records under every rule set and draws the timelines among them; undefined
 * for a record whose history is not valid (none is: the run validated each).
 */
export function evaluateSample(items: readonly SampleItem[], options: { readonly asOf: string; readonly ruleSet: RuleSetId }): (SampleEvaluation | undefined)[] {
  return items.map((item) => {
    const parsed = parseTreatmentHistory(JSON.parse(item.history));
    if (!parsed.success) return undefined;
    const history = parsed.data;
    const results = listRuleSets().map((r) => (r.id === options.ruleSet ? item.result : classifyTrd(history, { asOf: options.asOf, ruleSet: r.id }).displayStatus));
    const id = history.id === undefined ? {} : { id: history.id };
    if (item.timeline === undefined) return { results, ...id };
    const assessment = classifyTrd(history, { asOf: options.asOf, ruleSet: options.ruleSet, countedSpans: true, resistantSince: true });
    return { results, ...id, svg: renderTimeline(history, assessment, { idPrefix: `tl${item.timeline}` }) };
  });
}

/** Mixes a line number into 32 bits (MurmurHash3's finalizer): neighbouring lines far apart. */
function lineHash(line: number): number {
  let h = line >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Whether the record at `line` is in the comparison when it takes one line in `every` (a power of two). */
function inComparison(line: number, every: number): boolean {
  return (lineHash(line) & (every - 1)) === 0;
}

/** The key a record's timeline is chosen by (its result, or its id when ids are chosen), and how many per key; undefined when it cannot be a timeline. */
function timelineKey(wanted: ReadonlySet<string> | undefined, result: string, id: string | undefined): string | undefined {
  if (wanted === undefined) return result;
  return id !== undefined && wanted.has(id) ? id : undefined;
}

const perKey = (request: ReportRequest): number => (request.ids === undefined ? request.perResult : 1);

/** The summary of an invalid record: its issue codes and paths, or the error's code alone. */
export function invalidSummary(line: number, error: string, issues: readonly TrdIssue[]): RecordSummary {
  return { kind: "invalid", line, issues: error === "invalid_history" ? issues.map((i) => ({ code: i.code, path: i.path })) : [{ code: error, path: "" }] };
}

/** A chunk's report, gathered record by record (in a worker, or in this thread). */
export class ChunkReportBuilder {
  private readonly tally = newCohortTally();
  private readonly candidates: SampleCandidate[] = [];
  private readonly kept = new Map<string, number>();
  private readonly done: ReadonlySet<string>;
  private readonly wanted: ReadonlySet<string> | undefined;

  constructor(
    private readonly request: ReportRequest,
    private readonly hint: SampleHint = FIRST_HINT,
  ) {
    this.done = new Set(hint.done);
    this.wanted = request.ids === undefined ? undefined : new Set(request.ids);
  }

  /** Adds the record at `line`. */
  add(line: number, record: RecordReport): void {
    addToTally(this.tally, record.summary);
    if (record.summary.kind !== "result" || record.source === undefined) return;
    this.consider(line, record.summary.result, record.id, record.source);
  }

  /**
   * Adds the valid record at `line` straight from its assessment (no summary made): the same as
   * {@link ChunkReportBuilder.add} of its {@link RecordReport}.
   */
  addClassified(line: number, a: Pick<TrdAssessment, "displayStatus" | "status" | "applicable" | "evidence" | "flags">, id: string | undefined, source: string | object): void {
    addClassifiedToTally(this.tally, a.displayStatus, a.status, a.applicable, a.evidence.complete, a.flags);
    this.consider(line, a.displayStatus, id, source);
  }

  /** Keeps the valid record at `line` as a candidate when it may still be chosen. */
  private consider(line: number, result: string, id: string | undefined, source: string | object): void {
    const key = timelineKey(this.wanted, result, id);
    const kept = key === undefined ? perKey(this.request) : (this.kept.get(key) ?? 0);
    const timeline = key !== undefined && !this.done.has(key) && kept < perKey(this.request);
    if (!timeline && !inComparison(line, this.hint.every)) return;
    if (timeline) this.kept.set(key, kept + 1);
    // A copy of the line: a slice of the chunk's text would keep all of that text alive.
    const history = typeof source === "string" ? Buffer.from(source).toString() : JSON.stringify(source);
    this.candidates.push({ line, ...(id === undefined ? {} : { id }), result, history });
  }

  /** The report so far (a copy: the builder goes on). */
  snapshot(): ChunkReport {
    return { tally: structuredClone(this.tally), candidates: [...this.candidates] };
  }

  /** The chunk's report. */
  finish(): ChunkReport {
    return { tally: this.tally, candidates: this.candidates };
  }
}

/** The report of one invalid record, made by the command itself (an error record). */
export function invalidReport(line: number, error: string): ChunkReport {
  const tally = newCohortTally();
  addToTally(tally, invalidSummary(line, error, []));
  return { tally, candidates: [] };
}

/** Reports of consecutive pieces as one (a chunk classified again record by record). */
export function joinReports(reports: readonly (ChunkReport | undefined)[]): ChunkReport | undefined {
  if (reports.every((r) => r === undefined)) return undefined;
  const tally = newCohortTally();
  const candidates: SampleCandidate[] = [];
  for (const r of reports) {
    if (r === undefined) continue;
    mergeTally(tally, r.tally);
    candidates.push(...r.candidates);
  }
  return { tally, candidates };
}

/**
 * The report's data for the whole run: chunk reports merged in input order, and the sample kept.
 * Lives in the main thread.
 */
export class ReportSample {
  readonly tally: CohortTally = newCohortTally();
  /** The timelines' records, in input order. */
  readonly timelines: SampleCandidate[] = [];
  /** The comparison's records, in input order. */
  comparison: SampleCandidate[] = [];
  /** The comparison takes the lines whose hash is a multiple of this. */
  every = 1;
  private readonly chosen = new Map<string, number>();
  private readonly evaluations = new Map<number, SampleEvaluation | undefined>();
  private readonly wanted: ReadonlySet<string> | undefined;

  constructor(readonly request: ReportRequest) {
    this.wanted = request.ids === undefined ? undefined : new Set(request.ids);
  }

  /** What can no longer be chosen, for a chunk about to be sent. */
  hint(): SampleHint {
    const done: string[] = [];
    for (const [key, n] of this.chosen) if (n >= perKey(this.request)) done.push(key);
    return { every: this.every, done };
  }

  /** The chosen ids found (with chosen ids). */
  idsFound(): ReadonlySet<string> {
    return new Set(this.request.ids === undefined ? [] : this.chosen.keys());
  }

  /** Adds the report of the next chunk, in input order. */
  add(chunk: ChunkReport | undefined): void {
    if (chunk === undefined) return;
    mergeTally(this.tally, chunk.tally);
    for (const candidate of chunk.candidates) {
      const key = timelineKey(this.wanted, candidate.result, candidate.id);
      const n = key === undefined ? undefined : (this.chosen.get(key) ?? 0);
      if (key !== undefined && n !== undefined && n < perKey(this.request)) {
        this.chosen.set(key, n + 1);
        this.timelines.push(candidate);
      }
      if (inComparison(candidate.line, this.every)) this.comparison.push(candidate);
    }
    while (this.comparison.length > COMPARISON_SAMPLE) {
      this.every *= 2;
      this.comparison = this.comparison.filter((c) => inComparison(c.line, this.every));
    }
  }

  /** The sample's records not evaluated yet, each once, in input order. */
  pending(): SampleItem[] {
    const items = new Map<number, SampleItem>();
    this.timelines.forEach((c, timeline) => items.set(c.line, { line: c.line, history: c.history, result: c.result, timeline }));
    for (const c of this.comparison) if (!items.has(c.line)) items.set(c.line, { line: c.line, history: c.history, result: c.result });
    return [...items.values()].filter((item) => !this.evaluations.has(item.line)).sort((a, b) => a.line - b.line);
  }

  /** Keeps the evaluations of `items` (as {@link evaluateSample} returns them). */
  evaluated(items: readonly SampleItem[], evaluations: readonly (SampleEvaluation | undefined)[]): void {
    items.forEach((item, i) => this.evaluations.set(item.line, evaluations[i]));
  }

  /** The evaluation of the sampled record at `line` (after {@link ReportSample.evaluated}). */
  evaluation(line: number): SampleEvaluation | undefined {
    return this.evaluations.get(line);
  }
}
