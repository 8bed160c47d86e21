/**
 * A FHIR R4 Observation recording an assessment, for an EHR to store.
 *
 * @module
 */
import type { Observation } from "fhir/r4.js"; // with .js: see fromFhir.ts
import type { TrdAssessment, TrdStatus } from "../classify/types";

/**
 * The code system of this library's own codes (no standard code for TRD status was found).
 *
 * @example
 * TRD_CODE_SYSTEM; //=> "urn:trd-classifier"
 */
export const TRD_CODE_SYSTEM = "urn:trd-classifier";

const STATUS_DISPLAY: Readonly<Record<TrdStatus, string>> = {
  "no-response": "Treatment-resistant depression (no response)",
  "partial-response": "Partially responsive depression",
  "not-yet-resistant": "Not yet treatment-resistant",
};

/**
 * The Observation this library emits: FHIR R4 `Observation`, with fields always present.
 *
 * @example
 * declare const o: TrdObservation;
 * o.code.coding[0]?.code; //=> "trd-status"
 */
export type TrdObservation = Observation & {
  readonly resourceType: "Observation";
  readonly status: "final";
  readonly code: { readonly coding: [{ readonly system: string; readonly code: string; readonly display: string }]; readonly text: string };
  readonly valueCodeableConcept: { readonly coding: [{ readonly system: string; readonly code: string; readonly display: string }]; readonly text: string };
};

/**
 * Turns an assessment into a FHIR R4 Observation an EHR can store: a coded `code`
 * (`urn:trd-classifier#trd-status`, as no standard code exists), the status as a coded value
 * (`urn:trd-classifier#<status>`, its text leading with "not applicable" where the definition does
 * not apply), the as-of date as its effective date, the rule set and catalogue versions as its
 * method, the counts, whether the evidence is complete and (when asked for) the resistant-since
 * date as components, and the open questions and reasons as notes. It validates against the R4
 * StructureDefinitions (tested).
 *
 * @param assessment - `classifyTrd`'s result.
 * @param options - The subject reference (`Patient/123`).
 * @returns The Observation.
 * @example
 * import { toFhirObservation } from "trd-classifier/fhir";
 * declare const assessment: import("trd-classifier").TrdAssessment;
 * toFhirObservation(assessment, { subject: "Patient/123" }).valueCodeableConcept.coding[0].code; //=> "not-yet-resistant"
 */
export function toFhirObservation(assessment: TrdAssessment, options: { readonly subject?: string } = {}): TrdObservation {
  const display = STATUS_DISPLAY[assessment.status];
  const c = assessment.counts;
  // The open questions first (the next steps), then the reasons.
  const notes = [...assessment.evidence.openQuestions.map((q) => ({ text: `Open question: ${q.message}` })), ...assessment.reasons.map((r) => ({ text: r.message }))];
  const component = (code: string, text: string, valueInteger: number) => ({ code: { coding: [{ system: TRD_CODE_SYSTEM, code, display: text }], text }, valueInteger });
  return {
    resourceType: "Observation",
    status: "final",
    category: [{ text: "treatment-resistant depression assessment" }],
    code: { coding: [{ system: TRD_CODE_SYSTEM, code: "trd-status", display: "Treatment-resistant depression status" }], text: "Treatment-resistant depression status (trd-classifier)" },
    ...(options.subject === undefined ? {} : { subject: { reference: options.subject } }),
    effectiveDateTime: assessment.asOf,
    valueCodeableConcept: { coding: [{ system: TRD_CODE_SYSTEM, code: assessment.status, display }], text: assessment.applicable ? display : `Not applicable (bipolar disorder on record): ${display}` },
    method: { text: `${assessment.ruleSet.name} v${assessment.ruleSet.version} (${assessment.ruleSet.id}); catalogue ${assessment.catalogueVersion}` },
    component: [
      component("adequate-trials", "adequate trials", c.adequateTrials),
      component("failed-adequate-trials", "failed adequate trials", c.failedAdequateTrials),
      component("non-response-failures", "failures with non-response", c.nonResponseFailures),
      component("partial-response-failures", "failures with partial response", c.partialResponseFailures),
      { code: { coding: [{ system: TRD_CODE_SYSTEM, code: "evidence-complete", display: "evidence complete for the rule set" }], text: "evidence complete for the rule set" }, valueBoolean: assessment.evidence.complete },
      ...(assessment.resistantSince === undefined
        ? []
        : [{ code: { coding: [{ system: TRD_CODE_SYSTEM, code: "resistant-since", display: "criteria met since" }], text: "criteria met since" }, valueDateTime: assessment.resistantSince.date }]),
    ],
    ...(notes.length === 0 ? {} : { note: notes }),
  };
}
