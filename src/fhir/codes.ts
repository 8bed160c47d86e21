/**
 * Code systems and the codes the FHIR adapter recognises, each mapping cited.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import type { Condition } from "../schema/patient";
import type { ScaleId } from "../schema/scales";

/** Code-system URIs (FHIR R4 conventions). */
export const SYSTEM = {
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  atc: "http://www.whocc.no/atc",
  loinc: "http://loinc.org",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  snomed: "http://snomed.info/sct",
  ucum: "http://unitsofmeasure.org",
} as const;

/** A scale recognised by a LOINC code, with the source of the code. */
export interface ScaleCode {
  readonly code: string;
  readonly scale: ScaleId;
  readonly source: SourceId;
  readonly verification: Verification;
}

/**
 * Verified LOINC codes of total scores. MADRS, HAM-D17 and QIDS-SR16 have no verified code; they
 * are recognised by their name in the code's text or display instead (see {@link scaleFromText}).
 */
export const SCALE_LOINC: readonly ScaleCode[] = [
  { code: "44261-6", scale: "PHQ-9", source: "hl7-pco-prom-valueset", verification: "primary" },
  { code: "89209-1", scale: "BDI-II", source: "mii-pro-ig", verification: "secondary" },
];

const SCALE_TEXT: readonly [RegExp, ScaleId][] = [
  [/\bmadrs\b|montgomery[\s-]*(and\s*)?[aå]sberg/i, "MADRS"],
  [/\bham[\s-]*d\s*-?\s*17\b|\bhamd[\s-]*17\b|hamilton.*depression/i, "HAM-D17"],
  [/\bqids[\s-]*sr\s*-?\s*16\b|\bqids[\s-]*sr\b|quick inventory of depressive symptomatology/i, "QIDS-SR16"],
  [/\bphq[\s-]*9\b|patient health questionnaire[\s-]*9|patient health questionnaire nine/i, "PHQ-9"],
  [/\bbdi[\s-]*(ii|2)\b|beck depression inventory[\s-]*(ii|2)\b/i, "BDI-II"],
];

/**
 * A scale named in a code's text or display ("MADRS total score"), for scales without a verified
 * LOINC code. PHQ-8, PHQ-2, the BDI fast screen and the Hamilton with other item counts do not
 * match.
 */
export function scaleFromText(text: string): ScaleId | undefined {
  if (/\bphq[\s-]*[28]\b|fast screen|\bhamd?[\s-]*(6|21|24)\b/i.test(text)) return undefined;
  return SCALE_TEXT.find(([pattern]) => pattern.test(text))?.[1];
}

/** A diagnosis rule: codes (exact, or by prefix with `*`) that map to a condition. */
export interface ConditionCode {
  readonly system: "icd10" | "snomed";
  readonly pattern: string;
  readonly conditions: readonly Condition[];
  readonly source: SourceId;
  readonly verification: Verification;
}

/**
 * ICD-10-CM (and WHO ICD-10) and SNOMED CT codes the adapter maps. F32.81 (premenstrual dysphoric
 * disorder), F32.89 and F32.A (depression, unspecified) are not major depressive disorder and are
 * reported as unused.
 */
export const CONDITION_CODES: readonly ConditionCode[] = [
  { system: "icd10", pattern: "F32.3", conditions: ["major-depressive-disorder", "psychotic-features"], source: "icd10cm-lookup-sites", verification: "secondary" },
  { system: "icd10", pattern: "F33.3", conditions: ["major-depressive-disorder", "psychotic-features"], source: "icd10cm-lookup-sites", verification: "secondary" },
  ...["F32.0", "F32.1", "F32.2", "F32.4", "F32.5", "F32.9", "F33.0", "F33.1", "F33.2", "F33.4*", "F33.8", "F33.9"].map(
    (pattern): ConditionCode => ({ system: "icd10", pattern, conditions: ["major-depressive-disorder"], source: "icd10cm-lookup-sites", verification: "secondary" }),
  ),
  { system: "icd10", pattern: "F31.2", conditions: ["bipolar-disorder", "psychotic-features"], source: "icd10cm-lookup-sites", verification: "secondary" },
  { system: "icd10", pattern: "F31.5", conditions: ["bipolar-disorder", "psychotic-features"], source: "icd10cm-lookup-sites", verification: "secondary" },
  { system: "icd10", pattern: "F31*", conditions: ["bipolar-disorder"], source: "icd10cm-lookup-sites", verification: "secondary" },
  { system: "snomed", pattern: "370143000", conditions: ["major-depressive-disorder"], source: "snomed-fhir-examples", verification: "secondary" },
  { system: "snomed", pattern: "13746004", conditions: ["bipolar-disorder"], source: "snomed-fhir-examples", verification: "secondary" },
];

/** The conditions a coded diagnosis maps to (empty when the code is not one the adapter uses). */
export function conditionsForCode(system: string | undefined, code: string | undefined): readonly Condition[] {
  if (code === undefined) return [];
  const kind = system === SYSTEM.icd10cm || system === SYSTEM.icd10 ? "icd10" : system === SYSTEM.snomed ? "snomed" : undefined;
  if (kind === undefined) return [];
  const normal = kind === "icd10" ? code.toUpperCase().replace(/^([A-Z]\d\d)(\d)/, "$1.$2") : code;
  for (const rule of CONDITION_CODES) {
    if (rule.system !== kind) continue;
    const matches = rule.pattern.endsWith("*") ? normal.startsWith(rule.pattern.slice(0, -1)) : normal === rule.pattern;
    if (matches) return rule.conditions;
  }
  return [];
}
