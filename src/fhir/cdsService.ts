/**
 * The CDS Hooks service definition (discovery entry and prefetch templates) that an integrator
 * can serve as is, and the reading of a request's prefetch.
 *
 * @module
 */
import { isObject, textAt } from "./json";

/**
 * The prefetch templates of the `patient-view` service: the Patient, and Bundles of the
 * Conditions, medication records and survey Observations that {@link fromFhir} reads.
 *
 * @example
 * TRD_PREFETCH.patient; //=> "Patient/{{context.patientId}}"
 */
export const TRD_PREFETCH = /* @__PURE__ */ Object.freeze({
  patient: "Patient/{{context.patientId}}",
  conditions: "Condition?patient={{context.patientId}}",
  medicationRequests: "MedicationRequest?patient={{context.patientId}}",
  medicationDispenses: "MedicationDispense?patient={{context.patientId}}",
  medicationStatements: "MedicationStatement?patient={{context.patientId}}",
  observations: "Observation?patient={{context.patientId}}&category=survey",
});

/**
 * The CDS Hooks discovery entry of the TRD status service.
 *
 * @example
 * TRD_CDS_SERVICE.id; //=> "trd-status"
 */
export const TRD_CDS_SERVICE = /* @__PURE__ */ Object.freeze({
  hook: "patient-view",
  id: "trd-status",
  title: "Treatment-resistant depression status",
  description: "Whether the patient's depression is treatment-resistant, with the reasons, the signs of pseudo-resistance and what the record lacked.",
  prefetch: TRD_PREFETCH,
});

/**
 * Why a request's prefetch cannot be read; `key` is one of {@link TRD_PREFETCH}'s keys.
 *
 * @example
 * const p: PrefetchProblem = { problem: "not-a-resource", key: "patient" };
 */
export type PrefetchProblem = { readonly problem: "missing" } | { readonly problem: "not-a-resource"; readonly key: keyof typeof TRD_PREFETCH };

const KEYS = /* @__PURE__ */ Object.keys(TRD_PREFETCH) as (keyof typeof TRD_PREFETCH)[];

/**
 * The resources of a request's prefetch, for {@link fromFhir}: each template's value must be a
 * FHIR resource (a Bundle for the searches), or absent or `null` (the EHR could not prefetch it).
 * Never throws, whatever it is given: a prefetch that is not an object, or holds no resource, is
 * `{ problem: "missing" }`; a value of the wrong kind, or one that cannot be read (a getter that
 * throws), is `{ problem: "not-a-resource", key }`.
 *
 * @example
 * readPrefetch({ patient: { resourceType: "Patient", id: "1" }, conditions: null }); //=> { resources: [{ resourceType: "Patient", id: "1" }] }
 * readPrefetch({ patient: "abc" }); //=> { problem: "not-a-resource", key: "patient" }
 */
export function readPrefetch(prefetch: unknown): { readonly resources: readonly unknown[] } | PrefetchProblem {
  if (!isReadableObject(prefetch)) return { problem: "missing" };
  const resources: unknown[] = [];
  for (const key of KEYS) {
    const value = valueAt(prefetch, key);
    if (value === undefined || value === null) continue;
    if (value === UNREADABLE || typeAt(value) !== (key === "patient" ? "Patient" : "Bundle")) return { problem: "not-a-resource", key };
    resources.push(value);
  }
  return resources.length === 0 ? { problem: "missing" } : { resources };
}

const UNREADABLE = Symbol("unreadable");

/** Whether a value is an object whose kind can be told (a revoked proxy cannot). */
function isReadableObject(value: unknown): value is Readonly<Record<string, unknown>> {
  try {
    return isObject(value);
  } catch {
    return false;
  }
}

/** A property, or {@link UNREADABLE} when reading it throws. */
function valueAt(value: Readonly<Record<string, unknown>>, key: string): unknown {
  try {
    return value[key];
  } catch {
    return UNREADABLE;
  }
}

/** A resource's `resourceType`, `undefined` when it has none or it cannot be read. */
function typeAt(value: unknown): string | undefined {
  try {
    return textAt(value, "resourceType");
  } catch {
    return undefined;
  }
}
