/**
 * The words of a timeline, read from what the classification computed: verdicts, thresholds,
 * weeks and outcomes come from the assessment (never re-derived here); doses, dates, stop reasons
 * and courses other than drug trials come from the history as recorded.
 *
 * @module
 */
import { neededText, outcomeText, percentText, reachedText } from "../classify/wording";
import type { ReasonCode, TrdAssessment, TrialAssessment, TrialOutcome } from "../classify/types";
import type { OtherTreatment } from "../schema/otherTreatment";
import type { Trial } from "../schema/trial";

/**
 * The short verdict tag of a trial's lane, from the assessment's own fields.
 *
 * @example
 * VERDICT_TAGS.includes("failed"); //=> true
 */
export const VERDICT_TAGS = ["failed", "responded", "remitted", "not adequate", "does not count"] as const;

/** Reasons that put a trial outside what the rule set counts, whatever its adequacy. */
const OUT_OF_SCOPE: ReadonlySet<ReasonCode> = new Set<ReasonCode>(["augmentation_not_counted", "combination_not_counted", "not_an_antidepressant", "trial_outside_current_episode", "indication_not_depression"]);

/** A trial's verdict tag. */
export type VerdictTag = (typeof VERDICT_TAGS)[number];

/**
 * The verdict of a trial, as a tag and the assessment's own sentence (without its `name (id): `
 * prefix).
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-01-30", mgPerDay: 50 }] });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * t1 === undefined ? undefined : trialVerdict(t1); //=> { tag: "not adequate", text: "does not count toward resistance (not adequate: 3 of 4 weeks at the adequate dose; outcome unknown; stopped before week 4)" }
 */
export function trialVerdict(trial: TrialAssessment): { tag: VerdictTag; text: string } {
  const decided = trial.reasons.find((r) => r.code === "trial_failed" || r.code === "trial_not_failed");
  const prefix = `(${trial.trialId}): `;
  const message = decided?.message ?? "";
  const at = message.indexOf(prefix);
  const sentence = at >= 0 ? message.slice(at + prefix.length) : message;
  const category = trial.outcome.category;
  const outOfScope = trial.reasons.some((r) => OUT_OF_SCOPE.has(r.code));
  const tag: VerdictTag = trial.countsTowardResistance
    ? "failed"
    : category === "remission"
      ? "remitted"
      : category === "response"
        ? "responded"
        : !trial.adequate && !outOfScope
          ? "not adequate"
          : "does not count";
  return { tag, text: sentence };
}

/**
 * The outcome in words.
 *
 * @example
 * outcomeWords({ category: "unknown", basis: "none" }); //=> "no outcome recorded"
 * outcomeWords({ category: "non-response", basis: "recorded-percent", percentImprovement: 10 }); //=> "non-response (10% improvement recorded)"
 */
export function outcomeWords(outcome: TrialOutcome): string {
  switch (outcome.basis) {
    case "scores":
      return `${outcomeText(outcome.category)} (${outcome.scale} ${outcome.baseline.total} on ${outcome.baseline.date} to ${outcome.endpoint.total} on ${outcome.endpoint.date}: ${percentText(outcome.percentImprovement)} improvement)`;
    case "recorded-percent":
      return `${outcomeText(outcome.category)} (${percentText(outcome.percentImprovement)} improvement recorded)`;
    case "recorded-cgi-i":
      return `${outcomeText(outcome.category)} (CGI-I ${outcome.cgiI} recorded)`;
    default:
      return "no outcome recorded";
  }
}

/**
 * What a trial's lane says under its verdict: dose against its threshold, weeks counted, adherence,
 * the stop and the outcome.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, adherence: "good", stopReason: "ineffective" }] });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * t1 === undefined ? [] : trialDetails(t1, parsed.success ? parsed.data.trials[0] : undefined); //=> ["dose 100 mg/day; adequate: at least 50 mg/day", "8.7 of 4 weeks counted (met on 2024-02-06)", "adherence good", "stopped: ineffective", "no outcome recorded"]
 */
export function trialDetails(trial: TrialAssessment, recorded: Trial | undefined): string[] {
  const parts: string[] = [];
  const dose = trial.dose;
  if (dose.status === "unknown") parts.push(dose.reachedMgPerDay === 0 ? "dose not recorded" : `dose ${dose.reachedMgPerDay} mg/day; adequate dose unknown`);
  else if ("basis" in dose) parts.push(`serum level ${reachedText(dose)}; adequate: at least ${neededText(dose)}`);
  else parts.push(`dose ${reachedText(dose)}; adequate: at least ${neededText(dose)}${dose.ageAdjusted ? " (age-adjusted)" : ""}`);
  const d = trial.duration;
  if (d.status !== "unknown") parts.push(`${d.weeksAtAdequateDose} of ${d.requiredWeeks} weeks counted${d.adequateFrom === undefined ? "" : ` (met on ${d.adequateFrom})`}`);
  const a = trial.adherence;
  parts.push(a.recorded === undefined || a.recorded === "unknown" ? "adherence not documented" : `adherence ${typeof a.recorded === "number" ? percentText(a.recorded * 100) : a.recorded}${a.status === "poor" ? " (poor)" : ""}`);
  if (recorded?.adherenceChanges !== undefined) parts.push(`adherence changed: ${recorded.adherenceChanges.map((c) => `${c.adherence} from ${c.from}`).join(", ")}`);
  parts.push(trial.ongoing ? "ongoing" : `stopped: ${recorded?.stopReason ?? "reason not recorded"}`);
  parts.push(outcomeWords(trial.outcome));
  return parts;
}

const COURSE_NAMES: Readonly<Record<OtherTreatment["kind"], string>> = { psychotherapy: "psychotherapy", ect: "ECT", rtms: "rTMS", ketamine: "ketamine" };

/**
 * The heading of a course other than a drug trial.
 *
 * @example
 * courseHeading({ kind: "ect", id: "e1", start: "2024-05-01", laterality: "bilateral" }); //=> "e1 · ECT (bilateral)"
 */
export function courseHeading(course: OtherTreatment): string {
  const detail = course.kind === "psychotherapy" ? course.type : course.kind === "ect" ? course.laterality : course.kind === "ketamine" ? [course.agent, course.route].filter((x) => x !== undefined).join(", ") : undefined;
  return `${course.id} · ${COURSE_NAMES[course.kind]}${detail === undefined || detail === "" ? "" : ` (${detail})`}`;
}

/**
 * What a course's lane says: sessions, the end and the recorded outcome (the rule sets do not
 * assess these courses; the staging models count them).
 *
 * @example
 * courseDetails({ kind: "rtms", id: "r1", start: "2024-02-01", sessions: 30 }, "2024-06-30"); //=> ["30 sessions", "ongoing", "no outcome recorded"]
 */
export function courseDetails(course: OtherTreatment, asOf: string): string[] {
  const parts: string[] = [];
  if (course.sessions !== undefined) parts.push(`${course.sessions} sessions`);
  parts.push(course.end === undefined || course.end > asOf ? "ongoing" : `ended ${course.end}`);
  const o = course.outcome;
  parts.push(o === undefined ? "no outcome recorded" : o.percentImprovement !== undefined ? `${percentText(o.percentImprovement)} improvement recorded` : `CGI-I ${o.cgiI ?? "?"} recorded`);
  return parts;
}

/**
 * The heading of a trial's lane: id, agent, role (and the trial it augments).
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "Zoloft" }, start: "2024-01-10", mgPerDay: 50 }] });
 * const t1 = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-30" }).trials[0] : undefined;
 * t1 === undefined ? "" : trialHeading(t1, undefined); //=> "t1 · sertraline · monotherapy"
 */
export function trialHeading(trial: TrialAssessment, recorded: Trial | undefined): string {
  const name = trial.drugName ?? trial.agent.name ?? (trial.agent.rxnorm !== undefined ? `RxNorm ${trial.agent.rxnorm}` : `ATC ${trial.agent.atc ?? "?"}`);
  const augments = recorded?.augments === undefined ? "" : ` of ${recorded.augments}`;
  return `${trial.trialId} · ${name} · ${trial.role}${augments}`;
}

/**
 * The status lines of a timeline's heading: the result (not applicable first), the rule set, since
 * when, and the evidence.
 *
 * @example
 * import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
 * const parsed = parseTreatmentHistory({
 *   episode: { onset: "2024-01-01" },
 *   trials: [
 *     { id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } },
 *     { id: "t2", agent: { name: "venlafaxine" }, start: "2024-03-15", end: "2024-05-15", mgPerDay: 150, outcome: { percentImprovement: 15 } },
 *   ],
 * });
 * const a = parsed.success ? classifyTrd(parsed.data, { asOf: "2024-06-01", resistantSince: true }) : undefined;
 * a === undefined ? [] : statusLines(a); //=> ["Status: no-response under EU-PEARL Delphi consensus (Sforzini et al. 2022)", "Resistant since 2024-05-15 (t2: trial end)", "Evidence complete", "As of 2024-06-01"]
 */
export function statusLines(assessment: TrdAssessment): string[] {
  const lines: string[] = [];
  const rule = assessment.ruleSet.name;
  if (!assessment.applicable) {
    const why = assessment.reasons.find((r) => r.code === "bipolar_disorder_on_record")?.message;
    lines.push(`Result: not applicable under ${rule}; the trials alone give ${assessment.status}`);
    if (why !== undefined) lines.push(why);
  } else {
    lines.push(`Status: ${assessment.status} under ${rule}`);
  }
  const since = assessment.resistantSince;
  if (since !== undefined) lines.push(`Resistant since ${since.date}${since.trialId === undefined ? "" : ` (${since.trialId}: ${since.event.replace(/-/g, " ")})`}`);
  const open = assessment.evidence.openQuestions.length;
  lines.push(assessment.evidence.complete ? "Evidence complete" : `Evidence incomplete: ${open} open question${open === 1 ? "" : "s"}${assessment.evidence.ifAllResolved === undefined ? "" : `; if all were answered against the patient: ${assessment.evidence.ifAllResolved}`}`);
  lines.push(`As of ${assessment.asOf}`);
  return lines;
}
