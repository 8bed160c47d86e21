/**
 * "Trusting CDS Clients" (CDS Hooks, Security and Safety): every request carries
 * `Authorization: Bearer <JWT>`, signed with the CDS Client's private key and checked here
 * against the client's JWK Set.
 *
 * What is checked, in order:
 * - the header: `typ` is `JWT`, `alg` is an asymmetric algorithm on the allowlist (never `none`
 *   or HMAC), `kid` is present;
 * - `iss` is on the allowlist of trusted issuers, and `jku`, when present, is that issuer's
 *   configured JWKS URL (a `jku` is never fetched unless it is the configured one);
 * - the signature, against the issuer's JWK Set (a remote JWKS URL or an in-memory JWKS);
 * - `aud` is the URL of the endpoint being invoked; `exp`, `iat` and `jti` are present;
 *   `exp` is not past, `iat` not in the future, and the token is not valid for longer than the
 *   configured lifetime from now (which bounds the replay cache);
 * - `jti` has not been seen from this issuer while the token is valid.
 *
 * @module
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from "jose";

/** The algorithms a token may be signed with: asymmetric only (the spec recommends ES384 and RS384). */
export const ALLOWED_ALGORITHMS: readonly string[] = Object.freeze(["ES384", "RS384", "PS384", "ES256", "RS256"]);

/** A CDS Client this service trusts: its `iss`, and its JWK Set (exactly one of `jwks`, `jwksUrl`). */
export interface TrustedIssuer {
  readonly iss: string;
  /** The client's JWK Set, shared out of band. A token naming a `jku` is then refused. */
  readonly jwks?: JSONWebKeySet;
  /** The URL of the client's JWK Set (https, or http on a loopback host). A token's `jku`, if any, must equal it. */
  readonly jwksUrl?: string;
}

/** Why a token was refused: a short code, never the token's contents. */
export type AuthFailure = "missing_token" | "malformed" | "typ" | "algorithm" | "kid" | "issuer" | "jku" | "signature" | "audience" | "expired" | "claims" | "lifetime" | "replayed";

/** The outcome of checking a request's Authorization header. */
export type AuthResult =
  | { readonly ok: true; readonly iss: string; readonly tenant?: string }
  | { readonly ok: false; readonly status: 401; readonly reason: AuthFailure }
  | { readonly ok: false; readonly status: 503; readonly reason: "jwks_unavailable" | "replay_cache_full" };

export interface VerifierOptions {
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** Longest a token may still be valid for when it arrives (seconds; default 300). */
  readonly maxTokenLifetimeSeconds?: number;
  /** Clock skew allowed on `exp` and `iat` (seconds; default 30). */
  readonly clockToleranceSeconds?: number;
  /** Most `jti`s remembered at once (default 10 000); when full of unexpired ones, requests get 503. */
  readonly replayCacheSize?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`). */
  readonly now?: () => number;
}

interface Issuer {
  readonly iss: string;
  readonly keys: JWTVerifyGetKey;
  readonly jwksUrl?: string;
}

const isLoopback = (host: string): boolean => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

function checkedJwksUrl(iss: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`trusted issuer ${iss}: jwksUrl is not a URL`);
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopback(parsed.hostname))) throw new Error(`trusted issuer ${iss}: jwksUrl must be https (http only on a loopback host)`);
  return parsed.href;
}

function issuersOf(trusted: readonly TrustedIssuer[]): Map<string, Issuer> {
  if (!Array.isArray(trusted) || trusted.length === 0) throw new Error("trustedIssuers must list at least one issuer");
  const map = new Map<string, Issuer>();
  for (const t of trusted) {
    if (typeof t.iss !== "string" || t.iss === "") throw new Error("each trusted issuer needs an iss");
    if (map.has(t.iss)) throw new Error(`trusted issuer ${t.iss} is listed twice`);
    if ((t.jwks === undefined) === (t.jwksUrl === undefined)) throw new Error(`trusted issuer ${t.iss}: give exactly one of jwks and jwksUrl`);
    if (t.jwksUrl !== undefined) {
      const href = checkedJwksUrl(t.iss, t.jwksUrl);
      map.set(t.iss, { iss: t.iss, jwksUrl: href, keys: createRemoteJWKSet(new URL(href), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }) });
    } else if (t.jwks !== undefined) {
      map.set(t.iss, { iss: t.iss, keys: createLocalJWKSet(t.jwks) });
    }
  }
  return map;
}

const sameUrl = (a: string, b: string): boolean => {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
};

/** A set of `iss`+`jti` keys, each forgotten once its token has expired; bounded. */
class ReplayCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** `true` if the key was new and is now remembered until `expiresAt`; `false` if replayed; `undefined` if full. */
  remember(key: string, expiresAt: number, now: number): boolean | undefined {
    const until = this.seen.get(key);
    if (until !== undefined && until >= now) return false;
    if (this.seen.size >= this.max) {
      for (const [k, t] of this.seen) if (t < now) this.seen.delete(k);
      if (this.seen.size >= this.max) return undefined;
    }
    this.seen.set(key, expiresAt);
    return true;
  }
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const MAX_TOKEN_LENGTH = 16 * 1024;

function reasonOf(error: unknown): AuthResult {
  const fail = (reason: AuthFailure): AuthResult => ({ ok: false, status: 401, reason });
  if (error instanceof errors.JWTExpired) return fail("expired");
  if (error instanceof errors.JWTClaimValidationFailed) return fail(error.claim === "aud" ? "audience" : error.claim === "iss" ? "issuer" : error.claim === "typ" ? "typ" : "claims");
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return fail("signature");
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return fail("algorithm");
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return { ok: false, status: 503, reason: "jwks_unavailable" };
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return fail("malformed");
  // A network failure while fetching the JWKS, or anything else unexpected: not the client's fault.
  return { ok: false, status: 503, reason: "jwks_unavailable" };
}

/**
 * Creates the checker of Authorization headers. Throws at once on a bad configuration (no
 * issuer, an issuer with both or neither of `jwks` and `jwksUrl`, a JWKS URL that is not https).
 */
export function createVerifier(options: VerifierOptions): (authorization: string | undefined, audience: string) => Promise<AuthResult> {
  const issuers = issuersOf(options.trustedIssuers);
  const lifetime = options.maxTokenLifetimeSeconds ?? 300;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const now = options.now ?? Date.now;
  const replay = new ReplayCache(options.replayCacheSize ?? 10_000);

  return async (authorization, audience) => {
    const fail = (reason: AuthFailure): AuthResult => ({ ok: false, status: 401, reason });
    if (authorization === undefined || authorization === "") return fail("missing_token");
    if (authorization.length > MAX_TOKEN_LENGTH) return fail("malformed");
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) return fail("malformed");

    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      return fail("malformed");
    }
    if (header.typ !== "JWT") return fail("typ");
    if (typeof header.alg !== "string" || !ALLOWED_ALGORITHMS.includes(header.alg)) return fail("algorithm");
    if (typeof header.kid !== "string" || header.kid === "") return fail("kid");
    const issuer = typeof unverified.iss === "string" ? issuers.get(unverified.iss) : undefined;
    if (issuer === undefined) return fail("issuer");
    if (header.jku !== undefined && (issuer.jwksUrl === undefined || typeof header.jku !== "string" || !sameUrl(header.jku, issuer.jwksUrl))) return fail("jku");

    const nowSeconds = Math.floor(now() / 1000);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        algorithms: [...ALLOWED_ALGORITHMS],
        issuer: issuer.iss,
        audience,
        typ: "JWT",
        requiredClaims: ["iss", "aud", "exp", "iat", "jti"],
        clockTolerance: tolerance,
        currentDate: new Date(nowSeconds * 1000),
      }));
    } catch (error) {
      return reasonOf(error);
    }
    const { exp, iat, jti } = payload;
    if (typeof exp !== "number" || typeof iat !== "number" || typeof jti !== "string" || jti === "" || jti.length > 256) return fail("claims");
    if (iat > nowSeconds + tolerance) return fail("claims");
    if (exp > nowSeconds + lifetime + tolerance) return fail("lifetime");
    const fresh = replay.remember(`${issuer.iss}\u0000${jti}`, exp + tolerance, nowSeconds);
    if (fresh === false) return fail("replayed");
    if (fresh === undefined) return { ok: false, status: 503, reason: "replay_cache_full" };
    return { ok: true, iss: issuer.iss, ...(typeof payload["tenant"] === "string" ? { tenant: payload["tenant"] } : {}) };
  };
}
