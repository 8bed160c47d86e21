/**
 * Whose record it is: the patient of an input, and whether each resource belongs to them.
 *
 * @module
 */
import { objectAt, textAt } from "./json";
import { typeAndId } from "./references";
import type { Entry, ResourceIndex } from "./references";

/** The patient an input is read for. */
export type PatientChoice =
  | { readonly kind: "found"; readonly id: string | undefined; readonly entry: Entry | undefined }
  | { readonly kind: "ambiguous" | "not-found" };

/** The reference a resource holds to its patient (`subject`, else `patient`). */
export function subjectReference(entry: Entry): string | undefined {
  return textAt(objectAt(entry.resource, "subject"), "reference") ?? textAt(objectAt(entry.resource, "patient"), "reference");
}

/** The patient id a subject reference names, resolving bundle-internal references. */
function patientIdOf(reference: string, entry: Entry, index: ResourceIndex): string | undefined {
  const target = index.resolve(reference, entry);
  if (target !== undefined) return target.type === "Patient" ? (target.id ?? target.fullUrl) : undefined;
  const named = typeAndId(reference);
  return named?.type === "Patient" ? named.id : undefined;
}

/**
 * Chooses the patient: the one asked for (an id, `Patient/id` or a `fullUrl`); else the only
 * Patient resource; else, when there is none, the one patient every subject names (or, with no
 * subject at all, the input as one unnamed patient's record). Two or more candidates and no
 * choice is ambiguous: nothing is guessed.
 *
 * @example
 * choosePatient(index, undefined); //=> { kind: "found", id: "8adf7251-…", entry: … }
 */
export function choosePatient(index: ResourceIndex, asked: string | undefined): PatientChoice {
  const patients = index.entries.filter((e) => e.type === "Patient");
  if (asked !== undefined) {
    const id = typeAndId(asked)?.id ?? asked;
    const entry = patients.find((p) => p.id === id || p.fullUrl === asked);
    if (entry !== undefined) return { kind: "found", id: entry.id ?? id, entry };
    const named = index.entries.some((e) => {
      const ref = subjectReference(e);
      return ref !== undefined && patientIdOf(ref, e, index) === id;
    });
    return named ? { kind: "found", id, entry: undefined } : { kind: "not-found" };
  }
  if (patients.length === 1) return { kind: "found", id: patients[0]?.id, entry: patients[0] };
  if (patients.length > 1) return { kind: "ambiguous" };
  const ids = new Set<string>();
  for (const e of index.entries) {
    const ref = subjectReference(e);
    const id = ref === undefined ? undefined : patientIdOf(ref, e, index);
    if (id !== undefined) ids.add(id);
  }
  if (ids.size > 1) return { kind: "ambiguous" };
  // No Patient and no subject anywhere: the input is taken as one unnamed patient's record.
  const [only] = ids;
  return { kind: "found", id: only, entry: undefined };
}

/**
 * Whether a resource is the chosen patient's: its subject resolves to the patient's resource or
 * names the patient's id. A resource without a subject reference is taken as the record's own
 * (the input is one patient's record).
 *
 * @example
 * belongsTo(conditionEntry, { kind: "found", id: "8adf7251-…", entry: patientEntry }, index); //=> true
 */
export function belongsTo(entry: Entry, patient: Extract<PatientChoice, { kind: "found" }>, index: ResourceIndex): boolean {
  const ref = subjectReference(entry);
  if (ref === undefined) return true;
  const target = index.resolve(ref, entry);
  if (target !== undefined && patient.entry !== undefined) return target === patient.entry;
  const id = patientIdOf(ref, entry, index);
  return id !== undefined && (id === patient.id || id === patient.entry?.fullUrl);
}
