/**
 * Depressive episodes.
 *
 * @module
 */
import * as z from "zod";
import { IsoDateSchema } from "./primitives";

/**
 * A clinician's grading of the episode's severity, as the Maudsley Staging Method uses it.
 *
 * @example
 * import { SeveritySchema } from "trd-classifier";
 * SeveritySchema.options; //=> ["subsyndromal", "mild", "moderate", "severe", "severe-with-psychosis"]
 */
export const SeveritySchema = z.enum(["subsyndromal", "mild", "moderate", "severe", "severe-with-psychosis"]);

/**
 * Episode severity.
 *
 * @example
 * import { SeveritySchema } from "trd-classifier";
 * const severity: Severity = SeveritySchema.parse("severe");
 * severity; //=> "severe"
 */
export type Severity = z.output<typeof SeveritySchema>;

/**
 * A depressive episode: its onset and, once it has ended, its end.
 *
 * @example
 * import { EpisodeSchema } from "trd-classifier";
 * EpisodeSchema.parse({ onset: "2023-06-01", severity: "moderate" }); //=> { onset: "2023-06-01", severity: "moderate" }
 * EpisodeSchema.safeParse({ onset: "2023-06-31" }).success; //=> false
 */
export const EpisodeSchema = z.strictObject({
  onset: IsoDateSchema,
  end: IsoDateSchema.optional(),
  severity: SeveritySchema.optional(),
});

/**
 * A validated episode.
 *
 * @example
 * import { parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2023-06-01" } });
 * const episode: Episode | undefined = parsed.success ? parsed.data.episode : undefined;
 * episode; //=> { onset: "2023-06-01" }
 */
export interface Episode extends z.output<typeof EpisodeSchema> {}
