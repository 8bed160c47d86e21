/**
 * CDS Hooks cards from an assessment. Pure: no clock, no randomness; each card's uuid is derived
 * from the hook instance, the patient and the card's content, so it is unique per hook call and
 * per patient, and the same call gives the same cards.
 *
 * @module
 */
import type { PseudoResistanceFlagCode } from "../classify/reasonCodes";
import type { TrdAssessment } from "../classify/types";
import { RULE_SET_SOURCE_TITLES, isRuleSetSourceId } from "../catalogue/ruleSetSourceTitles";
import { isSourceId } from "../catalogue/sourceIds";
import type { SourceId } from "../catalogue/sourceIds";
import type { FhirReadSummary, MappingIssue, MappingIssueCode } from "./accounting";
import { cardUuid } from "./cardId";
import { isObject } from "./json";
import type { JsonObject } from "./json";

/**
 * A CDS Hooks card (the fields this library fills).
 *
 * @example
 * const card: CdsCard = { uuid: "3f0c…", summary: "Not yet treatment-resistant: 1 of 2 failed adequate trials", indicator: "info", detail: "…", source: { label: "trd-classifier: EU-PEARL 2022 v1.0.0" } };
 */
export interface CdsCard {
  /** Unique per hook instance, patient and content; echoed by the EHR to the feedback endpoint. */
  readonly uuid: string;
  /** Under 140 characters. */
  readonly summary: string;
  /** `info` or `warning` (this library never raises `critical`). */
  readonly indicator: "info" | "warning" | "critical";
  /** GitHub-flavoured markdown, bounded in size. */
  readonly detail: string;
  /** Who says so: the library and the rule set. */
  readonly source: { readonly label: string; readonly url?: string };
  /** Links for the clinician (the status card's link to the patient's timeline, when given one). */
  readonly links?: readonly CdsLink[];
}

/**
 * A CDS Hooks card link.
 *
 * @example
 * const link: CdsLink = { label: "Treatment timeline", url: "https://cds.example.org/cds-services/trd-status/timeline/4c1e…", type: "absolute" };
 */
export interface CdsLink {
  readonly label: string;
  readonly url: string;
  /** `absolute`: a page the EHR opens as it is (never a SMART app launch here). */
  readonly type: "absolute";
}

/**
 * What {@link toCdsHooksCards} needs of `fromFhir`'s result for its data-quality card.
 *
 * @example
 * declare const mapped: import("trd-classifier/fhir").FromFhirResult;
 * const forCards: MappingForCards = mapped;
 */
export interface MappingForCards {
  readonly summary: FhirReadSummary;
  readonly issues: readonly MappingIssue[];
  readonly history: {
    readonly trials?: readonly unknown[] | undefined;
    readonly assessments?: readonly unknown[] | undefined;
    readonly patient?: { readonly diagnoses?: readonly { readonly condition: string }[] | undefined } | undefined;
  };
}

/**
 * Options for {@link toCdsHooksCards}.
 *
 * @example
 * const o: CardOptions = { hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", patient: "Patient/123", sourceUrl: "https://example.org/trd-classifier/docs" };
 */
export interface CardOptions {
  /** The CDS Hooks request's `hookInstance`: makes card uuids unique per call. */
  readonly hookInstance?: string;
  /** The patient (id or reference): makes card uuids unique per patient. */
  readonly patient?: string;
  /** `fromFhir`'s result: adds a data-quality card, and says so when the record holds no depression data. */
  readonly mapping?: MappingForCards;
  /** A link for the cards' source (your documentation page). */
  readonly sourceUrl?: string;
  /** Trials shown in the table at most (the latest; default 20). */
  readonly maxTrials?: number;
  /** An absolute http(s) URL of the patient's treatment timeline (from `renderTimeline`): the status card links to it. */
  readonly timelineUrl?: string;
}

const MAX_DETAIL = 8000;
const MAX_REASONS = 25;
/** The flags the pseudo-resistance card lists: what to check before calling it resistant (data gaps and bipolar disorder are said elsewhere). */
const PSEUDO_CODES: ReadonlySet<PseudoResistanceFlagCode> = new Set<PseudoResistanceFlagCode>(["dose_inadequate", "duration_inadequate", "adherence_poor", "adherence_not_documented", "substance_use_on_record", "thyroid_disease_on_record", "psychotic_features_on_record"]);

const clip = (text: string, max = 139): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const cell = (text: string): string => text.replace(/\|/g, "\\|");
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const bounded = (lines: readonly string[]): string => {
  const text = lines.join("\n");
  return text.length <= MAX_DETAIL ? text : `${text.slice(0, MAX_DETAIL - 40)}\n\n… (detail shortened)`;
};

function neededTrials(a: TrdAssessment): number {
  return a.ruleSet.parameters.minFailedTrials;
}

function summaryOf(a: TrdAssessment): string {
  const c = a.counts;
  const text =
    a.status === "no-response"
      ? `Treatment-resistant depression: ${c.nonResponseFailures} failed adequate antidepressant trials with non-response`
      : a.status === "partial-response"
        ? `Partially responsive depression: ${plural(c.failedAdequateTrials, "failed adequate trial")}, improvement in the partial band`
        : `Not yet treatment-resistant: ${c.nonResponseFailures + c.partialResponseFailures} of ${neededTrials(a)} failed adequate trials${a.evidence.openQuestions.some((q) => q.ifResolved !== undefined) ? "; evidence incomplete" : ""}`;
  return clip(a.applicable ? text : `Not applicable (bipolar disorder on record). ${text}`);
}

function trialTable(a: TrdAssessment, max: number): string[] {
  if (a.trials.length === 0) return [];
  const shown = a.trials.slice(-max);
  const lines = ["", "| trial | agent | dose reached / adequate | weeks at adequate dose | adherence | outcome | counts |", "|---|---|---|---|---|---|---|"];
  for (const t of shown) {
    const dose = t.dose.status === "unknown" ? "unknown" : "basis" in t.dose ? `${t.dose.reachedMmolPerL} / ${t.dose.thresholdMmolPerL} mmol/L` : `${t.dose.reachedMgPerDay} / ${t.dose.thresholdMgPerDay} mg`;
    const adherence = typeof t.adherence.recorded === "number" ? `${Math.round(t.adherence.recorded * 100)}%` : (t.adherence.recorded ?? "not documented");
    lines.push(`| ${cell(t.trialId)} | ${cell(t.drugName ?? t.agent.name ?? "?")} | ${dose} | ${t.duration.weeksAtAdequateDose} of ${t.duration.requiredWeeks} | ${adherence} | ${t.outcome.category} | ${t.countsTowardResistance ? "yes" : "no"} |`);
  }
  if (a.trials.length > shown.length) lines.push("", `${plural(a.trials.length - shown.length, "earlier trial")} not shown.`);
  return lines;
}

/** The next steps: what is missing and what it would change, or that the evidence is complete. */
function evidenceLines(a: TrdAssessment): string[] {
  const e = a.evidence;
  if (e.complete && e.openQuestions.length === 0) return ["", "Evidence complete for this rule set."];
  const lines = ["", `**What is missing${e.ifAllResolved === undefined ? "" : ` (if every open trial failed: ${e.ifAllResolved})`}**`, ""];
  for (const q of e.openQuestions.slice(0, MAX_REASONS)) lines.push(`- ${q.message}`);
  return lines;
}

/**
 * The rule set's source as the card names it: its title for a built-in rule set's own source,
 * else its id pointing to `SOURCES` (so that the cards do not carry every source's title).
 */
function sourceName(id: SourceId): string {
  return isRuleSetSourceId(id) ? RULE_SET_SOURCE_TITLES[id] : `${id} (see SOURCES)`;
}

function detailOf(a: TrdAssessment, max: number): string {
  const since = a.resistantSince === undefined ? "" : ` Criteria met since ${a.resistantSince.date}.`;
  const lines = [`**${a.applicable ? a.status : `not applicable (${a.status})`}** as of ${a.asOf} under ${a.ruleSet.name} (v${a.ruleSet.version}).${since}`, ...evidenceLines(a), "", "**Why**", ""];
  for (const r of a.reasons.slice(0, MAX_REASONS)) lines.push(`- ${r.message}${r.source === undefined ? "" : ` _(${r.source})_`}`);
  if (a.reasons.length > MAX_REASONS) lines.push(`- … ${plural(a.reasons.length - MAX_REASONS, "more reason")}`);
  lines.push(...trialTable(a, max), "", `Source: ${sourceName(a.ruleSet.source)}. Drug catalogue ${a.catalogueVersion}.`);
  return bounded(lines);
}

const ISSUE_WORDS: Partial<Record<MappingIssueCode, readonly [string, string]>> = {
  dose_unknown: ["medication record with unknown dose", "medication records with unknown dose"],
  superseded: ["order or statement left out because dispenses were used", "orders or statements left out because dispenses were used"],
  entered_in_error: ["record entered in error", "records entered in error"],
  status_excluded: ["record not final, completed or carried out", "records not final, completed or carried out"],
  no_date: ["record without a whole date", "records without a whole date"],
  medication_reference_unresolved: ["medication that could not be identified", "medications that could not be identified"],
  combination_product_not_mapped: ["combination product not mapped", "combination products not mapped"],
  rapid_acting_not_mapped: ["rapid-acting agent (record under other treatments)", "rapid-acting agents (record under other treatments)"],
  panel_incomplete: ["incomplete PHQ-9 panel", "incomplete PHQ-9 panels"],
  build_options_invalid: ["medication record not used because the trial-building options were invalid", "medication records not used because the trial-building options were invalid"],
};

/** The data-quality lines: where the record's resources went. */
function qualityLines(m: MappingForCards): string[] {
  const s = m.summary;
  const byKind = (kind: string): number => s.notRelevantCounts.filter((c) => c.kind === kind).reduce((n, c) => n + c.count, 0);
  const lines = [`- ${plural(s.resources, "resource")} read: ${s.used} used, ${s.notRelevant} not relevant to depression treatment, ${s.notUsed} not usable${s.otherPatient > 0 ? `, ${s.otherPatient} of another patient` : ""}.`];
  const meds = byKind("medication-not-antidepressant") + byKind("augmenting-agent-alone");
  if (meds > 0) lines.push(`- ${plural(meds, "medication record")} of drugs that are not antidepressants (or augmenting agents without one).`);
  const counts = new Map<MappingIssueCode, number>();
  for (const i of m.issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  for (const [code, n] of counts) {
    const words = ISSUE_WORDS[code];
    if (words !== undefined) lines.push(`- ${n} ${n === 1 ? words[0] : words[1]}.`);
  }
  return lines;
}

const FOR_DEPRESSION: ReadonlySet<unknown> = new Set([undefined, "depression", "not-recorded", "not-recognised"]);

/** A depression diagnosis, a score, or a trial not recorded as given for another condition. */
function hasDepressionData(m: MappingForCards): boolean {
  const h = m.history;
  const trials = (h.trials ?? []).filter((t) => FOR_DEPRESSION.has(isObject(t) ? t["indication"] : undefined));
  return trials.length > 0 || (h.assessments?.length ?? 0) > 0 || (h.patient?.diagnoses ?? []).some((d) => d.condition === "major-depressive-disorder" || d.condition === "bipolar-disorder");
}

const isText = (x: unknown): x is string => typeof x === "string";
const isCount = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const optional = (x: unknown, is: (y: unknown) => boolean): boolean => x === undefined || is(x);
const allOf = (x: unknown, is: (y: JsonObject) => boolean): boolean => Array.isArray(x) && x.every((y) => isObject(y) && is(y));
const STATUSES: ReadonlySet<unknown> = new Set(["no-response", "partial-response", "not-yet-resistant"]);

function isReason(r: JsonObject): boolean {
  return isText(r["message"]) && isText(r["kind"]) && optional(r["source"], isText) && Array.isArray(r["trialIds"]);
}

function isDose(d: unknown): boolean {
  if (!isObject(d) || !isText(d["status"])) return false;
  if (d["status"] === "unknown") return true;
  return "basis" in d ? isCount(d["reachedMmolPerL"]) && isCount(d["thresholdMmolPerL"]) : isCount(d["reachedMgPerDay"]) && isCount(d["thresholdMgPerDay"]);
}

function isTrial(t: JsonObject): boolean {
  const { agent, adherence, duration, outcome } = t;
  return (
    isText(t["trialId"]) &&
    optional(t["drugName"], isText) &&
    isObject(agent) &&
    optional(agent["name"], isText) &&
    isDose(t["dose"]) &&
    isObject(adherence) &&
    optional(adherence["recorded"], (x) => isCount(x) || isText(x)) &&
    isObject(duration) &&
    isCount(duration["weeksAtAdequateDose"]) &&
    isCount(duration["requiredWeeks"]) &&
    isObject(outcome) &&
    isText(outcome["category"]) &&
    typeof t["countsTowardResistance"] === "boolean" &&
    allOf(t["reasons"], isReason)
  );
}

/** Whether every field the cards read has its documented type (the closed vocabularies included). */
function isAssessment(a: unknown): a is TrdAssessment {
  if (!isObject(a) || !STATUSES.has(a["status"]) || typeof a["applicable"] !== "boolean" || !isText(a["asOf"]) || !isText(a["catalogueVersion"])) return false;
  const { counts, ruleSet, evidence, resistantSince } = a;
  const parameters = isObject(ruleSet) ? ruleSet["parameters"] : undefined;
  return (
    isObject(counts) &&
    ["nonResponseFailures", "partialResponseFailures", "failedAdequateTrials"].every((k) => isCount(counts[k])) &&
    isObject(ruleSet) &&
    isText(ruleSet["name"]) &&
    isText(ruleSet["version"]) &&
    isText(ruleSet["source"]) &&
    isSourceId(ruleSet["source"]) &&
    isObject(parameters) &&
    isCount(parameters["minFailedTrials"]) &&
    isObject(evidence) &&
    typeof evidence["complete"] === "boolean" &&
    optional(evidence["ifAllResolved"], isText) &&
    allOf(evidence["openQuestions"], (q) => isText(q["message"])) &&
    optional(resistantSince, (r) => isObject(r) && isText(r["date"])) &&
    allOf(a["trials"], isTrial) &&
    allOf(a["reasons"], isReason) &&
    allOf(a["flags"], (f) => isText(f["code"]))
  );
}

/** Whether `fromFhir`'s result has the fields the data-quality lines read. */
function isMapping(m: unknown): m is MappingForCards {
  if (!isObject(m) || !isObject(m["summary"]) || !isObject(m["history"])) return false;
  const { summary: s, history: h } = m;
  return (
    ["resources", "used", "notRelevant", "notUsed", "otherPatient", "doseUnknown"].every((k) => isCount(s[k])) &&
    allOf(s["notRelevantCounts"], (c) => isText(c["kind"]) && isCount(c["count"])) &&
    allOf(m["issues"], (i) => isText(i["code"])) &&
    optional(h["trials"], Array.isArray) &&
    optional(h["assessments"], Array.isArray) &&
    optional(h["patient"], (p) => isObject(p) && optional(p["diagnoses"], (d) => allOf(d, () => true)))
  );
}

/**
 * Turns an assessment into CDS Hooks cards, status card first: the status (a `warning` for
 * `no-response`, `partial-response` or a definition that does not apply, else `info`), with the
 * reasons, a trial table and the rule set's source (by its title when it is a built-in rule
 * set's own source, else by its id, e.g. `Source: trivedi-2006 (see SOURCES)`, so that the cards
 * do not carry every source's title); an `info` card listing signs of pseudo-resistance when
 * there are any; and, given `fromFhir`'s result, a data-quality card saying where the record's
 * resources went. A record with no depression data at all gets one card saying so instead of a
 * status. Never throws, whatever it is given: an `assessment` that is not one (any field the
 * cards read missing or of the wrong type, a rule set's source that is not a `SourceId`), or an
 * `options.mapping` that is not `fromFhir`'s result, gets one `info` card saying the status is
 * unavailable and which of the two could not be read. Other options of the wrong type
 * (`hookInstance`, `patient`, `sourceUrl` not strings, `maxTrials` not a whole number of at
 * least 1) are ignored.
 *
 * @param assessment - `classifyTrd`'s result.
 * @param options - The hook instance and patient (for unique uuids), `fromFhir`'s result, a source link, a timeline link.
 * @returns The cards.
 * @example
 * import { toCdsHooksCards } from "trd-classifier/fhir";
 * declare const assessment: import("trd-classifier").TrdAssessment;
 * const cards = toCdsHooksCards(assessment, { hookInstance: "d1577c69-…", patient: "Patient/123" });
 * cards[0]?.summary; //=> "Not yet treatment-resistant: 1 of 2 failed adequate trials"
 */
export function toCdsHooksCards(assessment: TrdAssessment, options: CardOptions = {}): CdsCard[] {
  try {
    return cardsOf(assessment, options);
  } catch {
    // Only exotic values (a getter that throws, a revoked proxy) reach here.
    return [unavailableCard({}, "The classifier's result or the options could not be read.")];
  }
}

/** The card that says the status is unavailable, and why. */
function unavailableCard(o: CardOptions, detail: string): CdsCard {
  const summary = "TRD status unavailable: the assessment could not be read";
  const uuid = cardUuid([typeof o.hookInstance === "string" ? o.hookInstance : "", typeof o.patient === "string" ? o.patient : "", "unavailable", summary, detail]);
  return { uuid, summary, indicator: "info", detail, source: { label: "trd-classifier", ...(typeof o.sourceUrl === "string" ? { url: o.sourceUrl } : {}) } };
}

/** {@link toCdsHooksCards}, which catches what an exotic value raises. */
function cardsOf(assessment: unknown, options: unknown): CdsCard[] {
  const o: CardOptions = isObject(options) ? options : {};
  if (!isAssessment(assessment)) return [unavailableCard(o, "The classifier's result was missing or malformed.")];
  if (o.mapping !== undefined && !isMapping(o.mapping)) return [unavailableCard(o, "The FHIR mapping given in options.mapping was malformed.")];
  const maxTrials = typeof o.maxTrials === "number" && Number.isInteger(o.maxTrials) && o.maxTrials >= 1 ? o.maxTrials : 20;
  const id = (kind: string, summary: string, detail: string): string => cardUuid([typeof o.hookInstance === "string" ? o.hookInstance : "", typeof o.patient === "string" ? o.patient : "", kind, summary, detail]);
  const label = clip(`trd-classifier: ${assessment.ruleSet.name} v${assessment.ruleSet.version}`, 100);
  const source = { label, ...(typeof o.sourceUrl === "string" ? { url: o.sourceUrl } : {}) };
  const card = (kind: string, summary: string, indicator: CdsCard["indicator"], detail: string): CdsCard => ({ uuid: id(kind, summary, detail), summary, indicator, detail, source });
  const quality = o.mapping === undefined ? [] : qualityLines(o.mapping);
  if (o.mapping !== undefined && !hasDepressionData(o.mapping)) {
    return [card("no-data", "No depression diagnosis, antidepressant or depression score in this record: TRD status not assessed", "info", bounded(["**Record read**", "", ...quality]))];
  }
  const status = card("status", summaryOf(assessment), assessment.status !== "not-yet-resistant" || !assessment.applicable ? "warning" : "info", detailOf(assessment, maxTrials));
  const timeline = typeof o.timelineUrl === "string" && /^https?:\/\/[^\s]+$/i.test(o.timelineUrl) ? o.timelineUrl : undefined;
  const cards: CdsCard[] = [timeline === undefined ? status : { ...status, links: [{ label: "Treatment timeline", url: timeline, type: "absolute" }] }];
  const pseudo = assessment.flags.filter((f) => PSEUDO_CODES.has(f.code));
  if (pseudo.length > 0) {
    const signs = [...assessment.trials.flatMap((t) => t.reasons), ...assessment.reasons.filter((r) => r.trialIds.length === 0)].filter((r) => r.kind === "pseudo-resistance");
    const summary = clip(`Possible pseudo-resistance: ${[...new Set(pseudo.map((f) => f.code.replace(/_/g, " ")))].join(", ")}`);
    cards.push(card("pseudo", summary, "info", bounded(["Before calling this depression treatment-resistant, check:", "", ...signs.slice(0, MAX_REASONS).map((r) => `- ${r.message}`)])));
  }
  if (o.mapping !== undefined && o.mapping.summary.used < o.mapping.summary.resources) {
    const s = o.mapping.summary;
    cards.push(card("quality", clip(`Record read: ${plural(s.resources, "resource")}, ${s.used} used${s.doseUnknown > 0 ? `, ${plural(s.doseUnknown, "dose")} unknown` : ""}`), "info", bounded(["**Record read**", "", ...quality])));
  }
  return cards;
}
