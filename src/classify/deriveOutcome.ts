/**
 * A trial's outcome: recorded by a clinician, or derived from rating-scale scores.
 *
 * @module
 */
import { addDays, minDate } from "../internal/dates";
import { deepFreeze } from "../internal/deepFreeze";
import { categoriseImprovement } from "../rules/categoriseImprovement";
import { REMISSION_THRESHOLDS, percentImprovement } from "../rules/scaleThresholds";
import type { RuleSet } from "../rules/types";
import type { Assessment } from "../schema/assessment";
import type { ScaleId } from "../schema/scales";
import type { Trial } from "../schema/trial";
import { reason } from "./reason";
import { outcomeText, percentText } from "./wording";
import type { OutcomeCategory, Reason, TrialOutcome } from "./types";

/** Scales tried in this order when several have a baseline and an endpoint: clinician-rated first. */
export const SCALE_PREFERENCE: readonly ScaleId[] = deepFreeze(["MADRS", "HAM-D17", "QIDS-SR16", "PHQ-9", "BDI-II"]);

/** Assessments grouped by scale, each list sorted by date (built once per history). */
export type ScoresByScale = ReadonlyMap<ScaleId, readonly Assessment[]>;

const byDateThenTotal = (x: Assessment, y: Assessment): number => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.total - y.total);

/** True when the list is already in {@link byDateThenTotal} order (records usually are). */
function isSorted(list: readonly Assessment[]): boolean {
  for (let i = 1; i < list.length; i++) if (byDateThenTotal(list[i - 1] as Assessment, list[i] as Assessment) > 0) return false;
  return true;
}

/** Groups and sorts a history's assessments, dropping those after `asOf`. */
export function indexScores(assessments: readonly Assessment[], asOf: string): ScoresByScale {
  const byScale = new Map<ScaleId, Assessment[]>();
  for (const a of assessments) {
    if (a.date > asOf) continue;
    const list = byScale.get(a.scale);
    if (list === undefined) byScale.set(a.scale, [a]);
    else list.push(a);
  }
  for (const list of byScale.values()) if (!isSorted(list)) list.sort(byDateThenTotal);
  return byScale;
}

/** What the caller knows about the trial's window when deriving its outcome. */
export interface OutcomeWindow {
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  /** The day the trial became adequate in duration, if it did. */
  readonly adequateFrom?: string | undefined;
  /** Dose on a date, for the tachyphylaxis check. */
  readonly doseOn: (date: string) => number | undefined;
}

/** The outcome plus facts that decide whether it can make the trial a failure. */
export interface DerivedOutcome {
  readonly outcome: TrialOutcome;
  readonly measuredBeforeAdequacy: boolean;
  readonly tachyphylaxis: boolean;
  readonly reasons: readonly Reason[];
}

/** The reason code of an outcome band. */
function outcomeCode(category: "non-response" | "partial-response" | "response"): "outcome_non_response" | "outcome_partial_response" | "outcome_response" {
  return category === "non-response" ? "outcome_non_response" : category === "partial-response" ? "outcome_partial_response" : "outcome_response";
}

function outcomeReason(category: Exclude<OutcomeCategory, "unknown" | "remission">, label: string, detail: string, trialId: string, rules: RuleSet, percent: number | undefined): Reason {
  const p = rules.parameters;
  const code = outcomeCode(category);
  const compared =
    percent === undefined
      ? undefined
      : category === "response"
        ? { value: percent, threshold: p.responsePercent, unit: "%" as const, comparison: ">=" as const, met: true }
        : {
            value: percent,
            threshold: p.nonResponseBelowPercent,
            unit: "%" as const,
            comparison: p.nonResponseInclusive ? ("<=" as const) : ("<" as const),
            met: category === "non-response",
          };
  const rule = category === "response" ? "responsePercent" : "nonResponseBelowPercent";
  return reason(code, "decision", `${label}: ${outcomeText(category)} (${detail})`, [trialId], rule, rules.provenance[rule], compared);
}

/** What every step of {@link deriveOutcome} reads. */
interface OutcomeContext {
  readonly trialId: string;
  readonly window: OutcomeWindow;
  readonly rules: RuleSet;
  /** The kind of a data gap: `note` for a trial that cannot count anyway. */
  readonly gap: "data-gap" | "note";
}

type Recorded = NonNullable<Trial["outcome"]>;

/** The "measured before the trial was adequate" gap, for a recorded outcome or a score. */
function beforeAdequacy(ctx: OutcomeContext, what: string, date: string): Reason {
  return reason(
    "endpoint_before_adequacy",
    ctx.gap,
    `${ctx.window.label}: ${what} (${date}) predates ${ctx.window.adequateFrom ?? ""}, when the trial became adequate, so it cannot show failure of an adequate trial`,
    [ctx.trialId],
    "minWeeksAtAdequateDose",
  );
}

/** Step 1: a recorded percentage improvement decides the outcome. */
function fromRecordedPercent(ctx: OutcomeContext, percent: number, recordedOn: string, gaps: readonly Reason[]): DerivedOutcome {
  const category = categoriseImprovement(percent, ctx.rules.parameters);
  const measuredBeforeAdequacy = ctx.window.adequateFrom !== undefined && recordedOn < ctx.window.adequateFrom;
  return {
    outcome: { category, basis: "recorded-percent", percentImprovement: percent },
    measuredBeforeAdequacy,
    tachyphylaxis: false,
    reasons: [
      ...gaps,
      outcomeReason(category, ctx.window.label, `${percentText(percent)} improvement as recorded`, ctx.trialId, ctx.rules, percent),
      ...(measuredBeforeAdequacy ? [beforeAdequacy(ctx, "the recorded outcome", recordedOn)] : []),
    ],
  };
}

/** The baseline and endpoint of one scale's scores (see {@link deriveOutcome} for the windows). */
function baselineAndEndpoint(list: readonly Assessment[], window: OutcomeWindow, baselineFrom: string, endpointTo: string): { baseline?: Assessment; endpoint?: Assessment } {
  let baseline: Assessment | undefined;
  let during: Assessment | undefined;
  let afterEnd: Assessment | undefined;
  for (const a of list) {
    if (a.date <= window.start && a.date >= baselineFrom) baseline = a;
    else if (a.date > window.start && a.date <= window.end) during = a;
    else if (a.date > window.end && a.date <= endpointTo) afterEnd ??= a;
  }
  // The last score during the trial; only when there is none, the first within the grace period
  // after its end (a later one may already be the next trial's baseline).
  const endpoint = during ?? afterEnd;
  return baseline === undefined ? (endpoint === undefined ? {} : { endpoint }) : endpoint === undefined ? { baseline } : { baseline, endpoint };
}

/** The tachyphylaxis reason, when a response during the trial was lost at the same dose. */
function lostResponse(list: readonly Assessment[], scale: ScaleId, baseline: Assessment, endpoint: Assessment, ctx: OutcomeContext): Reason | undefined {
  const p = ctx.rules.parameters;
  const endpointDose = ctx.window.doseOn(endpoint.date);
  for (const a of list) {
    if (a.date <= baseline.date || a.date >= endpoint.date) continue;
    const earlier = percentImprovement(baseline.total, a.total);
    if (earlier !== undefined && earlier >= p.responsePercent && endpointDose !== undefined && ctx.window.doseOn(a.date) === endpointDose) {
      const counted = p.tachyphylaxisCountsAsFailure ? "counted" : "not counted";
      const message = `${ctx.window.label}: responded (${scale} ${a.total} on ${a.date}, ${percentText(earlier)} improvement) and lost the response at the same dose; ${counted} as a failure`;
      return reason("tachyphylaxis", "decision", message, [ctx.trialId], "tachyphylaxisCountsAsFailure", ctx.rules.provenance.tachyphylaxisCountsAsFailure);
    }
  }
  return undefined;
}

/** Step 2, for one scale with a baseline and an endpoint: the outcome from their scores. */
function fromScores(list: readonly Assessment[], scale: ScaleId, baseline: Assessment, endpoint: Assessment, percent: number, ctx: OutcomeContext): DerivedOutcome & { reasons: Reason[] } {
  const { window, trialId } = ctx;
  const remission = REMISSION_THRESHOLDS[scale];
  const category: Exclude<OutcomeCategory, "unknown"> = endpoint.total <= remission.maxTotal ? "remission" : categoriseImprovement(percent, ctx.rules.parameters);
  const detail = `${scale} ${baseline.total} on ${baseline.date} to ${endpoint.total} on ${endpoint.date}, ${percentText(percent)} improvement`;
  const reasons: Reason[] = [
    category === "remission"
      ? reason("outcome_remission", "decision", `${window.label}: remission (${detail}; at or below the ${scale} remission cut-off of ${remission.maxTotal})`, [trialId], `remission:${scale}`, remission, {
          value: endpoint.total,
          threshold: remission.maxTotal,
          unit: "points",
          comparison: "<=",
          met: true,
        })
      : outcomeReason(category, window.label, detail, trialId, ctx.rules, percent),
  ];
  const measuredBeforeAdequacy = window.adequateFrom !== undefined && endpoint.date < window.adequateFrom;
  if (measuredBeforeAdequacy) reasons.push(beforeAdequacy(ctx, `the last ${scale} score`, endpoint.date));
  const lost = category === "response" || category === "remission" ? undefined : lostResponse(list, scale, baseline, endpoint, ctx);
  if (lost !== undefined) reasons.push(lost);
  return {
    outcome: { category, basis: "scores", scale, baseline: { date: baseline.date, total: baseline.total }, endpoint: { date: endpoint.date, total: endpoint.total }, percentImprovement: percent },
    measuredBeforeAdequacy,
    tachyphylaxis: lost !== undefined,
    reasons,
  };
}

/** What the search over scales found when no scale gave an outcome. */
interface ScoreSearch {
  readonly anyBaseline: boolean;
  readonly anyEndpoint: boolean;
}

/** Step 2: the first scale, in order of preference, whose baseline and endpoint give an outcome. */
function searchScales(scores: ScoresByScale, ctx: OutcomeContext, gaps: Reason[]): DerivedOutcome | ScoreSearch {
  const { window } = ctx;
  const baselineFrom = addDays(window.start, -ctx.rules.parameters.baselineWindowDays);
  const endpointTo = minDate(addDays(window.end, ctx.rules.parameters.endpointGraceDays), window.asOf);
  let anyBaseline = false;
  let anyEndpoint = false;
  for (const scale of SCALE_PREFERENCE) {
    const list = scores.get(scale);
    if (list === undefined) continue;
    const { baseline, endpoint } = baselineAndEndpoint(list, window, baselineFrom, endpointTo);
    anyBaseline ||= baseline !== undefined;
    anyEndpoint ||= endpoint !== undefined;
    if (baseline === undefined || endpoint === undefined) continue;
    const percent = percentImprovement(baseline.total, endpoint.total);
    if (percent === undefined) {
      gaps.push(reason("baseline_zero", ctx.gap, `${ctx.window.label}: the ${scale} baseline is 0, so no improvement can be measured`, [ctx.trialId], "percentImprovement"));
      continue;
    }
    const found = fromScores(list, scale, baseline, endpoint, percent, ctx);
    return gaps.length === 0 ? found : { ...found, reasons: [...gaps, ...found.reasons] };
  }
  return { anyBaseline, anyEndpoint };
}

/** Step 3: a recorded CGI-I decides the outcome. */
function fromCgiI(ctx: OutcomeContext, cgiI: number, recordedOn: string, gaps: readonly Reason[]): DerivedOutcome {
  const { rules } = ctx;
  const p = rules.parameters;
  const band = cgiI <= p.cgiIResponseMax ? "response" : cgiI <= p.cgiIPartialMax ? "partial-response" : "non-response";
  // A rule set without a partial band (non-response reaches up to response, as in Rybak 2021)
  // reads "minimally improved" as non-response too.
  const category = band === "partial-response" && p.nonResponseBelowPercent >= p.responsePercent ? "non-response" : band;
  const rule = band === "response" ? "cgiIResponseMax" : "cgiIPartialMax";
  const measuredBeforeAdequacy = ctx.window.adequateFrom !== undefined && recordedOn < ctx.window.adequateFrom;
  const message = `${ctx.window.label}: ${category.replace("-", " ")} (CGI-I ${cgiI} as recorded${band === category ? "" : `; ${rules.name} has no partial band`})`;
  const compared = { value: cgiI, threshold: p[rule], unit: "points", comparison: band === "non-response" ? ">" : "<=", met: true } as const;
  return {
    outcome: { category, basis: "recorded-cgi-i", cgiI },
    measuredBeforeAdequacy,
    tachyphylaxis: false,
    reasons: [...gaps, reason(outcomeCode(category), "decision", message, [ctx.trialId], rule, rules.provenance[rule], compared), ...(measuredBeforeAdequacy ? [beforeAdequacy(ctx, "the recorded CGI-I", recordedOn)] : [])],
  };
}

/** Step 4: no outcome; the gaps say what is missing. */
function unknownOutcome(ctx: OutcomeContext, search: ScoreSearch, gaps: Reason[]): DerivedOutcome {
  const { rules, window, trialId } = ctx;
  if (!search.anyBaseline) gaps.push(reason("baseline_missing", ctx.gap, `${window.label}: no baseline score within ${rules.parameters.baselineWindowDays} days before the start`, [trialId], "baselineWindowDays", rules.provenance.baselineWindowDays));
  if (!search.anyEndpoint) gaps.push(reason("endpoint_missing", ctx.gap, `${window.label}: no score during the trial`, [trialId], "endpointGraceDays", rules.provenance.endpointGraceDays));
  gaps.push(reason("outcome_data_missing", ctx.gap, `${window.label}: outcome unknown (no recorded outcome and no baseline and endpoint on one scale)`, [trialId], "outcome"));
  return { outcome: { category: "unknown", basis: "none" }, measuredBeforeAdequacy: false, tachyphylaxis: false, reasons: gaps };
}

/**
 * Derives a trial's outcome. Order: a recorded percentage improvement; then scores on one scale
 * (baseline = last score on or before the start within the rule set's window; endpoint = last
 * score after the start up to the trial's end, or failing that the first within the grace period
 * after it); then a recorded CGI-I. A recorded outcome is dated by `assessedOn`, or else taken as
 * of the trial's end, and one dated after `asOf` is not used.
 * Remission is judged on the endpoint score; the other bands on the percentage change.
 */
export function deriveOutcome(trial: Pick<Trial, "id" | "outcome" | "end">, scores: ScoresByScale, window: OutcomeWindow, rules: RuleSet, gap: "data-gap" | "note" = "data-gap"): DerivedOutcome {
  const ctx: OutcomeContext = { trialId: trial.id, window, rules, gap };
  const gaps: Reason[] = [];
  let recorded: Recorded | undefined = trial.outcome;
  // An undated recorded outcome is the trial's result: known at its recorded end, not before.
  const recordedOn = recorded?.assessedOn ?? trial.end ?? window.end;
  if (recorded !== undefined && recordedOn > window.asOf) {
    gaps.push(reason("recorded_outcome_after_as_of", "note", `${window.label}: the recorded outcome (${recordedOn}) is after ${window.asOf} and was not used`, [trial.id], "asOf"));
    recorded = undefined;
  }
  if (recorded?.percentImprovement !== undefined) return fromRecordedPercent(ctx, recorded.percentImprovement, recordedOn, gaps);
  const search = searchScales(scores, ctx, gaps);
  if ("outcome" in search) return search;
  if (recorded?.cgiI !== undefined) return fromCgiI(ctx, recorded.cgiI, recordedOn, gaps);
  return unknownOutcome(ctx, search, gaps);
}
