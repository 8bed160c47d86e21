/**
 * A CDS Hooks service on Node's http module (no framework):
 *
 *   GET  /cds-services                      discovery
 *   POST /cds-services/trd-status           the patient-view hook, with prefetch
 *   POST /cds-services/trd-status/feedback  what the clinician did with the cards
 *   GET  /cds-services/trd-status/timeline/<token>  the patient's treatment timeline (SVG), which
 *        the status card links to: a capability URL made for one hook call, valid 15 minutes
 *        (see ./timelines.ts), since the clinician's browser holds no CDS Client token
 *
 * Every request must carry `Authorization: Bearer <JWT>` signed by a trusted CDS Client
 * ("Trusting CDS Clients", see ./auth.ts). The EHR sends the patient's resources as prefetch
 * (the Patient and Bundles of medications, observations and conditions); the service maps them
 * with fromFhir, classifies them as of today (a service may read the clock; the library never
 * does) and answers with cards.
 *
 *   CDS_ISSUER=https://ehr.example.org CDS_JWKS_URL=https://ehr.example.org/jwks.json \
 *     npx tsx examples/cds-hooks-service/server.ts [port]      (default 3000, localhost only)
 *
 * An example: feedback is kept in memory only, and nothing is persisted.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import type { JSONWebKeySet } from "jose";
import { classifyTrd, parseTreatmentHistory, renderTimeline } from "trd-classifier";
import type { TrdAssessment } from "trd-classifier";
import { TRD_CDS_SERVICE, TRD_PREFETCH, fromFhir, readPrefetch, toCdsHooksCards } from "trd-classifier/fhir";
import type { CdsCard } from "trd-classifier/fhir";
import { createVerifier } from "./auth";
import type { AuthResult, TrustedIssuer } from "./auth";
import { FeedbackDeduper, inMemoryFeedback, readFeedback } from "./feedback";
import type { FeedbackRecord } from "./feedback";
import { corsHeaders, isJson, originsOf, readJsonBody, refuseBody, sendJson } from "./http";
import { TIMELINE_HEADERS, TimelineStore } from "./timelines";
import type { TimelineStoreOptions } from "./timelines";

export type { TrustedIssuer } from "./auth";
export type { Feedback, FeedbackRecord } from "./feedback";
export { inMemoryFeedback } from "./feedback";

/** The service's configuration. */
export interface CdsServiceConfig {
  /**
   * The public base URL the CDS Client calls (`https://cds.example.org`, or with a path prefix a
   * proxy strips). Each token's `aud` must be this plus the endpoint's path, e.g.
   * `https://cds.example.org/cds-services/trd-status`. The Host header is never trusted for it.
   */
  readonly baseUrl: string;
  /** The CDS Clients trusted: the allowlist of `iss`, each with its JWK Set or JWKS URL. */
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** Browser origins allowed to call the service (CORS); default none. Never `*`. */
  readonly allowedOrigins?: readonly string[];
  /** Largest request body, in bytes (default 5 MB). */
  readonly maxBodyBytes?: number;
  /** Today's date, `YYYY-MM-DD`: the as-of date of each classification (default: today in UTC). */
  readonly today?: () => string;
  /** Where feedback goes, once per issuer, card and outcome (default: a bounded in-memory array). */
  readonly onFeedback?: (feedback: FeedbackRecord) => void;
  /** A link for the cards' source (your documentation page). */
  readonly sourceUrl?: string;
  /** Longest a token may still be valid for when it arrives (seconds; default 300). */
  readonly maxTokenLifetimeSeconds?: number;
  /** How long timeline links work and how many are kept (default 15 minutes, 1,000). */
  readonly timelines?: TimelineStoreOptions;
}

/** The answer to one request: a status and a JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const SERVICE_PATH = `/cds-services/${TRD_CDS_SERVICE.id}`;
const PATHS = { discovery: "/cds-services", service: SERVICE_PATH, feedback: `${SERVICE_PATH}/feedback` } as const;
type Endpoint = keyof typeof PATHS;
const METHODS: Record<Endpoint, "GET" | "POST"> = { discovery: "GET", service: "POST", feedback: "POST" };
const TIMELINE_PATH = `${SERVICE_PATH}/timeline/`;
const TIMELINE_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFETCH_KEYS = Object.keys(TRD_PREFETCH);
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const fault = (status: number, error: string, extra: Record<string, unknown> = {}): Answer => ({ status, body: { error, ...extra } });

/**
 * Answers one patient-view request: prefetch in, cards out. Pure but for `asOf`; exported for
 * tests and for hosting the service in another framework. Error messages never repeat the
 * request's contents.
 */
export function handleHook(request: unknown, asOf: string, sourceUrl?: string, timelines?: TimelineStore): Answer {
  if (!isObject(request)) return fault(400, "the body must be a CDS Hooks request object");
  if (request["hook"] !== TRD_CDS_SERVICE.hook) return fault(400, `this service answers the ${TRD_CDS_SERVICE.hook} hook only`);
  const hookInstance = request["hookInstance"];
  if (typeof hookInstance !== "string" || hookInstance === "" || hookInstance.length > 256) return fault(400, "hookInstance must be a string");
  const context = request["context"];
  const patientId = isObject(context) ? context["patientId"] : undefined;
  if (typeof patientId !== "string") return fault(400, "context.patientId must be a string");
  if (!FHIR_ID.test(patientId)) return fault(400, "context.patientId must be a FHIR resource id");

  const prefetch = request["prefetch"];
  if (prefetch !== undefined && prefetch !== null && !isObject(prefetch)) return fault(400, "prefetch must be an object keyed by the service's prefetch templates");
  const read = readPrefetch(prefetch);
  if ("problem" in read) {
    return read.problem === "missing"
      ? fault(412, "this service requires prefetch: send at least one of its templates (patient and the Bundles)", { requiredPrefetch: PREFETCH_KEYS })
      : fault(400, `prefetch.${read.key} must be a ${read.key === "patient" ? "Patient resource" : "Bundle"}`, { prefetchKey: read.key });
  }

  const mapping = fromFhir(read.resources, { asOf, patient: patientId });
  if (!mapping.patient.found) return fault(422, "the prefetch holds no record of the patient named in context.patientId");
  const options = { hookInstance, patient: `Patient/${patientId}`, mapping, ...(sourceUrl === undefined ? {} : { sourceUrl }) };
  const parsed = parseTreatmentHistory(mapping.history);
  // fromFhir's history always parses; should it not, the EHR gets the library's "unavailable" card.
  if (!parsed.success) return { status: 200, body: { cards: toCdsHooksCards(undefined as unknown as TrdAssessment, options) } };
  const assessment = classifyTrd(parsed.data, { asOf, resistantSince: true, countedSpans: timelines !== undefined });
  // The timeline of this call, at a link the status card carries.
  const timelineUrl = timelines?.put(renderTimeline(parsed.data, assessment, { title: "Treatment timeline" }));
  const cards: CdsCard[] = toCdsHooksCards(assessment, timelineUrl === undefined ? options : { ...options, timelineUrl });
  return { status: 200, body: { cards } };
}

function normalisedBase(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("baseUrl must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("baseUrl must be an http(s) URL");
  if (url.search !== "" || url.hash !== "") throw new Error("baseUrl must have no query or fragment");
  return url.href.replace(/\/+$/, "");
}

const utcToday = (): string => new Date().toISOString().slice(0, 10);

/**
 * Creates the service (not yet listening). Throws at once on a bad configuration: no trusted
 * issuer, a wildcard origin, a JWKS URL that is not https.
 */
export function createCdsService(config: CdsServiceConfig): Server {
  const base = normalisedBase(config.baseUrl);
  const audience: Record<Endpoint, string> = { discovery: base + PATHS.discovery, service: base + PATHS.service, feedback: base + PATHS.feedback };
  const verify = createVerifier({ trustedIssuers: config.trustedIssuers, ...(config.maxTokenLifetimeSeconds === undefined ? {} : { maxTokenLifetimeSeconds: config.maxTokenLifetimeSeconds }) });
  const origins = originsOf(config.allowedOrigins);
  const maxBody = config.maxBodyBytes ?? 5 * 1024 * 1024;
  if (!Number.isSafeInteger(maxBody) || maxBody <= 0) throw new Error("maxBodyBytes must be a positive integer");
  const today = config.today ?? utcToday;
  const onFeedback = config.onFeedback ?? inMemoryFeedback().add;
  const deduper = new FeedbackDeduper();
  const timelines = new TimelineStore(base + TIMELINE_PATH, config.timelines);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req, origins);
    const path = new URL(req.url ?? "/", "http://service.invalid").pathname.replace(/\/+$/, "");
    if (path.startsWith(TIMELINE_PATH)) {
      // A capability URL: the token is the credential (no bearer token: a browser opens it).
      const token = path.slice(TIMELINE_PATH.length);
      const svg = req.method === "GET" && TIMELINE_TOKEN.test(token) ? timelines.get(token) : undefined;
      if (svg === undefined) return refuseBody(req, res, req.method === "GET" ? 404 : 405, { error: req.method === "GET" ? "no such timeline (links expire)" : "method not allowed" }, req.method === "GET" ? {} : { allow: "GET" });
      res.writeHead(200, TIMELINE_HEADERS);
      res.end(svg);
      return;
    }
    const endpoint = (Object.keys(PATHS) as Endpoint[]).find((e) => PATHS[e] === path);
    if (endpoint === undefined) return refuseBody(req, res, 404, { error: "not found" }, cors);

    if (req.method === "OPTIONS") {
      // A CORS preflight: answered for allowed origins only.
      if (cors["access-control-allow-origin"] === undefined) return refuseBody(req, res, 403, { error: "origin not allowed" }, { vary: "Origin" });
      res.writeHead(204, { ...cors, "access-control-allow-methods": `${METHODS[endpoint]}, OPTIONS`, "access-control-allow-headers": "Authorization, Content-Type", "access-control-max-age": "600" });
      res.end();
      return;
    }
    if (req.method !== METHODS[endpoint]) return refuseBody(req, res, 405, { error: "method not allowed" }, { ...cors, allow: `${METHODS[endpoint]}, OPTIONS` });

    const auth: AuthResult = await verify(req.headers.authorization, audience[endpoint]);
    if (!auth.ok) {
      if (auth.status === 503) return refuseBody(req, res, 503, { error: "temporarily_unavailable" }, { ...cors, "retry-after": "30" });
      const challenge = auth.reason === "missing_token" ? "Bearer" : 'Bearer error="invalid_token"';
      return refuseBody(req, res, 401, { error: auth.reason === "missing_token" ? "missing_token" : "invalid_token", reason: auth.reason }, { ...cors, "www-authenticate": challenge });
    }

    if (endpoint === "discovery") return sendJson(res, 200, { services: [TRD_CDS_SERVICE] }, cors);

    if (!isJson(req)) return refuseBody(req, res, 415, { error: "the body must be application/json" }, cors);
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") return refuseBody(req, res, 415, { error: "compressed bodies are not accepted" }, cors);
    const body = await readJsonBody(req, maxBody);
    if (body.kind === "too-large") return refuseBody(req, res, 413, { error: `the body is larger than ${maxBody} bytes` }, cors);
    if (body.kind === "aborted") return;
    if (body.kind === "invalid-json") return sendJson(res, 400, { error: "the body is not valid JSON (UTF-8)" }, cors);

    if (endpoint === "service") {
      const asOf = today();
      if (!DATE.test(asOf)) throw new Error("today() must return a YYYY-MM-DD date");
      const answer = handleHook(body.value, asOf, config.sourceUrl, timelines);
      return sendJson(res, answer.status, answer.body, cors);
    }

    const read = readFeedback(body.value);
    if (!read.ok) return sendJson(res, 400, { error: read.message }, cors);
    const receivedAt = new Date().toISOString();
    for (const f of read.feedback) {
      if (deduper.isNew(auth.iss, f)) onFeedback({ ...f, iss: auth.iss, ...(auth.tenant === undefined ? {} : { tenant: auth.tenant }), receivedAt });
    }
    return sendJson(res, 200, {}, cors);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Never the error's text: it could hold request contents.
      if (!res.headersSent) refuseBody(req, res, 500, { error: "internal error" });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

/** The configuration from the environment, for the command line. */
function configFromEnv(port: number): CdsServiceConfig {
  const env = process.env;
  const iss = env["CDS_ISSUER"];
  const jwksUrl = env["CDS_JWKS_URL"];
  const jwksFile = env["CDS_JWKS_FILE"];
  if (iss === undefined || (jwksUrl === undefined) === (jwksFile === undefined)) {
    throw new Error("set CDS_ISSUER and one of CDS_JWKS_URL or CDS_JWKS_FILE (the trusted CDS Client); see examples/cds-hooks-service/README.md");
  }
  const trusted: TrustedIssuer = jwksUrl !== undefined ? { iss, jwksUrl } : { iss, jwks: JSON.parse(readFileSync(jwksFile ?? "", "utf8")) as JSONWebKeySet };
  const origins = (env["CDS_ALLOWED_ORIGINS"] ?? "").split(",").map((o) => o.trim()).filter((o) => o !== "");
  return { baseUrl: env["CDS_BASE_URL"] ?? `http://127.0.0.1:${port}`, trustedIssuers: [trusted], allowedOrigins: origins, ...(env["CDS_SOURCE_URL"] === undefined ? {} : { sourceUrl: env["CDS_SOURCE_URL"] }) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 3000);
  let service: Server;
  try {
    service = createCdsService(configFromEnv(port));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  service.listen(port, "127.0.0.1", () => console.log(`CDS Hooks service on http://127.0.0.1:${port}/cds-services`));
}
