/**
 * The codes the FHIR adapter recognises, each with its source and how well it was verified:
 * diagnoses (ICD-10-CM, WHO ICD-10, SNOMED CT) as conditions the classifier uses and as the
 * indication of a prescription; and the LOINC codes of scores.
 *
 * @module
 */
import { matchDiagnosisCode } from "../catalogue/clinicalCodes";
import type { DiagnosisCode } from "../catalogue/clinicalCodes";

// The code tables live in the catalogue layer, shared with the OMOP adapter.
export { DIAGNOSIS_CODES, PHQ9_ANSWER_POINTS, PHQ9_ITEM_LOINC, PHQ9_PANEL_LOINC, SCORE_LOINC, indicationOfUnlistedIcd10, scaleFromText } from "../catalogue/clinicalCodes";
export type { DiagnosisCode, ScoreCode } from "../catalogue/clinicalCodes";

/** Code-system URIs (FHIR R4 conventions). */
export const SYSTEM = Object.freeze({
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  atc: "http://www.whocc.no/atc",
  loinc: "http://loinc.org",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  snomed: "http://snomed.info/sct",
  ucum: "http://unitsofmeasure.org",
});

/**
 * The row a coded diagnosis matches, or `undefined`.
 *
 * @example
 * diagnosisCode("http://hl7.org/fhir/sid/icd-10-cm", "F33.1")?.conditions; //=> ["major-depressive-disorder"]
 * diagnosisCode("http://snomed.info/sct", "47505003")?.indication; //=> "post-traumatic-stress-disorder"
 */
export function diagnosisCode(system: string | undefined, code: string | undefined): DiagnosisCode | undefined {
  const kind = icd10System(system) ? "icd10" : system === SYSTEM.snomed ? "snomed" : undefined;
  if (kind === undefined || code === undefined) return undefined;
  return matchDiagnosisCode(kind, code);
}

/** Whether a system URI is ICD-10-CM or WHO ICD-10 (read with the same table). */
export function icd10System(system: string | undefined): boolean {
  return system === SYSTEM.icd10cm || system === SYSTEM.icd10;
}
