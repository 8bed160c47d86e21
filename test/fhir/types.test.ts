/**
 * The public FHIR functions take and give the FHIR R4 types of @types/fhir, as well as unknown JSON.
 */
import type { Bundle, MedicationRequest, Observation } from "fhir/r4";
import { describe, expect, expectTypeOf, it } from "vitest";
import { fromFhir, toFhirObservation } from "trd-classifier/fhir";
import type { FromFhirResult } from "trd-classifier/fhir";

describe("FHIR R4 types", () => {
  it("accepts a fhir4.Bundle, a resource array and unknown JSON; returns a fhir4.Observation", () => {
    const order: MedicationRequest = { resourceType: "MedicationRequest", id: "o1", status: "active", intent: "order", subject: { reference: "Patient/p1" }, medicationCodeableConcept: { text: "sertraline 50 MG Oral Tablet" }, authoredOn: "2024-01-01" };
    const bundle: Bundle = { resourceType: "Bundle", type: "collection", entry: [{ resource: order }] };
    expectTypeOf(fromFhir).toBeCallableWith(bundle, { asOf: "2024-06-30" });
    expectTypeOf(fromFhir).toBeCallableWith([order], { asOf: "2024-06-30" });
    expectTypeOf(fromFhir).toBeCallableWith(JSON.parse("{}") as unknown, { asOf: "2024-06-30" });
    expectTypeOf(fromFhir(bundle, { asOf: "2024-06-30" })).toEqualTypeOf<FromFhirResult>();
    expectTypeOf(toFhirObservation).returns.toMatchTypeOf<Observation>();
    expect(fromFhir(bundle, { asOf: "2024-06-30" }).history.trials).toHaveLength(1);
  });
});
