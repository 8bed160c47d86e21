/**
 * Depressive episodes.
 *
 * @module
 */
import { z } from "zod";
import { IsoDateSchema } from "./primitives";

/**
 * A clinician's grading of the episode's severity, as the Maudsley Staging Method uses it.
 *
 * @example
 * SeveritySchema.parse("moderate");
 */
export const SeveritySchema = z.enum(["subsyndromal", "mild", "moderate", "severe", "severe-with-psychosis"]);

/**
 * Episode severity.
 *
 * @example
 * const s: Severity = "severe";
 */
export type Severity = z.output<typeof SeveritySchema>;

/**
 * A depressive episode: its onset and, once it has ended, its end.
 *
 * @example
 * EpisodeSchema.parse({ onset: "2023-06-01", severity: "moderate" });
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
 * const e: Episode = { onset: "2023-06-01" };
 */
export type Episode = z.output<typeof EpisodeSchema>;
