/**
 * Small FHIR builders for the adapter's trait tests. Every fixture here is written by this project.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import type { TrdAssessment } from "trd-classifier";
import { fromFhir } from "trd-classifier/fhir";
import type { FromFhirOptions, FromFhirResult } from "trd-classifier/fhir";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const SNOMED = "http://snomed.info/sct";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";

type Json = Record<string, unknown>;

/** A transaction Bundle whose entries have `urn:uuid:` fullUrls, as Synthea writes them. */
export function bundleOf(resources: readonly Json[]): Json {
  return { resourceType: "Bundle", type: "transaction", entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${String(resource["id"])}`, resource })) };
}

export const patient = (id = "p1", extra: Json = {}): Json => ({ resourceType: "Patient", id, birthDate: "1980-05-01", gender: "female", ...extra });
export const subject = (id = "p1"): Json => ({ reference: `urn:uuid:${id}` });

/** A MedicationRequest for a drug named in text ("sertraline 50 MG Oral Tablet"), one tablet a day by default. */
export function order(id: string, text: string, authoredOn: string, extra: Json = {}): Json {
  return {
    resourceType: "MedicationRequest",
    id,
    status: "active",
    intent: "order",
    subject: subject(),
    medicationCodeableConcept: { text },
    authoredOn,
    dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1 } }] }],
    ...extra,
  };
}

export function dispense(id: string, text: string, whenHandedOver: string, days: number, tablets: number, extra: Json = {}): Json {
  return {
    resourceType: "MedicationDispense",
    id,
    status: "completed",
    subject: subject(),
    medicationCodeableConcept: { text },
    whenHandedOver,
    quantity: { value: tablets },
    daysSupply: { value: days, unit: "days", system: UCUM, code: "d" },
    ...extra,
  };
}

export function condition(id: string, system: string, code: string, onset: string, extra: Json = {}): Json {
  return { resourceType: "Condition", id, subject: subject(), code: { coding: [{ system, code }] }, onsetDateTime: onset, clinicalStatus: { coding: [{ code: "active" }] }, ...extra };
}

export function observation(id: string, code: string, date: string, value: Json, extra: Json = {}): Json {
  return { resourceType: "Observation", id, status: "final", subject: subject(), code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: date, ...value, ...extra };
}

/** Maps, validates and classifies; throws if the mapped history is invalid. */
export function mapAndClassify(input: unknown, options: FromFhirOptions): { mapped: FromFhirResult; assessment: TrdAssessment } {
  const mapped = fromFhir(input, options);
  const parsed = parseTreatmentHistory(mapped.history);
  if (!parsed.success) throw new Error(`invalid mapped history: ${JSON.stringify(parsed.issues)}`);
  return { mapped, assessment: classifyTrd(parsed.data, { asOf: options.asOf }) };
}

/** The shared real samples, read in place; `undefined` when `../shared` is absent. */
export const SHARED_FHIR = fileURLToPath(new URL("../../../shared/fixtures/fhir/", import.meta.url));
export const HAVE_SHARED = existsSync(SHARED_FHIR);
export const readShared = (name: string): unknown => JSON.parse(readFileSync(`${SHARED_FHIR}${name}`, "utf8"));
