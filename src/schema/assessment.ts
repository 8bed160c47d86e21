/**
 * A dated symptom rating.
 *
 * @module
 */
import * as z from "zod";
import { IdSchema, IsoDateSchema } from "./primitives";
import { SCALE_IDS } from "./scales";
import type { ScaleId } from "./scales";

/**
 * A rating scale identifier.
 *
 * @example
 * ScaleIdSchema.safeParse("MADRS").success; //=> true
 * ScaleIdSchema.safeParse("HAM-D21").success; //=> false
 */
export const ScaleIdSchema = z.enum(SCALE_IDS as [ScaleId, ...ScaleId[]]);

/**
 * A total score on a rating scale on a date. The total is checked against the scale's range
 * (`score_out_of_range`).
 *
 * @example
 * import { AssessmentSchema } from "trd-classifier";
 * AssessmentSchema.parse({ date: "2024-01-01", scale: "PHQ-9", total: 19 }); //=> { date: "2024-01-01", scale: "PHQ-9", total: 19 }
 */
export const AssessmentSchema = z.strictObject({
  id: IdSchema.optional(),
  date: IsoDateSchema,
  scale: ScaleIdSchema,
  total: z.number().int(),
});

/**
 * A validated rating.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, assessments: [{ date: "2024-01-02", scale: "MADRS", total: 30 }] });
 * const first: Assessment | undefined = parsed.success ? parsed.data.assessments[0] : undefined;
 * first; //=> { date: "2024-01-02", scale: "MADRS", total: 30 }
 */
export interface Assessment extends z.output<typeof AssessmentSchema> {}
