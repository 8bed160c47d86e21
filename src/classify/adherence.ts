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
export function assessAdherence(facts: TrialFacts, kinds: ReasonKinds): Step<AdherenceVerdict> {
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
