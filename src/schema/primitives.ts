/**
 * Shared field schemas: calendar dates, identifiers, codes.
 *
 * @module
 */
import * as z from "zod";
import { hasIsoDateShape, isCalendarDate } from "../internal/dates";
import { deepFreeze } from "../internal/deepFreeze";

/**
 * The numeric and length bounds of the contract, named once for the schemas and the fast path
 * (`parseFast`).
 */
export const LIMITS = deepFreeze({
  idMaxLength: 200,
  nameMaxLength: 200,
  codeMaxLength: 64,
  maxMgPerDay: 10_000,
  minPercentImprovement: -1000,
  maxPercentImprovement: 100,
  minCgiI: 1,
  maxCgiI: 7,
  maxSessions: 10_000,
  maxAgeYears: 130,
});

/**
 * A calendar date as `YYYY-MM-DD`. Timestamps are refused (`invalid_date_format`), and so are days
 * that do not exist such as 2023-02-30 (`impossible_date`).
 *
 * @example
 * IsoDateSchema.parse("2024-02-29"); //=> "2024-02-29"
 */
export const IsoDateSchema = z.string().superRefine((value, ctx) => {
  if (!hasIsoDateShape(value)) {
    ctx.addIssue({ code: "custom", message: "a calendar date as YYYY-MM-DD", params: { trdCode: "invalid_date_format" } });
  } else if (!isCalendarDate(value)) {
    ctx.addIssue({ code: "custom", message: "a date that exists in the calendar", params: { trdCode: "impossible_date" } });
  }
});

/**
 * A calendar date string `YYYY-MM-DD`.
 *
 * @example
 * import { IsoDateSchema } from "trd-classifier";
 * const date: IsoDate = IsoDateSchema.parse("2024-02-29");
 * date; //=> "2024-02-29"
 * IsoDateSchema.safeParse("2023-02-29").success; //=> false
 */
export type IsoDate = z.output<typeof IsoDateSchema>;

/**
 * An identifier of a record within one history (a trial, a treatment course, an assessment).
 * Opaque to the library: it is copied into results so that callers can find the record again, and
 * it never appears in an error message.
 *
 * @example
 * IdSchema.parse("t1"); //=> "t1"
 */
export const IdSchema = z.string().min(1).max(LIMITS.idMaxLength);

/**
 * A short non-empty text (a drug name as written in the record).
 *
 * @example
 * NameSchema.parse("sertraline"); //=> "sertraline"
 */
export const NameSchema = z.string().trim().min(1).max(LIMITS.nameMaxLength);

/** The shape of an RXCUI (shared with the fast path). */
export const RXNORM_PATTERN = /^\d{1,10}$/;

/** The shape of a WHO ATC code at any level (shared with the fast path). */
export const ATC_PATTERN = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;

/**
 * An RxNorm concept identifier (RXCUI): digits only.
 *
 * @example
 * RxNormCodeSchema.parse("36437"); //=> "36437"
 */
export const RxNormCodeSchema = z.string().regex(RXNORM_PATTERN, "an RxNorm RXCUI (digits only)");

/**
 * A WHO ATC code at any level (N06A) or the full substance level (N06AB06).
 *
 * @example
 * AtcCodeSchema.parse("N06AB06"); //=> "N06AB06"
 */
export const AtcCodeSchema = z.string().regex(ATC_PATTERN, "a WHO ATC code such as N06AB06");

/**
 * A clinician-recorded outcome of a trial or course, when one was written down directly rather
 * than derived from rating-scale scores.
 *
 * @example
 * import { RecordedOutcomeSchema } from "trd-classifier";
 * RecordedOutcomeSchema.parse({ percentImprovement: 20 }); //=> { percentImprovement: 20 }
 * RecordedOutcomeSchema.safeParse({ cgiI: 9 }).success; //=> false
 */
export const RecordedOutcomeSchema = z.strictObject({
  /** Improvement from baseline in percent (100 = symptom-free, negative = worse). */
  percentImprovement: z.number().min(LIMITS.minPercentImprovement).max(LIMITS.maxPercentImprovement).optional(),
  /** Clinical Global Impression - Improvement, 1 (very much improved) to 7 (very much worse). */
  cgiI: z.number().int().min(LIMITS.minCgiI).max(LIMITS.maxCgiI).optional(),
  /** When the outcome was judged. */
  assessedOn: IsoDateSchema.optional(),
});

/**
 * A clinician-recorded outcome.
 *
 * @example
 * import { RecordedOutcomeSchema } from "trd-classifier";
 * const outcome: RecordedOutcome = RecordedOutcomeSchema.parse({ cgiI: 4, assessedOn: "2024-03-01" });
 * outcome; //=> { cgiI: 4, assessedOn: "2024-03-01" }
 */
export interface RecordedOutcome extends z.output<typeof RecordedOutcomeSchema> {}
