/**
 * CDS Hooks cards and a storable FHIR Observation from an assessment. Pure: no clock, no
 * randomness (card ids are derived from their content).
 *
 * @module
 */
import type { TrdAssessment } from "../classify/types";
import { SOURCES } from "../catalogue/sources";

/**
 * A CDS Hooks card (the fields this library fills).
 *
 * @example
 * const card: CdsCard = { uuid: "…", summary: "Not yet treatment-resistant", indicator: "info", detail: "…", source: { label: "trd-classifier" } };
 */
export interface CdsCard {
  /** Stable id, derived from the card's content. */
  readonly uuid: string;
  /** Under 140 characters. */
  readonly summary: string;
  /** `info` or `warning` (this library never raises `critical`). */
  readonly indicator: "info" | "warning" | "critical";
  /** GitHub-flavoured markdown: reasons, trials and sources. */
  readonly detail: string;
  /** Who says so: the library, the rule set and its citation. */
  readonly source: { readonly label: string; readonly url?: string; readonly topic?: { readonly system: string; readonly code: string; readonly display: string } };
}

/**
 * Options for {@link toCdsHooksCards}.
 *
 * @example
 * const o: CardOptions = { sourceUrl: "https://example.org/trd-classifier/docs" };
 */
export interface CardOptions {
  /** A link for the card's source (your documentation page). */
  readonly sourceUrl?: string;
}

/** FNV-1a over the text, formatted as a UUID (version 8, content-derived). */
function contentUuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const clip = (text: string, max = 139): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const cell = (text: string): string => text.replace(/\|/g, "\\|");

function summaryOf(a: TrdAssessment): string {
  const c = a.counts;
  const needed = a.reasons[0]?.compared?.threshold ?? 2;
  const text =
    a.status === "no-response"
      ? `Treatment-resistant depression: ${c.nonResponseFailures} failed adequate antidepressant trials with non-response`
      : a.status === "partial-response"
        ? `Partially responsive depression: ${c.failedAdequateTrials} failed adequate trial(s), improvement in the partial band`
        : `Not yet treatment-resistant: ${c.nonResponseFailures + c.partialResponseFailures} of ${needed} failed adequate trials`;
  return clip(a.applicable ? text : `Definition not applicable (bipolar disorder on record). ${text}`);
}

function detailOf(a: TrdAssessment): string {
  const lines = [`**${a.status}** as of ${a.asOf} under ${a.ruleSet.name} (v${a.ruleSet.version}).`, "", "**Why**", ""];
  for (const r of a.reasons) lines.push(`- ${r.message}${r.source === undefined ? "" : ` _(${r.source})_`}`);
  if (a.trials.length > 0) {
    lines.push("", "| trial | agent | dose reached / adequate | weeks at adequate dose | adherence | outcome | counts |", "|---|---|---|---|---|---|---|");
    for (const t of a.trials) {
      const dose = t.dose.status === "unknown" ? "unknown" : `${t.dose.reachedMgPerDay} / ${t.dose.thresholdMgPerDay} mg`;
      const adherence = typeof t.adherence.recorded === "number" ? `${Math.round(t.adherence.recorded * 100)}%` : (t.adherence.recorded ?? "not recorded");
      lines.push(`| ${cell(t.trialId)} | ${cell(t.drugName ?? t.agent.name ?? "?")} | ${dose} | ${t.duration.weeksAtAdequateDose} of ${t.duration.requiredWeeks} | ${adherence} | ${t.outcome.category} | ${t.countsTowardResistance ? "yes" : "no"} |`);
    }
  }
  lines.push("", `Source: ${SOURCES[a.ruleSet.source].title}. Drug catalogue ${a.catalogueVersion}.`);
  return lines.join("\n");
}

/**
 * Turns an assessment into CDS Hooks cards: one with the status (a `warning` for `no-response`,
 * `partial-response` or a definition that does not apply, else `info`), with the reasons and a
 * trial table in markdown; and, when pseudo-resistance is suspected, an `info` card listing its
 * signs. Each card's source names the rule set; its detail cites the rule set's source.
 *
 * @param assessment - `classifyTrd`'s result.
 * @param options - An optional source link.
 * @returns The cards, status card first.
 * @example
 * import { toCdsHooksCards } from "trd-classifier/fhir";
 * declare const assessment: import("trd-classifier").TrdAssessment;
 * const cards = toCdsHooksCards(assessment);
 * // respond to the hook with { cards }
 */
export function toCdsHooksCards(assessment: TrdAssessment, options: CardOptions = {}): CdsCard[] {
  const source = {
    label: clip(`trd-classifier: ${assessment.ruleSet.name} v${assessment.ruleSet.version}`, 100),
    ...(options.sourceUrl === undefined ? {} : { url: options.sourceUrl }),
  };
  const summary = summaryOf(assessment);
  const detail = detailOf(assessment);
  const indicator = assessment.status !== "not-yet-resistant" || !assessment.applicable ? "warning" : "info";
  const cards: CdsCard[] = [{ uuid: contentUuid(`status|${summary}|${detail}`), summary, indicator, detail, source }];
  const pseudo = assessment.flags.filter((f) => ["dose_inadequate", "duration_inadequate", "adherence_poor", "adherence_not_documented", "substance_use_on_record", "thyroid_disease_on_record", "psychotic_features_on_record"].includes(f.code));
  if (pseudo.length > 0) {
    const words = pseudo.map((f) => f.code.replace(/_/g, " "));
    const signs = assessment.trials.flatMap((t) => t.reasons).filter((r) => r.kind === "pseudo-resistance");
    const patientSigns = assessment.reasons.filter((r) => r.kind === "pseudo-resistance" && r.trialIds.length === 0);
    const pseudoDetail = ["Before calling this depression treatment-resistant, check:", "", ...[...signs, ...patientSigns].map((r) => `- ${r.message}`)].join("\n");
    const pseudoSummary = clip(`Possible pseudo-resistance: ${words.join(", ")}`);
    cards.push({ uuid: contentUuid(`pseudo|${pseudoSummary}|${pseudoDetail}`), summary: pseudoSummary, indicator: "info", detail: pseudoDetail, source });
  }
  return cards;
}

/**
 * A FHIR R4 Observation recording an assessment (the fields this library fills).
 *
 * @example
 * declare const o: TrdObservation;
 * console.log(o.valueCodeableConcept.coding[0]?.code);
 */
export interface TrdObservation {
  readonly resourceType: "Observation";
  readonly status: "final";
  readonly category: readonly { readonly text: string }[];
  readonly code: { readonly text: string };
  readonly subject?: { readonly reference: string };
  readonly effectiveDateTime: string;
  readonly valueCodeableConcept: { readonly coding: readonly { readonly system: string; readonly code: string; readonly display: string }[]; readonly text: string };
  readonly method: { readonly text: string };
  readonly component: readonly { readonly code: { readonly text: string }; readonly valueInteger: number }[];
  readonly note: readonly { readonly text: string }[];
}

/**
 * Turns an assessment into a FHIR R4 Observation an EHR can store: the status as a coded value
 * (system `urn:trd-classifier:trd-status`, as no standard code for TRD status was found), the
 * as-of date as its effective date, the rule set and catalogue versions as its method, the counts
 * as components, and the reasons as notes.
 *
 * @param assessment - `classifyTrd`'s result.
 * @param options - The subject reference (`Patient/123`).
 * @returns The Observation.
 * @example
 * import { toFhirObservation } from "trd-classifier/fhir";
 * declare const assessment: import("trd-classifier").TrdAssessment;
 * const observation = toFhirObservation(assessment, { subject: "Patient/123" });
 */
export function toFhirObservation(assessment: TrdAssessment, options: { readonly subject?: string } = {}): TrdObservation {
  const display = { "no-response": "Treatment-resistant depression (no response)", "partial-response": "Partially responsive depression", "not-yet-resistant": "Not yet treatment-resistant" }[assessment.status];
  const c = assessment.counts;
  return {
    resourceType: "Observation",
    status: "final",
    category: [{ text: "treatment-resistant depression assessment" }],
    code: { text: "Treatment-resistant depression status (trd-classifier)" },
    ...(options.subject === undefined ? {} : { subject: { reference: options.subject } }),
    effectiveDateTime: assessment.asOf,
    valueCodeableConcept: { coding: [{ system: "urn:trd-classifier:trd-status", code: assessment.status, display }], text: assessment.applicable ? display : `${display} (definition not applicable)` },
    method: { text: `${assessment.ruleSet.name} v${assessment.ruleSet.version} (${assessment.ruleSet.id}); catalogue ${assessment.catalogueVersion}` },
    component: [
      { code: { text: "adequate trials" }, valueInteger: c.adequateTrials },
      { code: { text: "failed adequate trials" }, valueInteger: c.failedAdequateTrials },
      { code: { text: "failures with non-response" }, valueInteger: c.nonResponseFailures },
      { code: { text: "failures with partial response" }, valueInteger: c.partialResponseFailures },
    ],
    note: assessment.reasons.map((r) => ({ text: r.message })),
  };
}
