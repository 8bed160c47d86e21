/**
 * A dated symptom rating.
 *
 * @module
 */
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "./primitives";
import { SCALE_IDS } from "./scales";
import type { ScaleId } from "./scales";

/**
 * A rating scale identifier.
 *
 * @example
 * ScaleIdSchema.parse("MADRS");
 */
export const ScaleIdSchema = z.enum(SCALE_IDS as [ScaleId, ...ScaleId[]]);

/**
 * A total score on a rating scale on a date. The total is checked against the scale's range
 * (`score_out_of_range`).
 *
 * @example
 * AssessmentSchema.parse({ date: "2024-01-01", scale: "PHQ-9", total: 19 });
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
 * const a: Assessment = { date: "2024-01-01", scale: "MADRS", total: 30 };
 */
export type Assessment = z.output<typeof AssessmentSchema>;
