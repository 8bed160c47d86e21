/**
 * Patient facts that change dose rules or eligibility.
 *
 * @module
 */
import * as z from "zod";
import { IsoDateSchema, LIMITS } from "./primitives";

/**
 * Diagnoses that change how a history is read: bipolar disorder and psychotic features change
 * eligibility; substance use and thyroid disease are classic causes of pseudo-resistance; hepatic
 * and renal impairment change dose caps.
 *
 * @example
 * import { ConditionSchema } from "trd-classifier";
 * ConditionSchema.safeParse("bipolar-disorder").success; //=> true
 * ConditionSchema.safeParse("bipolar").success; //=> false
 */
export const ConditionSchema = z.enum([
  "major-depressive-disorder",
  "bipolar-disorder",
  "psychotic-features",
  "substance-use-disorder",
  "thyroid-disease",
  "hepatic-impairment",
  "renal-impairment",
  "anxiety-disorder",
  "personality-disorder",
]);

/**
 * A diagnosis the library knows how to use.
 *
 * @example
 * import { ConditionSchema } from "trd-classifier";
 * const condition: Condition = ConditionSchema.parse("thyroid-disease");
 * condition; //=> "thyroid-disease"
 */
export type Condition = z.output<typeof ConditionSchema>;

/**
 * A diagnosis on record, optionally with its code and onset.
 *
 * @example
 * import { DiagnosisSchema } from "trd-classifier";
 * DiagnosisSchema.parse({ condition: "bipolar-disorder", code: { system: "ICD-10-CM", code: "F31.81" } }); //=> { condition: "bipolar-disorder", code: { system: "ICD-10-CM", code: "F31.81" } }
 */
export const DiagnosisSchema = z.strictObject({
  condition: ConditionSchema,
  onset: IsoDateSchema.optional(),
  /** For hepatic or renal impairment: how severe (hepatic: Child-Pugh A/B/C; renal: as the label bands creatinine clearance). */
  severity: z.enum(["mild", "moderate", "severe"]).optional(),
  code: z
    .strictObject({
      system: z.enum(["ICD-10-CM", "ICD-10", "SNOMED-CT", "other"]),
      code: z.string().min(1).max(LIMITS.codeMaxLength),
    })
    .optional(),
});

/**
 * A validated diagnosis.
 *
 * @example
 * import { DiagnosisSchema } from "trd-classifier";
 * const diagnosis: Diagnosis = DiagnosisSchema.parse({ condition: "major-depressive-disorder", onset: "2019-03-01" });
 * diagnosis; //=> { condition: "major-depressive-disorder", onset: "2019-03-01" }
 */
export interface Diagnosis extends z.output<typeof DiagnosisSchema> {}

/**
 * Patient facts. Give age as a birth date, or as an age in whole years on a stated date (for
 * de-identified research data), not both.
 *
 * @example
 * import { PatientSchema } from "trd-classifier";
 * PatientSchema.parse({ birthDate: "1958-04-02", sex: "female", diagnoses: [{ condition: "major-depressive-disorder" }] }); //=> { birthDate: "1958-04-02", sex: "female", diagnoses: [{ condition: "major-depressive-disorder" }] }
 * PatientSchema.parse({}); //=> { diagnoses: [] }
 */
export const PatientSchema = z.strictObject({
  birthDate: IsoDateSchema.optional(),
  age: z.strictObject({ years: z.number().int().min(0).max(LIMITS.maxAgeYears), on: IsoDateSchema }).optional(),
  sex: z.enum(["female", "male", "other", "unknown"]).optional(),
  diagnoses: z.array(DiagnosisSchema).default([]),
});

/**
 * Validated patient facts.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" } });
 * const patient: Patient | undefined = parsed.success ? parsed.data.patient : undefined;
 * patient; //=> { diagnoses: [] }
 */
export interface Patient extends z.output<typeof PatientSchema> {}
