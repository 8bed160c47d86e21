/**
 * The timelines the cards link to. A card link is opened by the clinician's browser, which holds
 * no CDS Client token, so each timeline is served at a capability URL: an unguessable random
 * token (122 bits), valid for a short time (default 15 minutes), kept in memory only, a bounded
 * number at a time (the oldest go first). Served with `no-store` and a content security policy
 * that allows nothing to load or run.
 */
import { randomUUID } from "node:crypto";

/** Options of the store. */
export interface TimelineStoreOptions {
  /** How long a link works, in milliseconds (default 15 minutes). */
  readonly ttlMs?: number;
  /** Timelines kept at most (default 1,000). */
  readonly max?: number;
  /** The clock, in milliseconds (default Date.now). */
  readonly now?: () => number;
}

/** A bounded, expiring, in-memory store of SVG timelines keyed by random tokens. */
export class TimelineStore {
  private readonly entries = new Map<string, { svg: string; expires: number }>();
  private readonly ttl: number;
  private readonly max: number;
  private readonly now: () => number;

  /** @param urlPrefix - The public URL the tokens are appended to, e.g. `https://cds.example.org/cds-services/trd-status/timeline/`. */
  constructor(
    private readonly urlPrefix: string,
    options: TimelineStoreOptions = {},
  ) {
    this.ttl = options.ttlMs ?? 15 * 60 * 1000;
    this.max = options.max ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Keeps a timeline and returns its URL. */
  put(svg: string): string {
    const now = this.now();
    for (const [token, entry] of this.entries) {
      if (entry.expires > now && this.entries.size < this.max) break;
      this.entries.delete(token);
    }
    const token = randomUUID();
    this.entries.set(token, { svg, expires: now + this.ttl });
    return this.urlPrefix + token;
  }

  /** The timeline of a token, while it is valid. */
  get(token: string): string | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.svg;
  }
}

/** The headers a timeline is served with: an SVG that may load and run nothing, never cached. */
export const TIMELINE_HEADERS = {
  "content-type": "image/svg+xml; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  "referrer-policy": "no-referrer",
} as const;
