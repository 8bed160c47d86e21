/**
 * What a prescription was given for: its `reasonCode`, or the Condition its `reasonReference`
 * names (followed inside the input), or for a dispense, the reason of the order it fills.
 *
 * @module
 */
import type { SourceId } from "../catalogue/sources";
import type { Verification } from "../catalogue/types";
import type { Indication } from "../schema/trial";
import { diagnosisCode, icd10System, indicationOfUnlistedIcd10 } from "./codes";
import { codingsOf, objectAt, objectsAt, textAt } from "./json";
import type { Entry, ResourceIndex } from "./references";

/** An indication and the code row that gave it. */
export interface IndicationRead {
  readonly indication: Indication;
  readonly source?: SourceId;
  readonly verification?: Verification;
  /** The code read (system and code), for the caller's log. */
  readonly code?: string;
}

function ofConcept(concept: unknown): IndicationRead {
  for (const coding of codingsOf(concept)) {
    const row = diagnosisCode(coding.system, coding.code);
    const code = `${coding.system ?? ""}|${coding.code ?? ""}`;
    if (row !== undefined) return { indication: row.indication, source: row.source, verification: row.verification, code };
    if (icd10System(coding.system) && coding.code !== undefined) {
      return { indication: indicationOfUnlistedIcd10(coding.code), source: "library-convention", verification: "unverified", code };
    }
  }
  return { indication: "not-recognised" };
}

function reasonsOf(entry: Entry, index: ResourceIndex): IndicationRead[] {
  const found = objectsAt(entry.resource, "reasonCode").map(ofConcept);
  for (const ref of objectsAt(entry.resource, "reasonReference")) {
    const target = index.resolve(textAt(ref, "reference"), entry);
    found.push(target === undefined ? { indication: "not-recognised" } : ofConcept(objectAt(target.resource, "code")));
  }
  return found;
}

const PRIORITY = (i: IndicationRead): number => (i.indication === "depression" ? 0 : i.indication === "not-recognised" ? 2 : 1);

/**
 * The indication of a medication record: depression when any reason is depression; else the
 * first other condition; else `not-recognised` (a reason in a code not mapped, or a reference
 * outside the input); else `not-recorded`.
 *
 * @example
 * indicationOf(sertralineForPtsd, index); //=> { indication: "post-traumatic-stress-disorder", source: "synthea-modules", verification: "secondary", code: "http://snomed.info/sct|47505003" }
 */
export function indicationOf(entry: Entry, index: ResourceIndex): IndicationRead {
  const reasons = reasonsOf(entry, index);
  if (entry.type === "MedicationDispense") {
    for (const ref of objectsAt(entry.resource, "authorizingPrescription")) {
      const order = index.resolve(textAt(ref, "reference"), entry);
      if (order?.type === "MedicationRequest") reasons.push(...reasonsOf(order, index));
    }
  }
  if (reasons.length === 0) return { indication: "not-recorded" };
  return [...reasons].sort((a, b) => PRIORITY(a) - PRIORITY(b))[0] ?? { indication: "not-recorded" };
}

