/**
 * FHIR R4 in: the resources of one patient (a Bundle, an array, one resource) to a treatment
 * history, with every resource used or accounted for.
 *
 * @module
 */
// "fhir/r4.js", not "fhir/r4": @types/fhir has no `exports`, and the declarations shipped to an ESM
// project resolved with node16/nodenext must name the file (the .js is read as its .d.ts).
import type { Bundle, Resource } from "fhir/r4.js";
import type { BuildTrialsOptions, BuildTrialsResult } from "../fills/buildTrials";
import { isCalendarDate } from "../internal/dates";
import type { TreatmentHistoryInput } from "../schema/history";
import { Accounting } from "./accounting";
import type { FhirReadSummary, MappingDecision, MappingIssue } from "./accounting";
import { ConditionReader } from "./conditions";
import { DEFAULT_COURSE_PARAMETERS, buildCourses } from "./courses";
import type { CourseParameters } from "./courses";
import { dayOf } from "./dates";
import { episodesOf } from "./episode";
import { numberAt, objectAt, textAt } from "./json";
import { readMedicationRecord } from "./medicationRecords";
import type { MedicationRecord } from "./medicationRecords";
import { belongsTo, choosePatient } from "./patient";
import type { PatientChoice } from "./patient";
import { ResourceIndex, collectResources } from "./references";
import type { Entry } from "./references";
import { ScoreReader } from "./scores";

/**
 * Options for {@link fromFhir}.
 *
 * @example
 * const o: FromFhirOptions = { asOf: "2024-06-30", patient: "pat-1", build: { preset: "claims-line-of-therapy" }, courses: { openCourseMaxDays: 180 } };
 */
export interface FromFhirOptions {
  /** The as-of date: an active order with no supply runs to it at most; later events are ignored by the classifier. */
  readonly asOf: string;
  /** The patient: an id, `Patient/id` or a `fullUrl`; default: the only Patient (or the one patient all subjects name). */
  readonly patient?: string;
  /** How records become trials (preset and overrides of `buildTrials`). */
  readonly build?: Omit<BuildTrialsOptions, "asOf">;
  /** How long orders and statements with no supply or end last. */
  readonly courses?: Partial<CourseParameters>;
}

/**
 * The result of {@link fromFhir}.
 *
 * @example
 * declare const r: FromFhirResult;
 * r.summary.resources === r.summary.used + r.summary.notRelevant + r.summary.otherPatient + r.summary.notUsed; //=> true
 */
export interface FromFhirResult {
  /** The history, to validate with `parseTreatmentHistory`. */
  readonly history: TreatmentHistoryInput;
  /** What could not be used, and why. */
  readonly issues: readonly MappingIssue[];
  /** What the adapter decided where FHIR leaves room (sigs read, order ends, indications). */
  readonly decisions: readonly MappingDecision[];
  /** How the medication records became trials (`buildTrials`' decisions; record ids are `record-<position>`). */
  readonly build: BuildTrialsResult;
  /** The resources that contributed, as `Type/id`. */
  readonly used: readonly string[];
  /** Where every resource went. */
  readonly summary: FhirReadSummary;
  /** Whose record was read. */
  readonly patient: { readonly found: boolean; readonly id?: string };
  /** The course parameters in effect. */
  readonly courseParameters: CourseParameters;
}

/**
 * What {@link fromFhir} accepts: FHIR R4 types (or any JSON value, checked as it is read).
 *
 * @example
 * const input: FhirInput = { resourceType: "Bundle", type: "collection", entry: [] };
 */
export type FhirInput = Bundle | Resource | readonly (Bundle | Resource)[];

const MEDICATION_TYPES = new Set(["MedicationRequest", "MedicationDispense", "MedicationStatement"]);

function readOptions(options: unknown): { asOf: string; patient?: string; build: Omit<BuildTrialsOptions, "asOf">; courses: CourseParameters } | undefined {
  const asOf = textAt(options, "asOf");
  if (asOf === undefined || !isCalendarDate(asOf)) return undefined;
  const patient = textAt(options, "patient");
  const c = objectAt(options, "courses");
  const days = (key: keyof CourseParameters): number => {
    const n = numberAt(c, key);
    return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : DEFAULT_COURSE_PARAMETERS[key];
  };
  const build = objectAt(options, "build") ?? {};
  return { asOf, ...(patient === undefined ? {} : { patient }), build: build as Omit<BuildTrialsOptions, "asOf">, courses: { openCourseMaxDays: days("openCourseMaxDays"), closedCourseDays: days("closedCourseDays") } };
}

function patientFacts(entry: Entry | undefined, ledger: Accounting): { birthDate?: string; sex?: "female" | "male" | "other" | "unknown" } {
  if (entry === undefined) return {};
  ledger.use(entry);
  const birth = dayOf(entry.resource["birthDate"]);
  if (birth !== undefined && "partial" in birth) ledger.issue(undefined, "partial_date", "the birth date is a year or month only; age rules cannot apply");
  const gender = textAt(entry.resource, "gender");
  const sex = gender === "female" || gender === "male" || gender === "other" || gender === "unknown" ? gender : undefined;
  return { ...(birth !== undefined && "day" in birth ? { birthDate: birth.day } : {}), ...(sex === undefined ? {} : { sex }) };
}

/** Sorts the patient's resources to their readers; everything else is accounted for. */
function sortResources(index: ResourceIndex, patient: Extract<PatientChoice, { kind: "found" }>, ledger: Accounting): { conditions: Entry[]; observations: Entry[]; medications: Entry[]; catalogue: Entry[] } {
  const out = { conditions: [] as Entry[], observations: [] as Entry[], medications: [] as Entry[], catalogue: [] as Entry[] };
  for (const entry of index.entries) {
    if (entry.type === "Patient") {
      if (entry !== patient.entry) ledger.otherPatient(entry);
    } else if (!belongsTo(entry, patient, index)) ledger.otherPatient(entry);
    else if (entry.type === "Condition") out.conditions.push(entry);
    else if (entry.type === "Observation") out.observations.push(entry);
    else if (MEDICATION_TYPES.has(entry.type)) out.medications.push(entry);
    else if (entry.type === "Medication") out.catalogue.push(entry);
    else ledger.notRelevant(entry, "resource-type-not-read");
  }
  return out;
}

function emptyResult(asOf: string, ledger: Accounting, patient: FromFhirResult["patient"], courses: CourseParameters): FromFhirResult {
  const build = buildCourses([], { asOf: isCalendarDate(asOf) ? asOf : "1970-01-01" }, courses, ledger).result;
  return { history: { episode: { onset: asOf }, trials: [], assessments: [] }, issues: ledger.issues, decisions: ledger.decisions, build, used: ledger.used(), summary: ledger.summary(), patient, courseParameters: courses };
}

/**
 * Maps the FHIR R4 resources of one patient to a treatment history. Never throws, whatever the
 * input and options: what cannot be read is an issue, and every resource is used or accounted for
 * in `summary`; an `asOf` that is not a calendar date, or invalid `build` options, give no trials
 * and a `malformed_resource` issue; a value whose properties cannot be read at all (a getter that
 * throws, a revoked proxy) gives an empty result with one such issue. References are resolved as FHIR defines them (Bundle `fullUrl`s, `Type/id`, `#id`).
 * Only antidepressants, and augmenting agents taken with one, become trials; a course given for
 * another condition keeps its indication, so the classifier can leave it out. Orders and
 * statements carry no adherence (they are not evidence of taking); an order without a supply
 * duration runs to the next order of the drug or to `asOf`, capped (see `courses`).
 *
 * @param input - A Bundle (nested Bundles too), an array of resources, or one resource.
 * @param options - The as-of date, the patient, and trial-building options.
 * @returns The history, issues, decisions and the summary of where every resource went.
 * @example
 * import { fromFhir } from "trd-classifier/fhir";
 * const { history, summary } = fromFhir(
 *   { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", id: "p1", birthDate: "1980-02-01" } }] },
 *   { asOf: "2024-06-30" },
 * );
 * history.patient; //=> { birthDate: "1980-02-01", diagnoses: [] }
 * summary.used; //=> 1
 */
export function fromFhir(input: FhirInput, options: FromFhirOptions): FromFhirResult;
export function fromFhir(input: unknown, options: unknown): FromFhirResult;
export function fromFhir(input: unknown, options: unknown): FromFhirResult {
  try {
    return readAll(input, options);
  } catch {
    // Only exotic values (a getter that throws, a revoked proxy) reach here: nothing is read from them.
    const ledger = new Accounting(0);
    ledger.issue(undefined, "malformed_resource", "the input or options could not be read as JSON (a property could not be accessed): nothing was read");
    return emptyResult("", ledger, { found: false }, DEFAULT_COURSE_PARAMETERS);
  }
}

/** {@link fromFhir}, which catches what an exotic value raises. */
function readAll(input: unknown, options: unknown): FromFhirResult {
  const { entries, notResources } = collectResources(input);
  const ledger = new Accounting(entries.length);
  for (const n of notResources) ledger.issue(undefined, "not_a_resource", `${n.where === "item" ? "an input item" : "a Bundle entry"} is not a FHIR resource`);
  const read = readOptions(options);
  if (read === undefined) {
    ledger.issue(undefined, "malformed_resource", "options.asOf must be a calendar date as YYYY-MM-DD: nothing was read");
    for (const e of entries) ledger.notRelevant(e, "resource-type-not-read");
    return emptyResult(textAt(options, "asOf") ?? "", ledger, { found: false }, DEFAULT_COURSE_PARAMETERS);
  }
  const index = new ResourceIndex(entries);
  const patient = choosePatient(index, read.patient);
  if (patient.kind !== "found") {
    ledger.issue(undefined, patient.kind === "ambiguous" ? "patient_ambiguous" : "patient_not_found", patient.kind === "ambiguous" ? "the input holds more than one patient: name one in options.patient" : "no record of the patient in the input");
    for (const e of entries) ledger.otherPatient(e);
    return emptyResult(read.asOf, ledger, { found: false }, read.courses);
  }
  return mapRecord(index, patient, read, ledger);
}

function mapRecord(index: ResourceIndex, patient: Extract<PatientChoice, { kind: "found" }>, read: NonNullable<ReturnType<typeof readOptions>>, ledger: Accounting): FromFhirResult {
  const sorted = sortResources(index, patient, ledger);
  const conditions = new ConditionReader(ledger);
  for (const c of sorted.conditions) conditions.read(c);
  const scores = new ScoreReader(index, ledger);
  scores.readAll(sorted.observations);
  const records = sorted.medications.map((m) => readMedicationRecord(m, index, ledger)).filter((r): r is MedicationRecord => r !== undefined);
  const { result: build, trials } = buildCourses(records, { ...read.build, asOf: read.asOf }, read.courses, ledger);
  for (const issue of build.issues) {
    if (issue.path.startsWith("options")) ledger.issue(undefined, "malformed_resource", `options.build${issue.path.slice("options".length)} is invalid: no trials were built`);
    else ledger.issue(undefined, "record_invalid", `a medication record failed validation at ${issue.path}`);
  }
  for (const m of sorted.catalogue) ledger.notRelevant(m, "medication-not-referenced");
  const episodes = episodesOf(conditions.episodes, build, scores.scores, read.asOf, ledger);
  const history: TreatmentHistoryInput = {
    ...(patient.id === undefined ? {} : { id: patient.id }),
    patient: { ...patientFacts(patient.entry, ledger), diagnoses: conditions.diagnoses },
    episode: episodes.episode,
    previousEpisodes: [...episodes.previousEpisodes],
    trials: [...trials],
    assessments: dedupe(scores.scores),
  };
  const found = { found: true, ...(patient.id === undefined ? {} : { id: patient.id }) };
  return { history, issues: ledger.issues, decisions: ledger.decisions, build, used: ledger.used(), summary: ledger.summary(), patient: found, courseParameters: read.courses };
}

/** Drops exact duplicate scores (the same scale, date and total exported twice). */
function dedupe<T extends { readonly date: string; readonly scale: string; readonly total: number }>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = `${x.date}|${x.scale}|${x.total}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

