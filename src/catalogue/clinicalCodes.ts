/**
 * Clinical codes shared by the adapters (FHIR, OMOP): diagnoses (ICD-10-CM, WHO ICD-10, SNOMED CT)
 * as conditions the classifier uses and as the indication of a prescription, and the LOINC codes
 * of scores, each with its source and how well it was verified. Moved here from src/fhir/codes.ts
 * (which re-exports them) so that adapters beside each other share one table.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { Condition } from "../schema/patient";
import type { ScaleId } from "../schema/scales";
import type { Indication } from "../schema/trial";
import type { SourceId } from "./sources";
import type { Verification } from "./types";

/** A diagnosis code (exact, or a prefix ending in `*`) and what it means here. */
export interface DiagnosisCode {
  readonly system: "icd10" | "snomed";
  readonly pattern: string;
  /** Conditions on record for the classifier (eligibility and pseudo-resistance flags). */
  readonly conditions: readonly Condition[];
  /** What a prescription given for it was given for. */
  readonly indication: Indication;
  readonly source: SourceId;
  readonly verification: Verification;
}

type Row = readonly [pattern: string, conditions: readonly Condition[], indication: Indication];

const rows = (system: DiagnosisCode["system"], source: SourceId, verification: Verification, table: readonly Row[]): DiagnosisCode[] =>
  table.map(([pattern, conditions, indication]) => ({ system, pattern, conditions, indication, source, verification }));

const MDD: readonly Condition[] = ["major-depressive-disorder"];
const MDD_PSYCHOTIC: readonly Condition[] = ["major-depressive-disorder", "psychotic-features"];
const BIPOLAR: readonly Condition[] = ["bipolar-disorder"];
const NONE: readonly Condition[] = [];

/**
 * Diagnosis codes, most specific first (the first match wins). ICD-10-CM is a closed hierarchy,
 * so a code outside these rows is another condition (see {@link indicationOfUnlistedIcd10});
 * SNOMED CT is not enumerable here, so only the listed concepts are read. Frozen to the last
 * row and list, so that an answer {@link matchDiagnosisCode} remembers stays right.
 */
export const DIAGNOSIS_CODES: readonly DiagnosisCode[] = deepFreeze([
  // ICD-10-CM: depressive disorders. F32.81 (premenstrual dysphoric disorder) sits inside F32.
  ...rows("icd10", "cms-icd10cm-fy2023", "secondary", [
    ["F32.81", NONE, "premenstrual-dysphoric-disorder"],
    ["F32.A", NONE, "depression"],
  ]),
  ...rows("icd10", "vsac-depression-diagnosis", "primary", [
    ["F32.3", MDD_PSYCHOTIC, "depression"],
    ["F33.3", MDD_PSYCHOTIC, "depression"],
    ["F32.89", NONE, "depression"],
    ["F32*", MDD, "depression"],
    ["F33*", MDD, "depression"],
    ["F34.1", NONE, "depression"],
    ["F43.21", NONE, "depression"],
    ["F43.23", NONE, "depression"],
    ["F53.0", MDD, "depression"],
  ]),
  // Bipolar disorder, mania, schizoaffective and other psychotic disorders.
  ...rows("icd10", "vsac-bipolar-diagnosis", "primary", [
    ["F31.2", [...BIPOLAR, "psychotic-features"], "depression"],
    ["F31.5", [...BIPOLAR, "psychotic-features"], "depression"],
    ["F31.64", [...BIPOLAR, "psychotic-features"], "depression"],
    ["F31*", BIPOLAR, "depression"],
  ]),
  ...rows("icd10", "cms-icd10cm-fy2023", "secondary", [
    ["F30*", BIPOLAR, "other-condition"],
    ["F25.0", [...BIPOLAR, "psychotic-features"], "other-condition"],
    ["F25*", ["psychotic-features"], "other-condition"],
    ...["F20*", "F22*", "F23*", "F28*", "F29*"].map((p): Row => [p, ["psychotic-features"], "other-condition"]),
    // Other indications of antidepressants.
    ["F43.1*", NONE, "post-traumatic-stress-disorder"],
    ["F42*", NONE, "obsessive-compulsive-disorder"],
    ["F40*", ["anxiety-disorder"], "anxiety-disorder"],
    ...["F41.0", "F41.1", "F41.3", "F41.8", "F41.9"].map((p): Row => [p, ["anxiety-disorder"], "anxiety-disorder"]),
    ["F17.2*", NONE, "smoking-cessation"],
    ["F98.0", NONE, "enuresis"],
    ["G43*", NONE, "migraine"],
    ["G47.0*", NONE, "insomnia"],
    ["F51.0*", NONE, "insomnia"],
    ["G89*", NONE, "pain"],
    ["G90.5*", NONE, "pain"],
    ["F50.2", NONE, "eating-disorder"],
    ["F50.81", NONE, "eating-disorder"],
  ]),
  ...rows("icd10", "vsac-alcohol-drug-dependence", "primary", [
    ["F10*", ["substance-use-disorder"], "other-condition"],
    ["F11*", ["substance-use-disorder"], "other-condition"],
    ["F12*", ["substance-use-disorder"], "other-condition"],
  ]),
  ...rows("icd10", "cms-icd10cm-fy2023", "secondary", [
    ...["F13*", "F14*", "F15*", "F16*", "F18*", "F19*"].map((p): Row => [p, ["substance-use-disorder"], "other-condition"]),
  ]),
  ...rows("icd10", "synthea-modules", "secondary", [["M79.7*", NONE, "pain"]]),
  // E00-E07 disorders of the thyroid gland: the range is standard, but its titles were not read.
  ...rows("icd10", "library-convention", "unverified", [
    ...["E00*", "E01*", "E02*", "E03*", "E04*", "E05*", "E06*", "E07*"].map((p): Row => [p, ["thyroid-disease"], "other-condition"]),
  ]),
  // SNOMED CT: depression (VSAC Depression Diagnosis).
  ...rows("snomed", "vsac-depression-diagnosis", "primary", [
    ...["430852001", "73867007", "28475009", "191604000", "191613003", "15193003", "33078009", "20250007", "77911002"].map((c): Row => [c, MDD_PSYCHOTIC, "depression"]),
    ...["370143000", "36923009", "66344007", "18818009", "14183003", "15639000", "79298009", "76441001", "40379007", "36474008", "2618002", "268621008", "191616006", "191610000", "191611001", "832007", "87512008", "75084000", "19527009", "320751009", "319768000", "63778009", "42925002", "38694004", "25922000", "71336009"].map(
      (c): Row => [c, MDD, "depression"],
    ),
    ...["35489007", "192080009", "78667006", "83176005", "48589009", "231504006"].map((c): Row => [c, NONE, "depression"]),
    ["84760002", ["psychotic-features"], "depression"],
  ]),
  ...rows("snomed", "vsac-bipolar-diagnosis", "primary", [
    ...["13746004", "371596008", "83225003", "16295005", "49468007", "68569003", "16506000", "191627008", "191618007", "191636007"].map((c): Row => [c, BIPOLAR, "depression"]),
    ["38368003", [...BIPOLAR, "psychotic-features"], "other-condition"],
  ]),
  ...rows("snomed", "vsac-alcohol-drug-dependence", "primary", [
    ...["7200002", "66590003", "5602001", "75544000", "91388009", "724653003", "85005007", "37344009", "78267003"].map((c): Row => [c, ["substance-use-disorder"], "other-condition"]),
  ]),
  ...rows("snomed", "synthea-modules", "secondary", [
    ["6525002", ["substance-use-disorder"], "other-condition"],
    ["83664006", ["thyroid-disease"], "other-condition"],
    ["40930008", ["thyroid-disease"], "other-condition"],
    ["34486009", ["thyroid-disease"], "other-condition"],
    ["47505003", NONE, "post-traumatic-stress-disorder"],
    ...["82423001", "278860009", "1121000119107", "203082005", "95417003", "368581000119106"].map((c): Row => [c, NONE, "pain"]),
    ...["124171000119105", "427419006"].map((c): Row => [c, NONE, "migraine"]),
    ["449868002", NONE, "smoking-cessation"],
  ]),
]);

/**
 * The row a diagnosis code matches in one code system, or `undefined` (ICD-10 codes are
 * normalised first: "f331" reads as "F33.1").
 *
 * @example
 * matchDiagnosisCode("icd10", "F33.1")?.conditions; //=> ["major-depressive-disorder"]
 * matchDiagnosisCode("snomed", "13746004")?.conditions; //=> ["bipolar-disorder"]
 */
export function matchDiagnosisCode(kind: DiagnosisCode["system"], code: string): DiagnosisCode | undefined {
  const cache = kind === "icd10" ? icd10Matches : kind === "snomed" ? snomedMatches : undefined;
  if (cache === undefined || typeof code !== "string") return findDiagnosisCode(kind, code);
  const known = cache.get(code);
  if (known !== undefined) return known === NO_MATCH ? undefined : known;
  const found = findDiagnosisCode(kind, code);
  if (cache.size >= MATCH_CACHE_LIMIT) cache.clear();
  cache.set(code, found ?? NO_MATCH);
  return found;
}

/** {@link matchDiagnosisCode} without its cache: the first row, in table order, that the code matches. */
function findDiagnosisCode(kind: DiagnosisCode["system"], code: string): DiagnosisCode | undefined {
  const normal = kind === "icd10" ? normaliseIcd10(code) : code.trim();
  return DIAGNOSIS_CODES.find((row) => row.system === kind && (row.pattern.endsWith("*") ? normal.startsWith(row.pattern.slice(0, -1)) : normal === row.pattern));
}

/*
 * The answers of matchDiagnosisCode, by code system and code as given: the table is frozen, so an
 * answer never changes, and a cohort has few distinct codes (every condition row of every person
 * asks). The caches only remember results and are cleared when large, so memory stays bounded.
 */
const MATCH_CACHE_LIMIT = 10_000;
const NO_MATCH = "none";
const icd10Matches = new Map<string, DiagnosisCode | typeof NO_MATCH>();
const snomedMatches = new Map<string, DiagnosisCode | typeof NO_MATCH>();

/** "f331" → "F33.1": upper case, with the dot after the category. */
export function normaliseIcd10(code: string): string {
  return code.trim().toUpperCase().replace(/^([A-Z]\d[\dA-Z])\.?(\w)/, "$1.$2");
}

/**
 * The indication of an ICD-10 code that no row lists: mental and behavioural (F), symptom (R) and
 * encounter (Z) codes may concern depression and are `not-recognised`; any other chapter is another
 * condition (this library's reading, documented in docs/fhir.md).
 *
 * @example
 * indicationOfUnlistedIcd10("K26.9"); //=> "other-condition"
 * indicationOfUnlistedIcd10("Z13.31"); //=> "not-recognised"
 */
export function indicationOfUnlistedIcd10(code: string): Indication {
  return /^[FRZ]/.test(normaliseIcd10(code)) ? "not-recognised" : "other-condition";
}

/** A score's LOINC code. */
export interface ScoreCode {
  readonly code: string;
  readonly scale: ScaleId;
  readonly source: SourceId;
  readonly verification: Verification;
}

/**
 * LOINC codes of total scores. MADRS, HAM-D17 and QIDS-SR16 have no verified code; they are
 * recognised by their name in the code's text when no LOINC coding is present.
 */
export const SCORE_LOINC: readonly ScoreCode[] = Object.freeze([
  { code: "44261-6", scale: "PHQ-9", source: "hl7-pco-prom-valueset", verification: "primary" },
  { code: "89209-1", scale: "BDI-II", source: "mii-pro-ig", verification: "secondary" },
]);

/** The PHQ-9 panel (44249-1), whose total is a component or member, or the sum of its nine items. */
export const PHQ9_PANEL_LOINC = "44249-1";

/** The nine PHQ-9 item codes, items 1 to 9 (source: `loinc-phq9`, primary). */
export const PHQ9_ITEM_LOINC: readonly string[] = Object.freeze(["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]);

/** PHQ-9 item answers (LOINC answer list LL358-3) and their points. */
export const PHQ9_ANSWER_POINTS: Readonly<Record<string, number>> = Object.freeze({ "LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3 });

const SCALE_TEXT: readonly (readonly [RegExp, ScaleId])[] = [
  [/\bmadrs\b|montgomery[\s-]*(and\s*)?[aå]sberg/i, "MADRS"],
  [/\bham[\s-]*d\s*-?\s*17\b|\bhamd[\s-]*17\b|hamilton.*depression/i, "HAM-D17"],
  [/\bqids[\s-]*sr\s*-?\s*16\b|\bqids[\s-]*sr\b|quick inventory of depressive symptomatology/i, "QIDS-SR16"],
  [/\bphq[\s-]*9\b|patient health questionnaire[\s-]*9|patient health questionnaire nine/i, "PHQ-9"],
  [/\bbdi[\s-]*(ii|2)\b|beck depression inventory[\s-]*(ii|2)\b/i, "BDI-II"],
];

/**
 * A scale named in a code's text ("MADRS total score"), for codes without a LOINC coding. PHQ-8,
 * PHQ-2, the BDI fast screen, Hamilton forms other than 17 items, panels and items do not match.
 *
 * @example
 * scaleFromText("MADRS total score"); //=> "MADRS"
 * scaleFromText("PHQ-8 total score"); //=> undefined
 */
export function scaleFromText(text: string): ScaleId | undefined {
  if (/\bphq[\s-]*[28]\b|questionnaire[\s-]*[28]\b|fast screen|\bhamd?[\s-]*(6|21|24)\b|\bpanel\b|\bitem\s*\d/i.test(text)) return undefined;
  return SCALE_TEXT.find(([pattern]) => pattern.test(text))?.[1];
}
