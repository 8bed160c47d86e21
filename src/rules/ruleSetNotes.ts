/**
 * The rule sets' words: for each built-in rule set, the note on each parameter's citation (the
 * quote or reasoning behind the value). Classification never reads them; `getRuleSet` and
 * `listRuleSets` (`./ruleSets`) join them to the facts, each at its parameter's citation.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import type { ParameterName, RuleSetId } from "./types";

/** The notes on the parameters every rule set cites alike (`SHARED_PROVENANCE` in `./ruleSets`). */
const SHARED_NOTES = {
  doseTableFallback: "When the chosen table has no value for an agent, the licensed minimum is used and the fallback is reported; with no value at all, dose adequacy is unknown.",
  earlyStopWeeks: "Recommendation #10: discontinuation before the completion of the fourth week, without clear evidence of lack of response, is not a treatment failure.",
  responsePercent: "Response is a >=50% reduction (also STAR*D, Furukawa 2019).",
  minAdherenceFraction: "The conventional >=80% threshold; no TRD definition reviewed gives a number.",
  excludeBipolar: "Recommendation #15 excludes bipolar depression; TRD in bipolar disorder is usually defined after one failure (Gaynes 2020).",
  baselineWindowDays: "A baseline score must be dated within 28 days before the trial's start, or on it.",
  endpointGraceDays: "A score up to 7 days after a trial's end still counts as its endpoint.",
  cgiIResponseMax: "CGI-I 1-2 (very much or much improved) is response, as adjunctive-treatment trials define it; linking studies put CGI-I 2 at a 50-60% HAM-D reduction (Leucht 2013). No TRD definition uses CGI-I.",
  cgiIPartialMax: "CGI-I 3 (minimally improved) read as partial response, 4-7 (no change or worse) as non-response. No TRD definition, consensus or guidance read maps CGI-I 3 to a band, and linking data spread it widely; a CGI-I 3 trial is therefore a partial failure here, never a response.",
  tachyphylaxisCountsAsFailure: "A trial that responded and then lost response at the same dose shows the agent can work; it is flagged, not counted as a failure.",
} as const satisfies Partial<Record<ParameterName, string>>;

/**
 * A rule set's notes: the shared ones, then its own (which replace a shared one of the same
 * parameter). A call rather than a spread in the table, so that a bundler can drop the table
 * where nothing reads it (a spread in a module-level value is kept: it could run a getter).
 */
function withShared<Own extends Partial<Record<ParameterName, string>>>(own: Own): Omit<typeof SHARED_NOTES, keyof Own> & Own {
  return { ...SHARED_NOTES, ...own };
}

/**
 * The note on every parameter's citation, by rule set.
 *
 * @example
 * RULE_SET_NOTES["eu-pearl-2022"].minFailedTrials; //=> "Recommendation #3: a minimum of two failed treatments."
 */
export const RULE_SET_NOTES = /* @__PURE__ */ deepFreeze({
  "eu-pearl-2022": /* @__PURE__ */ withShared({
    minFailedTrials: "Recommendation #3: a minimum of two failed treatments.",
    doseTable: "'Minimum approved dosage'; the paper's own row was not visible.",
    minWeeksAtAdequateDose: "At least 4 weeks at the minimum approved dosage; #10 makes 4 weeks the floor for a failure (primary).",
    nonResponseBelowPercent: "Recommendation #3: <25% improvement.",
    nonResponseInclusive: "'<25%': exactly 25% is not non-response.",
    partialResponseCountsAsFailure: "PRD (25-49%) is a failure of the trial short of TRD.",
    partialResponseAfterOneTrial: "PRD can be diagnosed after a single adequate trial.",
    requireDocumentedAdherence: "The visible recommendations say nothing on adherence: undocumented adherence is flagged, not disqualifying.",
    currentEpisodeOnly: "TRD and PRD are documented within the current episode.",
    requireDifferentClasses: "Recommendation #3 does not require different classes.",
    countAugmentation: "Whether augmentation counts was not found in the visible recommendations; not counted.",
    countCombination: "Not found in the visible recommendations; not counted.",
  }),
  "mgh-atrq": /* @__PURE__ */ withShared({
    minFailedTrials: "Trial entry counted antidepressants with non-response; the ATRQ's own definition of TRD is >=1 failure (Desseilles 2011).",
    doseTable: "The canonical form's dose column could not be read; the study-specific transcription is used, with the licensed minimum as fallback.",
    minWeeksAtAdequateDose: "At least 6 weeks at an adequate dose (also the esketamine trial footnote).",
    nonResponseBelowPercent: "'nonresponse, < 25% reduction; partial response, 25%-49% reduction'.",
    nonResponseInclusive: "'< 25%': exactly 25% is partial response. The esketamine programme's '<=25%' (esketamine-trial-mgh-atrq) is the other reading; version 1.0.0 used it.",
    cgiIPartialMax: "An ATRQ-based trial programme counted CGI-I >=3 as incomplete response: CGI-I 3 is non-response here. Partial response also fails a trial under this rule set, so the count does not depend on it.",
    partialResponseCountsAsFailure: "Partial response 25-49% is an insufficient response.",
    partialResponseAfterOneTrial: "The ATRQ grades trials; no separate partial-response status is defined.",
    requireDocumentedAdherence: "Not stated in the sources read.",
    currentEpisodeOnly: "Trials in the current episode.",
    requireDifferentClasses: "No class requirement.",
    countAugmentation: "An augmentation trial was counted as a failed trial in the published case.",
    countCombination: "Combination counted like augmentation; the ATRQ's treatment of combinations was not read.",
  }),
  regulatory: /* @__PURE__ */ withShared({
    minFailedTrials: "A minimum of two antidepressants (FDA and EMA).",
    doseTable: "'Adequate dose' is not numeric in the regulatory texts; read as the licensed minimum.",
    minWeeksAtAdequateDose: "'Adequate duration' operationalised as at least 6 weeks in the esketamine programme.",
    nonResponseBelowPercent: "Inadequate response (<=25% improvement), as in the esketamine programme.",
    nonResponseInclusive: "'<=25%'.",
    partialResponseCountsAsFailure: "'Inadequate response' includes partial response.",
    partialResponseAfterOneTrial: "No partial-response status in the regulatory definition.",
    requireDocumentedAdherence: "The FDA/EMA definition requires adherence to treatment; EMA's 'adequate affirmation of treatment adherence' is recalled only.",
    currentEpisodeOnly: "'in the current moderate to severe depressive episode'.",
    requireDifferentClasses: "The 2013 guideline is paraphrased as 'same or a different class'; the 2002 note required different classes.",
    countAugmentation: "'different treatments with antidepressants': augmenting agents are not antidepressants.",
    countCombination: "Not counted: the definition counts antidepressants, not strategies.",
  }),
  "canadian-2021": /* @__PURE__ */ withShared({
    minFailedTrials: "Two adequately dosed and evidence-supported trials.",
    doseTable: "'Adequately dosed' read as the licensed minimum.",
    minWeeksAtAdequateDose: "Minimal trial length 4-6 weeks; the lower bound is used (override to 6 for the stricter reading).",
    nonResponseBelowPercent: "Non-response is less than 50% symptom reduction.",
    nonResponseInclusive: "'less than 50%'.",
    partialResponseCountsAsFailure: "Partial response is folded into non-response.",
    partialResponseAfterOneTrial: "No partial-response status.",
    cgiIPartialMax: "Anything short of response (<50% reduction) is non-response; CGI-I 2 corresponds to about a 50-60% reduction (leucht-2013), so CGI-I 3 is non-response.",
    requireDocumentedAdherence: "Not stated in Table 3.",
    currentEpisodeOnly: "Not stated in Table 3; the current episode, as in the other definitions.",
    requireDifferentClasses: "Not stated in Table 3.",
    countAugmentation: "'trials of antidepressant medications'.",
    countCombination: "Not stated in Table 3.",
  }),
} as const satisfies Record<RuleSetId, Record<ParameterName, string>>);
