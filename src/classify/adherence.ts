/**
 * Verdict: was adherence to a trial adequate, poor, or not documented?
 *
 * @module
 */
import { reason } from "./reason";
import type { ReasonKinds, Step, TrialFacts } from "./trialFacts";
import type { AdherenceVerdict } from "./types";

/**
 * Assesses recorded adherence: a fraction against the rule set's minimum, or a clinician's "good"
 * or "poor"; anything else is not documented (a shortfall where the rule set requires it).
 */
export function assessAdherence(facts: TrialFacts, kinds: ReasonKinds, poorAdherenceDays = 0): Step<AdherenceVerdict> {
  const step = recordedAdherence(facts, kinds);
  const changes = facts.trial.adherenceChanges;
  if (changes === undefined) return step;
  const words = changes.map((c) => `${typeof c.adherence === "number" ? `${Math.round(c.adherence * 100)}%` : c.adherence} from ${c.from}`).join(", ");
  const note = reason("adherence_changed", poorAdherenceDays > 0 ? kinds.shortfall : "note", `${facts.label}: adherence changed (${words}); ${poorAdherenceDays} day(s) of poor adherence do not count toward the weeks at the adequate dose`, facts.ids, "adherenceChanges", facts.rules.provenance.minAdherenceFraction);
  // An adherent period is what counts: its days make the weeks at the adequate dose (poor days
  // are taken out there), so the trial's adherence is that period's; with none, the latest.
  const periods = changes.filter((c) => c.from <= facts.end).map((c) => recordedAdherence({ ...facts, trial: { ...facts.trial, adherence: c.adherence } }, kinds));
  const chosen = [step, ...periods].find((p) => p.verdict.status === "adequate") ?? periods.at(-1) ?? step;
  return { verdict: chosen.verdict, reasons: [...chosen.reasons, note] };
}

/** Adherence as recorded on the trial (one value for the whole trial). */
function recordedAdherence(facts: TrialFacts, kinds: ReasonKinds): Step<AdherenceVerdict> {
  const { rules, label, ids } = facts;
  const p = rules.parameters;
  const recorded = facts.trial.adherence;
  if (typeof recorded === "number") {
    const met = recorded >= p.minAdherenceFraction;
    const message = `${label}: adherence ${Math.round(recorded * 100)}%; ${Math.round(p.minAdherenceFraction * 100)}% needed`;
    const compared = { value: recorded, threshold: p.minAdherenceFraction, unit: "fraction", comparison: ">=", met } as const;
    return {
      verdict: { status: met ? "adequate" : "poor", recorded },
      reasons: [reason(met ? "adherence_adequate" : "adherence_poor", met ? "decision" : kinds.shortfall, message, ids, "minAdherenceFraction", rules.provenance.minAdherenceFraction, compared)],
    };
  }
  if (recorded === "good" || recorded === "poor") {
    const good = recorded === "good";
    return {
      verdict: { status: good ? "adequate" : "poor", recorded },
      reasons: [reason(good ? "adherence_adequate" : "adherence_poor", good ? "decision" : kinds.shortfall, `${label}: adherence recorded as ${recorded}`, ids, "minAdherenceFraction", rules.provenance.minAdherenceFraction)],
    };
  }
  const required = p.requireDocumentedAdherence;
  return {
    verdict: recorded === undefined ? { status: "unknown" } : { status: "unknown", recorded },
    reasons: [
      reason("adherence_not_documented", required ? kinds.shortfall : kinds.gap, `${label}: adherence not documented${required ? `; ${rules.name} requires it` : ""}`, ids, "requireDocumentedAdherence", rules.provenance.requireDocumentedAdherence),
    ],
  };
}
