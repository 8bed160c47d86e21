/**
 * The feedback endpoint's body (CDS Hooks, "Feedback"): `{ feedback: Feedback[] }`, checked
 * field by field. Error messages name the field, never its value.
 *
 * @module
 */

/** A coding, as in an override reason. */
export interface FeedbackCoding {
  readonly code: string;
  readonly system: string;
  readonly display?: string;
}

/** One feedback entry, as the CDS Client sent it (unknown fields dropped). */
export interface Feedback {
  /** The `card.uuid` from the response. */
  readonly card: string;
  readonly outcome: "accepted" | "overridden";
  /** ISO 8601 date-time with a time zone. */
  readonly outcomeTimestamp: string;
  readonly acceptedSuggestions?: readonly { readonly id: string }[];
  readonly overrideReason?: { readonly reason?: FeedbackCoding; readonly userComment?: string };
}

/** A feedback entry as stored: who sent it, and when it arrived. */
export interface FeedbackRecord extends Feedback {
  /** The `iss` of the CDS Client's token. */
  readonly iss: string;
  /** The token's `tenant`, if any. */
  readonly tenant?: string;
  /** When the service received it (ISO date-time, UTC). */
  readonly receivedAt: string;
}

const MAX_ENTRIES = 100;
const MAX_TEXT = 4000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isText = (x: unknown, max = 256): x is string => typeof x === "string" && x.length > 0 && x.length <= max;

class Invalid extends Error {}

function coding(x: unknown, at: string): FeedbackCoding {
  if (!isObject(x) || !isText(x["code"]) || !isText(x["system"], 1024)) throw new Invalid(`${at} must be a Coding with a code and a system`);
  if (x["display"] !== undefined && !isText(x["display"], MAX_TEXT)) throw new Invalid(`${at}.display must be a string`);
  return { code: x["code"], system: x["system"], ...(typeof x["display"] === "string" ? { display: x["display"] } : {}) };
}

function entry(x: unknown, at: string): Feedback {
  if (!isObject(x)) throw new Invalid(`${at} must be an object`);
  const { card, outcome, outcomeTimestamp, acceptedSuggestions, overrideReason } = x;
  if (!isText(card)) throw new Invalid(`${at}.card must be the card's uuid (a string)`);
  if (outcome !== "accepted" && outcome !== "overridden") throw new Invalid(`${at}.outcome must be "accepted" or "overridden"`);
  if (typeof outcomeTimestamp !== "string" || !TIMESTAMP.test(outcomeTimestamp) || Number.isNaN(Date.parse(outcomeTimestamp))) throw new Invalid(`${at}.outcomeTimestamp must be an ISO 8601 date-time with a time zone`);
  let suggestions: { id: string }[] | undefined;
  if (acceptedSuggestions !== undefined) {
    if (outcome !== "accepted") throw new Invalid(`${at}.acceptedSuggestions is only for an accepted outcome`);
    if (!Array.isArray(acceptedSuggestions) || acceptedSuggestions.length > MAX_ENTRIES) throw new Invalid(`${at}.acceptedSuggestions must be an array`);
    suggestions = acceptedSuggestions.map((s: unknown, i) => {
      if (!isObject(s) || !isText(s["id"])) throw new Invalid(`${at}.acceptedSuggestions[${i}].id must be a string`);
      return { id: s["id"] };
    });
  }
  let reason: Feedback["overrideReason"];
  if (overrideReason !== undefined) {
    if (outcome !== "overridden") throw new Invalid(`${at}.overrideReason is only for an overridden outcome`);
    if (!isObject(overrideReason)) throw new Invalid(`${at}.overrideReason must be an object`);
    const r = overrideReason["reason"];
    const comment = overrideReason["userComment"];
    if (comment !== undefined && !isText(comment, MAX_TEXT)) throw new Invalid(`${at}.overrideReason.userComment must be a string of at most ${MAX_TEXT} characters`);
    reason = { ...(r === undefined ? {} : { reason: coding(r, `${at}.overrideReason.reason`) }), ...(typeof comment === "string" ? { userComment: comment } : {}) };
  }
  return { card, outcome, outcomeTimestamp, ...(suggestions === undefined ? {} : { acceptedSuggestions: suggestions }), ...(reason === undefined ? {} : { overrideReason: reason }) };
}

/**
 * Reads a feedback request body. `acceptedSuggestions` is optional even for `accepted`: this
 * service's cards carry no suggestions, so there is nothing to name.
 */
export function readFeedback(body: unknown): { readonly ok: true; readonly feedback: readonly Feedback[] } | { readonly ok: false; readonly message: string } {
  try {
    if (!isObject(body) || !Array.isArray(body["feedback"])) throw new Invalid("the body must be an object with a feedback array");
    const list: unknown[] = body["feedback"];
    if (list.length === 0 || list.length > MAX_ENTRIES) throw new Invalid(`feedback must hold 1 to ${MAX_ENTRIES} entries`);
    return { ok: true, feedback: list.map((f, i) => entry(f, `feedback[${i}]`)) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * An in-memory feedback store, bounded: past `max` records the oldest are dropped. An example
 * only: nothing survives a restart.
 */
export function inMemoryFeedback(max = 1000): { readonly records: readonly FeedbackRecord[]; readonly add: (record: FeedbackRecord) => void } {
  const records: FeedbackRecord[] = [];
  return {
    records,
    add: (record) => {
      records.push(record);
      if (records.length > max) records.splice(0, records.length - max);
    },
  };
}

/**
 * Remembers which feedback was already passed on, so that a CDS Client sending the same
 * feedback again (the spec says it may) changes nothing: one record per issuer, card and
 * outcome. Bounded: past `max` keys the oldest are forgotten.
 */
export class FeedbackDeduper {
  private readonly seen = new Set<string>();
  constructor(private readonly max = 10_000) {}

  /** `true` the first time this issuer sends this outcome for this card. */
  isNew(iss: string, f: Feedback): boolean {
    const key = JSON.stringify([iss, f.card, f.outcome]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.max) {
      const oldest = this.seen.values().next();
      if (oldest.done !== true) this.seen.delete(oldest.value);
    }
    return true;
  }
}
