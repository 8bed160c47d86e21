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
  return reason(code, "decision", `${label}: ${category.replace("-", " ")} (${detail})`, [trialId], rule, rules.provenance[rule], compared);
}

/**
 * Derives a trial's outcome. Order: a recorded percentage improvement; then scores on one scale
 * (baseline = last score on or before the start within the rule set's window; endpoint = last
 * score after the start up to the trial's end, or failing that the first within the grace period
 * after it); then a recorded CGI-I.
 * Remission is judged on the endpoint score; the other bands on the percentage change.
 */
export function deriveOutcome(trial: Pick<Trial, "id" | "outcome">, scores: ScoresByScale, window: OutcomeWindow, rules: RuleSet): DerivedOutcome {
  const p = rules.parameters;
  const { label } = window;
  const gaps: Reason[] = [];
  // A recorded outcome is dated by assessedOn, or else taken as of the trial's end.
  let recorded = trial.outcome;
  const recordedOn = recorded?.assessedOn ?? window.end;
  if (recorded !== undefined && recordedOn > window.asOf) {
    gaps.push(reason("recorded_outcome_after_as_of", "note", `${label}: the recorded outcome (${recordedOn}) is after ${window.asOf} and was not used`, [trial.id], "asOf"));
    recorded = undefined;
  }
  const recordedBeforeAdequacy = window.adequateFrom !== undefined && recordedOn < window.adequateFrom;
  const beforeAdequacyReason = (what: string): Reason =>
    reason(
      "endpoint_before_adequacy",
      "data-gap",
      `${label}: ${what} (${recordedOn}) predates ${window.adequateFrom ?? ""}, when the trial became adequate, so it cannot show failure of an adequate trial`,
      [trial.id],
      "minWeeksAtAdequateDose",
    );
  if (recorded?.percentImprovement !== undefined) {
    const category = categoriseImprovement(recorded.percentImprovement, p);
    return {
      outcome: { category, basis: "recorded-percent", percentImprovement: recorded.percentImprovement },
      measuredBeforeAdequacy: recordedBeforeAdequacy,
      tachyphylaxis: false,
      reasons: [
        ...gaps,
        outcomeReason(category, label, `${recorded.percentImprovement}% improvement as recorded`, trial.id, rules, recorded.percentImprovement),
        ...(recordedBeforeAdequacy ? [beforeAdequacyReason("the recorded outcome")] : []),
      ],
    };
  }

  const baselineFrom = addDays(window.start, -p.baselineWindowDays);
  const endpointTo = minDate(addDays(window.end, p.endpointGraceDays), window.asOf);
  let anyBaseline = false;
  let anyEndpoint = false;
  for (const scale of SCALE_PREFERENCE) {
    const list = scores.get(scale);
    if (list === undefined) continue;
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
    anyBaseline ||= baseline !== undefined;
    anyEndpoint ||= endpoint !== undefined;
    if (baseline === undefined || endpoint === undefined) continue;
    const percent = percentImprovement(baseline.total, endpoint.total);
    if (percent === undefined) {
      gaps.push(reason("baseline_zero", "data-gap", `${label}: the ${scale} baseline is 0, so no improvement can be measured`, [trial.id], "percentImprovement"));
      continue;
    }
    const band = categoriseImprovement(percent, p);
    const remission = REMISSION_THRESHOLDS[scale];
    const category: Exclude<OutcomeCategory, "unknown"> = endpoint.total <= remission.maxTotal ? "remission" : band;
    const detail = `${scale} ${baseline.total} on ${baseline.date} to ${endpoint.total} on ${endpoint.date}, ${percent}% improvement`;
    const reasons: Reason[] = [
      category === "remission"
        ? reason("outcome_remission", "decision", `${label}: remission (${detail}; at or below the ${scale} remission cut-off of ${remission.maxTotal})`, [trial.id], `remission:${scale}`, remission, {
            value: endpoint.total,
            threshold: remission.maxTotal,
            unit: "points",
            comparison: "<=",
            met: true,
          })
        : outcomeReason(category, label, detail, trial.id, rules, percent),
    ];
    const measuredBeforeAdequacy = window.adequateFrom !== undefined && endpoint.date < window.adequateFrom;
    if (measuredBeforeAdequacy) {
      reasons.push(
        reason("endpoint_before_adequacy", "data-gap", `${label}: the last ${scale} score (${endpoint.date}) predates ${window.adequateFrom ?? ""}, when the trial became adequate, so it cannot show failure of an adequate trial`, [trial.id], "minWeeksAtAdequateDose"),
      );
    }
    let tachyphylaxis = false;
    if (category !== "response" && category !== "remission") {
      const endpointDose = window.doseOn(endpoint.date);
      for (const a of list) {
        if (a.date <= baseline.date || a.date >= endpoint.date) continue;
        const earlier = percentImprovement(baseline.total, a.total);
        if (earlier !== undefined && earlier >= p.responsePercent && endpointDose !== undefined && window.doseOn(a.date) === endpointDose) {
          tachyphylaxis = true;
          reasons.push(
            reason(
              "tachyphylaxis",
              "decision",
              `${label}: responded (${scale} ${a.total} on ${a.date}, ${earlier}% improvement) and lost the response at the same dose; ${p.tachyphylaxisCountsAsFailure ? "counted" : "not counted"} as a failure`,
              [trial.id],
              "tachyphylaxisCountsAsFailure",
              rules.provenance.tachyphylaxisCountsAsFailure,
            ),
          );
          break;
        }
      }
    }
    return {
      outcome: { category, basis: "scores", scale, baseline: { date: baseline.date, total: baseline.total }, endpoint: { date: endpoint.date, total: endpoint.total }, percentImprovement: percent },
      measuredBeforeAdequacy,
      tachyphylaxis,
      reasons: gaps.length === 0 ? reasons : [...gaps, ...reasons],
    };
  }

  if (recorded?.cgiI !== undefined) {
    const band = recorded.cgiI <= p.cgiIResponseMax ? "response" : recorded.cgiI <= p.cgiIPartialMax ? "partial-response" : "non-response";
    // A rule set without a partial band (non-response reaches up to response, as in Rybak 2021)
    // reads "minimally improved" as non-response too.
    const category = band === "partial-response" && p.nonResponseBelowPercent >= p.responsePercent ? "non-response" : band;
    const rule = band === "response" ? "cgiIResponseMax" : "cgiIPartialMax";
    return {
      outcome: { category, basis: "recorded-cgi-i", cgiI: recorded.cgiI },
      measuredBeforeAdequacy: recordedBeforeAdequacy,
      tachyphylaxis: false,
      reasons: [
        ...gaps,
        reason(
          outcomeCode(category),
          "decision",
          `${label}: ${category.replace("-", " ")} (CGI-I ${recorded.cgiI} as recorded${band === category ? "" : `; ${rules.name} has no partial band`})`,
          [trial.id],
          rule,
          rules.provenance[rule],
          { value: recorded.cgiI, threshold: p[rule], unit: "points", comparison: band === "non-response" ? ">" : "<=", met: true },
        ),
        ...(recordedBeforeAdequacy ? [beforeAdequacyReason("the recorded CGI-I")] : []),
      ],
    };
  }

  if (!anyBaseline) gaps.push(reason("baseline_missing", "data-gap", `${label}: no baseline score within ${p.baselineWindowDays} days before the start`, [trial.id], "baselineWindowDays", rules.provenance.baselineWindowDays));
  if (!anyEndpoint) gaps.push(reason("endpoint_missing", "data-gap", `${label}: no score during the trial`, [trial.id], "endpointGraceDays", rules.provenance.endpointGraceDays));
  gaps.push(reason("outcome_data_missing", "data-gap", `${label}: outcome unknown (no recorded outcome and no baseline and endpoint on one scale)`, [trial.id], "outcome"));
  return { outcome: { category: "unknown", basis: "none" }, measuredBeforeAdequacy: false, tachyphylaxis: false, reasons: gaps };
}
