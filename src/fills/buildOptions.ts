/**
 * The named parameters of trial building, and presets that reproduce published algorithms.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Citation, Verification } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";

/**
 * Every parameter of {@link buildTrials}.
 *
 * @example
 * import { getBuildPreset } from "trd-classifier";
 * const p: BuildTrialsParameters = getBuildPreset("ohdsi-drug-era").parameters;
 * [p.persistenceWindowDays, p.earlyRefill, p.episodeGapDays]; //=> [30, "no-stockpiling", 180]
 */
export interface BuildTrialsParameters {
  /** Uncovered days after a supply runs out that still continue the same course (more ends it). */
  readonly persistenceWindowDays: number;
  /**
   * Early refills: `carry-over` rolls the remaining supply forward (stockpiling); `no-stockpiling`
   * starts each fill on its date and abandons what was left.
   */
  readonly earlyRefill: "carry-over" | "no-stockpiling";
  /**
   * How a fill's period is counted: `days-supply` (its days' supply or end date), or
   * `until-next-issue` (each issue lasts until the next of the same drug, within the persistence
   * window; the last lasts the default days' supply), for issue-date-only data.
   */
  readonly coverage: "days-supply" | "until-next-issue";
  /** Overlap (days) of two antidepressants up to which the later one is a cross-taper switch; more is a combination. */
  readonly crossTaperMaxOverlapDays: number;
  /** Overlap (days) an augmenting agent needs with an antidepressant to be an augmentation of it. */
  readonly augmentationMinOverlapDays: number;
  /** Days without any antidepressant after which a new depressive episode is taken to begin. */
  readonly episodeGapDays: number;
  /** Days' supply assumed when a record gives neither days' supply nor an end date. */
  readonly defaultDaysSupply: number;
  /** Records covering more days than this are dropped as implausible. */
  readonly maxPlausibleDaysSupply: number;
}

/**
 * Identifiers of the built-in presets.
 *
 * @example
 * import { DEFAULT_BUILD_PRESET_ID } from "trd-classifier";
 * const id: BuildPresetId = DEFAULT_BUILD_PRESET_ID;
 * id; //=> "claims-line-of-therapy"
 */
export type BuildPresetId = "ohdsi-drug-era" | "claims-line-of-therapy" | "fabbri-2021";

/**
 * A named preset with a citation for every parameter.
 *
 * @example
 * import { getBuildPreset } from "trd-classifier";
 * const preset: BuildPreset = getBuildPreset("fabbri-2021");
 * [preset.parameters.coverage, preset.provenance.coverage.source]; //=> ["until-next-issue", "fabbri-2021"]
 */
export interface BuildPreset {
  /** Identifier. */
  readonly id: BuildPresetId;
  /** Name and source. */
  readonly name: string;
  /** Values. */
  readonly parameters: BuildTrialsParameters;
  /** Where each value comes from. */
  readonly provenance: { readonly [K in keyof BuildTrialsParameters]: Citation };
}

const cite = (source: SourceId, verification: Verification, note?: string): Citation => (note === undefined ? { source, verification } : { source, verification, note });

const SHARED = {
  crossTaperMaxOverlapDays: 30,
  augmentationMinOverlapDays: 30,
  episodeGapDays: 180,
  defaultDaysSupply: 30,
  maxPlausibleDaysSupply: 183,
} as const;

const SHARED_PROVENANCE = {
  crossTaperMaxOverlapDays: cite("ohdsi-treatment-patterns", "secondary", "combinationWindow = 30 days."),
  augmentationMinOverlapDays: cite("exeter-cprd-scripts", "secondary", "Antipsychotic or mood stabiliser overlapping an antidepressant episode by >=30 days."),
  episodeGapDays: cite("zhdanava-2021", "secondary", "Gaps of up to 180 days between courses stay within one episode of treatment."),
  defaultDaysSupply: cite("library-convention", "unverified", "30 days when a record states neither days' supply nor an end date (as one public EHR script does); every use is reported."),
  maxPlausibleDaysSupply: cite("exeter-cprd-scripts", "secondary", "Issues covering more than 183 days dropped as implausible."),
} as const;

const PRESETS: Readonly<Record<BuildPresetId, BuildPreset>> = deepFreeze({
  "ohdsi-drug-era": {
    id: "ohdsi-drug-era",
    name: "OHDSI drug era (30-day persistence window, no stockpiling)",
    parameters: { ...SHARED, persistenceWindowDays: 30, earlyRefill: "no-stockpiling", coverage: "days-supply" },
    provenance: {
      ...SHARED_PROVENANCE,
      persistenceWindowDays: cite("ohdsi-drug-era", "secondary", "30-day persistence window."),
      earlyRefill: cite("ohdsi-drug-era", "secondary", "No stockpiling: a new fill abandons remaining supply."),
      coverage: cite("ohdsi-drug-era", "secondary", "Exposure end from days' supply."),
    },
  },
  "claims-line-of-therapy": {
    id: "claims-line-of-therapy",
    name: "Claims line of therapy (42-day discontinuation gap, BMC Psychiatry 2017)",
    parameters: { ...SHARED, persistenceWindowDays: 42, earlyRefill: "carry-over", coverage: "days-supply" },
    provenance: {
      ...SHARED_PROVENANCE,
      persistenceWindowDays: cite("bmc-psychiatry-2017-lot", "secondary", "Discontinuation = >=42 consecutive days without the regimen."),
      earlyRefill: cite("cql-cumulative-medication-duration", "secondary", "Early refills roll forward (as in the eCQM CumulativeMedicationDuration library)."),
      coverage: cite("bmc-psychiatry-2017-lot", "secondary", "Days' supply."),
    },
  },
  "fabbri-2021": {
    id: "fabbri-2021",
    name: "UK primary care prescription episodes (Fabbri et al. 2021)",
    parameters: { ...SHARED, persistenceWindowDays: 182, earlyRefill: "carry-over", coverage: "until-next-issue", defaultDaysSupply: 28 },
    provenance: {
      ...SHARED_PROVENANCE,
      persistenceWindowDays: cite("fabbri-2021", "secondary", "A same-drug prescription episode breaks after more than 26 weeks between issues."),
      earlyRefill: cite("fabbri-2021", "secondary", "Issue dates only; intervals between issues make up the duration."),
      coverage: cite("fabbri-2021", "secondary", "Drug duration = sum of intervals between issues."),
      defaultDaysSupply: cite("library-convention", "unverified", "The last issue of an episode is taken to cover 28 days; the source does not say."),
    },
  },
});

/**
 * The preset used when none is named: the claims line of therapy (42-day gap, carry-over of early
 * refills, days' supply), the rule most US claims studies of antidepressant treatment use.
 *
 * @example
 * import { DEFAULT_BUILD_PRESET_ID } from "trd-classifier";
 * DEFAULT_BUILD_PRESET_ID; //=> "claims-line-of-therapy"
 */
export const DEFAULT_BUILD_PRESET_ID: BuildPresetId = "claims-line-of-therapy";

/**
 * A built-in preset by id.
 *
 * @example
 * import { getBuildPreset } from "trd-classifier";
 * getBuildPreset("ohdsi-drug-era").parameters.persistenceWindowDays; //=> 30
 */
export function getBuildPreset(id: BuildPresetId): BuildPreset {
  return PRESETS[id];
}

/**
 * Every built-in preset, default first.
 *
 * @example
 * import { listBuildPresets } from "trd-classifier";
 * listBuildPresets().map((p) => p.id); //=> ["claims-line-of-therapy", "ohdsi-drug-era", "fabbri-2021"]
 */
export function listBuildPresets(): readonly BuildPreset[] {
  return ALL_PRESETS;
}

const ALL_PRESETS: readonly BuildPreset[] = Object.freeze([PRESETS[DEFAULT_BUILD_PRESET_ID], ...Object.values(PRESETS).filter((p) => p.id !== DEFAULT_BUILD_PRESET_ID)]);
