/**
 * Validation of parameter overrides (they may come from a CLI flag or a config file).
 *
 * @module
 */
import { z } from "zod";

const DoseTableIdSchema = z.enum(["licensed-minimum", "mgh-atrq", "maudsley-med", "hayasaka-2015-fe40"]);

/**
 * Schema of a partial set of rule-set parameters, as accepted by `classifyTrd`'s `overrides`.
 *
 * @example
 * import { RuleSetOverridesSchema } from "trd-classifier";
 * RuleSetOverridesSchema.parse({ minWeeksAtAdequateDose: 8 });
 */
export const RuleSetOverridesSchema = z
  .strictObject({
    minFailedTrials: z.number().int().min(1).max(20),
    doseTable: DoseTableIdSchema,
    doseTableFallback: z.array(DoseTableIdSchema).max(4),
    minWeeksAtAdequateDose: z.number().min(0).max(52),
    earlyStopWeeks: z.number().min(0).max(52),
    nonResponseBelowPercent: z.number().min(0).max(100),
    nonResponseInclusive: z.boolean(),
    responsePercent: z.number().min(0).max(100),
    partialResponseCountsAsFailure: z.boolean(),
    partialResponseAfterOneTrial: z.boolean(),
    minAdherenceFraction: z.number().min(0).max(1),
    requireDocumentedAdherence: z.boolean(),
    currentEpisodeOnly: z.boolean(),
    requireDifferentClasses: z.boolean(),
    countAugmentation: z.boolean(),
    countCombination: z.boolean(),
    excludeBipolar: z.boolean(),
    baselineWindowDays: z.number().int().min(0).max(365),
    endpointGraceDays: z.number().int().min(0).max(365),
    cgiIResponseMax: z.number().int().min(1).max(7),
    cgiIPartialMax: z.number().int().min(1).max(7),
    tachyphylaxisCountsAsFailure: z.boolean(),
  })
  .partial();
