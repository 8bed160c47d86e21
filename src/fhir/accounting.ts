/**
 * Every resource of the input ends in exactly one place: used, not relevant (counted by kind and
 * code, not one issue each), another patient's, or not used with an issue saying why. Messages
 * are this module's own words: input values (resource types, units, free text) travel in
 * separate fields that callers can log or drop.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import type { DoseProblem } from "./dose";
import type { Entry } from "./references";

/**
 * Why a resource, or part of one, was not used.
 *
 * @example
 * MAPPING_ISSUE_CODES.includes("entered_in_error"); //=> true
 */
export const MAPPING_ISSUE_CODES = [
  "not_a_resource",
  "malformed_resource",
  "patient_ambiguous",
  "patient_not_found",
  "entered_in_error",
  "status_excluded",
  "not_taken",
  "no_date",
  "partial_date",
  "no_medication",
  "medication_reference_unresolved",
  "combination_product_not_mapped",
  "rapid_acting_not_mapped",
  "dose_unknown",
  "superseded",
  "no_value",
  "value_not_an_integer",
  "score_out_of_range",
  "panel_incomplete",
  "record_invalid",
  "build_options_invalid",
  "episode_from_medications",
  "no_episode",
] as const;

/**
 * Why a resource, or part of one, was not used.
 *
 * @example
 * const code: MappingIssueCode = "dose_unknown";
 */
export type MappingIssueCode = (typeof MAPPING_ISSUE_CODES)[number];

/**
 * One mapping issue. `message` is fixed wording; `resourceType`, `id` and `input` come from the
 * input and are kept apart from it.
 *
 * @example
 * const issue: MappingIssue = { code: "dose_unknown", message: "the daily dose could not be computed: its unit is not one the adapter reads", resourceType: "MedicationRequest", id: "rx-1", problem: "unit_not_understood", input: { unit: "puff" } };
 */
export interface MappingIssue {
  readonly code: MappingIssueCode;
  readonly message: string;
  readonly resourceType?: string;
  readonly id?: string;
  /** For `dose_unknown`: why. */
  readonly problem?: DoseProblem;
  /** Input values behind the issue (a unit, a status), for logging; never part of `message`. */
  readonly input?: Readonly<Record<string, string>>;
}

/**
 * What the adapter decided where FHIR leaves room: a dose read from a sig, the end of an order
 * without a supply duration, an indication, a PHQ-9 total summed from its items.
 *
 * @example
 * DECISION_CODES.includes("dose_from_text"); //=> true
 */
export const DECISION_CODES = ["dose_from_text", "course_runs_to_next_record", "course_runs_to_as_of", "course_capped", "course_closed_default", "indication", "phq9_total_from_items", "phq9_total_from_panel"] as const;

/**
 * A decision's code.
 *
 * @example
 * const code: MappingDecisionCode = "course_capped";
 */
export type MappingDecisionCode = (typeof DECISION_CODES)[number];

/**
 * One decision, with the rule and source it applied; `input` holds the text it read.
 *
 * @example
 * const d: MappingDecision = { code: "dose_from_text", message: "daily dose 100 mg read from the free-text instruction", resource: "MedicationRequest/rx-1", rule: "sig", input: { text: "1 po qhs" } };
 */
export interface MappingDecision {
  readonly code: MappingDecisionCode;
  readonly message: string;
  /** `Type/id` of the resource concerned. */
  readonly resource?: string;
  readonly rule: string;
  readonly source?: SourceId;
  readonly verification?: Verification;
  readonly input?: Readonly<Record<string, string>>;
}

/**
 * What was not relevant, by kind.
 *
 * @example
 * NOT_RELEVANT_KINDS.includes("medication-not-antidepressant"); //=> true
 */
export const NOT_RELEVANT_KINDS = ["resource-type-not-read", "medication-not-antidepressant", "augmenting-agent-alone", "observation-not-a-depression-score", "condition-not-used", "medication-not-referenced"] as const;

/**
 * A kind of resource that does not bear on TRD.
 *
 * @example
 * const kind: NotRelevantKind = "medication-not-antidepressant";
 */
export type NotRelevantKind = (typeof NOT_RELEVANT_KINDS)[number];

/**
 * A count of not-relevant resources of one kind and (where coded) one code.
 *
 * @example
 * const c: NotRelevantCount = { kind: "medication-not-antidepressant", system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "313782", count: 1 };
 */
export interface NotRelevantCount {
  readonly kind: NotRelevantKind;
  /** The resource type (for `resource-type-not-read`) or the code system and code. */
  readonly resourceType?: string;
  readonly system?: string;
  readonly code?: string;
  readonly count: number;
}

/**
 * Where every resource of the input went.
 *
 * @example
 * declare const s: FhirReadSummary;
 * s.resources === s.used + s.notRelevant + s.otherPatient + s.notUsed; //=> true
 */
export interface FhirReadSummary {
  readonly resources: number;
  readonly used: number;
  readonly notRelevant: number;
  readonly otherPatient: number;
  /** Resources not used, each with at least one issue. */
  readonly notUsed: number;
  /** Relevant medication records whose daily dose stayed unknown. */
  readonly doseUnknown: number;
  /** The not-relevant resources, counted by kind and code. */
  readonly notRelevantCounts: readonly NotRelevantCount[];
}

type Disposition = "used" | "not-used" | "other-patient" | "not-relevant";
const RANK: Readonly<Record<Disposition, number>> = { used: 3, "not-used": 2, "other-patient": 1, "not-relevant": 0 };

/** The running ledger of one {@link fromFhir} call (internal). */
export class Accounting {
  readonly issues: MappingIssue[] = [];
  readonly decisions: MappingDecision[] = [];
  readonly #disposition = new Map<number, Disposition>();
  readonly #notRelevant = new Map<string, NotRelevantCount>();
  readonly #used = new Set<string>();
  #doseUnknown = 0;

  constructor(readonly total: number) {}

  #set(entry: Entry, disposition: Disposition): void {
    const now = this.#disposition.get(entry.position);
    if (now === undefined || RANK[disposition] > RANK[now]) this.#disposition.set(entry.position, disposition);
  }

  use(entry: Entry): void {
    this.#set(entry, "used");
    this.#used.add(`${entry.type}/${entry.id ?? `#${entry.position}`}`);
  }

  otherPatient(entry: Entry): void {
    this.#set(entry, "other-patient");
  }

  notRelevant(entry: Entry, kind: NotRelevantKind, coding?: { readonly system?: string | undefined; readonly code?: string | undefined }): void {
    this.#set(entry, "not-relevant");
    const what = kind === "resource-type-not-read" ? { resourceType: entry.type } : { ...(coding?.system === undefined ? {} : { system: coding.system }), ...(coding?.code === undefined ? {} : { code: coding.code }) };
    const key = JSON.stringify([kind, what]);
    const was = this.#notRelevant.get(key);
    this.#notRelevant.set(key, { kind, ...what, count: (was?.count ?? 0) + 1 });
  }

  issue(entry: Entry | undefined, code: MappingIssueCode, message: string, extra: Pick<MappingIssue, "problem" | "input"> = {}): void {
    if (entry !== undefined) this.#set(entry, "not-used");
    if (code === "dose_unknown") this.#doseUnknown++;
    this.issues.push({ code, message, ...(entry === undefined ? {} : { resourceType: entry.type, ...(entry.id === undefined ? {} : { id: entry.id }) }), ...extra });
  }

  decide(decision: MappingDecision): void {
    this.decisions.push(decision);
  }

  /** The resources that contributed, as `Type/id` (or `Type/#position` without an id), sorted. */
  used(): readonly string[] {
    return [...this.#used].sort();
  }

  summary(): FhirReadSummary {
    const counts = { used: 0, "not-used": 0, "other-patient": 0, "not-relevant": 0 };
    for (const d of this.#disposition.values()) counts[d]++;
    const notRelevantCounts = [...this.#notRelevant.values()].sort((a, b) => b.count - a.count || JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return { resources: this.total, used: counts.used, notRelevant: counts["not-relevant"], otherPatient: counts["other-patient"], notUsed: counts["not-used"], doseUnknown: this.#doseUnknown, notRelevantCounts };
  }
}
