/**
 * What is missing, and what would change the answer: for every trial that could count, each gap
 * in its evidence (no outcome, no dose, weeks still short, adherence not documented, indication
 * not recorded), worded as the clinician's next step, with the status the history would have if
 * the gap were resolved against the patient (the trial a non-response failure, or the course not
 * for depression).
 *
 * @module
 */
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { Evidence, OpenQuestion, OpenQuestionCode, TrdStatus } from "./evidence";
import type { OutcomeCategory, TrialAssessment } from "./types";
import { neededText, reachedText } from "./wording";

/** The status a set of assessed trials gives (the classifier's counting and decision). */
export type StatusOf = (assumed: ReadonlyMap<number, OutcomeCategory>) => TrdStatus;

/** Reasons that settle a trial against counting, whatever evidence is added. */
const SETTLED_AGAINST: ReadonlySet<string> = new Set([
  "not_an_antidepressant",
  "augmentation_not_counted",
  "combination_not_counted",
  "indication_not_depression",
  "trial_outside_current_episode",
  "stopped_for_intolerance",
  "stopped_before_early_stop_weeks",
  "outcome_response",
  "outcome_remission",
  "adherence_poor",
]);

/** What one pass over a trial's reasons tells: settled against, unknown agent, no dose recorded. */
function scan(t: TrialAssessment): { settled: boolean; agentUnknown: boolean; doseNotRecorded: boolean } {
  let settled = false;
  let agentUnknown = false;
  let doseNotRecorded = false;
  for (const r of t.reasons) {
    if (SETTLED_AGAINST.has(r.code) || (r.code === "dose_inadequate" && !t.ongoing)) settled = true;
    else if (r.code === "agent_unknown") agentUnknown = true;
    else if (r.code === "dose_not_recorded") doseNotRecorded = true;
  }
  return { settled, agentUnknown, doseNotRecorded };
}

/** The gaps of a trial that could count, in the order a clinician would fill them (empty when it cannot). */
function gapsOf(t: TrialAssessment, rules: RuleSet): { code: OpenQuestionCode; words: string }[] {
  if (t.countsTowardResistance) return [];
  // Finished short of the weeks: more evidence cannot make it adequate.
  if (!t.ongoing && t.duration.status === "inadequate") return [];
  const seen = scan(t);
  if (seen.settled) return [];
  const gaps: { code: OpenQuestionCode; words: string }[] = [];
  if (seen.agentUnknown) gaps.push({ code: "agent_unknown", words: "agent not in the catalogue, so its adequate dose is unknown" });
  else if (seen.doseNotRecorded) gaps.push({ code: "dose_not_recorded", words: "dose not recorded" });
  else if (t.dose.status === "unknown") gaps.push({ code: "dose_threshold_unknown", words: "no adequate dose for this agent in the rule set's table" });
  const d = t.duration;
  if (t.ongoing && t.dose.status === "inadequate") {
    gaps.push({ code: "weeks_short", words: `ongoing at ${reachedText(t.dose)}: ${d.requiredWeeks} weeks at ≥ ${neededText(t.dose)} needed` });
  } else if (t.ongoing && d.status === "inadequate" && t.dose.status === "adequate") {
    const more = Math.round((d.requiredWeeks - d.weeksAtAdequateDose) * 10) / 10;
    gaps.push({ code: "weeks_short", words: `ongoing: ${more} more weeks at ≥ ${neededText(t.dose)} needed` });
  }
  if (t.adherence.status === "unknown" && rules.parameters.requireDocumentedAdherence) gaps.push({ code: "adherence_not_documented", words: "adherence not documented" });
  if (t.outcome.category === "unknown") gaps.push({ code: "outcome_not_recorded", words: "no outcome recorded" });
  return gaps;
}

/** The evidence of a history with no open question (shared: it is frozen). */
const COMPLETE: Evidence = Object.freeze({ complete: true, openQuestions: Object.freeze([]) });

const labelOf = (t: TrialAssessment): string => `${t.drugName ?? t.agent.name ?? "agent"} (${t.trialId})`;

/** The outcome a trial is assumed to have as a failure: its own when known, else non-response. */
const failedAs = (t: TrialAssessment): OutcomeCategory => (t.outcome.category !== "unknown" ? t.outcome.category : "non-response");

function gapQuestions(t: TrialAssessment, gaps: readonly { code: OpenQuestionCode; words: string }[], trials: readonly TrialAssessment[], i: number, statusOf: StatusOf, status: TrdStatus, ifAll: TrdStatus | undefined): OpenQuestion[] {
  const outcomeKnown = t.outcome.category !== "unknown";
  // With the outcome known, only adequacy is in question; else, the outcome too.
  const alone = statusOf(new Map([[i, failedAs(t)]]));
  const resolved: OpenQuestion["ifResolved"] =
    alone !== status ? { assuming: outcomeKnown ? "adequate" : "non-response", status: alone } : ifAll !== undefined ? { assuming: "all-open-trials-non-response", status: ifAll } : undefined;
  const words = resolved === undefined ? "" : resolved.assuming === "adequate" ? `; if it was adequate: ${resolved.status}` : resolved.assuming === "non-response" ? `; if non-response: ${resolved.status}` : `; if this and the other open trials were non-response: ${resolved.status}`;
  return gaps.map((gap) => ({ code: gap.code, trialId: t.trialId, message: `${labelOf(t)}: ${gap.words}${words}`, ...(resolved === undefined ? {} : { ifResolved: resolved }) }));
}

/**
 * The evidence of a classification: open questions per trial, and whether any remains.
 *
 * @example
 * declare const assessment: TrdAssessment, history: TreatmentHistory, rules: RuleSet, statusOf: StatusOf;
 * const evidence = openQuestions(assessment.trials, history, rules, statusOf, assessment.status);
 * // evidence.openQuestions[0]?.message: "sertraline (t2): no outcome recorded; if non-response: no-response"
 */
export function openQuestions(trials: readonly TrialAssessment[], history: TreatmentHistory, rules: RuleSet, statusOf: StatusOf, status: TrdStatus): Evidence {
  const questions: OpenQuestion[] = [];
  let complete = true;
  const gapsByTrial = trials.map((t) => gapsOf(t, rules));
  const open = gapsByTrial.filter((g) => g.length > 0).length;
  const all = open < 2 ? undefined : statusOf(new Map(trials.flatMap((t, i): [number, OutcomeCategory][] => ((gapsByTrial[i]?.length ?? 0) > 0 ? [[i, failedAs(t)]] : []))));
  const ifAll = all !== undefined && all !== status ? all : undefined;
  trials.forEach((t, i) => {
    const gaps = gapsByTrial[i] ?? [];
    if (gaps.length > 0) {
      complete = false;
      questions.push(...gapQuestions(t, gaps, trials, i, statusOf, status, ifAll));
      return;
    }
    if (!t.countsTowardResistance) return;
    const indication = history.trials[i]?.id === t.trialId ? history.trials[i]?.indication : history.trials.find((x) => x.id === t.trialId)?.indication;
    if (indication !== "not-recorded" && indication !== "not-recognised") return;
    const without = statusOf(new Map([[i, "unknown"]]));
    if (without === status) return;
    questions.push({ code: "indication_not_recorded", trialId: t.trialId, message: `${labelOf(t)}: indication not recorded; if it was prescribed for another condition: ${without}`, ifResolved: { assuming: "another-indication", status: without } });
  });
  if (complete && questions.length === 0) return COMPLETE;
  return ifAll === undefined ? { complete, openQuestions: questions } : { complete, openQuestions: questions, ifAllResolved: ifAll };
}
