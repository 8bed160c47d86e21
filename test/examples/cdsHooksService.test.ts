/**
 * examples/cds-hooks-service over real HTTP on 127.0.0.1: the service on an ephemeral port, and a
 * second local server publishing the CDS Client's JWK Set (a real JWKS URL). Tokens are signed
 * here with jose, as an EHR would sign them. No test depends on timing: expired tokens are
 * expired by hours.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import type { CryptoKey, JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRD_CDS_SERVICE } from "trd-classifier/fhir";
import { createCdsService } from "../../examples/cds-hooks-service/server";
import { byClass, parseXml } from "../report/svgTree";
import type { FeedbackRecord } from "../../examples/cds-hooks-service/server";

const BASE_URL = "https://cds.example.test";
const ISS = "https://ehr.example.test/";
const KID = "ehr-key-1";
const EHR_ORIGIN = "https://ehr.example.test";
const AUD = {
  discovery: `${BASE_URL}/cds-services`,
  service: `${BASE_URL}/cds-services/trd-status`,
  feedback: `${BASE_URL}/cds-services/trd-status/feedback`,
};

type Bundle = { resourceType: "Bundle"; entry: { fullUrl?: string; resource: { resourceType: string; id?: string } }[] };
const readJson = (url: URL): unknown => JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
const fixture = readJson(new URL("../fixtures/fhir/ehr-export-bundle.json", import.meta.url)) as Bundle;

/** A CDS Hooks prefetch from a bundle: the Patient, and a searchset Bundle per template. */
function prefetchOf(bundle: Bundle): Record<string, unknown> {
  const byType = (type: string) => ({ resourceType: "Bundle", type: "searchset", entry: bundle.entry.filter((e) => e.resource.resourceType === type) });
  return {
    patient: bundle.entry.find((e) => e.resource.resourceType === "Patient")?.resource,
    conditions: byType("Condition"),
    medicationRequests: byType("MedicationRequest"),
    medicationDispenses: byType("MedicationDispense"),
    medicationStatements: byType("MedicationStatement"),
    observations: byType("Observation"),
  };
}

const hookRequest = (patientId: string, prefetch: unknown, hookInstance: string = randomUUID()) => ({ hookInstance, hook: "patient-view", context: { userId: "Practitioner/123", patientId }, ...(prefetch === undefined ? {} : { prefetch }) });

let ehrKey: CryptoKey;
let otherKey: CryptoKey;
let jwksServer: Server;
let jwksUrl = "";
let service: Server;
let base = "";
const stored: FeedbackRecord[] = [];

interface Claims {
  readonly aud?: string;
  readonly iss?: string;
  readonly exp?: number;
  readonly iat?: number;
  readonly jti?: string | null;
  readonly key?: CryptoKey;
  readonly header?: Record<string, unknown>;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A token as the EHR signs it (ES384, kid, typ JWT, a fresh jti); `claims` changes any part. */
async function token(aud: string, claims: Claims = {}): Promise<string> {
  const jwt = new SignJWT(claims.jti === null ? {} : { jti: claims.jti ?? randomUUID() })
    .setProtectedHeader({ alg: "ES384", typ: "JWT", kid: KID, ...claims.header } as { alg: string })
    .setIssuer(claims.iss ?? ISS)
    .setAudience(claims.aud ?? aud)
    .setIssuedAt(claims.iat ?? nowSeconds())
    .setExpirationTime(claims.exp ?? nowSeconds() + 60);
  return jwt.sign(claims.key ?? ehrKey);
}

const bearer = (jwt: string): Record<string, string> => ({ authorization: `Bearer ${jwt}` });

async function discover(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/cds-services`, { headers });
}

async function postJson(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function callHook(body: unknown, claims: Claims = {}): Promise<Response> {
  return postJson("/cds-services/trd-status", body, bearer(await token(AUD.service, claims)));
}

type Card = { uuid: string; summary: string; indicator: string; source: { label: string; url?: string }; links?: { label: string; url: string; type: string }[] };

async function cardsOf(body: unknown): Promise<Card[]> {
  const response = await callHook(body);
  expect(response.status).toBe(200);
  return ((await response.json()) as { cards: Card[] }).cards;
}

beforeAll(async () => {
  const pair = await generateKeyPair("ES384", { extractable: true });
  ehrKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "ES384", use: "sig" };
  const jwks = JSON.stringify({ keys: [jwk] });
  jwksServer = createServer((req, res) => {
    if (req.url === "/jwks.json") res.writeHead(200, { "content-type": "application/json" }).end(jwks);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  ({ privateKey: otherKey } = await generateKeyPair("ES384"));

  service = createCdsService({
    baseUrl: BASE_URL,
    trustedIssuers: [{ iss: ISS, jwksUrl }],
    allowedOrigins: [EHR_ORIGIN],
    today: () => "2023-09-30",
    onFeedback: (f) => stored.push(f),
    sourceUrl: "https://example.test/trd-classifier/docs",
  });
  await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});

afterAll(async () => {
  const close = (s: Server | undefined) => new Promise<void>((resolve) => (s === undefined ? resolve() : s.close(() => resolve())));
  service?.closeAllConnections();
  jwksServer?.closeAllConnections();
  await Promise.all([close(service), close(jwksServer)]);
});

describe("examples/cds-hooks-service: discovery and the patient-view hook", () => {
  it("answers discovery with the library's own service definition, prefetch templates included", async () => {
    const response = await discover(bearer(await token(AUD.discovery)));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toStrictEqual({ services: [JSON.parse(JSON.stringify(TRD_CDS_SERVICE))] });
  });

  it("answers the hook with the status card first, sourced and linked", async () => {
    const cards = await cardsOf(hookRequest("pat-1001", prefetchOf(fixture)));
    expect(cards[0]).toMatchObject({ indicator: "warning", summary: expect.stringContaining("Treatment-resistant depression"), source: { url: "https://example.test/trd-classifier/docs" } });
    expect(cards[0]?.source.label).toContain("EU-PEARL");
    expect(cards.every((c) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(c.uuid))).toBe(true);
  });

  it("gives each patient and each hook instance its own card uuids, and the same request the same uuids", async () => {
    const other = JSON.parse(JSON.stringify(fixture).replaceAll("pat-1001", "pat-2002")) as Bundle;
    const request = hookRequest("pat-1001", prefetchOf(fixture), "6b8f6a4c-8f0e-4f0b-9d7c-1a2b3c4d5e6f");
    const first = (await cardsOf(request)).map((c) => c.uuid);
    const again = (await cardsOf(request)).map((c) => c.uuid);
    const otherPatient = (await cardsOf(hookRequest("pat-2002", prefetchOf(other), "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"))).map((c) => c.uuid);
    const otherInstance = (await cardsOf(hookRequest("pat-1001", prefetchOf(fixture), "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"))).map((c) => c.uuid);
    expect(again).toStrictEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((u) => otherPatient.includes(u))).toStrictEqual([]);
    expect(first.filter((u) => otherInstance.includes(u))).toStrictEqual([]);
    expect(otherPatient.filter((u) => otherInstance.includes(u))).toStrictEqual([]);
  });

  it("refuses other hooks and malformed requests with 400, without echoing them", async () => {
    const prefetch = prefetchOf(fixture);
    const bad = [
      { ...hookRequest("pat-1001", prefetch), hook: "order-sign" },
      { ...hookRequest("pat-1001", prefetch), hookInstance: 42 },
      { ...hookRequest("pat-1001", prefetch), context: {} },
      { ...hookRequest("pat-1001", prefetch), context: { patientId: "<script>alert(1)</script>" } },
      [1, 2, 3],
    ];
    for (const body of bad) {
      const response = await callHook(body);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/order-sign|script|pat-1001/);
    }
  });

  it("says 400 for a body that is not JSON, and 404 for unknown paths", async () => {
    const response = await callHook("{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toStrictEqual({ error: "the body is not valid JSON (UTF-8)" });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});

describe("examples/cds-hooks-service: prefetch problems", () => {
  it("412 when the prefetch is missing, naming the templates", async () => {
    const response = await callHook(hookRequest("pat-1001", undefined));
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ requiredPrefetch: Object.keys(TRD_CDS_SERVICE.prefetch) });
    expect((await callHook(hookRequest("pat-1001", { patient: null, conditions: null }))).status).toBe(412);
  });

  it("400 naming the template key when a prefetch entry is not a resource", async () => {
    const response = await callHook(hookRequest("pat-1001", { patient: "abc" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; prefetchKey: string };
    expect(body.prefetchKey).toBe("patient");
    expect(body.error).toContain("prefetch.patient");
    expect(JSON.stringify(body)).not.toContain("abc");
    expect((await callHook(hookRequest("pat-1001", { ...prefetchOf(fixture), observations: [] }))).status).toBe(400);
  });

  it("422 when the prefetch holds no record of the patient in context.patientId", async () => {
    const response = await callHook(hookRequest("nobody-here", prefetchOf(fixture)));
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain("no record of the patient");
    expect(text).not.toMatch(/nobody-here|pat-1001/);
  });
});

describe("examples/cds-hooks-service: Trusting CDS Clients", () => {
  async function expect401(response: Response, reason: string): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ reason });
  }

  it("401 with no token, on every endpoint", async () => {
    await expect401(await discover(), "missing_token");
    await expect401(await postJson("/cds-services/trd-status", hookRequest("pat-1001", prefetchOf(fixture)), {}), "missing_token");
    await expect401(await postJson("/cds-services/trd-status/feedback", { feedback: [] }, {}), "missing_token");
    await expect401(await discover({ authorization: "Basic dXNlcjpwYXNz" }), "malformed");
  });

  it("401 for a token signed by another key (same kid), and the body does not repeat the token", async () => {
    const jwt = await token(AUD.discovery, { key: otherKey });
    const response = await discover(bearer(jwt));
    const text = await response.clone().text();
    await expect401(response, "signature");
    expect(text).not.toContain(jwt.split(".")[1] ?? "-");
  });

  it("401 for a token meant for another endpoint or another service (aud)", async () => {
    await expect401(await discover(bearer(await token(AUD.service))), "audience");
    await expect401(await callHook(hookRequest("pat-1001", prefetchOf(fixture)), { aud: AUD.discovery }), "audience");
    await expect401(await discover(bearer(await token("https://elsewhere.example.test/cds-services"))), "audience");
  });

  it("401 for an expired token, one issued in the future, and one valid for too long", async () => {
    const past = nowSeconds() - 7200;
    await expect401(await discover(bearer(await token(AUD.discovery, { iat: past, exp: past + 300 }))), "expired");
    await expect401(await discover(bearer(await token(AUD.discovery, { iat: nowSeconds() + 3600, exp: nowSeconds() + 3660 }))), "claims");
    await expect401(await discover(bearer(await token(AUD.discovery, { exp: nowSeconds() + 86_400 }))), "lifetime");
  });

  it("401 for a replayed jti, and for a token without one", async () => {
    const jwt = await token(AUD.discovery);
    expect((await discover(bearer(jwt))).status).toBe(200);
    await expect401(await discover(bearer(jwt)), "replayed");
    await expect401(await discover(bearer(await token(AUD.discovery, { jti: null }))), "claims");
  });

  it("401 for HS256 and for alg none", async () => {
    const hs = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: KID })
      .setIssuer(ISS)
      .setAudience(AUD.discovery)
      .setIssuedAt()
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode("a shared secret of at least thirty-two bytes"));
    await expect401(await discover(bearer(hs)), "algorithm");
    const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString("base64url");
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ iss: ISS, aud: AUD.discovery, iat: nowSeconds(), exp: nowSeconds() + 60, jti: randomUUID() })}.`;
    await expect401(await discover(bearer(none)), "malformed");
  });

  it("401 for an issuer not on the allowlist, a jku other than the issuer's JWKS URL, a typ other than JWT, no kid", async () => {
    await expect401(await discover(bearer(await token(AUD.discovery, { iss: "https://evil.example.test/" }))), "issuer");
    await expect401(await discover(bearer(await token(AUD.discovery, { header: { jku: "https://evil.example.test/jwks.json" } }))), "jku");
    expect((await discover(bearer(await token(AUD.discovery, { header: { jku: jwksUrl } })))).status).toBe(200);
    await expect401(await discover(bearer(await token(AUD.discovery, { header: { typ: "at+jwt" } }))), "typ");
    await expect401(await discover(bearer(await token(AUD.discovery, { header: { kid: undefined } }))), "kid");
  });

  it("refuses a configuration that trusts no one, mixes JWKS sources, fetches keys over plain http, or allows any origin", () => {
    const jwks = { keys: [] };
    expect(() => createCdsService({ baseUrl: BASE_URL, trustedIssuers: [] })).toThrow(/at least one issuer/);
    expect(() => createCdsService({ baseUrl: BASE_URL, trustedIssuers: [{ iss: ISS, jwks, jwksUrl }] })).toThrow(/exactly one/);
    expect(() => createCdsService({ baseUrl: BASE_URL, trustedIssuers: [{ iss: ISS, jwksUrl: "http://ehr.example.test/jwks.json" }] })).toThrow(/https/);
    expect(() => createCdsService({ baseUrl: BASE_URL, trustedIssuers: [{ iss: ISS, jwks }], allowedOrigins: ["*"] })).toThrow(/not allowed/);
  });
});

describe("examples/cds-hooks-service: bodies", () => {
  it("415 for a body that is not application/json", async () => {
    const response = await fetch(`${base}/cds-services/trd-status`, { method: "POST", headers: { "content-type": "text/plain", ...bearer(await token(AUD.service)) }, body: JSON.stringify(hookRequest("pat-1001", prefetchOf(fixture))) });
    expect(response.status).toBe(415);
  });

  it("413 for a body over the limit (5 MB by default), by Content-Length", async () => {
    const big = JSON.stringify({ padding: "x".repeat(5 * 1024 * 1024) });
    const response = await callHook(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toStrictEqual({ error: "the body is larger than 5242880 bytes" });
  });

  it("413 for a chunked body over the limit: the service answers without reading the rest", async () => {
    const jwt = await token(AUD.service);
    const url = new URL(`${base}/cds-services/trd-status`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", ...bearer(jwt) } }, (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      // 6 MB in 64 KB chunks, then keep the request open: only the service's answer ends it.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      req.write("[");
      for (let i = 0; i < 96; i++) req.write(chunk);
    });
    expect(status).toBe(413);
  });
});

describe("examples/cds-hooks-service: feedback", () => {
  it("stores valid feedback once per card and outcome, and answers 200 {} each time", async () => {
    const cards = await cardsOf(hookRequest("pat-1001", prefetchOf(fixture), "f3c1d2e4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"));
    const [first, second] = cards;
    if (first === undefined || second === undefined) throw new Error("expected two cards");
    const feedback = {
      feedback: [
        { card: first.uuid, outcome: "accepted", outcomeTimestamp: "2023-09-30T10:00:00Z" },
        { card: second.uuid, outcome: "overridden", outcomeTimestamp: "2023-09-30T10:01:00Z", overrideReason: { reason: { code: "not-relevant", system: "https://example.test/override" }, userComment: "seen" } },
      ],
    };
    const send = async () => postJson("/cds-services/trd-status/feedback", feedback, bearer(await token(AUD.feedback)));
    const before = stored.length;
    for (let i = 0; i < 2; i++) {
      const response = await send();
      expect(response.status).toBe(200);
      expect(await response.json()).toStrictEqual({});
    }
    const added = stored.slice(before);
    expect(added.map((f) => [f.card, f.outcome])).toStrictEqual([
      [first.uuid, "accepted"],
      [second.uuid, "overridden"],
    ]);
    expect(added[0]).toMatchObject({ iss: ISS, outcomeTimestamp: "2023-09-30T10:00:00Z" });
    expect(added[1]?.overrideReason?.reason?.code).toBe("not-relevant");
  });

  it("400 for malformed feedback, naming the field but not the value", async () => {
    const bad = [
      {},
      { feedback: [] },
      { feedback: [{ outcome: "accepted", outcomeTimestamp: "2023-09-30T10:00:00Z" }] },
      { feedback: [{ card: "c-1", outcome: "ignored-secretly", outcomeTimestamp: "2023-09-30T10:00:00Z" }] },
      { feedback: [{ card: "c-1", outcome: "accepted", outcomeTimestamp: "yesterday" }] },
      { feedback: [{ card: "c-1", outcome: "accepted", outcomeTimestamp: "2023-09-30T10:00:00Z", acceptedSuggestions: [{}] }] },
      { feedback: [{ card: "c-1", outcome: "overridden", outcomeTimestamp: "2023-09-30T10:00:00Z", overrideReason: { reason: { code: 1 } } }] },
    ];
    const before = stored.length;
    for (const body of bad) {
      const response = await postJson("/cds-services/trd-status/feedback", body, bearer(await token(AUD.feedback)));
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/ignored-secretly|yesterday/);
    }
    expect(stored.length).toBe(before);
  });

  it("checks the token's audience against the feedback URL", async () => {
    const response = await postJson("/cds-services/trd-status/feedback", { feedback: [{ card: "c-1", outcome: "accepted", outcomeTimestamp: "2023-09-30T10:00:00Z" }] }, bearer(await token(AUD.service)));
    expect(response.status).toBe(401);
  });
});

describe("examples/cds-hooks-service: CORS", () => {
  const preflight = (origin: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
      const url = new URL(`${base}/cds-services/trd-status`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on("error", reject);
      req.end();
    });

  it("answers the preflight of an allowed origin, echoing it, and refuses others", async () => {
    const allowed = await preflight(EHR_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe(EHR_ORIGIN);
    expect(allowed.headers["access-control-allow-headers"]).toMatch(/Authorization/);
    expect(allowed.headers["vary"]).toBe("Origin");
    const refused = await preflight("https://evil.example.test");
    expect(refused.status).toBe(403);
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("echoes an allowed origin on responses (401s included), never *, and gives none to other origins", async () => {
    const allowed = await discover({ origin: EHR_ORIGIN, ...bearer(await token(AUD.discovery)) });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(EHR_ORIGIN);
    expect(allowed.headers.get("vary")).toBe("Origin");
    const unauthorised = await discover({ origin: EHR_ORIGIN });
    expect(unauthorised.headers.get("access-control-allow-origin")).toBe(EHR_ORIGIN);
    const other = await discover({ origin: "https://evil.example.test", ...bearer(await token(AUD.discovery)) });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const none = await discover(bearer(await token(AUD.discovery)));
    expect(none.headers.get("access-control-allow-origin")).toBeNull();
  });
});

const SHARED = fileURLToPath(new URL("../../../shared/fixtures/fhir/", import.meta.url));
const MILAN = `${SHARED}synthea-r4-Milan_Beatty_e78d0ed2-1b54-4c30-90ae-f7405af1e402.json`;
const HAVE_SHARED = existsSync(MILAN);
if (!HAVE_SHARED) console.warn(`${SHARED} is absent: the real-sample CDS Hooks test is skipped.`);

/**
 * What the EHR's FHIR server would return for the prefetch searches once it has stored this
 * transaction Bundle: references to an entry's `urn:uuid:` fullUrl become `Type/id` (FHIR R4
 * transaction processing). Split as exported, the bare Patient in `prefetch.patient` no longer
 * carries the fullUrl that the other resources' `subject` names.
 */
function asStored(bundle: Bundle): Bundle {
  let text = JSON.stringify(bundle);
  for (const e of bundle.entry) {
    if (e.fullUrl?.startsWith("urn:uuid:") === true && e.resource.id !== undefined) text = text.replaceAll(`"${e.fullUrl}"`, `"${e.resource.resourceType}/${e.resource.id}"`);
  }
  return JSON.parse(text) as Bundle;
}

describe("examples/cds-hooks-service: a real Synthea record", () => {
  it.skipIf(!HAVE_SHARED)("answers a prefetch split by type from the Synthea bundle of Milan Beatty (major depression, fluoxetine) with a status card", async () => {
    const bundle = asStored(JSON.parse(readFileSync(MILAN, "utf8")) as Bundle);
    const patientId = bundle.entry.find((e) => e.resource.resourceType === "Patient")?.resource.id ?? "";
    expect(patientId).toBe("8adf7251-257f-4b45-8ef5-0a6b3b9fe0ef");
    const cards = await cardsOf(hookRequest(patientId, prefetchOf(bundle)));
    expect(cards[0]).toMatchObject({ indicator: "info", summary: expect.stringMatching(/^Not yet treatment-resistant: 0 of 2 failed adequate trials/) });
  });
});

describe("examples/cds-hooks-service: the timeline the status card links to", () => {
  const TIMELINE_PREFIX = `${BASE_URL}/cds-services/trd-status/timeline/`;
  const local = (url: string): string => base + url.slice(BASE_URL.length);

  it("links the status card to this call's timeline, served as SVG without a token, with a strict policy", async () => {
    const cards = await cardsOf(hookRequest("pat-1001", prefetchOf(fixture)));
    const link = cards[0]?.links?.[0];
    expect(link).toMatchObject({ label: "Treatment timeline", type: "absolute" });
    expect(link?.url.startsWith(TIMELINE_PREFIX)).toBe(true);
    expect(cards.slice(1).every((c) => c.links === undefined)).toBe(true);
    const response = await fetch(local(link?.url ?? ""));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const root = parseXml(await response.text());
    expect(root.attrs["data-as-of"]).toBe("2023-09-30");
    expect(root.attrs["data-status"]).toBe("no-response");
    expect(byClass(root, "lane").length).toBeGreaterThan(0);
    expect(byClass(root, "counted-span").length).toBeGreaterThan(0);
  });

  it("gives each call its own link, and answers 404 for an unknown token and 405 for another method", async () => {
    const one = (await cardsOf(hookRequest("pat-1001", prefetchOf(fixture))))[0]?.links?.[0]?.url ?? "";
    const two = (await cardsOf(hookRequest("pat-1001", prefetchOf(fixture))))[0]?.links?.[0]?.url ?? "";
    expect(one).not.toBe(two);
    expect((await fetch(local(`${TIMELINE_PREFIX}${randomUUID()}`))).status).toBe(404);
    expect((await fetch(local(`${TIMELINE_PREFIX}../../cds-services`))).status).toBe(404);
    expect((await fetch(local(one), { method: "POST" })).status).toBe(405);
  });

  it("lets links expire and keeps a bounded number", async () => {
    let now = 1_000_000;
    const short = createCdsService({ baseUrl: BASE_URL, trustedIssuers: [{ iss: ISS, jwksUrl }], today: () => "2023-09-30", timelines: { ttlMs: 60_000, max: 2, now: () => now } });
    await new Promise<void>((resolve) => short.listen(0, "127.0.0.1", resolve));
    const at = `http://127.0.0.1:${(short.address() as AddressInfo).port}`;
    try {
      const link = async (): Promise<string> => {
        const response = await fetch(`${at}/cds-services/trd-status`, { method: "POST", headers: { "content-type": "application/json", ...bearer(await token(AUD.service)) }, body: JSON.stringify(hookRequest("pat-1001", prefetchOf(fixture))) });
        const cards = ((await response.json()) as { cards: Card[] }).cards;
        return at + (cards[0]?.links?.[0]?.url ?? "").slice(BASE_URL.length);
      };
      const first = await link();
      expect((await fetch(first)).status).toBe(200);
      now += 61_000;
      expect((await fetch(first)).status).toBe(404);
      const [a, b, c] = [await link(), await link(), await link()];
      expect((await fetch(a)).status).toBe(404);
      expect((await fetch(b)).status).toBe(200);
      expect((await fetch(c)).status).toBe(200);
    } finally {
      short.closeAllConnections();
      await new Promise<void>((resolve) => short.close(() => resolve()));
    }
  });
});
