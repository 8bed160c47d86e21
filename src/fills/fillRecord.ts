/**
 * A prescription, dispense or fill: the unit of claims and EHR medication data.
 *
 * @module
 */
import * as z from "zod";
import { IdSchema, IsoDateSchema } from "../schema/primitives";
import { AgentSchema, IndicationSchema } from "../schema/trial";

/**
 * One prescription, dispense or fill. The daily dose comes from `mgPerDay` when given, else from
 * `strengthMg x quantity / daysSupply`; the period from `daysSupply`, else `endDate`, else the
 * build options' default days' supply (reported). Only dispenses and fills are evidence that the
 * drug was collected: adherence is computed from them alone.
 *
 * @example
 * import { FillRecordSchema } from "trd-classifier";
 * FillRecordSchema.parse({ agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, strengthMg: 50, quantity: 30 }).kind; //=> "dispense"
 * FillRecordSchema.safeParse({ agent: {}, date: "2024-01-02" }).success; //=> false
 */
export const FillRecordSchema = z
  .strictObject({
    /** The source system's record id, echoed in decisions (never in error messages). */
    id: IdSchema.optional(),
    /** The patient the record belongs to; records of several patients cannot be built together. */
    patientId: IdSchema.optional(),
    /** What the record is: an order, a pharmacy dispense or fill, or a medication statement. */
    kind: z.enum(["prescription", "dispense", "statement"]).default("dispense"),
    agent: AgentSchema,
    /** Date dispensed (or ordered, or started). */
    date: IsoDateSchema,
    /** Days the supply covers. */
    daysSupply: z.number().int().min(1).max(10_000).optional(),
    /** Last day covered, when the source gives an end date instead of days' supply. */
    endDate: IsoDateSchema.optional(),
    /** Strength of one unit in mg. */
    strengthMg: z.number().positive().max(10_000).optional(),
    /** Units dispensed. */
    quantity: z.number().positive().max(100_000).optional(),
    /** The daily dose, when the source states it. */
    mgPerDay: z.number().positive().max(10_000).optional(),
    /** What it was prescribed for, when the source says (or `not-recorded` when it could have and did not). */
    indication: IndicationSchema.optional(),
  })
  .superRefine((record, ctx) => {
    if (record.endDate !== undefined && record.endDate < record.date) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "a date on or after the record's date", params: { trdCode: "trial_end_before_start" } });
    }
    if ((record.strengthMg === undefined) !== (record.quantity === undefined)) {
      ctx.addIssue({ code: "custom", path: [record.strengthMg === undefined ? "strengthMg" : "quantity"], message: "strengthMg and quantity together", params: { trdCode: "dose_missing" } });
    }
  });

/**
 * What a caller passes for one record.
 *
 * @example
 * import { buildTrials } from "trd-classifier";
 * const record: FillRecordInput = { agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 };
 * buildTrials([record]).trials[0]?.doses; //=> [{ from: "2024-01-02", mgPerDay: 50 }]
 */
export interface FillRecordInput extends z.input<typeof FillRecordSchema> {}

/**
 * A validated record.
 *
 * @example
 * import { FillRecordSchema } from "trd-classifier";
 * const record: FillRecord = FillRecordSchema.parse({ agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 });
 * record; //=> { kind: "dispense", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 }
 */
export interface FillRecord extends z.output<typeof FillRecordSchema> {}
