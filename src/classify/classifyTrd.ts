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
import { reason } from "./reason";
import { isPseudoResistanceFlagCode } from "./reasonCodes";
import type { OutcomeCategory, PseudoResistanceFlag, Reason, TrdAssessment, TrdCounts, TrdStatus, TrialAssessment } from "./types";


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
  "stopped_before_early_stop_weeks",
  "outcome_response",
  "outcome_remission",
  "outcome_data_missing",
  "endpoint_before_adequacy",
  "tachyphylaxis",
]);

const RANK: Readonly<Record<OutcomeCategory, number>> = { "non-response": 0, "partial-response": 1, response: 2, remission: 3, unknown: -1 };

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
  return classifyResolved(history, resolveRuleSet(options), options.asOf);
}

/** {@link classifyTrd} with the options already validated and the rule set resolved (internal). */
export function classifyResolved(history: TreatmentHistory, resolved: ResolvedRuleSet, asOf: string): TrdAssessment {
  const { rules, overrides } = resolved;
  const p = rules.parameters;
  const scores = indexScores(history.assessments, asOf);
  const context = { history, rules, asOf, scores };

  const notYetStarted: string[] = [];
  const trials: TrialAssessment[] = [];
  for (const t of history.trials) {
    if (t.start > asOf) notYetStarted.push(t.id);
    else trials.push(assessTrialInContext(t, context));
  }

  // Failures, de-duplicated by agent (or class).
  const failures = trials.filter((t) => t.countsTowardResistance);
  const groups = new Map<string, TrialAssessment[]>();
  for (const t of failures) {
    const key = (p.requireDifferentClasses ? t.drugClass : t.drugId) ?? t.trialId;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [t]);
    else group.push(t);
  }
  const countingReasons: Reason[] = [];
  let nonResponse = 0;
  let partial = 0;
  for (const [key, group] of groups) {
    const best = group.reduce((a, b) => (RANK[b.outcome.category] > RANK[a.outcome.category] ? b : a));
    if (best.outcome.category === "non-response") nonResponse += 1;
    else partial += 1;
    if (group.length > 1) {
      countingReasons.push(
        p.requireDifferentClasses
          ? reason("same_class_repeated", "decision", `${group.length} failed trials of the ${key} class count once`, group.map((t) => t.trialId), "requireDifferentClasses", rules.provenance.requireDifferentClasses)
          : reason("same_agent_repeated", "decision", `${group.length} failed trials of ${best.drugName ?? key} count once`, group.map((t) => t.trialId), "sameAgentOnce"),
      );
    }
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

  // Status.
  const needed = p.minFailedTrials;
  const failedIds = failures.map((t) => t.trialId);
  const band = p.nonResponseInclusive ? `<=${p.nonResponseBelowPercent}%` : `<${p.nonResponseBelowPercent}%`;
  const unit = p.requireDifferentClasses ? "class" : "agent";
  let status: TrdStatus;
  let statusReason: Reason;
  if (nonResponse >= needed) {
    status = "no-response";
    statusReason = reason("status_no_response", "decision", `${nonResponse} failed adequate trial(s) of distinct ${unit}s with non-response (${band} improvement); ${needed} needed`, failedIds, "minFailedTrials", rules.provenance.minFailedTrials, {
      value: nonResponse,
      threshold: needed,
      unit: "trials",
      comparison: ">=",
      met: true,
    });
  } else if (nonResponse + partial >= needed) {
    status = "partial-response";
    statusReason = reason(
      "status_partial_response",
      "decision",
      `${nonResponse + partial} failed adequate trials (${needed} needed), but only ${nonResponse} with non-response (${band}); improvement reached the partial band`,
      failedIds,
      "minFailedTrials",
      rules.provenance.minFailedTrials,
      { value: nonResponse, threshold: needed, unit: "trials", comparison: ">=", met: false },
    );
  } else if (p.partialResponseAfterOneTrial && partial >= 1) {
    status = "partial-response";
    statusReason = reason("status_partial_response", "decision", `${partial} adequate trial(s) with partial response: partially responsive depression under ${rules.name}`, failedIds, "partialResponseAfterOneTrial", rules.provenance.partialResponseAfterOneTrial, {
      value: partial,
      threshold: 1,
      unit: "trials",
      comparison: ">=",
      met: true,
    });
  } else {
    status = "not-yet-resistant";
    statusReason = reason("status_not_yet_resistant", "decision", `${nonResponse + partial} failed adequate trial(s); ${needed} needed`, failedIds, "minFailedTrials", rules.provenance.minFailedTrials, {
      value: nonResponse + partial,
      threshold: needed,
      unit: "trials",
      comparison: ">=",
      met: false,
    });
  }

  // Overall reasons: the status, patient facts, counting, then why each trial did not count.
  const patient = patientReasons(history, rules, asOf);
  const reasons: Reason[] = [statusReason, ...patient.reasons, ...countingReasons];
  // Why each trial that does not count does not.
  for (const t of trials) {
    if (t.countsTowardResistance) continue;
    for (const r of t.reasons) if (r.kind === "pseudo-resistance" || BLOCKING_CODES.has(r.code)) reasons.push(r);
  }
  if (notYetStarted.length > 0) reasons.push(reason("trial_after_as_of", "note", `${notYetStarted.length} trial(s) start after ${asOf} and were not assessed`, notYetStarted, "asOf"));
  const flags = collectFlags(trials, patient.reasons);

  return {
    status,
    applicable: patient.applicable,
    asOf,
    ruleSet: { id: rules.id, version: rules.version, name: rules.name, source: rules.source, parameters: rules.parameters },
    overrides,
    catalogueVersion: CATALOGUE_VERSION,
    counts,
    trials,
    flags,
    reasons,
  };
}
