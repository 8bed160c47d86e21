/**
 * Treatments other than daily-dosed drug trials that the staging models count: psychotherapy,
 * ECT, rTMS, and ketamine or esketamine given in sessions.
 *
 * @module
 */
import * as z from "zod";
import { IdSchema, IsoDateSchema, LIMITS, RecordedOutcomeSchema } from "./primitives";

const course = {
  id: IdSchema,
  start: IsoDateSchema,
  end: IsoDateSchema.optional(),
  sessions: z.number().int().min(0).max(LIMITS.maxSessions).optional(),
  outcome: RecordedOutcomeSchema.optional(),
};

/**
 * A course of a non-drug treatment (or of a session-dosed drug), tagged by `kind`.
 *
 * @example
 * import { OtherTreatmentSchema } from "trd-classifier";
 * OtherTreatmentSchema.parse({ kind: "ect", id: "ect1", start: "2024-05-01", laterality: "bilateral", sessions: 12 }); //=> { kind: "ect", id: "ect1", start: "2024-05-01", sessions: 12, laterality: "bilateral" }
 */
export const OtherTreatmentSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("psychotherapy"),
    ...course,
    type: z.enum(["cbt", "ipt", "behavioural-activation", "psychodynamic", "mbct", "other"]),
  }),
  z.strictObject({
    kind: z.literal("ect"),
    ...course,
    laterality: z.enum(["unilateral", "bilateral", "unknown"]),
  }),
  z.strictObject({ kind: z.literal("rtms"), ...course }),
  z.strictObject({
    kind: z.literal("ketamine"),
    ...course,
    agent: z.enum(["ketamine", "esketamine"]),
    route: z.enum(["intravenous", "intranasal", "oral", "other"]).optional(),
  }),
]);

/**
 * A validated course of another treatment.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, otherTreatments: [{ kind: "rtms", id: "r1", start: "2024-02-01", sessions: 30 }] });
 * const course: OtherTreatment | undefined = parsed.success ? parsed.data.otherTreatments[0] : undefined;
 * course?.kind; //=> "rtms"
 */
export type OtherTreatment = z.output<typeof OtherTreatmentSchema>;
