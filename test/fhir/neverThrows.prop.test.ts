/**
 * Properties of the FHIR adapter on any input: it never throws, every resource is accounted for,
 * and no message carries text from the input (input values travel in separate fields).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import { fromFhir, toCdsHooksCards, toFhirObservation } from "trd-classifier/fhir";
import type { FromFhirResult } from "trd-classifier/fhir";
import { HAVE_SHARED, ICD10CM, LOINC, RXNORM, SNOMED, UCUM, readShared } from "./helpers";

/** Strings that stand for patient text: none may appear in a message. */
const MARK = "ZQX";
const marked = fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `${MARK}${s}`);
const markedOr = <T>(...values: T[]) => fc.oneof(fc.constantFrom(...values), marked);

const dosage = fc.record(
  {
    text: fc.oneof(marked, fc.constantFrom("1 po qhs", "take 2 tablets daily", "as directed")),
    timing: fc.record({ code: fc.record({ coding: fc.array(fc.record({ code: markedOr("BID", "QD", "WK") }), { maxLength: 2 }) }), repeat: fc.record({ frequency: fc.oneof(fc.integer({ min: -2, max: 4 }), marked), period: fc.double(), periodUnit: markedOr("d", "h", "wk"), when: fc.array(markedOr("MORN", "HS")) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    doseAndRate: fc.array(fc.record({ doseQuantity: fc.record({ value: fc.oneof(fc.double(), fc.integer({ min: 0, max: 5 })), unit: markedOr("mg", "tablet", "mL"), system: markedOr(UCUM, "http://ncimeta.nci.nih.gov"), code: markedOr("mg", "{tbl}", "C48542") }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 2 }),
    asNeededBoolean: fc.boolean(),
    sequence: fc.integer({ min: 1, max: 2 }),
  },
  { requiredKeys: [] },
);

const concept = fc.record({ text: fc.oneof(marked, fc.constantFrom("sertraline 50 MG Oral Tablet", "quetiapine 25 MG", "olanzapine 6 MG / fluoxetine 25 MG")), coding: fc.array(fc.record({ system: markedOr(RXNORM, SNOMED, ICD10CM, LOINC, "http://www.whocc.no/atc"), code: markedOr("36437", "F43.10", "44261-6", "N06AX99", "370143000", "44249-1"), display: marked }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] });

const reference = fc.record({ reference: markedOr("urn:uuid:p1", "Patient/p1", "#c1", "Medication/m1", "Condition/c1"), display: marked }, { requiredKeys: [] });

const resource = fc.record(
  {
    resourceType: markedOr("Patient", "Condition", "Observation", "MedicationRequest", "MedicationDispense", "MedicationStatement", "Medication", "Bundle", "Encounter"),
    id: fc.oneof(marked, fc.constantFrom("p1", "m1", "c1"), fc.object()),
    status: markedOr("active", "completed", "stopped", "final", "entered-in-error", "not-taken"),
    intent: markedOr("order", "plan"),
    subject: fc.oneof(reference, fc.integer(), marked),
    birthDate: fc.oneof(fc.constantFrom("1980-01-02", "1980", "1980-13-40"), marked, fc.object()),
    gender: markedOr("female", "male"),
    authoredOn: fc.oneof(fc.constantFrom("2024-01-01", "2024-02-30T10:00:00Z", "2024"), marked),
    whenHandedOver: fc.constantFrom("2024-01-05", "2024-01"),
    effectiveDateTime: fc.constantFrom("2024-01-10", "2024-01-10T08:00:00+02:00"),
    onsetDateTime: fc.constantFrom("2023-12-01", "2023"),
    medicationCodeableConcept: concept,
    medicationReference: reference,
    code: concept,
    reasonCode: fc.array(concept, { maxLength: 2 }),
    reasonReference: fc.array(reference, { maxLength: 2 }),
    dosageInstruction: fc.array(fc.oneof(dosage, fc.jsonValue()), { maxLength: 2 }),
    dosage: fc.array(dosage, { maxLength: 2 }),
    valueString: fc.oneof(marked, fc.constantFrom("12", "12.5", "")),
    valueInteger: fc.integer({ min: -5, max: 90 }),
    valueQuantity: fc.record({ value: fc.double(), unit: marked }, { requiredKeys: [] }),
    hasMember: fc.array(reference, { maxLength: 3 }),
    daysSupply: fc.record({ value: fc.oneof(fc.integer({ min: -5, max: 400 }), marked), unit: markedOr("days", "wk"), code: markedOr("d") }, { requiredKeys: [] }),
    quantity: fc.record({ value: fc.integer({ min: 0, max: 200 }), unit: markedOr("tablet", "mL") }, { requiredKeys: [] }),
    dispenseRequest: fc.record({ expectedSupplyDuration: fc.record({ value: fc.integer({ min: 0, max: 90 }), code: markedOr("d") }), numberOfRepeatsAllowed: fc.oneof(fc.integer({ min: -1, max: 5 }), marked) }, { requiredKeys: [] }),
    contained: fc.array(fc.record({ resourceType: fc.constant("Medication"), id: fc.constant("c1"), code: concept }), { maxLength: 1 }),
    verificationStatus: fc.record({ coding: fc.array(fc.record({ code: markedOr("refuted", "provisional", "confirmed") }), { maxLength: 1 }) }),
    clinicalStatus: fc.record({ coding: fc.array(fc.record({ code: markedOr("active", "resolved") }), { maxLength: 1 }) }),
    entry: fc.array(fc.record({ fullUrl: markedOr("urn:uuid:p1"), resource: fc.jsonValue() }, { requiredKeys: [] }), { maxLength: 2 }),
  },
  { requiredKeys: ["resourceType"] },
);

const bundle = fc.array(resource, { maxLength: 12 }).map((resources) => ({ resourceType: "Bundle", type: "collection", entry: resources.map((r, i) => ({ fullUrl: i === 0 ? "urn:uuid:p1" : `urn:uuid:x${i}`, resource: r })) }));

function messagesOf(r: FromFhirResult): string[] {
  return [...r.issues.map((i) => i.message), ...r.decisions.map((d) => d.message), ...r.build.decisions.map((d) => d.message), ...r.build.issues.map((i) => i.message)];
}

function checkAll(input: unknown, options: unknown): void {
  const result = fromFhir(input, options);
  const s = result.summary;
  expect(s.used + s.notRelevant + s.otherPatient + s.notUsed).toBe(s.resources);
  for (const message of messagesOf(result)) expect(message).not.toContain(MARK);
  const parsed = parseTreatmentHistory(result.history);
  if (parsed.success && typeof (options as { asOf?: unknown })?.asOf === "string") {
    const assessment = classifyTrd(parsed.data, { asOf: (options as { asOf: string }).asOf });
    for (const card of toCdsHooksCards(assessment, { mapping: result, hookInstance: "h", patient: "p" })) expect(card.summary.length).toBeLessThan(140);
    toFhirObservation(assessment);
  }
}

describe("fromFhir on any input", () => {
  it("never throws, accounts for every resource and echoes no input text, on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.oneof(fc.constant({ asOf: "2024-06-30" }), fc.anything()), (input, options) => {
        checkAll(input, options);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, accounts for every resource and echoes no input text, on resource-shaped JSON", () => {
    fc.assert(
      fc.property(fc.oneof(bundle, resource, fc.array(fc.oneof(resource, bundle), { maxLength: 3 })), (input) => {
        checkAll(input, { asOf: "2024-06-30" });
      }),
      { numRuns: 400 },
    );
  });

  it("toCdsHooksCards never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (assessment, options) => {
        const cards = toCdsHooksCards(assessment as never, options as never);
        expect(cards.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe.skipIf(!HAVE_SHARED)("fromFhir on mutated real bundles", () => {
  type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
  const real = readShared("synthea-r4-Milan_Beatty_e78d0ed2-1b54-4c30-90ae-f7405af1e402.json") as { entry: { resource: { resourceType: string } }[] };
  // The resources the adapter reads, plus a few it counts as not relevant.
  const relevant = { ...real, entry: real.entry.filter((e) => ["Patient", "Condition", "MedicationRequest"].includes(e.resource.resourceType) || e === real.entry[3]) };

  function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(at);
    if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
    return out;
  }
  const all = paths(relevant as unknown as Json).filter((p) => p.length > 0);

  function mutate(base: Json, edits: readonly { path: number; value: Json | undefined }[]): Json {
    const copy = structuredClone(base);
    for (const edit of edits) {
      const path = all[edit.path % all.length] ?? [];
      let parent: Json = copy;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)?.[key] ?? null;
      if (parent === null || typeof parent !== "object") continue;
      const last = path.at(-1) ?? 0;
      if (edit.value === undefined) delete (parent as Record<string | number, Json>)[last];
      else (parent as Record<string | number, Json>)[last] = edit.value;
    }
    return copy;
  }

  it("never throws, accounts for every resource and echoes no input text", () => {
    const value = fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, marked, fc.constant(undefined), fc.object() as fc.Arbitrary<Json>);
    fc.assert(
      fc.property(fc.array(fc.record({ path: fc.nat(), value }), { minLength: 1, maxLength: 8 }), (edits) => {
        checkAll(mutate(relevant as unknown as Json, edits), { asOf: "2020-12-31" });
      }),
      { numRuns: 300 },
    );
  });

  it("reads the whole real bundle with strings replaced by marked text without echoing any of it", () => {
    const replaced = JSON.parse(JSON.stringify(real), (key, v: unknown) => (typeof v === "string" && (key === "display" || key === "text" || key === "div" || key === "family" || key === "given") ? `${MARK}${key}` : v)) as unknown;
    checkAll(replaced, { asOf: "2020-12-31" });
  });
});
