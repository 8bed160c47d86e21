/**
 * The built-in rule sets. Every parameter names its source and how well it was verified; values
 * no source gives are marked `library-convention` / `unverified` and documented in
 * `docs/rule-sets.md`.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Citation, Verification } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import type { ParameterName, RuleSet, RuleSetId, RuleSetParameters } from "./types";

const cite = (source: SourceId, verification: Verification, note?: string): Citation =>
  note === undefined ? { source, verification } : { source, verification, note };

/** Parameters no definition fixes: the same value and provenance in every rule set. */
const SHARED_VALUES = {
  doseTableFallback: ["licensed-minimum"],
  earlyStopWeeks: 4,
  responsePercent: 50,
  minAdherenceFraction: 0.8,
  excludeBipolar: true,
  baselineWindowDays: 28,
  endpointGraceDays: 7,
  cgiIResponseMax: 2,
  cgiIPartialMax: 3,
  tachyphylaxisCountsAsFailure: false,
} as const satisfies Partial<RuleSetParameters>;

const SHARED_PROVENANCE = {
  doseTableFallback: cite("library-convention", "unverified", "When the chosen table has no value for an agent, the licensed minimum is used and the fallback is reported; with no value at all, dose adequacy is unknown."),
  earlyStopWeeks: cite("sforzini-2022", "primary", "Recommendation #10: discontinuation before the completion of the fourth week, without clear evidence of lack of response, is not a treatment failure."),
  responsePercent: cite("desseilles-2011", "primary", "Response is a >=50% reduction (also STAR*D, Furukawa 2019)."),
  minAdherenceFraction: cite("baumgartner-2018", "primary", "The conventional >=80% threshold; no TRD definition reviewed gives a number."),
  excludeBipolar: cite("sforzini-2022", "primary", "Recommendation #15 excludes bipolar depression; TRD in bipolar disorder is usually defined after one failure (Gaynes 2020)."),
  baselineWindowDays: cite("library-convention", "unverified", "A baseline score must be dated within 28 days before the trial's start, or on it."),
  endpointGraceDays: cite("library-convention", "unverified", "A score up to 7 days after a trial's end still counts as its endpoint."),
  cgiIResponseMax: cite("berman-2007", "secondary", "CGI-I 1-2 (very much or much improved) is response, as adjunctive-treatment trials define it; linking studies put CGI-I 2 at a 50-60% HAM-D reduction (Leucht 2013). No TRD definition uses CGI-I."),
  cgiIPartialMax: cite("library-convention", "unverified", "CGI-I 3 (minimally improved) read as partial response, 4-7 (no change or worse) as non-response. No TRD definition, consensus or guidance read maps CGI-I 3 to a band, and linking data spread it widely; a CGI-I 3 trial is therefore a partial failure here, never a response."),
  tachyphylaxisCountsAsFailure: cite("library-convention", "unverified", "A trial that responded and then lost response at the same dose shows the agent can work; it is flagged, not counted as a failure."),
} as const satisfies Partial<Record<ParameterName, Citation>>;

const EU_PEARL_2022: RuleSet = {
  id: "eu-pearl-2022",
  version: "1.0.0",
  name: "EU-PEARL Delphi consensus (Sforzini et al. 2022)",
  description:
    "The consensus definition for clinical trials: resistance after two failed treatments with <25% improvement at adequate dose and duration; partially responsive depression (PRD) after an adequate trial with 25-49% improvement. Bipolar depression is excluded. The library's default.",
  source: "sforzini-2022",
  parameters: {
    ...SHARED_VALUES,
    minFailedTrials: 2,
    doseTable: "licensed-minimum",
    minWeeksAtAdequateDose: 4,
    nonResponseBelowPercent: 25,
    nonResponseInclusive: false,
    partialResponseCountsAsFailure: true,
    partialResponseAfterOneTrial: true,
    requireDocumentedAdherence: false,
    currentEpisodeOnly: true,
    requireDifferentClasses: false,
    countAugmentation: false,
    countCombination: false,
  },
  provenance: {
    ...SHARED_PROVENANCE,
    minFailedTrials: cite("sforzini-2022", "primary", "Recommendation #3: a minimum of two failed treatments."),
    doseTable: cite("sforzini-2022-summary", "secondary", "'Minimum approved dosage'; the paper's own row was not visible."),
    minWeeksAtAdequateDose: cite("sforzini-2022-summary", "secondary", "At least 4 weeks at the minimum approved dosage; #10 makes 4 weeks the floor for a failure (primary)."),
    nonResponseBelowPercent: cite("sforzini-2022", "primary", "Recommendation #3: <25% improvement."),
    nonResponseInclusive: cite("sforzini-2022", "primary", "'<25%': exactly 25% is not non-response."),
    partialResponseCountsAsFailure: cite("sforzini-2022-summary", "secondary", "PRD (25-49%) is a failure of the trial short of TRD."),
    partialResponseAfterOneTrial: cite("sforzini-2022-summary", "secondary", "PRD can be diagnosed after a single adequate trial."),
    requireDocumentedAdherence: cite("library-convention", "unverified", "The visible recommendations say nothing on adherence: undocumented adherence is flagged, not disqualifying."),
    currentEpisodeOnly: cite("sforzini-2022-summary", "secondary", "TRD and PRD are documented within the current episode."),
    requireDifferentClasses: cite("sforzini-2022", "primary", "Recommendation #3 does not require different classes."),
    countAugmentation: cite("library-convention", "unverified", "Whether augmentation counts was not found in the visible recommendations; not counted."),
    countCombination: cite("library-convention", "unverified", "Not found in the visible recommendations; not counted."),
  },
};

const MGH_ATRQ: RuleSet = {
  id: "mgh-atrq",
  version: "1.1.0",
  name: "MGH-ATRQ practice (Desseilles et al. 2011; esketamine trials)",
  description:
    "The Massachusetts General Hospital Antidepressant Treatment Response Questionnaire as its authors use it: non-response is <25% improvement (25-49% partial response), both failures, after at least 6 weeks at the questionnaire's minimum dose; augmentation and combination trials count. The esketamine programme drew the line at <=25% (override nonResponseInclusive: true for that reading).",
  source: "desseilles-2011",
  parameters: {
    ...SHARED_VALUES,
    minFailedTrials: 2,
    doseTable: "mgh-atrq",
    minWeeksAtAdequateDose: 6,
    nonResponseBelowPercent: 25,
    nonResponseInclusive: false,
    partialResponseCountsAsFailure: true,
    partialResponseAfterOneTrial: false,
    requireDocumentedAdherence: false,
    currentEpisodeOnly: true,
    requireDifferentClasses: false,
    countAugmentation: true,
    countCombination: true,
    cgiIPartialMax: 2,
  },
  provenance: {
    ...SHARED_PROVENANCE,
    minFailedTrials: cite("esketamine-trial-mgh-atrq", "primary", "Trial entry counted antidepressants with non-response; the ATRQ's own definition of TRD is >=1 failure (Desseilles 2011)."),
    doseTable: cite("comp006-mgh-atrq-form", "secondary", "The canonical form's dose column could not be read; the study-specific transcription is used, with the licensed minimum as fallback."),
    minWeeksAtAdequateDose: cite("desseilles-2011", "primary", "At least 6 weeks at an adequate dose (also the esketamine trial footnote)."),
    nonResponseBelowPercent: cite("desseilles-2011", "primary", "'nonresponse, < 25% reduction; partial response, 25%-49% reduction'."),
    nonResponseInclusive: cite("desseilles-2011", "primary", "'< 25%': exactly 25% is partial response. The esketamine programme's '<=25%' (esketamine-trial-mgh-atrq) is the other reading; version 1.0.0 used it."),
    cgiIPartialMax: cite("berman-2007", "secondary", "An ATRQ-based trial programme counted CGI-I >=3 as incomplete response: CGI-I 3 is non-response here. Partial response also fails a trial under this rule set, so the count does not depend on it."),
    partialResponseCountsAsFailure: cite("desseilles-2011", "primary", "Partial response 25-49% is an insufficient response."),
    partialResponseAfterOneTrial: cite("library-convention", "unverified", "The ATRQ grades trials; no separate partial-response status is defined."),
    requireDocumentedAdherence: cite("library-convention", "unverified", "Not stated in the sources read."),
    currentEpisodeOnly: cite("desseilles-2011", "primary", "Trials in the current episode."),
    requireDifferentClasses: cite("desseilles-2011", "primary", "No class requirement."),
    countAugmentation: cite("desseilles-2011", "primary", "An augmentation trial was counted as a failed trial in the published case."),
    countCombination: cite("library-convention", "unverified", "Combination counted like augmentation; the ATRQ's treatment of combinations was not read."),
  },
};

const REGULATORY: RuleSet = {
  id: "regulatory",
  version: "1.0.1",
  name: "Regulatory reading (FDA/EMA, as summarised by McIntyre et al. 2023)",
  description:
    "At least two antidepressants of adequate dose and duration in the current episode, with adherence affirmed, and lack of clinically meaningful improvement, operationalised as in the esketamine programme (<=25% improvement after >=6 weeks). Undocumented adherence disqualifies a trial. Two failures in the 26-49% band give partial-response: 'inadequate response' in the regulatory wording includes them, but the esketamine trials that operationalise it would not have enrolled them; read partial-response as 'not TRD by the trial criterion'.",
  source: "mcintyre-2023",
  parameters: {
    ...SHARED_VALUES,
    minFailedTrials: 2,
    doseTable: "licensed-minimum",
    minWeeksAtAdequateDose: 6,
    nonResponseBelowPercent: 25,
    nonResponseInclusive: true,
    partialResponseCountsAsFailure: true,
    partialResponseAfterOneTrial: false,
    requireDocumentedAdherence: true,
    currentEpisodeOnly: true,
    requireDifferentClasses: false,
    countAugmentation: false,
    countCombination: false,
  },
  provenance: {
    ...SHARED_PROVENANCE,
    minFailedTrials: cite("mcintyre-2023", "primary", "A minimum of two antidepressants (FDA and EMA)."),
    doseTable: cite("library-convention", "unverified", "'Adequate dose' is not numeric in the regulatory texts; read as the licensed minimum."),
    minWeeksAtAdequateDose: cite("esketamine-trial-mgh-atrq", "primary", "'Adequate duration' operationalised as at least 6 weeks in the esketamine programme."),
    nonResponseBelowPercent: cite("nct04599855", "primary", "Inadequate response (<=25% improvement), as in the esketamine programme."),
    nonResponseInclusive: cite("nct04599855", "primary", "'<=25%'."),
    partialResponseCountsAsFailure: cite("mcintyre-2023", "primary", "'Inadequate response' includes partial response."),
    partialResponseAfterOneTrial: cite("library-convention", "unverified", "No partial-response status in the regulatory definition."),
    requireDocumentedAdherence: cite("mcintyre-2023", "primary", "The FDA/EMA definition requires adherence to treatment; EMA's 'adequate affirmation of treatment adherence' is recalled only."),
    currentEpisodeOnly: cite("spravato-eu-smpc", "primary", "'in the current moderate to severe depressive episode'."),
    requireDifferentClasses: cite("ema-2013-depression-guideline", "unverified", "The 2013 guideline is paraphrased as 'same or a different class'; the 2002 note required different classes."),
    countAugmentation: cite("spravato-eu-smpc", "primary", "'different treatments with antidepressants': augmenting agents are not antidepressants."),
    countCombination: cite("library-convention", "unverified", "Not counted: the definition counts antidepressants, not strategies."),
  },
};

const CANADIAN_2021: RuleSet = {
  id: "canadian-2021",
  version: "1.1.0",
  name: "Canadian expert consensus (Rybak et al. 2021)",
  description:
    "Failure to achieve response (<50% reduction) to two adequately dosed, evidence-supported antidepressant trials of at least 4-6 weeks. Partial response counts as non-response, so this rule set never returns partial-response.",
  source: "rybak-2021",
  parameters: {
    ...SHARED_VALUES,
    minFailedTrials: 2,
    doseTable: "licensed-minimum",
    minWeeksAtAdequateDose: 4,
    nonResponseBelowPercent: 50,
    nonResponseInclusive: false,
    partialResponseCountsAsFailure: true,
    partialResponseAfterOneTrial: false,
    cgiIPartialMax: 2,
    requireDocumentedAdherence: false,
    currentEpisodeOnly: true,
    requireDifferentClasses: false,
    countAugmentation: false,
    countCombination: false,
  },
  provenance: {
    ...SHARED_PROVENANCE,
    minFailedTrials: cite("rybak-2021", "primary", "Two adequately dosed and evidence-supported trials."),
    doseTable: cite("library-convention", "unverified", "'Adequately dosed' read as the licensed minimum."),
    minWeeksAtAdequateDose: cite("rybak-2021", "primary", "Minimal trial length 4-6 weeks; the lower bound is used (override to 6 for the stricter reading)."),
    nonResponseBelowPercent: cite("rybak-2021", "primary", "Non-response is less than 50% symptom reduction."),
    nonResponseInclusive: cite("rybak-2021", "primary", "'less than 50%'."),
    partialResponseCountsAsFailure: cite("rybak-2021", "primary", "Partial response is folded into non-response."),
    partialResponseAfterOneTrial: cite("rybak-2021", "primary", "No partial-response status."),
    cgiIPartialMax: cite("rybak-2021", "primary", "Anything short of response (<50% reduction) is non-response; CGI-I 2 corresponds to about a 50-60% reduction (leucht-2013), so CGI-I 3 is non-response."),
    requireDocumentedAdherence: cite("library-convention", "unverified", "Not stated in Table 3."),
    currentEpisodeOnly: cite("library-convention", "unverified", "Not stated in Table 3; the current episode, as in the other definitions."),
    requireDifferentClasses: cite("library-convention", "unverified", "Not stated in Table 3."),
    countAugmentation: cite("rybak-2021", "primary", "'trials of antidepressant medications'."),
    countCombination: cite("library-convention", "unverified", "Not stated in Table 3."),
  },
};

const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = deepFreeze({
  "eu-pearl-2022": EU_PEARL_2022,
  "mgh-atrq": MGH_ATRQ,
  regulatory: REGULATORY,
  "canadian-2021": CANADIAN_2021,
});

/**
 * The rule set used when none is named: EU-PEARL 2022. It is the most recent consensus written
 * to define TRD for trials, uses the strictest verified non-response threshold (<25%), and is
 * the only definition with a partially responsive status, which the library's three statuses
 * follow.
 *
 * @example
 * import { DEFAULT_RULE_SET_ID } from "trd-classifier";
 * DEFAULT_RULE_SET_ID; //=> "eu-pearl-2022"
 */
export const DEFAULT_RULE_SET_ID: RuleSetId = "eu-pearl-2022";

/**
 * A built-in rule set by id.
 *
 * @param id - One of the {@link RuleSetId} values.
 * @returns The rule set (frozen data).
 * @example
 * import { getRuleSet } from "trd-classifier";
 * getRuleSet("mgh-atrq").parameters.minWeeksAtAdequateDose; //=> 6
 */
export function getRuleSet(id: RuleSetId): RuleSet {
  return RULE_SETS[id];
}

/**
 * Every built-in rule set, default first.
 *
 * @returns The rule sets.
 * @example
 * import { listRuleSets } from "trd-classifier";
 * listRuleSets().map((r) => `${r.id}@${r.version}`); //=> ["eu-pearl-2022@1.0.0", "mgh-atrq@1.1.0", "regulatory@1.0.1", "canadian-2021@1.1.0"]
 */
export function listRuleSets(): readonly RuleSet[] {
  return ALL_RULE_SETS;
}

const ALL_RULE_SETS: readonly RuleSet[] = Object.freeze([RULE_SETS[DEFAULT_RULE_SET_ID], ...Object.values(RULE_SETS).filter((r) => r.id !== DEFAULT_RULE_SET_ID)]);

/**
 * True when `value` names a built-in rule set.
 *
 * @example
 * import { isRuleSetId } from "trd-classifier";
 * isRuleSetId("canadian-2021"); //=> true
 */
export function isRuleSetId(value: string): value is RuleSetId {
  return Object.hasOwn(RULE_SETS, value);
}
