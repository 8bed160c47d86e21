/**
 * FHIR R4 in: a Bundle or resources of one patient to a treatment history, with an issue for
 * every resource (or part of one) that could not be used.
 *
 * @module
 */
import type {
  CodeableConcept,
  Coding,
  Condition as FhirCondition,
  Dosage,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient as FhirPatient,
  Resource,
} from "fhir/r4";
import { findDrug } from "../catalogue/findDrug";
import { buildTrials } from "../fills/buildTrials";
import type { BuildTrialsOptions, BuildTrialsResult } from "../fills/buildTrials";
import type { FillRecordInput } from "../fills/fillRecord";
import { isCalendarDate } from "../internal/dates";
import type { TreatmentHistoryInput } from "../schema/history";
import type { Condition } from "../schema/patient";
import { SCALES } from "../schema/scales";
import type { ScaleId } from "../schema/scales";
import { SCALE_LOINC, SYSTEM, conditionsForCode, scaleFromText } from "./codes";
import { dailyDoseMg, parseMedicationText, toDays, toMilligrams } from "./dose";

/**
 * Why a resource, or part of one, was not used.
 *
 * @example
 * const code: MappingIssueCode = "entered_in_error";
 */
export type MappingIssueCode =
  | "not_a_resource"
  | "unsupported_resource"
  | "other_patient"
  | "entered_in_error"
  | "status_excluded"
  | "not_taken"
  | "no_date"
  | "partial_date"
  | "no_medication_code"
  | "medication_reference_unresolved"
  | "agent_unknown"
  | "dose_not_computable"
  | "unknown_unit"
  | "as_needed"
  | "superseded_by_dispense"
  | "unknown_scale"
  | "no_value"
  | "score_out_of_range"
  | "condition_not_used"
  | "record_invalid"
  | "episode_from_medications"
  | "no_episode"
  | "malformed_resource";

/**
 * One mapping issue: the resource, its id, and why. Never contains patient data beyond resource
 * ids and codes.
 *
 * @example
 * const i: MappingIssue = { resourceType: "MedicationStatement", id: "ms-9", code: "entered_in_error", message: "status entered-in-error: not used" };
 */
export interface MappingIssue {
  /** The resource type (`"Bundle"` or `"input"` for the container). */
  readonly resourceType: string;
  /** The resource id, when it has one. */
  readonly id?: string;
  /** Stable code. */
  readonly code: MappingIssueCode;
  /** One plain sentence. */
  readonly message: string;
}

/**
 * Options for {@link fromFhir}.
 *
 * @example
 * const o: FromFhirOptions = { asOf: "2024-06-30", patient: "pat-1", build: { preset: "claims-line-of-therapy" } };
 */
export interface FromFhirOptions {
  /** The as-of date: later events are ignored by the classifier; courses covering it are ongoing. */
  readonly asOf: string;
  /** The patient's resource id; default: the only Patient resource, or the first subject found. */
  readonly patient?: string;
  /** How medication records become trials (preset and overrides of {@link buildTrials}). */
  readonly build?: Omit<BuildTrialsOptions, "asOf">;
}

/**
 * The result of {@link fromFhir}.
 *
 * @example
 * declare const r: FromFhirResult;
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory(r.history);
 */
export interface FromFhirResult {
  /** The history, to validate with `parseTreatmentHistory`. */
  readonly history: TreatmentHistoryInput;
  /** Everything that could not be used, and why. */
  readonly issues: readonly MappingIssue[];
  /** How the medication records became trials (decisions per record). */
  readonly build: BuildTrialsResult;
  /** The resources that contributed, as `Type/id` (a resource may also have issues). */
  readonly used: readonly string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** The calendar date of a FHIR date or dateTime; `partial` for a year or year-month. */
function dayOf(value: string | undefined): { date: string } | { partial: true } | undefined {
  if (value === undefined) return undefined;
  const day = value.slice(0, 10);
  if (isCalendarDate(day)) return { date: day };
  return /^\d{4}(-\d{2})?$/.test(value) ? { partial: true } : undefined;
}

function collect(input: unknown, issues: MappingIssue[]): Resource[] {
  const out: Resource[] = [];
  const add = (x: unknown, where: string): void => {
    if (isObject(x) && typeof x.resourceType === "string") {
      if (x.resourceType === "Bundle") collect(x, issues).forEach((r) => out.push(r));
      else out.push(x as unknown as Resource);
    } else issues.push({ resourceType: "input", code: "not_a_resource", message: `${where} is not a FHIR resource` });
  };
  if (Array.isArray(input)) input.forEach((x, i) => add(x, `item ${i}`));
  else if (isObject(input) && input.resourceType === "Bundle") {
    const entries = Array.isArray(input.entry) ? input.entry : [];
    entries.forEach((e: unknown, i: number) => add(isObject(e) ? e.resource : undefined, `Bundle entry ${i}`));
  } else add(input, "the input");
  return out;
}

function subjectOf(r: Resource): string | undefined {
  const ref = (r as { subject?: { reference?: string }; patient?: { reference?: string } }).subject?.reference ?? (r as { patient?: { reference?: string } }).patient?.reference;
  return ref?.replace(/^.*Patient\//, "");
}

function codings(concept: CodeableConcept | undefined): readonly Coding[] {
  return concept?.coding ?? [];
}

/**
 * Maps FHIR R4 resources of one patient to a treatment history: Patient (birth date, sex),
 * Condition (diagnoses and the current episode), Observation (scores), and MedicationRequest,
 * MedicationDispense and MedicationStatement (drug records, turned into trials by
 * {@link buildTrials}; dispenses are preferred, then orders, then statements, per agent). Every
 * resource not used, and every part of one that could not be read (a unit that does not convert,
 * a PRN instruction, a dose without timing), is reported in `issues`. Never throws.
 *
 * Drugs are recognised by RxNorm ingredient code, ATC code, or the name in the coding's display
 * or text ("sertraline 100 MG Oral Tablet"), whose strength is read too. Daily doses come from
 * `dosageInstruction`/`dosage` (dose x frequency / period), else from the dispensed quantity and
 * days' supply. Scores come from Observation by LOINC (PHQ-9 44261-6; BDI-II 89209-1) or, for
 * scales with no verified code, by the scale's name in the code text.
 *
 * @param input - A Bundle, an array of resources, or one resource.
 * @param options - The as-of date, the patient, and trial-building options.
 * @returns The history, the issues and the build decisions.
 * @example
 * import { fromFhir } from "trd-classifier/fhir";
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * declare const bundle: unknown;
 * const { history, issues } = fromFhir(bundle, { asOf: "2024-06-30" });
 * const parsed = parseTreatmentHistory(history);
 * if (parsed.success) console.log(classifyTrd(parsed.data, { asOf: "2024-06-30" }).status, issues.length);
 */
export function fromFhir(input: unknown, options: FromFhirOptions): FromFhirResult {
  const issues: MappingIssue[] = [];
  const resources = collect(input, issues);
  const note = (r: Resource, code: MappingIssueCode, message: string): void => {
    issues.push({ resourceType: r.resourceType, ...(r.id === undefined ? {} : { id: r.id }), code, message });
  };
  const used = new Set<string>();
  const use = (r: Resource): void => {
    used.add(`${r.resourceType}/${r.id ?? ""}`);
  };

  // The patient.
  const patients = resources.filter((r): r is FhirPatient => r.resourceType === "Patient");
  const patientId = options.patient ?? patients[0]?.id ?? resources.map(subjectOf).find((s) => s !== undefined);
  const patientResource = patients.find((p) => p.id === patientId);
  for (const p of patients) if (p !== patientResource) note(p, "other_patient", "another patient's record: not used");
  const mine = resources.filter((r) => {
    if (r.resourceType === "Patient") return false;
    const subject = subjectOf(r);
    if (subject !== undefined && patientId !== undefined && subject !== patientId) {
      note(r, "other_patient", "belongs to another patient: not used");
      return false;
    }
    return true;
  });
  const medications = new Map(resources.filter((r): r is Medication => r.resourceType === "Medication").map((m) => [m.id ?? "", m]));

  // Diagnoses and episodes.
  const diagnoses: { condition: Condition; onset?: string }[] = [];
  const depressionOnsets: { onset: string; end?: string | undefined; active: boolean }[] = [];
  // Scores.
  const assessments: { date: string; scale: ScaleId; total: number }[] = [];
  // Drug records, by kind.
  const drugRecords: { kind: "dispense" | "prescription" | "statement"; key: string; record: FillRecordInput; resource: Resource }[] = [];

  for (const r of mine) {
    try {
      mapResource(r);
    } catch {
      note(r, "malformed_resource", "its structure does not match FHIR R4 where the adapter reads it: not used");
    }
  }

  function mapResource(r: Resource): void {
    switch (r.resourceType) {
      case "Condition":
        mapCondition(r as FhirCondition);
        break;
      case "Observation":
        mapObservation(r as Observation);
        break;
      case "MedicationDispense":
      case "MedicationRequest":
      case "MedicationStatement":
        mapMedication(r as MedicationDispense | MedicationRequest | MedicationStatement);
        break;
      case "Medication":
        break;
      default:
        note(r, "unsupported_resource", `${r.resourceType} is not used`);
    }
  }


  function mapCondition(c: FhirCondition): void {
    const verification = codings(c.verificationStatus)[0]?.code;
    if (verification === "entered-in-error" || verification === "refuted") return note(c, "entered_in_error", `verification status ${verification}: not used`);
    const conditions = new Set<Condition>();
    for (const coding of codings(c.code)) conditionsForCode(coding.system, coding.code).forEach((x) => conditions.add(x));
    if (conditions.size === 0) return note(c, "condition_not_used", "no code the classifier uses (ICD-10-CM F31-F33, SNOMED major depressive or bipolar disorder)");
    const onset = dayOf(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
    const onsetDate = onset !== undefined && "date" in onset ? onset.date : undefined;
    if (onset !== undefined && "partial" in onset) note(c, "partial_date", "onset is a year or month only; not used as a date");
    for (const condition of conditions) diagnoses.push({ condition, ...(onsetDate === undefined ? {} : { onset: onsetDate }) });
    use(c);
    if (conditions.has("major-depressive-disorder") && onsetDate !== undefined) {
      const abated = dayOf(c.abatementDateTime ?? c.abatementPeriod?.start);
      const status = codings(c.clinicalStatus)[0]?.code;
      depressionOnsets.push({ onset: onsetDate, end: abated !== undefined && "date" in abated ? abated.date : undefined, active: status === undefined || ["active", "recurrence", "relapse"].includes(status) });
    }
  }

  function mapObservation(o: Observation): void {
    if (!["final", "amended", "corrected"].includes(o.status)) return note(o, o.status === "entered-in-error" ? "entered_in_error" : "status_excluded", `status ${o.status}: not used`);
    const loinc = codings(o.code).find((c) => c.system === SYSTEM.loinc && SCALE_LOINC.some((s) => s.code === c.code));
    const scale = loinc !== undefined ? SCALE_LOINC.find((s) => s.code === loinc.code)?.scale : scaleFromText([o.code.text, ...codings(o.code).map((c) => c.display)].filter(Boolean).join(" "));
    if (scale === undefined) return note(o, "unknown_scale", "not a total score of PHQ-9, MADRS, HAM-D17, QIDS-SR16 or BDI-II");
    const value = o.valueQuantity?.value ?? o.valueInteger;
    if (value === undefined) return note(o, "no_value", "no numeric value");
    const day = dayOf(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued);
    if (day === undefined || "partial" in day) return note(o, "no_date", "no effective date");
    const range = SCALES[scale];
    if (!Number.isInteger(value) || value < range.min || value > range.max) return note(o, "score_out_of_range", `${scale} value outside ${range.min}-${range.max}`);
    assessments.push({ date: day.date, scale, total: value });
    use(o);
  }

  function agentOf(concept: CodeableConcept | undefined, ref: string | undefined, r: Resource): { key: string; agent: FillRecordInput["agent"]; strengthMg?: number } | undefined {
    let c = concept;
    let strengthFromIngredient: number | undefined;
    if (c === undefined && ref !== undefined) {
      const med = ref.startsWith("#") ? (r as { contained?: Resource[] }).contained?.find((x) => x.id === ref.slice(1)) : medications.get(ref.replace(/^Medication\//, ""));
      if (med === undefined || med.resourceType !== "Medication") {
        note(r, "medication_reference_unresolved", "medicationReference does not resolve to a Medication in the input");
        return undefined;
      }
      c = (med as Medication).code;
      use(med);
      const numerator = (med as Medication).ingredient?.[0]?.strength?.numerator;
      const mg = toMilligrams(numerator);
      if ("mg" in mg) strengthFromIngredient = mg.mg;
    }
    const cs = codings(c);
    const texts = [c?.text, ...cs.map((x) => x.display)].filter((x): x is string => x !== undefined);
    for (const coding of cs) {
      if ((coding.system === SYSTEM.rxnorm || coding.system === SYSTEM.atc) && coding.code !== undefined) {
        const drug = findDrug(coding.code);
        if (drug !== undefined) {
          const parsed = texts.map(parseMedicationText).find((t) => t.strengthMg !== undefined);
          const strengthMg = strengthFromIngredient ?? parsed?.strengthMg;
          return { key: drug.id, agent: coding.system === SYSTEM.rxnorm ? { rxnorm: coding.code, name: drug.name } : { atc: coding.code, name: drug.name }, ...(strengthMg === undefined ? {} : { strengthMg }) };
        }
      }
    }
    for (const text of texts) {
      const parsed = parseMedicationText(text);
      const drug = parsed.name === undefined ? undefined : findDrug(parsed.name);
      if (drug !== undefined) {
        if (parsed.problem !== undefined) note(r, "unknown_unit", `${parsed.problem}; dose from strength not used`);
        const strengthMg = strengthFromIngredient ?? parsed.strengthMg;
        return { key: drug.id, agent: { name: drug.name }, ...(strengthMg === undefined ? {} : { strengthMg }) };
      }
    }
    if (cs.length === 0 && texts.length === 0) {
      note(r, "no_medication_code", "no medication code or text");
      return undefined;
    }
    const name = parseMedicationText(texts[0] ?? cs[0]?.code ?? "").name ?? "unknown";
    note(r, "agent_unknown", "medication not in the catalogue; kept, and reported by the classifier");
    return { key: `unknown:${name.toLowerCase()}`, agent: { name } };
  }

  function doseFrom(dosages: readonly Dosage[] | undefined, strengthMg: number | undefined, r: Resource, fallbackPossible = false): number | undefined {
    if (dosages === undefined || dosages.length === 0) {
      if (!fallbackPossible) note(r, "dose_not_computable", "no dosage instruction: the daily dose is unknown");
      return undefined;
    }
    let total = 0;
    for (const d of dosages) {
      const result = dailyDoseMg(d, strengthMg);
      if ("problem" in result) {
        note(r, result.problem.includes("as needed") ? "as_needed" : result.problem.includes("unit") ? "unknown_unit" : "dose_not_computable", result.problem);
        return undefined;
      }
      total += result.mgPerDay;
    }
    return Math.round(total * 1000) / 1000;
  }

  function mapMedication(m: MedicationDispense | MedicationRequest | MedicationStatement): void {
    const status = m.status;
    if (status === "entered-in-error") return note(m, "entered_in_error", "status entered-in-error: not used");
    const agent = agentOf(m.medicationCodeableConcept, m.medicationReference?.reference, m);
    if (agent === undefined) return;
    const base = { id: m.id ?? `${m.resourceType}`, agent: agent.agent } as const;
    if (m.resourceType === "MedicationDispense") {
      if (status !== "completed") return note(m, "status_excluded", `status ${status}: not a completed dispense`);
      const day = dayOf(m.whenHandedOver ?? m.whenPrepared);
      if (day === undefined || "partial" in day) return note(m, "no_date", "no whenHandedOver or whenPrepared date");
      const days = toDays(m.daysSupply);
      if (m.daysSupply !== undefined && days === undefined) note(m, "unknown_unit", "daysSupply unit is not a time unit");
      const units = m.quantity?.value;
      let mgPerDay = doseFrom(m.dosageInstruction, agent.strengthMg, m, units !== undefined && agent.strengthMg !== undefined && days !== undefined);
      if (mgPerDay === undefined && units !== undefined && agent.strengthMg !== undefined && days !== undefined) mgPerDay = Math.round(((units * agent.strengthMg) / days) * 1000) / 1000;
      drugRecords.push({ kind: "dispense", key: agent.key, resource: m, record: { ...base, kind: "dispense", date: day.date, ...(days === undefined ? {} : { daysSupply: Math.max(1, Math.round(days)) }), ...(mgPerDay === undefined ? {} : { mgPerDay }) } });
    } else if (m.resourceType === "MedicationRequest") {
      if (!["active", "completed", "stopped", "on-hold"].includes(status)) return note(m, "status_excluded", `status ${status}: not an order that was carried out`);
      if (!["order", "original-order", "reflex-order", "filler-order", "instance-order"].includes(m.intent)) return note(m, "status_excluded", `intent ${m.intent}: not an order`);
      const day = dayOf(m.authoredOn ?? m.dispenseRequest?.validityPeriod?.start);
      if (day === undefined || "partial" in day) return note(m, "no_date", "no authoredOn date");
      const mgPerDay = doseFrom(m.dosageInstruction, agent.strengthMg, m);
      const supply = toDays(m.dispenseRequest?.expectedSupplyDuration);
      const repeats = m.dispenseRequest?.numberOfRepeatsAllowed ?? 0;
      const daysSupply = supply === undefined ? undefined : Math.round(supply * (1 + repeats));
      drugRecords.push({ kind: "prescription", key: agent.key, resource: m, record: { ...base, kind: "prescription", date: day.date, ...(daysSupply === undefined ? {} : { daysSupply: Math.max(1, daysSupply) }), ...(mgPerDay === undefined ? {} : { mgPerDay }) } });
    } else {
      if (status === "not-taken") return note(m, "not_taken", "status not-taken: evidence of no trial");
      if (status === "intended") return note(m, "status_excluded", "status intended: not started");
      const start = dayOf(m.effectivePeriod?.start ?? m.effectiveDateTime ?? m.dateAsserted);
      if (start === undefined || "partial" in start) return note(m, "no_date", "no effective date");
      const end = dayOf(m.effectivePeriod?.end);
      const mgPerDay = doseFrom(m.dosage, agent.strengthMg, m);
      drugRecords.push({
        kind: "statement",
        key: agent.key,
        resource: m,
        record: { ...base, kind: "statement", date: start.date, ...(end !== undefined && "date" in end && end.date >= start.date ? { endDate: end.date } : status === "active" ? { endDate: options.asOf > start.date ? options.asOf : start.date } : {}), ...(mgPerDay === undefined ? {} : { mgPerDay }) },
      });
    }
  }

  // Prefer dispenses, then orders, then statements, per agent.
  const rank = { dispense: 0, prescription: 1, statement: 2 } as const;
  const best = new Map<string, number>();
  for (const d of drugRecords) best.set(d.key, Math.min(best.get(d.key) ?? 9, rank[d.kind]));
  const records: FillRecordInput[] = [];
  for (const d of drugRecords) {
    if (rank[d.kind] === best.get(d.key)) {
      records.push(d.record);
      use(d.resource);
    }
    else note(d.resource, "superseded_by_dispense", `a ${d.kind} record of an agent with ${d.kind === "statement" && best.get(d.key) === 1 ? "orders" : "dispenses"} on record: not used, to avoid counting one supply twice`);
  }
  const build = buildTrials(records, { ...options.build, asOf: options.asOf });
  for (const issue of build.issues) issues.push({ resourceType: "record", code: "record_invalid", message: issue.message });

  // The current episode: the latest active depression diagnosis, else the drug-based episode.
  const active = depressionOnsets.filter((e) => e.active && e.onset <= options.asOf).sort((a, b) => a.onset.localeCompare(b.onset)).at(-1);
  let onset = active?.onset;
  if (onset === undefined && build.episode !== undefined) {
    onset = build.episode.onset;
    issues.push({ resourceType: "Condition", code: "episode_from_medications", message: "no active depression diagnosis with an onset: the episode is taken from the antidepressant records" });
  }
  if (onset === undefined) {
    onset = assessments.map((a) => a.date).sort()[0] ?? options.asOf;
    issues.push({ resourceType: "Condition", code: "no_episode", message: "no depression diagnosis or antidepressant: the episode is taken from the first score, or the as-of date" });
  }
  const previousEpisodes = depressionOnsets
    .filter((e) => e.end !== undefined && e.end < (onset ?? "") && e.onset < (onset ?? ""))
    .map((e) => ({ onset: e.onset, end: e.end ?? "" }))
    .sort((a, b) => a.onset.localeCompare(b.onset))
    .filter((e, i, all) => i === 0 || e.onset > (all[i - 1]?.end ?? ""));

  if (patientResource !== undefined) use(patientResource);
  const birth = dayOf(patientResource?.birthDate);
  if (birth !== undefined && "partial" in birth && patientResource !== undefined) note(patientResource, "partial_date", "birth date is a year or month only; age rules cannot apply");
  const sex = patientResource?.gender;
  const history: TreatmentHistoryInput = {
    ...(patientId === undefined ? {} : { id: patientId }),
    patient: {
      ...(birth !== undefined && "date" in birth ? { birthDate: birth.date } : {}),
      ...(sex === undefined ? {} : { sex }),
      diagnoses,
    },
    episode: { onset },
    previousEpisodes,
    trials: [...build.trials],
    assessments: dedupe(assessments),
  };
  return { history, issues, build, used: [...used].sort() };
}

/** Drops exact duplicate scores (the same scale, date and total exported twice). */
function dedupe<T extends { date: string; scale: string; total: number }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = `${x.date}|${x.scale}|${x.total}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
