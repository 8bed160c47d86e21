/**
 * trd-classifier/fhir: FHIR R4 in (`fromFhir`), CDS Hooks cards and a FHIR Observation out.
 * Kept apart from the core so that users without FHIR pay nothing for it.
 *
 * @packageDocumentation
 */
export { fromFhir } from "./fromFhir";
export type { FromFhirOptions, FromFhirResult, MappingIssue, MappingIssueCode } from "./fromFhir";
export { toCdsHooksCards, toFhirObservation } from "./cards";
export type { CardOptions, CdsCard, TrdObservation } from "./cards";
