/**
 * From prescription, dispense and fill records to trials in the classifier's input form, with a
 * decision (and its rule and source) for every merge, gap, switch, combination, augmentation,
 * dose change and dropped record.
 *
 * @module
 */
import type * as z from "zod";
import type { CatalogueAgent } from "../catalogue/agents";
import { agentOf } from "../catalogue/lookUpAgent";
import { applyOverrides } from "../rules/applyOverrides";
import type { Comparison } from "../classify/types";
import { normaliseDrugName } from "../catalogue/normaliseDrugName";
import type { SourceId } from "../catalogue/sources";
import type { Citation, Verification } from "../catalogue/types";
import { addDays, compareDates, daysBetween, isCalendarDate, maxDate, minDate } from "../internal/dates";
import { sortInPlace } from "../internal/sortInPlace";
import { makeIssue } from "../schema/issues";
import type { TrdIssue } from "../schema/issues";
import { zodIssuesToTrdIssues } from "../schema/parseTreatmentHistory";
import type { Indication, TrialSchema } from "../schema/trial";
import { DEFAULT_BUILD_PRESET_ID, getBuildPreset, listBuildPresets } from "./buildOptions";
import type { BuildPresetId, BuildTrialsParameters } from "./buildOptions";
import { FillRecordSchema } from "./fillRecord";
import type { FillRecord } from "./fillRecord";
import { parseFillRecordFast } from "./fillRecordFast";

/**
 * Options for {@link buildTrials}.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const options: BuildTrialsOptions = { preset: "ohdsi-drug-era", overrides: { persistenceWindowDays: 60 }, asOf: "2024-06-30" };
 * // still covered on asOf, so the trial is ongoing: it has no end
 * buildTrials([{ agent: { name: "sertraline" }, date: "2024-06-15", daysSupply: 30, mgPerDay: 50 }], options).trials[0]?.end; //=> undefined
 */
export interface BuildTrialsOptions {
  /** A named preset (default {@link DEFAULT_BUILD_PRESET_ID}). */
  readonly preset?: BuildPresetId;
  /** Parameters to override; the result records them. */
  readonly overrides?: Partial<BuildTrialsParameters>;
  /** When given, a course still covered on this date is ongoing (no end). */
  readonly asOf?: string;
}

/**
 * Stable codes of the decisions {@link buildTrials} reports.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const built = buildTrials([
 *   { id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 },
 *   { id: "rx2", agent: { name: "sertraline" }, date: "2024-03-20", daysSupply: 30, mgPerDay: 50 },
 * ]);
 * const codes: BuildDecisionCode[] = built.decisions.map((d) => d.code);
 * codes; //=> ["gap_ends_course", "adherence", "adherence"]
 */
export type BuildDecisionCode =
  | "merged"
  | "early_refill"
  | "same_day_fills_combined"
  | "gap_ends_course"
  | "dose_change"
  | "dose_unknown"
  | "default_days_supply"
  | "dropped_implausible"
  | "dropped_invalid"
  | "agent_unknown"
  | "switch"
  | "cross_taper_switch"
  | "combination"
  | "augmentation"
  | "augmentation_without_antidepressant"
  | "episode_gap"
  | "adherence"
  | "adherence_not_documented"
  | "indication";

/**
 * One decision: what was done with which records, under which rule and source.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const built = buildTrials([
 *   { id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 },
 *   { id: "rx2", agent: { name: "sertraline" }, date: "2024-03-20", daysSupply: 30, mgPerDay: 50 },
 * ]);
 * const gap: BuildDecision | undefined = built.decisions.find((d) => d.code === "gap_ends_course");
 * [gap?.message, gap?.rule, gap?.source, gap?.compared?.value]; //=> ["sertraline: 48 uncovered days after 2024-01-31 end the course (more than 42)", "persistenceWindowDays", "bmc-psychiatry-2017-lot", 48]
 */
export interface BuildDecision {
  /** Stable code. */
  readonly code: BuildDecisionCode;
  /** One plain sentence. */
  readonly message: string;
  /** The records concerned (their `id`, or `records[i]` when they have none). */
  readonly recordIds: readonly string[];
  /** The trial built, when the decision concerns one. */
  readonly trialId?: string;
  /** The numbers compared. */
  readonly compared?: Comparison;
  /** The parameter applied. */
  readonly rule: string;
  /** Its source. */
  readonly source?: SourceId;
  /** How well that source was verified. */
  readonly verification?: Verification;
}

/**
 * A trial as built, in the classifier's input form.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const built = buildTrials([
 *   { id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 },
 *   { id: "rx2", agent: { name: "sertraline" }, date: "2024-03-20", daysSupply: 30, mgPerDay: 50 },
 * ]);
 * const first: BuiltTrial | undefined = built.trials[0];
 * first; //=> { id: "sertraline-2024-01-02", agent: { name: "sertraline" }, start: "2024-01-02", end: "2024-01-31", doses: [{ from: "2024-01-02", mgPerDay: 50 }], adherence: 1 }
 */
export interface BuiltTrial extends z.input<typeof TrialSchema> {}

/**
 * The result of {@link buildTrials}.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const built = buildTrials([
 *   { id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 },
 *   { id: "rx2", agent: { name: "sertraline" }, date: "2024-03-20", daysSupply: 30, mgPerDay: 50 },
 * ]);
 * const result: BuildTrialsResult = built;
 * [result.preset, result.trials.length, result.episode?.onset, result.issues.length]; //=> ["claims-line-of-therapy", 2, "2024-01-02", 0]
 */
export interface BuildTrialsResult {
  /** The preset used. */
  readonly preset: BuildPresetId;
  /** The effective parameters. */
  readonly parameters: BuildTrialsParameters;
  /** Parameters the caller overrode. */
  readonly overrides: Partial<BuildTrialsParameters>;
  /** Trials, ordered by start. */
  readonly trials: readonly BuiltTrial[];
  /** The current (latest) episode of treatment, when there is any antidepressant. */
  readonly episode?: { readonly onset: string };
  /** Earlier episodes, separated by at least `episodeGapDays` without an antidepressant. */
  readonly previousEpisodes: readonly { readonly onset: string; readonly end: string }[];
  /** Every decision taken. */
  readonly decisions: readonly BuildDecision[];
  /** Records that failed validation (and were left out), with their paths. */
  readonly issues: readonly TrdIssue[];
}

interface Fill {
  readonly ref: string;
  readonly record: FillRecord;
  readonly key: string;
  readonly drug: CatalogueAgent | undefined;
  readonly date: string;
  readonly supply: number;
  readonly supplyStated: boolean;
  readonly mgPerDay: number | undefined;
}

interface Course {
  readonly key: string;
  readonly drug: CatalogueAgent | undefined;
  readonly agentName: string;
  readonly refs: string[];
  start: string;
  coverEnd: string;
  mg: number | undefined;
  readonly doses: { from: string; mgPerDay: number }[];
  readonly covered: [string, string][];
  /** Every record of the course is a dispense or fill (the only evidence of collection). */
  dispensedOnly: boolean;
  readonly indications: Indication[];
  id: string;
}

/** Rounded to 3 decimal places (a constant power of ten: `10 ** places` with a variable exponent is a call to Math.pow). */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds trials from prescription, dispense or fill records of one patient. Records of each agent
 * are merged into courses while the uncovered days between supplies stay within the persistence
 * window; early refills roll forward or are abandoned as the preset says; a change of daily dose
 * starts on the new fill's date. Adherence is the proportion of days covered, for courses made of
 * dispenses or fills only: an order or a statement is no evidence that the drug was collected, so a
 * course with one carries no adherence (the classifier says it is not documented). An augmenting agent
 * overlapping an antidepressant long enough is an augmentation of it; two antidepressants
 * overlapping beyond the cross-taper allowance are a combination. A gap of `episodeGapDays`
 * without any antidepressant separates episodes.
 *
 * Never throws, whatever it is given: an invalid record becomes an issue (path `records[3].date`)
 * and is left out; `records` that is not an array, or invalid options (an unknown preset, an
 * unknown or out-of-range override, an `asOf` that is not a calendar date), give no trials, no
 * decisions and an issue for each problem (path `records`, `options.preset`,
 * `options.overrides.persistenceWindowDays`...), with the default preset's parameters: nothing is
 * built from options that could not be read.
 *
 * @param records - Records of one patient, in any order.
 * @param options - Preset, overrides and an optional as-of date.
 * @returns Trials, episodes, decisions and issues.
 * @example
 * import { buildTrials } from "trd-classifier";
 * const built = buildTrials([
 *   { id: "rx1", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, strengthMg: 50, quantity: 30 },
 *   { id: "rx2", agent: { name: "sertraline" }, date: "2024-02-01", daysSupply: 30, strengthMg: 100, quantity: 30 },
 * ]);
 * built.trials[0]?.doses; //=> [{ from: "2024-01-02", mgPerDay: 50 }, { from: "2024-02-01", mgPerDay: 100 }]
 */
export function buildTrials(records: readonly unknown[], options: BuildTrialsOptions = {}): BuildTrialsResult {
  const read = readBuildOptions(options);
  const issues = recordsIssues(records);
  if ("issues" in read || issues.length > 0) {
    const preset = getBuildPreset(DEFAULT_BUILD_PRESET_ID);
    return { preset: preset.id, parameters: preset.parameters, overrides: {}, trials: [], previousEpisodes: [], decisions: [], issues: [...issues, ...("issues" in read ? read.issues : [])] };
  }
  return buildFromRecords(records, read);
}

/** The options, read: a known preset, valid overrides, a calendar date (or issues at `options.…`). */
type ReadOptions = { readonly presetId: BuildPresetId; readonly overrides: Partial<BuildTrialsParameters>; readonly asOf: string | undefined } | { readonly issues: readonly TrdIssue[] };

const PARAMETER_RANGES: Readonly<Record<keyof BuildTrialsParameters, readonly [number, number] | readonly string[]>> = {
  persistenceWindowDays: [0, 10_000],
  earlyRefill: ["carry-over", "no-stockpiling"],
  coverage: ["days-supply", "until-next-issue"],
  crossTaperMaxOverlapDays: [0, 10_000],
  augmentationMinOverlapDays: [0, 10_000],
  episodeGapDays: [0, 10_000],
  defaultDaysSupply: [1, 10_000],
  maxPlausibleDaysSupply: [1, 10_000],
};

/**
 * Most records one call reads: one patient's fills, dispenses and prescriptions are thousands at
 * most, and a (sparse) array longer than this would take minutes to walk, hole by hole.
 */
const MAX_FILL_RECORDS = 1_000_000;

/** Why `records` cannot be read: not an array, or longer than {@link MAX_FILL_RECORDS}. */
function recordsIssues(records: unknown): TrdIssue[] {
  if (!isReadableArray(records)) return [makeIssue("invalid_type", "records", "an array of records")];
  return records.length > MAX_FILL_RECORDS ? [makeIssue("too_big", "records", `at most ${MAX_FILL_RECORDS.toLocaleString("en-US")} records per call`)] : [];
}

/** An array whose length can be read (not a proxy that throws). */
function isReadableArray(x: unknown): x is readonly unknown[] {
  try {
    return Array.isArray(x) && Number.isSafeInteger(x.length);
  } catch {
    return false;
  }
}

const isPlainObject = (x: unknown): x is Readonly<Record<string, unknown>> => typeof x === "object" && x !== null && !Array.isArray(x);

/** One override checked against its parameter's range (an integer number of days) or vocabulary. */
function overrideIssue(key: string, value: unknown): TrdIssue | undefined {
  const path = `options.overrides.${key}`;
  const range = Object.hasOwn(PARAMETER_RANGES, key) ? PARAMETER_RANGES[key as keyof BuildTrialsParameters] : undefined;
  if (range === undefined) return makeIssue("unrecognized_key", path, `one of ${Object.keys(PARAMETER_RANGES).join(", ")}`);
  if (value === undefined) return undefined;
  if (typeof range[0] === "string") return typeof value === "string" && (range as readonly string[]).includes(value) ? undefined : makeIssue("invalid_value", path, `one of ${range.join(", ")}`);
  const [min, max] = range as readonly [number, number];
  if (typeof value !== "number" || !Number.isInteger(value)) return makeIssue(typeof value === "number" ? "not_integer" : "invalid_type", path, "a whole number of days");
  return value < min ? makeIssue("too_small", path, `a number >= ${min}`) : value > max ? makeIssue("too_big", path, `a number <= ${max}`) : undefined;
}

/** Reads {@link buildTrials}' options without trusting their shape (any value, even one whose getters throw). */
function readBuildOptions(options: unknown): ReadOptions {
  try {
    if (options === undefined) return { presetId: DEFAULT_BUILD_PRESET_ID, overrides: {}, asOf: undefined };
    if (!isPlainObject(options)) return { issues: [makeIssue("invalid_type", "options", "an object")] };
    const issues: TrdIssue[] = [];
    for (const key of Object.keys(options)) if (key !== "preset" && key !== "overrides" && key !== "asOf") issues.push(makeIssue("unrecognized_key", `options.${key}`, "one of preset, overrides, asOf"));
    const { preset, overrides, asOf } = options;
    const presetId = listBuildPresets().find((p) => p.id === preset)?.id;
    if (preset !== undefined && presetId === undefined) issues.push(makeIssue("invalid_value", "options.preset", `one of ${listBuildPresets().map((p) => p.id).join(", ")}`));
    if (asOf !== undefined && !(typeof asOf === "string" && isCalendarDate(asOf))) issues.push(makeIssue(typeof asOf !== "string" ? "invalid_type" : /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? "impossible_date" : "invalid_date_format", "options.asOf", "a calendar date as YYYY-MM-DD"));
    if (overrides !== undefined && !isPlainObject(overrides)) issues.push(makeIssue("invalid_type", "options.overrides", "an object"));
    const given: Record<string, unknown> = isPlainObject(overrides) ? { ...overrides } : {};
    for (const [key, value] of Object.entries(given)) {
      const issue = overrideIssue(key, value);
      if (issue !== undefined) issues.push(issue);
    }
    if (issues.length > 0) return { issues };
    return { presetId: presetId ?? DEFAULT_BUILD_PRESET_ID, overrides: given as Partial<BuildTrialsParameters>, asOf: asOf as string | undefined };
  } catch {
    // Only exotic values (a getter that throws, a revoked proxy) reach here.
    return { issues: [makeIssue("invalid_type", "options", "a plain object")] };
  }
}

/** {@link buildTrials} once its options are read. */
function buildFromRecords(records: readonly unknown[], options: Extract<ReadOptions, { presetId: BuildPresetId }>): BuildTrialsResult {
  const presetId = options.presetId;
  const preset = getBuildPreset(presetId);
  const { parameters: p, provenance, overrides } = applyOverrides(preset.parameters, preset.provenance, options.overrides);
  const decisions: BuildDecision[] = [];
  const b: BuildContext = { p, cite: (rule) => provenance[rule], decide: decider(decisions), asOf: options.asOf };
  const issues: TrdIssue[] = [];
  const read = readFills(records, b, issues);
  if (read.patients > 1) return { preset: presetId, parameters: p, overrides, trials: [], previousEpisodes: [], decisions, issues };
  const byKey = combineSameDayFills(read.fills, b);
  const courses = buildCourses(byKey, b);
  const antidepressants = courses.filter((c) => c.drug?.role === "antidepressant");
  const roles = assignRoles(courses, antidepressants, b);
  const blocks = episodeBlocks(antidepressants, b);
  const trials = courses.map((c) => toTrial(c, roles.get(c.id), byKey, b));
  const current = blocks.at(-1);
  return {
    preset: presetId,
    parameters: p,
    overrides,
    trials,
    ...(current === undefined ? {} : { episode: { onset: current.onset } }),
    previousEpisodes: blocks.slice(0, -1),
    decisions,
    issues,
  };
}

/** What every step of {@link buildTrials} reads: the parameters, their citations, and where decisions go. */
interface BuildContext {
  readonly p: BuildTrialsParameters;
  readonly cite: (rule: keyof BuildTrialsParameters) => Citation;
  readonly decide: Decide;
  readonly asOf: string | undefined;
}

type Decide = (code: BuildDecisionCode, message: string, recordIds: readonly string[], rule: string, extra?: { trialId?: string; citation?: Citation; compared?: Comparison }) => void;

/** A `decide` that appends each decision, in the order taken, to `decisions`. */
function decider(decisions: BuildDecision[]): Decide {
  return (code, message, recordIds, rule, extra) => {
    if (extra === undefined) return void decisions.push({ code, message, recordIds, rule });
    // Field by field, in this order, rather than by spreads (it runs for every merge and course).
    const d: { -readonly [K in keyof BuildDecision]?: BuildDecision[K] } = { code, message, recordIds };
    if (extra.trialId !== undefined) d.trialId = extra.trialId;
    if (extra.compared !== undefined) d.compared = extra.compared;
    d.rule = rule;
    if (extra.citation !== undefined) {
      d.source = extra.citation.source;
      d.verification = extra.citation.verification;
    }
    decisions.push(d as BuildDecision);
  };
}

/** Step 1: validates one record and derives its period and daily dose (`undefined` when it is left out). */
function readFill(raw: () => unknown, index: number, b: BuildContext, issues: TrdIssue[], patients: Set<string>): Fill | undefined {
  const { p, decide, cite } = b;
  const parsed = safeParseRecord(raw);
  if (parsed === "unreadable") {
    issues.push(makeIssue("invalid_type", `records[${index}]`, "a plain record object"));
    decide("dropped_invalid", `records[${index}] is invalid and was left out`, [`records[${index}]`], "FillRecordSchema");
    return undefined;
  }
  const ref = parsed.success && parsed.data.id !== undefined ? parsed.data.id : `records[${index}]`;
  if (!parsed.success) {
    issues.push(...zodIssuesToTrdIssues(parsed.error.issues, FillRecordSchema, ["records", index]));
    decide("dropped_invalid", `records[${index}] is invalid and was left out`, [ref], "FillRecordSchema");
    return undefined;
  }
  const record = parsed.data;
  if (record.patientId !== undefined) {
    patients.add(record.patientId);
    if (patients.size > 1) issues.push(makeIssue("mixed_patients", `records[${index}].patientId`, "records of one patient"));
  }
  const drug = agentOf(record.agent);
  const key = drug?.id ?? `unknown:${normaliseDrugName(record.agent.name ?? record.agent.rxnorm ?? record.agent.atc ?? "")}`;
  if (drug === undefined) decide("agent_unknown", `${ref}: agent not in the catalogue; kept as its own course`, [ref], "catalogue");
  const statedSupply = record.daysSupply ?? (record.endDate === undefined ? undefined : daysBetween(record.date, record.endDate) + 1);
  const supply = statedSupply ?? p.defaultDaysSupply;
  if (statedSupply === undefined && p.coverage === "days-supply") {
    decide("default_days_supply", `${ref}: no days' supply or end date; ${p.defaultDaysSupply} days assumed`, [ref], "defaultDaysSupply", { citation: cite("defaultDaysSupply") });
  }
  if (supply > p.maxPlausibleDaysSupply) {
    decide("dropped_implausible", `${ref}: ${supply} days' supply is implausible (more than ${p.maxPlausibleDaysSupply}); left out`, [ref], "maxPlausibleDaysSupply", {
      citation: cite("maxPlausibleDaysSupply"),
      compared: { value: supply, threshold: p.maxPlausibleDaysSupply, unit: "days", comparison: "<=", met: false },
    });
    return undefined;
  }
  let mgPerDay = record.mgPerDay;
  if (mgPerDay === undefined && record.strengthMg !== undefined && record.quantity !== undefined) {
    if (statedSupply === undefined) decide("dose_unknown", `${ref}: strength and quantity but no days' supply, so the daily dose is unknown`, [ref], "dailyDose");
    else mgPerDay = round3((record.strengthMg * record.quantity) / statedSupply);
  } else if (mgPerDay === undefined) {
    decide("dose_unknown", `${ref}: no dose, strength or quantity; the daily dose is unknown`, [ref], "dailyDose");
  }
  return { ref, record, key, drug, date: record.date, supply, supplyStated: statedSupply !== undefined, mgPerDay };
}

/**
 * A record through the schema; `"unreadable"` for an exotic value the schema cannot read (a getter
 * that throws). A record the fast path is sure of is not parsed by zod at all (it gives what zod
 * would, see `fillRecordFast.ts`); any other valid record is parsed once, without `reportInput`
 * (which makes zod's parse of a valid record about three times slower, measured); an invalid one is
 * parsed again with it, so its issues are worded from the values.
 */
function safeParseRecord(raw: () => unknown): ReturnType<typeof FillRecordSchema.safeParse> | "unreadable" {
  try {
    const value = raw();
    const fast = parseFillRecordFast(value);
    if (fast !== undefined) return { success: true, data: fast };
    const parsed = FillRecordSchema.safeParse(value);
    return parsed.success ? parsed : FillRecordSchema.safeParse(value, { reportInput: true });
  } catch {
    return "unreadable";
  }
}

/** Step 1, for every record (a hole in a sparse array is a missing record): the fills kept, and how many patients the records name. */
function readFills(records: readonly unknown[], b: BuildContext, issues: TrdIssue[]): { fills: Fill[]; patients: number } {
  const fills: Fill[] = [];
  const patients = new Set<string>();
  for (let index = 0; index < records.length; index++) {
    const fill = readFill(() => records[index], index, b, issues, patients);
    if (fill !== undefined) fills.push(fill);
  }
  return { fills, patients: patients.size };
}

/** Step 2: fills of one agent per key, in date order; same-day fills are taken together (two strengths making one dose). */
function combineSameDayFills(fills: readonly Fill[], b: BuildContext): Map<string, Fill[]> {
  const byKey = new Map<string, Fill[]>();
  // The order of these keys under localeCompare: by date, then (same date, which is rare) by the
  // whole key, made only then.
  const sortKey = (f: Fill): string => `${f.date}|${String(f.supply).padStart(6, "0")}|${f.mgPerDay ?? ""}|${f.ref}`;
  for (const f of sortInPlace([...fills], (x, y) => compareDates(x.date, y.date) || sortKey(x).localeCompare(sortKey(y)))) {
    const list = byKey.get(f.key) ?? [];
    const last = list.at(-1);
    if (last !== undefined && last.date === f.date) {
      const mg = last.mgPerDay === undefined || f.mgPerDay === undefined ? (last.mgPerDay ?? f.mgPerDay) : round3(last.mgPerDay + f.mgPerDay);
      list[list.length - 1] = { ...last, ref: `${last.ref}+${f.ref}`, supply: Math.max(last.supply, f.supply), mgPerDay: mg };
      b.decide("same_day_fills_combined", `${last.ref} and ${f.ref}: dispensed the same day, taken together (${mg ?? "unknown"} mg/day)`, [last.ref, f.ref], "sameDayFills");
    } else list.push(f);
    byKey.set(f.key, list);
  }
  return byKey;
}

/** The period one fill covers, and how it relates to the course it may continue. */
interface FillPeriod {
  readonly refs: string[];
  readonly start: string;
  readonly end: string;
  readonly early: boolean;
  readonly doseChanges: boolean;
}

function fillPeriod(list: readonly Fill[], i: number, f: Fill, course: Course | undefined, p: BuildTrialsParameters): FillPeriod {
  let supply = f.supply;
  if (p.coverage === "until-next-issue") {
    const next = list[i + 1];
    const interval = next === undefined ? undefined : daysBetween(f.date, next.date);
    supply = interval !== undefined && interval <= p.persistenceWindowDays ? interval : f.supplyStated ? f.supply : p.defaultDaysSupply;
  }
  const doseChanges = course !== undefined && f.mgPerDay !== undefined && f.mgPerDay !== course.mg;
  const early = course !== undefined && f.date <= course.coverEnd;
  const start = early && p.earlyRefill === "carry-over" && !doseChanges && course !== undefined ? addDays(course.coverEnd, 1) : f.date;
  return { refs: f.ref.includes("+") ? f.ref.split("+") : [f.ref], start, end: addDays(start, supply - 1), early, doseChanges };
}

/** True when the gap before this fill ends `course` (and says so). */
function gapEndsCourse(list: readonly Fill[], i: number, f: Fill, course: Course, period: FillPeriod, b: BuildContext): boolean {
  const { p } = b;
  // Issue-date data breaks on the interval between issues (Fabbri 2021); supply data on the
  // uncovered days after the supply ran out.
  const previous = list[i - 1];
  const byIssue = p.coverage === "until-next-issue" && previous !== undefined;
  const gap = byIssue ? daysBetween(previous.date, f.date) : daysBetween(course.coverEnd, period.start) - 1;
  if (gap <= p.persistenceWindowDays) return false;
  const what = byIssue ? `${gap} days between issues (${previous.date} to ${f.date})` : `${gap} uncovered days after ${course.coverEnd}`;
  b.decide("gap_ends_course", `${course.agentName}: ${what} end the course (more than ${p.persistenceWindowDays})`, period.refs, "persistenceWindowDays", {
    trialId: course.id,
    citation: b.cite("persistenceWindowDays"),
    compared: { value: gap, threshold: p.persistenceWindowDays, unit: "days", comparison: "<=", met: false },
  });
  return true;
}

/** A new course starting with fill `f`. */
function newCourse(key: string, f: Fill, period: FillPeriod): Course {
  return {
    key,
    drug: f.drug,
    agentName: f.drug?.name ?? f.record.agent.name ?? key.replace(/^unknown:/, ""),
    refs: [...period.refs],
    start: f.date,
    coverEnd: period.end,
    mg: f.mgPerDay,
    doses: f.mgPerDay === undefined ? [] : [{ from: f.date, mgPerDay: f.mgPerDay }],
    covered: [[period.start, period.end]],
    dispensedOnly: f.record.kind === "dispense",
    indications: f.record.indication === undefined ? [] : [f.record.indication],
    id: `${f.drug?.id ?? key.replace(/[^a-z0-9]+/g, "-")}-${f.date}`,
  };
}

/** Fill `f` continues `course`: merged, perhaps early, perhaps at a new dose. */
function extendCourse(course: Course, f: Fill, period: FillPeriod, b: BuildContext): void {
  const { p, decide, cite } = b;
  const { refs, start, early, doseChanges } = period;
  const gap = Math.max(daysBetween(course.coverEnd, start) - 1, 0);
  decide("merged", `${f.ref}: continues ${course.agentName} (${gap} uncovered days)`, refs, "persistenceWindowDays", {
    trialId: course.id,
    citation: cite("persistenceWindowDays"),
    compared: { value: gap, threshold: p.persistenceWindowDays, unit: "days", comparison: "<=", met: true },
  });
  if (early) {
    const carried = p.earlyRefill === "carry-over" && !doseChanges;
    const what = carried ? "the new supply starts after the old one" : doseChanges ? "the new dose starts on the fill date" : "the remaining supply is abandoned";
    decide("early_refill", `${f.ref}: refilled ${daysBetween(f.date, course.coverEnd) + 1} day(s) early; ${what}`, refs, "earlyRefill", { trialId: course.id, citation: cite("earlyRefill") });
  }
  if (doseChanges && f.mgPerDay !== undefined) {
    decide("dose_change", `${course.agentName}: ${course.mg ?? "unknown"} to ${f.mgPerDay} mg/day from ${start}`, refs, "dailyDose", { trialId: course.id });
    setDose(course, start, f.mgPerDay);
  } else if (course.mg === undefined && f.mgPerDay !== undefined) {
    setDose(course, start, f.mgPerDay);
  }
  course.refs.push(...refs);
  course.covered.push([start, period.end]);
  course.dispensedOnly &&= f.record.kind === "dispense";
  if (f.record.indication !== undefined) course.indications.push(f.record.indication);
  // The new fill's end is the course's: a carried-over supply ends later anyway, and otherwise
  // (no stockpiling, or a new dose) what was left of the old supply is abandoned.
  course.coverEnd = period.end;
}

/** Step 3: courses per agent, merged while the gaps stay within the persistence window; ordered by start. */
function buildCourses(byKey: ReadonlyMap<string, readonly Fill[]>, b: BuildContext): Course[] {
  const courses: Course[] = [];
  for (const [key, list] of sortInPlace([...byKey], ([x], [y]) => x.localeCompare(y))) {
    let course: Course | undefined;
    for (let i = 0; i < list.length; i++) {
      const f = list[i] as Fill;
      const period = fillPeriod(list, i, f, course, b.p);
      if (course !== undefined && gapEndsCourse(list, i, f, course, period, b)) course = undefined;
      if (course === undefined) courses.push((course = newCourse(key, f, period)));
      else extendCourse(course, f, period, b);
    }
  }
  return sortInPlace(courses, (x, y) => compareDates(x.start, y.start) || x.id.localeCompare(y.id));
}

/** Days two courses overlap. */
function overlap(a: Course, c: Course): number {
  const from = maxDate(a.start, c.start);
  const to = minDate(a.coverEnd, c.coverEnd);
  return to < from ? 0 : daysBetween(from, to) + 1;
}

type Roles = Map<string, { role: "augmentation" | "combination"; augments: string }>;

/** Step 4a: an augmenting agent augments the antidepressant it overlaps most, when long enough. */
function assignAugmentations(courses: readonly Course[], antidepressants: readonly Course[], roles: Roles, b: BuildContext): void {
  const { p } = b;
  for (const c of courses.filter((x) => x.drug?.role === "augmenting-agent")) {
    const best = sortInPlace(
      antidepressants.map((a) => ({ a, days: overlap(a, c) })),
      (x, y) => y.days - x.days || x.a.id.localeCompare(y.a.id),
    )[0];
    const compared = { value: best?.days ?? 0, threshold: p.augmentationMinOverlapDays, unit: "days" as const, comparison: ">=" as const, met: (best?.days ?? 0) >= p.augmentationMinOverlapDays };
    const extra = { trialId: c.id, citation: b.cite("augmentationMinOverlapDays"), compared };
    if (best !== undefined && compared.met) {
      roles.set(c.id, { role: "augmentation", augments: best.a.id });
      b.decide("augmentation", `${c.agentName} overlaps ${best.a.agentName} by ${best.days} days: an augmentation of it`, c.refs, "augmentationMinOverlapDays", extra);
    } else {
      b.decide("augmentation_without_antidepressant", `${c.agentName} overlaps no antidepressant by ${p.augmentationMinOverlapDays} days; kept as a course of its own`, c.refs, "augmentationMinOverlapDays", extra);
    }
  }
}

/** Step 4b: how antidepressant `c` follows an earlier one `a`: combination, cross-taper switch or switch. */
function relate(a: Course, c: Course, roles: Roles, b: BuildContext): void {
  const { p } = b;
  const days = overlap(a, c);
  const compared = { value: days, threshold: p.crossTaperMaxOverlapDays, unit: "days" as const, comparison: "<=" as const, met: days <= p.crossTaperMaxOverlapDays };
  if (days > p.crossTaperMaxOverlapDays) {
    if (!roles.has(c.id)) roles.set(c.id, { role: "combination", augments: a.id });
    b.decide("combination", `${c.agentName} overlaps ${a.agentName} by ${days} days: a combination`, c.refs, "crossTaperMaxOverlapDays", { trialId: c.id, citation: b.cite("crossTaperMaxOverlapDays"), compared });
  } else if (days > 0) {
    b.decide("cross_taper_switch", `${a.agentName} to ${c.agentName} with ${days} days of overlap: a cross-taper switch`, c.refs, "crossTaperMaxOverlapDays", { trialId: c.id, citation: b.cite("crossTaperMaxOverlapDays"), compared });
  } else if (c.start > a.coverEnd && daysBetween(a.coverEnd, c.start) - 1 <= p.persistenceWindowDays) {
    b.decide("switch", `${a.agentName} to ${c.agentName} ${daysBetween(a.coverEnd, c.start) - 1} days after the first ran out: a switch`, c.refs, "persistenceWindowDays", { trialId: c.id, citation: b.cite("persistenceWindowDays") });
  }
}

/** Step 4: roles (augmentation, combination) and switches. */
function assignRoles(courses: readonly Course[], antidepressants: readonly Course[], b: BuildContext): Roles {
  const roles: Roles = new Map();
  assignAugmentations(courses, antidepressants, roles, b);
  for (const c of antidepressants) {
    for (const a of antidepressants) {
      if (a === c || a.key === c.key || a.start > c.start || (a.start === c.start && a.id >= c.id)) continue;
      relate(a, c, roles, b);
    }
  }
  return roles;
}

/**
 * Step 5: episodes of treatment, separated by gaps of episodeGapDays or more without any
 * antidepressant given for depression (a course recorded as given for another condition does not
 * mark a depressive episode).
 */
function episodeBlocks(antidepressants: readonly Course[], b: BuildContext): { onset: string; end: string }[] {
  const { p } = b;
  const blocks: { onset: string; end: string }[] = [];
  for (const c of sortInPlace(antidepressants.filter(treatsDepression), (x, y) => compareDates(x.start, y.start))) {
    const last = blocks.at(-1);
    if (last !== undefined && daysBetween(last.end, c.start) - 1 < p.episodeGapDays) {
      last.end = maxDate(last.end, c.coverEnd);
      continue;
    }
    if (last !== undefined) {
      const gap = daysBetween(last.end, c.start) - 1;
      b.decide("episode_gap", `${gap} days without an antidepressant before ${c.start}: a new episode`, c.refs, "episodeGapDays", {
        citation: b.cite("episodeGapDays"),
        compared: { value: gap, threshold: p.episodeGapDays, unit: "days", comparison: "<", met: false },
      });
    }
    blocks.push({ onset: c.start, end: c.coverEnd });
  }
  return blocks;
}

/**
 * Days of a course covered by at least one supply: its periods in order of start, overlapping or
 * adjacent ones joined, each joined period counted within the course. Sorts the course's periods
 * in place (nothing reads them afterwards).
 */
function coveredDays(c: Course): number {
  const periods = sortInPlace(c.covered, ([x], [y]) => compareDates(x, y));
  let sum = 0;
  let from: string | undefined;
  let to = "";
  for (const [start, end] of periods) {
    if (from !== undefined && start <= addDays(to, 1)) {
      to = maxDate(to, end);
      continue;
    }
    if (from !== undefined) sum += daysBetween(maxDate(from, c.start), minDate(to, c.coverEnd)) + 1;
    from = start;
    to = end;
  }
  return from === undefined ? sum : sum + daysBetween(maxDate(from, c.start), minDate(to, c.coverEnd)) + 1;
}

/** Step 6: a course as a trial, with its adherence (courses of dispenses only) and indication. */
function toTrial(c: Course, role: { role: "augmentation" | "combination"; augments: string } | undefined, byKey: ReadonlyMap<string, readonly Fill[]>, b: BuildContext): BuiltTrial {
  const total = daysBetween(c.start, c.coverEnd) + 1;
  const covered = coveredDays(c);
  const adherence = c.dispensedOnly ? round3(Math.min(1, covered / total)) : undefined;
  if (adherence === undefined) {
    b.decide("adherence_not_documented", `${c.agentName}: built from orders or statements, which do not show that the drug was collected or taken; adherence not documented`, c.refs, "proportionOfDaysCovered", { trialId: c.id });
  } else {
    b.decide("adherence", `${c.agentName}: ${covered} of ${total} days covered (proportion of days covered ${adherence})`, c.refs, "proportionOfDaysCovered", { trialId: c.id });
  }
  const indication = courseIndication(c.indications);
  if (c.indications.some((i) => i !== c.indications[0])) {
    b.decide("indication", `${c.agentName}: its records give different indications; taken as ${indication ?? "not recorded"}`, c.refs, "indication", { trialId: c.id });
  }
  const ongoing = b.asOf !== undefined && c.coverEnd >= b.asOf;
  const agent = c.drug === undefined ? (byKey.get(c.key)?.[0]?.record.agent ?? { name: c.agentName }) : { name: c.drug.name };
  // Field by field, in this order, rather than by spreads (one object shape for every trial).
  const trial: Partial<Mutable<BuiltTrial>> = { id: c.id, agent };
  if (role !== undefined) {
    trial.role = role.role;
    trial.augments = role.augments;
  }
  trial.start = c.start;
  if (!ongoing) trial.end = c.coverEnd;
  if (c.doses.length === 0) trial.doseUnknown = true;
  else trial.doses = c.doses.map((d) => ({ from: d.from, mgPerDay: d.mgPerDay }));
  if (adherence !== undefined) trial.adherence = adherence;
  if (indication !== undefined) trial.indication = indication;
  return trial as BuiltTrial;
}

/**
 * A course's indication from its records': depression when any record says so (the course then
 * treats the episode), else the first other condition stated, else `not-recognised`, else
 * `not-recorded`; `undefined` when no record spoke of it.
 */
function courseIndication(indications: readonly Indication[]): Indication | undefined {
  if (indications.includes("depression")) return "depression";
  return indications.find((i) => i !== "not-recorded" && i !== "not-recognised") ?? indications.find((i) => i === "not-recognised") ?? indications[0];
}

/** Whether a course may treat depression: its indication is depression, unknown or not stated. */
function treatsDepression(c: Course): boolean {
  const indication = courseIndication(c.indications);
  return indication === undefined || indication === "depression" || indication === "not-recorded" || indication === "not-recognised";
}

/** Records a dose from a date, keeping the list in date order with one entry per date. */
function setDose(course: Course, from: string, mgPerDay: number): void {
  const last = course.doses.at(-1);
  const at = last === undefined ? from : maxDate(from, last.from);
  if (last !== undefined && last.from === at) last.mgPerDay = mgPerDay;
  else course.doses.push({ from: at, mgPerDay });
  course.mg = mgPerDay;
}

