/**
 * The synthetic cohort as OMOP CDM rows (for `generate --format omop`, the round-trip tests and
 * the benchmark), with the minimal vocabulary rows they need: real codes as `concept_code`s
 * (RxNorm ingredient RXCUIs from the catalogue, LOINC, SNOMED CT, ICD-10-CM and CPT4 codes from
 * the shared code tables) under local `concept_id`s. Clinical drug concepts are synthetic
 * (vocabulary `RxNorm Extension`, codes `TRDSYN…`): the adapter reaches the ingredient through
 * `concept_ancestor` and never reads them.
 *
 * Adherence has no field in the CDM: it is written as dispensing gaps (the trial builder computes
 * the proportion of days covered), "poor" as 50% coverage, "unknown" as prescriptions.
 * What the CDM cannot hold, and so a patient with it cannot round-trip (see
 * {@link notRepresentable}): adherence within 4 points of the 80% threshold (dispensing gaps give
 * it only approximately), the role of an augmenting drug
 * (inferred from overlap: under 30 days of overlap it is not an augmentation), and two courses of
 * the same drug less than the persistence window apart (one course in dispensing data). Lost
 * without changing a status: trial ids, sex (not written), ECT laterality (CPT 90870 does not say).
 */
import { findDrug } from "../catalogue/findDrug";

const DAY = 86_400_000;
const dayOf = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const iso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Rows of one table, as cell values in {@link CDM_TABLES} column order. */
export type Cell = string | number | null;

/** Where rows go. */
export interface CdmSink {
  add(table: string, row: readonly Cell[]): void;
}

interface ConceptRow {
  readonly id: number;
  readonly name: string;
  readonly domain: string;
  readonly vocabulary: string;
  readonly cls: string;
  readonly standard: string | null;
  readonly code: string;
}

/** Concepts by meaning, with local ids; clinical drugs are made on first use. */
export class SyntheticVocabulary {
  readonly concepts: ConceptRow[] = [];
  readonly ancestors: [number, number, number][] = [];
  readonly strengths: [number, number, number, number][] = [];
  private readonly byKey = new Map<string, number>();
  private next = 1000;

  constructor() {
    this.add("none", { name: "No matching concept", domain: "Metadata", vocabulary: "None", cls: "Undefined", standard: null, code: "No matching concept" }, 0);
    this.add("unit:mg", { name: "milligram", domain: "Unit", vocabulary: "UCUM", cls: "Unit", standard: "S", code: "mg" });
    this.add("type:dispense", { name: "EHR dispensing record", domain: "Type Concept", vocabulary: "Type Concept", cls: "Type Concept", standard: "S", code: "TRDSYN-TYPE-1" });
    this.add("type:prescription", { name: "EHR prescription", domain: "Type Concept", vocabulary: "Type Concept", cls: "Type Concept", standard: "S", code: "TRDSYN-TYPE-2" });
    this.add("type:ehr", { name: "EHR", domain: "Type Concept", vocabulary: "Type Concept", cls: "Type Concept", standard: "S", code: "TRDSYN-TYPE-3" });
    const condition = (key: string, vocabulary: string, code: string, name: string, standard: string | null): void => void this.add(key, { name, domain: "Condition", vocabulary, cls: vocabulary === "SNOMED" ? "Clinical Finding" : "ICD10 code", standard, code });
    condition("snomed:mdd", "SNOMED", "370143000", "Major depressive disorder", "S");
    condition("snomed:bipolar", "SNOMED", "13746004", "Bipolar disorder", "S");
    condition("snomed:thyroid", "SNOMED", "40930008", "SNOMED CT 40930008 (thyroid-disease row of the shared code table, Synthea hypothyroidism module)", "S");
    condition("snomed:sud", "SNOMED", "7200002", "SNOMED CT 7200002 (VSAC alcohol and drug dependence value set)", "S");
    condition("icd:F32.9", "ICD10CM", "F32.9", "Major depressive disorder, single episode, unspecified", null);
    condition("icd:F33.9", "ICD10CM", "F33.9", "Major depressive disorder, recurrent, unspecified", null);
    condition("icd:F31.9", "ICD10CM", "F31.9", "Bipolar disorder, unspecified", null);
    this.add("loinc:PHQ-9", { name: "Patient health questionnaire 9 item (PHQ-9) total score", domain: "Measurement", vocabulary: "LOINC", cls: "Survey", standard: "S", code: "44261-6" });
    this.add("loinc:BDI-II", { name: "Beck Depression Inventory II total score", domain: "Measurement", vocabulary: "LOINC", cls: "Survey", standard: "S", code: "89209-1" });
    this.add("cpt:ect", { name: "Electroconvulsive therapy (includes necessary monitoring)", domain: "Procedure", vocabulary: "CPT4", cls: "CPT4", standard: "S", code: "90870" });
  }

  private add(key: string, row: Omit<ConceptRow, "id">, id = this.next++): number {
    this.concepts.push({ id, ...row });
    this.byKey.set(key, id);
    return id;
  }

  id(key: string): number {
    const id = this.byKey.get(key);
    if (id === undefined) throw new Error(`synthetic vocabulary: no concept ${key}`);
    return id;
  }

  /** The ingredient concept of a catalogue drug (its RXCUI as the code). */
  ingredient(name: string): number {
    const known = this.byKey.get(`ingredient:${name}`);
    if (known !== undefined) return known;
    const rxcui = findDrug(name)?.rxnorm?.code;
    if (rxcui === undefined) throw new Error(`synthetic vocabulary: ${name} has no RxNorm code in the catalogue`);
    const id = this.add(`ingredient:${name}`, { name, domain: "Drug", vocabulary: "RxNorm", cls: "Ingredient", standard: "S", code: rxcui });
    this.ancestors.push([id, id, 0]);
    return id;
  }

  /** A synthetic clinical drug: one oral unit of `mg` of the ingredient. */
  clinicalDrug(name: string, mg: number): number {
    const key = `drug:${name}:${mg}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const ingredient = this.ingredient(name);
    const id = this.add(key, { name: `${name} ${mg} MG oral unit (synthetic)`, domain: "Drug", vocabulary: "RxNorm Extension", cls: "Clinical Drug", standard: "S", code: `TRDSYN${this.next}` });
    this.ancestors.push([ingredient, id, 1]);
    this.strengths.push([id, ingredient, mg, this.id("unit:mg")]);
    return id;
  }

  /** Writes the concept, concept_ancestor and drug_strength rows. */
  write(sink: CdmSink): void {
    for (const c of this.concepts) sink.add("concept", [c.id, c.name, c.domain, c.vocabulary, c.cls, c.standard, c.code, "1970-01-01", "2099-12-31", null]);
    for (const [a, d, level] of this.ancestors) sink.add("concept_ancestor", [a, d, level, level]);
    for (const [drug, ingredient, mg, unit] of this.strengths) sink.add("drug_strength", [drug, ingredient, mg, unit, null, null, null, null, null, "1970-01-01", "2099-12-31", null]);
  }
}

interface Trial {
  readonly id: string;
  readonly agent: { readonly name: string };
  readonly role?: string;
  readonly augments?: string;
  readonly start: string;
  readonly end: string;
  readonly doses?: readonly { readonly from: string; readonly mgPerDay: number }[];
  readonly mgPerDay?: number;
  readonly adherence?: string | number;
  readonly stopReason?: string;
}

/** A synthetic history, as `syntheticPatientLine` writes it. */
export interface SyntheticHistory {
  readonly id: string;
  readonly patient: { readonly birthDate?: string; readonly diagnoses: readonly { readonly condition: string }[] };
  readonly episode: { readonly onset: string };
  readonly previousEpisodes?: readonly { readonly onset: string; readonly end: string }[];
  readonly trials: readonly Trial[];
  readonly assessments: readonly { readonly date: string; readonly scale: string; readonly total: number }[];
  readonly otherTreatments?: readonly { readonly kind: string; readonly start: string; readonly sessions?: number }[];
}

/** Coverage written for adherence recorded as "poor" (under the 80% every rule set needs). */
const POOR_COVERAGE = 0.5;
/** The adherence every rule set needs (rule sets' minAdherenceFraction). */
const MIN_ADHERENCE = 0.8;
/** The persistence window of the default trial-building preset (claims line of therapy). */
const PERSISTENCE_DAYS = 42;
/** Overlap an augmenting drug needs to be read as an augmentation (trial building's default). */
const AUGMENTATION_MIN_OVERLAP = 30;

/**
 * Why the CDM cannot carry what decides this patient's status (empty when it can): adherence too
 * close to the threshold to be written as dispensing gaps, an augmentation overlapping its antidepressant for less than 30 days,
 * two courses of one drug within the persistence window.
 */
export function notRepresentable(h: SyntheticHistory): string[] {
  const why = new Set<string>();
  for (const t of h.trials) {
    if (typeof t.adherence === "number" && Math.abs(t.adherence - MIN_ADHERENCE) < 0.04) why.add("adherence within 4 points of the 80% threshold (dispensing gaps give it only approximately)");
    if (t.role === "augmentation") {
      const base = h.trials.find((x) => x.id === t.augments);
      const overlap = base === undefined ? 0 : Math.min(dayOf(base.end), dayOf(t.end)) - Math.max(dayOf(base.start), dayOf(t.start)) + 1;
      if (overlap < AUGMENTATION_MIN_OVERLAP) why.add("augmentation overlapping its antidepressant for under 30 days");
    }
  }
  const mono = h.trials.filter((t) => t.role !== "augmentation").sort((a, b) => a.start.localeCompare(b.start));
  mono.forEach((t, i) => {
    const previous = mono.slice(0, i).filter((p) => p.agent.name === t.agent.name).at(-1);
    if (previous !== undefined && dayOf(t.start) - dayOf(previous.end) - 1 <= PERSISTENCE_DAYS) why.add("two courses of one drug within the persistence window");
  });
  return [...why];
}

/** Id counters of the event tables. */
export interface Counters {
  drug: number;
  condition: number;
  measurement: number;
  observation: number;
  procedure: number;
}

/** Writes one patient's rows; `personId` is the CDM person_id. */
export function writeSyntheticPerson(h: SyntheticHistory, personId: number, v: SyntheticVocabulary, sink: CdmSink, ids: Counters): void {
  const birth = h.patient.birthDate;
  const [y, m, d] = birth === undefined ? [null, null, null] : birth.split("-").map(Number);
  sink.add("person", [personId, 0, y ?? null, m ?? null, d ?? null, 0, 0, h.id]);
  const ehr = v.id("type:ehr");
  const condition = (snomed: string, icd: string | undefined, start: string, end: string | null): void =>
    sink.add("condition_occurrence", [++ids.condition, personId, v.id(snomed), start, end, ehr, icd?.slice(4) ?? null, icd === undefined ? 0 : v.id(icd)]);
  const recurrent = (h.previousEpisodes ?? []).length > 0;
  condition("snomed:mdd", recurrent ? "icd:F33.9" : "icd:F32.9", h.episode.onset, null);
  for (const e of h.previousEpisodes ?? []) condition("snomed:mdd", "icd:F33.9", e.onset, e.end);
  for (const dx of h.patient.diagnoses) {
    if (dx.condition === "bipolar-disorder") condition("snomed:bipolar", "icd:F31.9", h.episode.onset, null);
    if (dx.condition === "thyroid-disease") condition("snomed:thyroid", undefined, h.episode.onset, null);
    if (dx.condition === "substance-use-disorder") condition("snomed:sud", undefined, h.episode.onset, null);
  }
  for (const t of h.trials) writeTrial(t, personId, v, sink, ids);
  for (const a of h.assessments) {
    if (a.scale === "PHQ-9") sink.add("measurement", [++ids.measurement, personId, v.id("loinc:PHQ-9"), a.date, ehr, a.total, "44261-6", 0]);
    else if (a.scale === "BDI-II") sink.add("observation", [++ids.observation, personId, v.id("loinc:BDI-II"), a.date, ehr, a.total, "89209-1", 0]);
    else sink.add("measurement", [++ids.measurement, personId, 0, a.date, ehr, a.total, `${a.scale} total score`, 0]);
  }
  for (const o of h.otherTreatments ?? []) {
    if (o.kind !== "ect") continue;
    for (let s = 0; s < (o.sessions ?? 1); s++) sink.add("procedure_occurrence", [++ids.procedure, personId, v.id("cpt:ect"), iso(dayOf(o.start) + Math.floor(s / 3) * 7 + (s % 3) * 2), ehr, "90870", 0]);
  }
  const dates = [h.episode.onset, ...(h.previousEpisodes ?? []).map((e) => e.onset), ...h.trials.flatMap((t) => [t.start, t.end]), ...h.assessments.map((a) => a.date), ...(h.otherTreatments ?? []).map((o) => o.start)].sort();
  sink.add("observation_period", [personId, personId, iso(dayOf(dates[0] ?? h.episode.onset) - 365), iso(dayOf(dates.at(-1) ?? h.episode.onset) + 730), ehr]);
}

/** The proportion of days a trial's dispensings cover: its adherence as a fraction, 0.5 for "poor", else all days. */
function coverageOf(t: Trial): number {
  if (typeof t.adherence === "number") return t.adherence;
  return t.adherence === "poor" ? POOR_COVERAGE : 1;
}

/**
 * A trial as dispensings, one per 30-day window (one run per dose), each covering the trial's
 * adherence fraction of its window (the gaps make the proportion of days covered the trial
 * builder computes); the last one ends on the trial's last day and carries the stop reason.
 * Adherence "unknown" is written as prescriptions (no evidence of collection).
 */
function writeTrial(t: Trial, personId: number, v: SyntheticVocabulary, sink: CdmSink, ids: Counters): void {
  const doses = t.doses ?? (t.mgPerDay === undefined ? [] : [{ from: t.start, mgPerDay: t.mgPerDay }]);
  const type = v.id(t.adherence === "unknown" ? "type:prescription" : "type:dispense");
  const coverage = coverageOf(t);
  const end = dayOf(t.end);
  doses.forEach((dose, i) => {
    const next = doses[i + 1];
    const segmentEnd = next === undefined ? end : dayOf(next.from) - 1;
    const drug = v.clinicalDrug(t.agent.name, dose.mgPerDay);
    for (let window = dayOf(dose.from); window <= segmentEnd; window += 30) {
      const length = Math.min(30, segmentEnd - window + 1);
      const supply = Math.max(1, Math.round(length * coverage));
      const last = next === undefined && window + length - 1 === end;
      const fill = (day: number, days: number, stop: string | null): void => sink.add("drug_exposure", [++ids.drug, personId, drug, iso(day), iso(day + days - 1), type, stop, days, days, "1 tablet daily", t.agent.name, 0]);
      if (!last) fill(window, supply, null);
      else if (window === dayOf(dose.from) && supply < length) {
        // The dose starts on this window's first day and the course ends on its last: two fills, the gap between.
        const first = Math.ceil(supply / 2);
        fill(window, first, supply - first > 0 ? null : (t.stopReason ?? null));
        if (supply - first > 0) fill(end - (supply - first) + 1, supply - first, t.stopReason ?? null);
      } else fill(end - supply + 1, supply, t.stopReason ?? null);
    }
  });
}
