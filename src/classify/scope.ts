/**
 * Verdict: is a trial one that counts under the rule set (agent, indication, role) and does it lie
 * in the current episode?
 *
 * @module
 */
import type { Citation } from "../catalogue/types";
import { inCurrentEpisode } from "../rules/currentEpisode";
import { reason } from "./reason";
import type { ReasonKinds, Step, TrialFacts } from "./trialFacts";
import type { Reason } from "./types";

/** The scope verdict. */
export interface ScopeVerdict {
  /** A known agent, in a role and for an indication the rule set counts. */
  readonly inScope: boolean;
  /** Whether the trial overlaps the current episode. */
  readonly inCurrentEpisode: boolean;
  /** In scope, and in the current episode where the rule set asks: the trial can count. */
  readonly relevant: boolean;
}

/**
 * Every definition counts treatments of the depressive episode; none says in words that a course
 * given for another condition is excluded, so the rule is cited as this library's reading.
 */
const INDICATION_RULE: Citation = {
  source: "library-convention",
  verification: "unverified",
  note: "TRD definitions count antidepressant trials given for the depressive episode; a course recorded as prescribed for another condition is not one.",
};

/** Why a known agent is not an antidepressant trial, if it is not. */
function notAnAntidepressant(facts: TrialFacts): Reason | undefined {
  const { drug, label, ids } = facts;
  if (drug?.role === "rapid-acting") {
    const a = drug.adequacy;
    const how =
      a?.kind === "fixed-course"
        ? `is a fixed course (${a.mgPerDay} mg/day for ${a.days} days)`
        : a?.kind === "infusion"
          ? `is a ${a.hours}-hour infusion`
          : "is given in sessions";
    return reason("not_an_antidepressant", "note", `${label}: ${drug.name} ${how}, not a conventional antidepressant trial; no rule set counts it (record sessions under otherTreatments)`, ids, "catalogue", a?.kind === undefined || a.kind === "daily-dose" ? undefined : { source: a.source, verification: a.verification });
  }
  if (drug?.role === "augmenting-agent" && facts.trial.role === "monotherapy") return reason("not_an_antidepressant", "note", `${label}: ${drug.name} alone is not an antidepressant trial`, ids, "catalogue");
  return undefined;
}

/** Why the recorded indication takes the trial out of scope, if it does. */
function otherIndication(facts: TrialFacts): Reason | undefined {
  const indication = facts.trial.indication;
  if (indication === undefined || indication === "depression" || indication === "not-recorded" || indication === "not-recognised") return undefined;
  return reason("indication_not_depression", "decision", `${facts.label}: prescribed for ${indication.replace(/-/g, " ")}, not for depression, so it is not a depression trial`, facts.ids, "indication", INDICATION_RULE);
}

/** Why the trial's role does not count under the rule set, if it does not. */
function roleNotCounted(facts: TrialFacts): Reason | undefined {
  const { rules, label, ids } = facts;
  // An augmenting agent is always an augmentation; otherwise the recorded role decides.
  const role = facts.drug?.role === "augmenting-agent" ? "augmentation" : facts.trial.role;
  if (role === "augmentation" && !rules.parameters.countAugmentation) {
    return reason("augmentation_not_counted", "decision", `${label}: augmentation trials do not count under ${rules.name}`, ids, "countAugmentation", rules.provenance.countAugmentation);
  }
  if (role === "combination" && !rules.parameters.countCombination) {
    return reason("combination_not_counted", "decision", `${label}: combination trials do not count under ${rules.name}`, ids, "countCombination", rules.provenance.countCombination);
  }
  return undefined;
}

/** Why the agent is unknown or not an antidepressant trial, if it is. */
function agentExcluded(facts: TrialFacts): Reason | undefined {
  if (facts.drug === undefined) return reason("agent_unknown", "data-gap", `${facts.label}: not in the catalogue, so dose adequacy cannot be judged`, facts.ids, "catalogue");
  return notAnAntidepressant(facts);
}

/** Assesses a trial's scope and episode; the reasons come in the order the checks run. */
export function assessScope(facts: TrialFacts): Step<ScopeVerdict> {
  const { trial, rules, history, label, ids } = facts;
  const agentOut = agentExcluded(facts);
  const indicationOut = agentOut === undefined ? otherIndication(facts) : undefined;
  const roleOut = agentOut === undefined && indicationOut === undefined ? roleNotCounted(facts) : undefined;
  const inScope = agentOut === undefined && indicationOut === undefined && roleOut === undefined;
  const inEpisode = inCurrentEpisode(trial.start, facts.end, history.episode, facts.asOf);
  const relevant = inScope && (!rules.parameters.currentEpisodeOnly || inEpisode);
  const reasons: Reason[] = [];
  if (agentOut !== undefined) reasons.push(agentOut);
  if (indicationOut !== undefined) reasons.push(indicationOut);
  // An unrecorded indication keeps the trial in scope, and says so (a note when it cannot count).
  if (agentOut === undefined && (trial.indication === "not-recorded" || trial.indication === "not-recognised")) {
    const what = trial.indication === "not-recorded" ? "no indication recorded" : "its indication is in a code this library does not map";
    const code = trial.indication === "not-recorded" ? "indication_not_recorded" : "indication_not_recognised";
    reasons.push(reason(code, relevant ? "data-gap" : "note", `${label}: ${what}; counted as a depression trial, which it would not be if it was prescribed for another condition`, ids, "indication", INDICATION_RULE));
  }
  if (roleOut !== undefined) reasons.push(roleOut);
  if (rules.parameters.currentEpisodeOnly && !inEpisode) {
    reasons.push(reason("trial_outside_current_episode", "decision", `${label}: outside the current episode (from ${history.episode.onset})`, ids, "currentEpisodeOnly", rules.provenance.currentEpisodeOnly));
  }
  return { verdict: { inScope, inCurrentEpisode: inEpisode, relevant }, reasons };
}

/** The kinds of a trial's shortfalls and gaps, given its scope (see {@link ReasonKinds}). */
export function reasonKinds(scope: ScopeVerdict, facts: TrialFacts): ReasonKinds {
  return { shortfall: scope.relevant ? "pseudo-resistance" : "note", gap: scope.relevant || facts.drug === undefined ? "data-gap" : "note" };
}
