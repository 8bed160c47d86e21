/**
 * What the OMOP adapter recognises in the vocabulary tables, by `vocabulary_id` and `concept_code`
 * (never by `concept_id`, which differs between vocabulary releases and sites): RxNorm ingredients
 * from the catalogue, diagnoses and LOINC scores from the shared clinical codes, CPT4 procedures,
 * UCUM units of `drug_strength`, and the drug type concepts that mean a dispensing.
 *
 * @module
 */
import { DIAGNOSIS_CODES, SCORE_LOINC } from "../catalogue/clinicalCodes";
import { listDrugs } from "../catalogue/findDrug";
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { Condition } from "../schema/patient";

/**
 * The `vocabulary_id`s of diagnosis codes and the code table each is read with (ICD-10-CM and
 * WHO ICD-10 share the ICD-10 rows).
 *
 * @example
 * DIAGNOSIS_VOCABULARIES.ICD10CM; //=> "icd10"
 */
export const DIAGNOSIS_VOCABULARIES = deepFreeze({ ICD10CM: "icd10", ICD10: "icd10", SNOMED: "snomed" } as const);

/**
 * A procedure the adapter reads, by code.
 *
 * @example
 * const row: ProcedureCode = PROCEDURE_CODES[0]!;
 * [row.vocabulary, row.code, row.kind]; //=> ["CPT4", "90870", "ect"]
 */
export interface ProcedureCode {
  readonly vocabulary: "CPT4";
  readonly code: string;
  readonly kind: "ect" | "rtms" | "psychotherapy";
  readonly source: SourceId;
  readonly verification: Verification;
}

const cpt = (code: string, kind: ProcedureCode["kind"]): ProcedureCode => ({ vocabulary: "CPT4", code, kind, source: "cpt-psychiatry-codes", verification: "secondary" });

/**
 * CPT4 codes of electroconvulsive therapy, repetitive transcranial magnetic stimulation and
 * individual psychotherapy. SNOMED CT procedure concepts were not verified and are not read.
 *
 * @example
 * PROCEDURE_CODES.filter((p) => p.kind === "rtms").map((p) => p.code); //=> ["90867", "90868", "90869"]
 */
export const PROCEDURE_CODES: readonly ProcedureCode[] = deepFreeze([
  cpt("90870", "ect"),
  cpt("90867", "rtms"),
  cpt("90868", "rtms"),
  cpt("90869", "rtms"),
  ...["90832", "90833", "90834", "90836", "90837", "90838"].map((c) => cpt(c, "psychotherapy")),
]);

/**
 * UCUM codes of the `drug_strength` units the adapter converts to mg (the factor); any other unit
 * (international units, mEq, mL as an amount) gives no daily dose in mg.
 *
 * @example
 * MG_PER_UNIT.ug; //=> 0.001
 */
export const MG_PER_UNIT: Readonly<Record<string, number>> = deepFreeze({ mg: 1, ug: 0.001, g: 1000 });

/**
 * Drug type concept names (vocabulary `Type Concept`) that mean the drug was dispensed: the only
 * evidence of collection, so the only records adherence is computed from. Any other type (an
 * order, a prescription written, a medication list entry) is read as a prescription. Pass more
 * names in the options (for claims data, your CDM's pharmacy claim type).
 *
 * @example
 * DISPENSING_TYPE_NAMES; //=> ["EHR dispensing record"]
 */
export const DISPENSING_TYPE_NAMES: readonly string[] = deepFreeze(["EHR dispensing record"]);

/**
 * The RxNorm ingredient codes (RXCUIs) of every catalogue drug that has one: the only drug
 * exposures the extraction reads.
 *
 * @example
 * relevantIngredientCodes().includes("36437"); //=> true
 */
export function relevantIngredientCodes(): readonly string[] {
  return INGREDIENT_CODES;
}

const INGREDIENT_CODES: readonly string[] = deepFreeze([...new Set(listDrugs().flatMap((d) => (d.rxnorm === undefined ? [] : [d.rxnorm.code])))].sort());

/**
 * The diagnosis rows that bear on classification (a condition on record, or the one named), by
 * code table: exact codes and prefixes (a pattern ending in `*`).
 *
 * @example
 * relevantDiagnosisPatterns("icd10").includes("F33*"); //=> true
 * relevantDiagnosisPatterns("icd10", "major-depressive-disorder").includes("F31*"); //=> false
 */
export function relevantDiagnosisPatterns(system: "icd10" | "snomed", condition?: Condition): readonly string[] {
  return DIAGNOSIS_CODES.filter((row) => row.system === system && (condition === undefined ? row.conditions.length > 0 : row.conditions.includes(condition))).map((row) => row.pattern);
}

/**
 * LOINC codes of total scores the adapter reads.
 *
 * @example
 * scoreLoincCodes(); //=> ["44261-6", "89209-1"]
 */
export function scoreLoincCodes(): readonly string[] {
  return SCORE_LOINC.map((s) => s.code);
}

/**
 * Lower-case words that a source value naming a score contains (a pre-filter for the query; the
 * adapter decides with the shared scale-name patterns).
 *
 * @example
 * SCORE_TEXT_WORDS.includes("madrs"); //=> true
 */
export const SCORE_TEXT_WORDS: readonly string[] = deepFreeze(["madrs", "montgomery", "ham-d", "hamd", "hamilton", "qids", "quick inventory", "phq", "patient health questionnaire", "bdi", "beck"]);
