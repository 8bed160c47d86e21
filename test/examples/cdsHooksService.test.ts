import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCdsService } from "../../examples/cds-hooks-service/server";

const bundle = JSON.parse(readFileSync(fileURLToPath(new URL("../fixtures/fhir/ehr-export-bundle.json", import.meta.url)), "utf8")) as { entry: { resource: { resourceType: string } }[] };
const server = createCdsService(() => "2023-09-30");
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const byType = (type: string) => ({ resourceType: "Bundle", type: "searchset", entry: bundle.entry.filter((e) => e.resource.resourceType === type) });

describe("examples/cds-hooks-service over HTTP", () => {
  it("answers discovery", async () => {
    const response = await fetch(`${base}/cds-services`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { services: { id: string; hook: string; prefetch: Record<string, string> }[] };
    expect(body.services[0]).toMatchObject({ id: "trd-status", hook: "patient-view" });
    expect(Object.keys(body.services[0]?.prefetch ?? {})).toContain("medicationDispenses");
  });

  it("answers the patient-view hook with prefetch with cards", async () => {
    const request = {
      hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
      hook: "patient-view",
      context: { userId: "Practitioner/123", patientId: "pat-1001" },
      prefetch: {
        patient: bundle.entry.find((e) => e.resource.resourceType === "Patient")?.resource,
        conditions: byType("Condition"),
        medicationRequests: byType("MedicationRequest"),
        medicationDispenses: byType("MedicationDispense"),
        medicationStatements: byType("MedicationStatement"),
        observations: byType("Observation"),
      },
    };
    const response = await fetch(`${base}/cds-services/trd-status`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cards: { summary: string; indicator: string; source: { label: string } }[] };
    expect(body.cards[0]).toMatchObject({ indicator: "warning", summary: expect.stringContaining("Treatment-resistant depression") });
    expect(body.cards[0]?.source.label).toContain("EU-PEARL");
  });

  it("refuses other hooks, bad JSON and unknown paths", async () => {
    const post = (body: string) => fetch(`${base}/cds-services/trd-status`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post(JSON.stringify({ hook: "order-sign", prefetch: {} }))).status).toBe(400);
    expect((await post(JSON.stringify({ hook: "patient-view" }))).status).toBe(412);
    expect((await post("{not json")).status).toBe(400);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });
});
