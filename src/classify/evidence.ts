/**
 * The shapes of a classification's evidence: open questions, completeness and since-when. Kept
 * apart from the modules that compute them so that the result type can name them without a cycle.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";

/**
 * The three statuses. `no-response`: at least the required number of failed adequate trials
 * showed non-response. `partial-response`: enough failures, but improvement reached the partial
 * band. `not-yet-resistant`: anything else; the reasons say what is missing.
 *
 * @example
 * const s: TrdStatus = "not-yet-resistant";
 */
export type TrdStatus = "no-response" | "partial-response" | "not-yet-resistant";

/**
 * The kinds of open question.
 *
 * @example
 * OPEN_QUESTION_CODES.includes("outcome_not_recorded"); //=> true
 */
export const OPEN_QUESTION_CODES = /* @__PURE__ */ deepFreeze([
  "outcome_not_recorded",
  "dose_not_recorded",
  "dose_threshold_unknown",
  "agent_unknown",
  "weeks_short",
  "adherence_not_documented",
  "indication_not_recorded",
] as const);

/**
 * A kind of open question.
 *
 * @example
 * const code: OpenQuestionCode = "weeks_short";
 */
export type OpenQuestionCode = (typeof OPEN_QUESTION_CODES)[number];

/**
 * One open question: what is missing on which trial, the next step in words, and what the
 * status would become if it were resolved against the patient.
 *
 * @example
 * const q: OpenQuestion = {
 *   code: "outcome_not_recorded", trialId: "t2", message: "sertraline (t2): no outcome recorded; if non-response: no-response",
 *   ifResolved: { assuming: "non-response", status: "no-response" },
 * };
 */
export interface OpenQuestion {
  readonly code: OpenQuestionCode;
  readonly trialId: string;
  /** The next step, in a clinician's words. */
  readonly message: string;
  /** The status if the question is answered against the patient; absent when no answer could change it. */
  readonly ifResolved?: { readonly assuming: "non-response" | "adequate" | "all-open-trials-non-response" | "another-indication"; readonly status: TrdStatus };
}

/**
 * Whether the evidence is complete for the rule set, and the open questions.
 *
 * @example
 * const e: Evidence = { complete: true, openQuestions: [] };
 */
export interface Evidence {
  /** No trial that could count lacks an outcome, a dose, weeks, adherence (where required) or its agent. */
  readonly complete: boolean;
  readonly openQuestions: readonly OpenQuestion[];
  /** The status if every open trial turned out a failure with non-response (absent when that changes nothing). */
  readonly ifAllResolved?: TrdStatus;
}

/**
 * The event that made the history resistant: the deciding trial's endpoint score, the day its
 * weeks at the adequate dose were reached, its recorded outcome, or its end.
 *
 * @example
 * RESISTANT_SINCE_EVENTS.includes("endpoint-score"); //=> true
 */
export const RESISTANT_SINCE_EVENTS = /* @__PURE__ */ deepFreeze(["endpoint-score", "adequacy-reached", "recorded-outcome", "trial-end", "other"] as const);

/**
 * The first date the criteria were met, the deciding trial and the event.
 *
 * @example
 * const since: ResistantSince = { date: "2024-05-15", trialId: "t2", event: "endpoint-score" };
 */
export interface ResistantSince {
  readonly date: string;
  /** The trial whose failure completed the criteria on that date. */
  readonly trialId?: string;
  readonly event: (typeof RESISTANT_SINCE_EVENTS)[number];
}

