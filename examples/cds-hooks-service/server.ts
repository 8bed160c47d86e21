/**
 * A small, real CDS Hooks service on Node's http module:
 *
 *   GET  /cds-services             discovery
 *   POST /cds-services/trd-status  the patient-view hook, with prefetch
 *
 *   npx tsx examples/cds-hooks-service/server.ts [port]     (default 3000, localhost only)
 *
 * The EHR sends the patient's resources as prefetch (Bundles of medications, observations and
 * conditions, and the Patient). The service maps them with fromFhir, classifies as of today (a
 * service may read the clock; the library never does), and answers with cards.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import { fromFhir, toCdsHooksCards } from "trd-classifier/fhir";

export const SERVICE = {
  hook: "patient-view",
  id: "trd-status",
  title: "Treatment-resistant depression status",
  description: "Whether the patient's depression is treatment-resistant (EU-PEARL 2022), with the reasons and signs of pseudo-resistance.",
  prefetch: {
    patient: "Patient/{{context.patientId}}",
    conditions: "Condition?patient={{context.patientId}}",
    medicationRequests: "MedicationRequest?patient={{context.patientId}}",
    medicationDispenses: "MedicationDispense?patient={{context.patientId}}",
    medicationStatements: "MedicationStatement?patient={{context.patientId}}",
    observations: "Observation?patient={{context.patientId}}&category=survey",
  },
} as const;

const MAX_BODY = 5 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request too large");
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** Answers one patient-view request: prefetch in, cards out. */
export function handleHook(request: unknown, asOf: string): { status: number; body: unknown } {
  const r = request as { hook?: string; context?: { patientId?: string }; prefetch?: Record<string, unknown> };
  if (r.hook !== "patient-view") return { status: 400, body: { error: "this service answers the patient-view hook" } };
  if (r.prefetch === undefined) return { status: 412, body: { error: "prefetch required" } };
  const resources = Object.values(r.prefetch).filter((x) => x !== null && x !== undefined);
  const mapped = fromFhir(resources, { asOf, ...(r.context?.patientId === undefined ? {} : { patient: r.context.patientId }) });
  const parsed = parseTreatmentHistory(mapped.history);
  if (!parsed.success) {
    return {
      status: 200,
      body: { cards: [{ summary: "TRD status unavailable: the record could not be mapped", indicator: "info", detail: parsed.issues.map((i) => `- ${i.message}`).join("\n"), source: { label: "trd-classifier" } }] },
    };
  }
  return { status: 200, body: { cards: toCdsHooksCards(classifyTrd(parsed.data, { asOf })) } };
}

/** Creates the service; `today` gives the as-of date (injectable for tests). */
export function createCdsService(today: () => string = () => new Date().toISOString().slice(0, 10)): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/cds-services") return send(res, 200, { services: [SERVICE] });
    if (req.method === "POST" && url.pathname === `/cds-services/${SERVICE.id}`) {
      readJson(req)
        .then((body) => {
          const { status, body: out } = handleHook(body, today());
          send(res, status, out);
        })
        .catch(() => send(res, 400, { error: "the body must be a JSON CDS Hooks request" }));
      return;
    }
    send(res, 404, { error: "not found" });
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 3000);
  createCdsService().listen(port, "127.0.0.1", () => console.log(`CDS Hooks service on http://127.0.0.1:${port}/cds-services`));
}
