/**
 * The built-in rule sets. Every parameter names its source and how well it was verified; values
 * no source gives are marked `library-convention` / `unverified` and documented in
 * `docs/rule-sets.md`.
 *
 * The rule sets are written in two parts: the facts here (values, and each value's source and
 * grade), which classification reads, and the note on each citation (`./ruleSetNotes`), which it
 * never does; `getRuleSet` and `listRuleSets` join the two. Each value is written once, in one
 * of them.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Citation, Verification } from "../catalogue/types";
import { deepFreeze } from "../internal/deepFreeze";
import { RULE_SET_NOTES } from "./ruleSetNotes";
import type { ParameterName, RuleSet, RuleSetId, RuleSetParameters } from "./types";

/** A citation's facts; its note is in `./ruleSetNotes`. */
const cite = (source: SourceId, verification: Verification): Citation => ({ source, verification });

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
  doseTableFallback: cite("library-convention", "unverified"),
  earlyStopWeeks: cite("sforzini-2022", "primary"),
  responsePercent: cite("desseilles-2011", "primary"),
  minAdherenceFraction: cite("baumgartner-2018", "primary"),
  excludeBipolar: cite("sforzini-2022", "primary"),
  baselineWindowDays: cite("library-convention", "unverified"),
  endpointGraceDays: cite("library-convention", "unverified"),
  cgiIResponseMax: cite("berman-2007", "secondary"),
  cgiIPartialMax: cite("library-convention", "unverified"),
  tachyphylaxisCountsAsFailure: cite("library-convention", "unverified"),
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
    minFailedTrials: cite("sforzini-2022", "primary"),
    doseTable: cite("sforzini-2022-summary", "secondary"),
    minWeeksAtAdequateDose: cite("sforzini-2022-summary", "secondary"),
    nonResponseBelowPercent: cite("sforzini-2022", "primary"),
    nonResponseInclusive: cite("sforzini-2022", "primary"),
    partialResponseCountsAsFailure: cite("sforzini-2022-summary", "secondary"),
    partialResponseAfterOneTrial: cite("sforzini-2022-summary", "secondary"),
    requireDocumentedAdherence: cite("library-convention", "unverified"),
    currentEpisodeOnly: cite("sforzini-2022-summary", "secondary"),
    requireDifferentClasses: cite("sforzini-2022", "primary"),
    countAugmentation: cite("library-convention", "unverified"),
    countCombination: cite("library-convention", "unverified"),
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
    minFailedTrials: cite("esketamine-trial-mgh-atrq", "primary"),
    doseTable: cite("comp006-mgh-atrq-form", "secondary"),
    minWeeksAtAdequateDose: cite("desseilles-2011", "primary"),
    nonResponseBelowPercent: cite("desseilles-2011", "primary"),
    nonResponseInclusive: cite("desseilles-2011", "primary"),
    cgiIPartialMax: cite("berman-2007", "secondary"),
    partialResponseCountsAsFailure: cite("desseilles-2011", "primary"),
    partialResponseAfterOneTrial: cite("library-convention", "unverified"),
    requireDocumentedAdherence: cite("library-convention", "unverified"),
    currentEpisodeOnly: cite("desseilles-2011", "primary"),
    requireDifferentClasses: cite("desseilles-2011", "primary"),
    countAugmentation: cite("desseilles-2011", "primary"),
    countCombination: cite("library-convention", "unverified"),
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
    minFailedTrials: cite("mcintyre-2023", "primary"),
    doseTable: cite("library-convention", "unverified"),
    minWeeksAtAdequateDose: cite("esketamine-trial-mgh-atrq", "primary"),
    nonResponseBelowPercent: cite("nct04599855", "primary"),
    nonResponseInclusive: cite("nct04599855", "primary"),
    partialResponseCountsAsFailure: cite("mcintyre-2023", "primary"),
    partialResponseAfterOneTrial: cite("library-convention", "unverified"),
    requireDocumentedAdherence: cite("mcintyre-2023", "primary"),
    currentEpisodeOnly: cite("spravato-eu-smpc", "primary"),
    requireDifferentClasses: cite("ema-2013-depression-guideline", "unverified"),
    countAugmentation: cite("spravato-eu-smpc", "primary"),
    countCombination: cite("library-convention", "unverified"),
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
    minFailedTrials: cite("rybak-2021", "primary"),
    doseTable: cite("library-convention", "unverified"),
    minWeeksAtAdequateDose: cite("rybak-2021", "primary"),
    nonResponseBelowPercent: cite("rybak-2021", "primary"),
    nonResponseInclusive: cite("rybak-2021", "primary"),
    partialResponseCountsAsFailure: cite("rybak-2021", "primary"),
    partialResponseAfterOneTrial: cite("rybak-2021", "primary"),
    cgiIPartialMax: cite("rybak-2021", "primary"),
    requireDocumentedAdherence: cite("library-convention", "unverified"),
    currentEpisodeOnly: cite("library-convention", "unverified"),
    requireDifferentClasses: cite("library-convention", "unverified"),
    countAugmentation: cite("rybak-2021", "primary"),
    countCombination: cite("library-convention", "unverified"),
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
  return withNotes()[id];
}

/**
 * A built-in rule set as classification reads it: every value, with each parameter's source and
 * grade but not the note on it (which {@link getRuleSet} adds), so that code that only
 * classifies does not carry the notes.
 *
 * @param id - One of the {@link RuleSetId} values.
 * @returns The rule set's facts (frozen data).
 * @example
 * ruleSetFacts("mgh-atrq").provenance.minWeeksAtAdequateDose; //=> { source: "desseilles-2011", verification: "primary" }
 * getRuleSet("mgh-atrq").provenance.minWeeksAtAdequateDose.note; //=> "At least 6 weeks at an adequate dose (also the esketamine trial footnote)."
 */
export function ruleSetFacts(id: RuleSetId): RuleSet {
  return RULE_SETS[id];
}

let joined: Readonly<Record<RuleSetId, RuleSet>> | undefined;

/**
 * Every built-in rule set with the note on each citation, built on first use (a module-level
 * call would be kept by a bundler, and with it the notes).
 */
function withNotes(): Readonly<Record<RuleSetId, RuleSet>> {
  joined ??= deepFreeze({
    "eu-pearl-2022": noted(RULE_SETS["eu-pearl-2022"]),
    "mgh-atrq": noted(RULE_SETS["mgh-atrq"]),
    regulatory: noted(RULE_SETS.regulatory),
    "canadian-2021": noted(RULE_SETS["canadian-2021"]),
  });
  return joined;
}

/** One rule set with each citation's note after its source and grade, in the facts' order. */
function noted(rules: RuleSet): RuleSet {
  const notes = RULE_SET_NOTES[rules.id];
  const provenance: Partial<Record<ParameterName, Citation>> = {};
  for (const key of Object.keys(rules.provenance) as ParameterName[]) provenance[key] = { ...rules.provenance[key], note: notes[key] };
  return { ...rules, provenance: provenance as RuleSet["provenance"] };
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
  if (all === undefined) {
    const rules = withNotes();
    all = Object.freeze([rules[DEFAULT_RULE_SET_ID], ...Object.values(rules).filter((r) => r.id !== DEFAULT_RULE_SET_ID)]);
  }
  return all;
}

let all: readonly RuleSet[] | undefined;

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
