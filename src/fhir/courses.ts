/**
 * From medication records to trials: each order or statement without a stated supply gets an
 * end under a named parameter; one kind of record per drug (dispenses, else orders, else
 * statements) so that one supply is never counted twice; then {@link buildTrials}. An augmenting
 * agent taken without an antidepressant is not a trial.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import { buildTrials } from "../fills/buildTrials";
import type { BuildTrialsOptions, BuildTrialsResult, BuiltTrial } from "../fills/buildTrials";
import type { FillRecordInput } from "../fills/fillRecord";
import { addDays } from "../internal/dates";
import type { Accounting, MappingDecisionCode } from "./accounting";
import type { MedicationRecord, RecordKind } from "./medicationRecords";

/**
 * How long an order or a statement lasts when it states no supply and no end.
 *
 * @example
 * DEFAULT_COURSE_PARAMETERS.openCourseMaxDays; //=> 183
 */
export interface CourseParameters {
  /**
   * An active (or on-hold) order or statement runs to the next record of the same drug, or to the
   * as-of date, but no longer than this many days from its start (at most the build preset's
   * `maxPlausibleDaysSupply`, or trial building drops the record as implausible).
   */
  readonly openCourseMaxDays: number;
  /** A completed or stopped one, whose end date is not recorded, lasts this many days (or to the next record). */
  readonly closedCourseDays: number;
}

/**
 * The defaults of {@link CourseParameters}.
 *
 * @example
 * DEFAULT_COURSE_PARAMETERS; //=> { openCourseMaxDays: 183, closedCourseDays: 30 }
 */
export const DEFAULT_COURSE_PARAMETERS: CourseParameters = Object.freeze({ openCourseMaxDays: 183, closedCourseDays: 30 });

/**
 * Where each default comes from: no source gives either; both are this library's conventions.
 *
 * @example
 * COURSE_PROVENANCE.openCourseMaxDays.verification; //=> "unverified"
 */
export const COURSE_PROVENANCE: { readonly [K in keyof CourseParameters]: Citation } = Object.freeze({
  openCourseMaxDays: Object.freeze({
    source: "library-convention",
    verification: "unverified",
    note: "An order not renewed for 183 days is not taken as evidence that the drug is still being taken: the longest supply that trial building accepts as plausible (maxPlausibleDaysSupply, 183 days, Exeter CPRD scripts). A longer cap needs a larger maxPlausibleDaysSupply too.",
  }),
  closedCourseDays: Object.freeze({ source: "library-convention", verification: "unverified", note: "The same 30 days that trial building assumes for a record with no days' supply." }),
});

const RANK: Readonly<Record<RecordKind, number>> = { dispense: 0, prescription: 1, statement: 2 };

/** The end of a record with no stated supply, and which bound fixed it. */
function settledEnd(record: MedicationRecord, next: string | undefined, asOf: string, p: CourseParameters): { end: string; code: CourseEndCode } {
  const bounds: [string, CourseEndCode][] =
    record.period === "open"
      ? [[addDays(record.date, p.openCourseMaxDays - 1), "course_capped"], [asOf, "course_runs_to_as_of"]]
      : [[addDays(record.date, p.closedCourseDays - 1), "course_closed_default"]];
  if (next !== undefined && next > record.date) bounds.push([addDays(next, -1), "course_runs_to_next_record"]);
  const [end, code] = bounds.reduce((a, b) => (b[0] < a[0] ? b : a));
  return { end: end < record.date ? record.date : end, code };
}

/** The decisions that settle a course's end. */
type CourseEndCode = Extract<MappingDecisionCode, `course_${string}`>;

const WORDS: Readonly<Record<CourseEndCode, string>> = {
  course_capped: "no supply or end recorded and still active: taken to run no longer than the cap",
  course_runs_to_as_of: "no supply or end recorded and still active: taken to run to the as-of date",
  course_runs_to_next_record: "no supply or end recorded: taken to run to the next record of the same drug",
  course_closed_default: "completed or stopped with no end date recorded: the default length assumed",
};

function toFill(record: MedicationRecord, next: string | undefined, asOf: string, p: CourseParameters, ledger: Accounting): FillRecordInput {
  const base = { id: `record-${record.entry.position}`, kind: record.kind, agent: record.medication.agent, date: record.date, indication: record.indication, ...(record.mgPerDay === undefined ? {} : { mgPerDay: record.mgPerDay }) };
  if (record.daysSupply !== undefined) return { ...base, daysSupply: record.daysSupply };
  if (record.endDate !== undefined) return { ...base, endDate: record.endDate };
  if (record.kind === "dispense") return base;
  const { end, code } = settledEnd(record, next, asOf, p);
  const rule: keyof CourseParameters = record.period === "open" ? "openCourseMaxDays" : "closedCourseDays";
  const cited = code === "course_runs_to_next_record" || code === "course_runs_to_as_of" ? {} : { source: COURSE_PROVENANCE[rule].source, verification: COURSE_PROVENANCE[rule].verification };
  ledger.decide({ code, message: `${WORDS[code]} (ends ${end})`, resource: `${record.entry.type}/${record.entry.id ?? ""}`, rule, ...cited });
  return { ...base, endDate: end };
}

/** One kind of record per drug; the others are reported as superseded. */
function preferredKind(records: readonly MedicationRecord[], ledger: Accounting): MedicationRecord[] {
  const best = new Map<string, number>();
  for (const r of records) best.set(r.medication.key, Math.min(best.get(r.medication.key) ?? 9, RANK[r.kind]));
  return records.filter((r) => {
    if (RANK[r.kind] === best.get(r.medication.key)) return true;
    ledger.issue(r.entry, "superseded", `an ${r.kind === "statement" ? "statement" : "order"} of a drug with ${best.get(r.medication.key) === 0 ? "dispenses" : "orders"} on record: not used, so that one supply is not counted twice`);
    return false;
  });
}

/** Fill records in date order per drug and kind, each open or closed period settled. */
function toFills(records: readonly MedicationRecord[], asOf: string, p: CourseParameters, ledger: Accounting): FillRecordInput[] {
  const sorted = [...records].sort((a, b) => a.medication.key.localeCompare(b.medication.key) || a.date.localeCompare(b.date) || a.entry.position - b.entry.position);
  return sorted.map((record, i) => {
    const next = sorted.slice(i + 1).find((r) => r.medication.key === record.medication.key && r.date > record.date)?.date;
    return toFill(record, next, asOf, p, ledger);
  });
}

/** Whether a built trial is an augmenting agent with no antidepressant to augment. */
const aloneAugmenting = (trial: BuiltTrial, records: ReadonlyMap<string, MedicationRecord>, build: BuildTrialsResult): boolean => {
  if (trial.role !== undefined && trial.role !== "monotherapy") return false;
  const ids = build.decisions.find((d) => d.trialId === trial.id && (d.code === "adherence" || d.code === "adherence_not_documented"))?.recordIds ?? [];
  return ids.some((id) => records.get(id)?.medication.relevance === "augmenting-agent");
};

/**
 * Builds the trials of a patient's relevant medication records, accounting for every record.
 *
 * @example
 * buildCourses(records, { asOf: "2020-12-31" }, DEFAULT_COURSE_PARAMETERS, ledger).trials.map((t) => t.agent);
 * //=> [{ name: "fluoxetine" }]
 */
export function buildCourses(records: readonly MedicationRecord[], build: BuildTrialsOptions & { readonly asOf: string }, p: CourseParameters, ledger: Accounting): { readonly result: BuildTrialsResult; readonly trials: readonly BuiltTrial[] } {
  const kept = preferredKind(records, ledger);
  const fills = toFills(kept, build.asOf, p, ledger);
  const byId = new Map(kept.map((r) => [`record-${r.entry.position}`, r]));
  // A record that fails validation is named by its index (`records[i]`), not its id.
  fills.forEach((f, i) => {
    const record = byId.get(String(f.id));
    if (record !== undefined) byId.set(`records[${i}]`, record);
  });
  const result = buildTrials(fills, build);
  const trials = result.trials.filter((t) => !aloneAugmenting(t, byId, result));
  const keptIds = new Set(trials.map((t) => t.id));
  for (const d of result.decisions) {
    if (d.code !== "adherence" && d.code !== "adherence_not_documented") continue;
    for (const id of d.recordIds) {
      const record = byId.get(id);
      if (record === undefined) continue;
      if (keptIds.has(d.trialId ?? "")) {
        ledger.use(record.entry);
        if (record.medication.medication !== undefined) ledger.use(record.medication.medication);
      } else ledger.notRelevant(record.entry, "augmenting-agent-alone", record.medication.coding);
    }
  }
  for (const d of result.decisions) {
    if (d.code === "dropped_invalid" || d.code === "dropped_implausible") for (const id of d.recordIds) ledger.issue(byId.get(id)?.entry, "record_invalid", "the record could not be made part of a course (invalid or implausible supply)");
  }
  // Invalid build options stop buildTrials before it reads a record (no decisions, no trials):
  // each record is then not used, and says why, so that every resource keeps its place in the summary.
  if (result.decisions.length === 0 && result.issues.length > 0) {
    for (const record of kept) ledger.issue(record.entry, "build_options_invalid", "not made part of a trial: options.build is invalid, so no trials were built");
  }
  return { result, trials };
}
