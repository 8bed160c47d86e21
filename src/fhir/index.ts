/**
 * trd-classifier/fhir: FHIR R4 in (`fromFhir`), CDS Hooks cards and a FHIR Observation out, and
 * the CDS Hooks service definition. Kept apart from the core so that users without FHIR pay
 * nothing for it. Its types use `@types/fhir` (`fhir4.Bundle`, `fhir4.Observation`).
 *
 * @module trd-classifier/fhir
 */
export { fromFhir } from "./fromFhir";
export type { FhirInput, FromFhirOptions, FromFhirResult } from "./fromFhir";
export { DECISION_CODES, MAPPING_ISSUE_CODES, NOT_RELEVANT_KINDS } from "./accounting";
export type { FhirReadSummary, MappingDecision, MappingDecisionCode, MappingIssue, MappingIssueCode, NotRelevantCount, NotRelevantKind } from "./accounting";
export { COURSE_PROVENANCE, DEFAULT_COURSE_PARAMETERS } from "./courses";
export type { CourseParameters } from "./courses";
export { DOSE_PROBLEMS } from "./dose";
export type { DoseProblem } from "./dose";
export { toCdsHooksCards } from "./cards";
export type { CardOptions, CdsCard, CdsLink, MappingForCards } from "./cards";
export { TRD_CODE_SYSTEM, toFhirObservation } from "./observation";
export type { TrdObservation } from "./observation";
export { TRD_CDS_SERVICE, TRD_PREFETCH, readPrefetch } from "./cdsService";
export type { PrefetchProblem } from "./cdsService";
