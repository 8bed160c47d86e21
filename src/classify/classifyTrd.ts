/**
 * The main entry point: a validated history and an as-of date in, a TRD status with reasons out.
 *
 * @module
 */
import { CATALOGUE_VERSION } from "../catalogue/version";
import { resolveRuleSet } from "../rules/resolveRuleSet";
import type { ClassifyTrdOptions, ResolvedRuleSet } from "../rules/resolveRuleSet";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import { assessTrialInContext } from "./assessTrial";
import { indexScores } from "./deriveOutcome";
import { openQuestions } from "./openQuestions";
import { reason } from "./reason";
import { resistantSinceOf } from "./since";
import { isPseudoResistanceFlagCode } from "./reasonCodes";
import { OUTCOME_RANK, failureKey, statusOfTrials, statusWhatIf } from "./statusWhatIf";
import type { PseudoResistanceFlag, Reason, TrdAssessment, TrdCounts, TrdStatus, TrialAssessment } from "./types";


/** The pseudo-resistance flags of the trials' and the patient's reasons, in order of appearance. */
function collectFlags(trials: readonly TrialAssessment[], patientReasons: readonly Reason[]): PseudoResistanceFlag[] {
  const byCode = new Map<PseudoResistanceFlag["code"], Set<string>>();
  const add = (reasons: readonly Reason[]): void => {
    for (const r of reasons) {
      const code = r.code;
      if (r.kind === "note" || !isPseudoResistanceFlagCode(code)) continue;
      let set = byCode.get(code);
      if (set === undefined) byCode.set(code, (set = new Set<string>()));
      for (const id of r.trialIds) set.add(id);
    }
  };
  for (const t of trials) add(t.reasons);
  add(patientReasons);
  const flags: PseudoResistanceFlag[] = [];
  for (const [code, trialIds] of byCode) flags.push({ code, trialIds: [...trialIds] });
  return flags;
}

function patientReasons(history: TreatmentHistory, rules: RuleSet, asOf: string): { reasons: Reason[]; applicable: boolean } {
  const present = new Set<string>();
  for (const d of history.patient.diagnoses) if (d.onset === undefined || d.onset <= asOf) present.add(d.condition);
  const reasons: Reason[] = [];
  let applicable = true;
  if (present.has("bipolar-disorder")) {
    applicable = !rules.parameters.excludeBipolar;
    reasons.push(
      reason(
        "bipolar_disorder_on_record",
        rules.parameters.excludeBipolar ? "decision" : "pseudo-resistance",
        rules.parameters.excludeBipolar
          ? `Bipolar disorder on record: ${rules.name} excludes bipolar depression, so the result is not applicable; the status describes the trials only`
          : "Bipolar disorder on record: antidepressant response may be limited by an unrecognised bipolar course",
        [],
        "excludeBipolar",
        rules.provenance.excludeBipolar,
      ),
    );
  }
  if (present.has("psychotic-features")) {
    reasons.push(reason("psychotic_features_on_record", "pseudo-resistance", "Psychotic features on record: included in the TRD definition, but antidepressant monotherapy is not adequate treatment for psychotic depression", [], "specifiers", { source: "sforzini-2022", verification: "primary" }));
  }
  if (present.has("substance-use-disorder")) {
    reasons.push(reason("substance_use_on_record", "pseudo-resistance", "Substance use disorder on record: a common cause of apparent resistance", [], "pseudoResistance"));
  }
  if (present.has("thyroid-disease")) {
    reasons.push(reason("thyroid_disease_on_record", "pseudo-resistance", "Thyroid disease on record: untreated thyroid dysfunction can mimic resistance", [], "pseudoResistance"));
  }
  return { reasons, applicable };
}

/** Trial reasons that explain why a trial does not count, repeated among the overall reasons. */
const BLOCKING_CODES: ReadonlySet<Reason["code"]> = new Set<Reason["code"]>([
  "trial_not_failed",
  "agent_unknown",
  "not_an_antidepressant",
  "augmentation_not_counted",
  "combination_not_counted",
  "trial_outside_current_episode",
  "dose_threshold_unknown",
  "dose_not_recorded",
  "stopped_before_early_stop_weeks",
  "outcome_response",
  "outcome_remission",
  "outcome_data_missing",
  "endpoint_before_adequacy",
  "tachyphylaxis",
]);

/**
 * Classifies a validated treatment history: is the depression treatment-resistant as of `asOf`,
 * under which rule set, and why.
 *
 * Each trial is assessed for dose (the rule set's catalogue table, age-capped), weeks at or above
 * that dose within the current episode, adherence and outcome (see {@link assessTrial}). Failed
 * adequate trials of the same agent count once (of the same class, when the rule set requires
 * different classes), keeping the more favourable outcome. Then:
 *
 * - `no-response` when at least `minFailedTrials` distinct failures showed non-response;
 * - `partial-response` when there are enough failures but too few non-responses, or (where the
 *   rule set follows EU-PEARL) one adequate trial reached the partial band;
 * - `not-yet-resistant` otherwise, with reasons saying what is missing.
 *
 * Pure and deterministic: it reads no clock, environment or file, does not mutate its input, and
 * gives deep-equal output for equal input.
 *
 * @param history - A history returned by {@link parseTreatmentHistory} (`data`).
 * @param options - `asOf`, and optionally a rule set and parameter overrides. For the staging
 *   models as well, call {@link classifyAndStage}.
 * @returns The assessment.
 * @throws {@link TrdOptionsError} when `asOf`, the rule set or an override is invalid.
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 *
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * if (parsed.success) {
 *   const result = classifyTrd(parsed.data, { asOf: "2024-06-01" });
 *   result.status; //=> "no-response"
 * }
 */
export function classifyTrd(history: TreatmentHistory, options: ClassifyTrdOptions): TrdAssessment {
  return classifyResolved(history, resolveRuleSet(options), options.asOf, options.resistantSince === true, options.countedSpans === true);
}

/** The trials on or before `asOf`, assessed, and the ids of those that start after it. */
function assessTrials(history: TreatmentHistory, rules: RuleSet, asOf: string, countedSpans = false): { trials: TrialAssessment[]; notYetStarted: string[] } {
  const context = { history, rules, asOf, scores: indexScores(history.assessments, asOf), countedSpans };
  const notYetStarted: string[] = [];
  const trials: TrialAssessment[] = [];
  for (const t of history.trials) {
    if (t.start > asOf) notYetStarted.push(t.id);
    else trials.push(assessTrialInContext(t, context));
  }
  return { trials, notYetStarted };
}

/** Failures de-duplicated by agent (or class): how many showed non-response or partial response. */
interface FailureCount {
  readonly counts: TrdCounts;
  readonly failures: readonly TrialAssessment[];
  /** Repeated agents (or classes) counted once. */
  readonly reasons: readonly Reason[];
}

/** Counts the failed adequate trials, each agent (or class) once with its more favourable outcome. */
function countFailures(trials: readonly TrialAssessment[], rules: RuleSet): FailureCount {
  const p = rules.parameters;
  const failures = trials.filter((t) => t.countsTowardResistance);
  const groups = new Map<string, TrialAssessment[]>();
  for (const t of failures) {
    const key = failureKey(t, rules);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [t]);
    else group.push(t);
  }
  const reasons: Reason[] = [];
  let nonResponse = 0;
  let partial = 0;
  for (const [key, group] of groups) {
    const best = group.reduce((a, b) => (OUTCOME_RANK[b.outcome.category] > OUTCOME_RANK[a.outcome.category] ? b : a));
    if (best.outcome.category === "non-response") nonResponse += 1;
    else partial += 1;
    if (group.length === 1) continue;
    const ids = group.map((t) => t.trialId);
    reasons.push(
      p.requireDifferentClasses
        ? reason("same_class_repeated", "decision", `${group.length} failed trials of the ${key} class count once`, ids, "requireDifferentClasses", rules.provenance.requireDifferentClasses)
        : reason("same_agent_repeated", "decision", `${group.length} failed trials of ${best.drugName ?? key} count once`, ids, "sameAgentOnce"),
    );
  }
  let adequateTrials = 0;
  for (const t of trials) if (t.adequate) adequateTrials += 1;
  const counts: TrdCounts = {
    trials: trials.length,
    adequateTrials,
    failedAdequateTrials: failures.length,
    nonResponseFailures: nonResponse,
    partialResponseFailures: partial,
    distinctFailedAgents: new Set(failures.map((t) => t.drugId ?? t.trialId)).size,
    distinctFailedClasses: new Set(failures.map((t) => t.drugClass ?? t.trialId)).size,
  };
  return { counts, failures, reasons };
}

/** The status and the reason that states it. */
function decideStatus(count: FailureCount, rules: RuleSet): { status: TrdStatus; reason: Reason } {
  const p = rules.parameters;
  const nonResponse = count.counts.nonResponseFailures;
  const partial = count.counts.partialResponseFailures;
  const needed = p.minFailedTrials;
  const failedIds = count.failures.map((t) => t.trialId);
  const band = p.nonResponseInclusive ? `<=${p.nonResponseBelowPercent}%` : `<${p.nonResponseBelowPercent}%`;
  const unit = p.requireDifferentClasses ? "class" : "agent";
  const cited = rules.provenance.minFailedTrials;
  const trialsCompared = (value: number, threshold: number, met: boolean) => ({ value, threshold, unit: "trials", comparison: ">=", met }) as const;
  if (nonResponse >= needed) {
    const message = `${nonResponse} failed adequate trial(s) of distinct ${unit}s with non-response (${band} improvement); ${needed} needed`;
    return { status: "no-response", reason: reason("status_no_response", "decision", message, failedIds, "minFailedTrials", cited, trialsCompared(nonResponse, needed, true)) };
  }
  if (nonResponse + partial >= needed) {
    const message = `${nonResponse + partial} failed adequate trials (${needed} needed), but only ${nonResponse} with non-response (${band}); improvement reached the partial band`;
    return { status: "partial-response", reason: reason("status_partial_response", "decision", message, failedIds, "minFailedTrials", cited, trialsCompared(nonResponse, needed, false)) };
  }
  if (p.partialResponseAfterOneTrial && partial >= 1) {
    const message = `${partial} adequate trial(s) with partial response: partially responsive depression under ${rules.name}`;
    return {
      status: "partial-response",
      reason: reason("status_partial_response", "decision", message, failedIds, "partialResponseAfterOneTrial", rules.provenance.partialResponseAfterOneTrial, trialsCompared(partial, 1, true)),
    };
  }
  const message = `${nonResponse + partial} failed adequate trial(s); ${needed} needed`;
  return { status: "not-yet-resistant", reason: reason("status_not_yet_resistant", "decision", message, failedIds, "minFailedTrials", cited, trialsCompared(nonResponse + partial, needed, false)) };
}

/** The status and failures of a history as of a date, without its reasons (for since-when; internal). */
export function statusAt(history: TreatmentHistory, rules: RuleSet, date: string): { status: TrdStatus; failures: readonly TrialAssessment[] } {
  const trials = assessTrials(history, rules, date).trials;
  return { status: statusOfTrials(trials, rules), failures: trials.filter((t) => t.countsTowardResistance) };
}

/** Where failures of different agents share a class and the rule set counts them apart, say so. */
function sameClassNotes(count: FailureCount, rules: RuleSet): Reason[] {
  if (rules.parameters.requireDifferentClasses || count.failures.length < 2) return [];
  const byClass = new Map<string, TrialAssessment[]>();
  for (const t of count.failures) {
    if (t.drugClass === undefined) continue;
    byClass.set(t.drugClass, [...(byClass.get(t.drugClass) ?? []), t]);
  }
  const notes: Reason[] = [];
  for (const [drugClass, group] of byClass) {
    const agents = new Set(group.map((t) => t.drugId));
    if (agents.size < 2) continue;
    const message = `${group.map((t) => `${t.drugName ?? "?"} (${t.trialId})`).join(" and ")}: the same class (${drugClass}), different agents; counted apart under ${rules.name}`;
    notes.push(reason("same_class_repeated", "note", message, group.map((t) => t.trialId), "requireDifferentClasses", rules.provenance.requireDifferentClasses));
  }
  return notes;
}

/** The status shown first wherever a result is displayed: not-applicable leads. */
function displayStatusOf(status: TrdStatus, applicable: boolean): TrdAssessment["displayStatus"] {
  return applicable ? status : "not-applicable";
}

/** {@link classifyTrd} with the options already validated and the rule set resolved (internal). */
export function classifyResolved(history: TreatmentHistory, resolved: ResolvedRuleSet, asOf: string, findSince = false, countedSpans = false): TrdAssessment {
  const { rules, overrides } = resolved;
  const { trials, notYetStarted } = assessTrials(history, rules, asOf, countedSpans);
  const count = countFailures(trials, rules);
  const decided = decideStatus(count, rules);
  const evidence = openQuestions(trials, history, rules, statusWhatIf(trials, rules), decided.status);
  const earliest = history.trials.reduce((min, t) => (t.start < min ? t.start : min), asOf);
  const since = !findSince || decided.status === "not-yet-resistant" ? undefined : resistantSinceOf(history, count.failures, earliest, asOf, (date) => statusAt(history, rules, date));
  // Overall reasons: the status, patient facts, counting, then why each trial that does not count does not.
  const patient = patientReasons(history, rules, asOf);
  const reasons: Reason[] = [decided.reason, ...patient.reasons, ...count.reasons, ...sameClassNotes(count, rules)];
  for (const t of trials) {
    if (t.countsTowardResistance) continue;
    for (const r of t.reasons) if (r.kind === "pseudo-resistance" || BLOCKING_CODES.has(r.code)) reasons.push(r);
  }
  if (notYetStarted.length > 0) reasons.push(reason("trial_after_as_of", "note", `${notYetStarted.length} trial(s) start after ${asOf} and were not assessed`, notYetStarted, "asOf"));
  const result: TrdAssessment = {
    status: decided.status,
    applicable: patient.applicable,
    displayStatus: displayStatusOf(decided.status, patient.applicable),
    asOf,
    evidence,
    ruleSet: { id: rules.id, version: rules.version, name: rules.name, source: rules.source, parameters: rules.parameters },
    overrides,
    catalogueVersion: CATALOGUE_VERSION,
    counts: count.counts,
    trials,
    flags: collectFlags(trials, patient.reasons),
    reasons,
  };
  // One literal for the common case; since-when (asked for, and resistant) is added after it.
  return since === undefined ? result : { ...result, resistantSince: since };
}
