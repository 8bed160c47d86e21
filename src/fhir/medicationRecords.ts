/**
 * One MedicationDispense, MedicationRequest or MedicationStatement read into a dated record of
 * a relevant drug: its status, date, supply or end, daily dose and indication. What cannot be
 * read is an issue; a drug that does not bear on TRD is counted as not relevant.
 *
 * @module
 */
import type { Indication } from "../schema/trial";
import type { Accounting } from "./accounting";
import { firstDay } from "./dates";
import { dailyDose } from "./dose";
import type { DailyDose, DoseProblem } from "./dose";
import { indicationOf } from "./indication";
import { listAt, numberAt, objectAt, textAt } from "./json";
import { readMedication } from "./medications";
import type { MedicationRead } from "./medications";
import { durationInDays, readQuantity } from "./quantity";
import type { Entry, ResourceIndex } from "./references";

/** The kind of record, in the trial builder's words. */
export type RecordKind = "dispense" | "prescription" | "statement";

/** A relevant medication record, before its period is settled. */
export interface MedicationRecord {
  readonly entry: Entry;
  readonly kind: RecordKind;
  readonly medication: MedicationRead & { readonly key: string; readonly agent: NonNullable<MedicationRead["agent"]> };
  readonly date: string;
  /** Days the record covers, when it says. */
  readonly daysSupply?: number;
  /** Its last day, when it says. */
  readonly endDate?: string;
  /** Without a supply or end: still running (`open`) or ended at an unknown date (`closed`). */
  readonly period: "stated" | "open" | "closed";
  readonly mgPerDay?: number;
  readonly indication: Indication;
}

const KIND: Readonly<Record<string, RecordKind>> = { MedicationDispense: "dispense", MedicationRequest: "prescription", MedicationStatement: "statement" };
const REQUEST_STATUSES = new Set(["active", "completed", "stopped", "on-hold"]);
const ORDER_INTENTS = new Set(["order", "original-order", "reflex-order", "filler-order", "instance-order"]);
const OPEN_STATUSES = new Set(["active", "on-hold", "unknown"]);

const DOSE_WORDS: Readonly<Record<DoseProblem, string>> = {
  no_dosage: "there is no dosage instruction",
  as_needed: "it is taken as needed, so there is no daily dose",
  no_dose_quantity: "the instruction has no dose quantity",
  dose_range: "the dose is a range",
  no_timing: "the instruction has no timing",
  frequency_range: "the frequency is a range",
  period_unit_unknown: "the timing's period is not one the adapter reads",
  unit_not_understood: "its unit is not one the adapter reads",
  strength_unknown: "the dose is in tablets or capsules and the product's strength is unknown",
  strength_per_ml_unknown: "the dose is a volume and the product's strength per mL is unknown",
  sequential_instructions: "the instructions follow each other (a taper or titration), so there is no single daily dose",
  text_not_understood: "the free-text instruction was not understood",
};

/** Why a record of this type and status is not a course of the drug, or `undefined` when it may be. */
function excluded(entry: Entry): string | undefined {
  const status = textAt(entry.resource, "status");
  if (entry.type === "MedicationDispense") return status === "completed" ? undefined : "a dispense that was not completed";
  if (entry.type === "MedicationRequest") {
    if (status === undefined || !REQUEST_STATUSES.has(status)) return "an order that was not carried out (cancelled, draft or unknown)";
    return ORDER_INTENTS.has(textAt(entry.resource, "intent") ?? "") ? undefined : "a proposal or plan, not an order";
  }
  return status === "intended" ? "a statement of intent: not started" : undefined;
}

function startOf(entry: Entry): string | undefined {
  const r = entry.resource;
  if (entry.type === "MedicationDispense") return firstDay(r["whenHandedOver"], r["whenPrepared"]);
  if (entry.type === "MedicationRequest") return firstDay(r["authoredOn"], objectAt(objectAt(r, "dispenseRequest"), "validityPeriod")?.["start"]);
  return firstDay(objectAt(r, "effectivePeriod")?.["start"], r["effectiveDateTime"], r["dateAsserted"]);
}

function dosagesOf(entry: Entry): readonly unknown[] {
  return listAt(entry.resource, entry.type === "MedicationStatement" ? "dosage" : "dosageInstruction");
}

/** Supply or end as the record states it: days' supply, order supply x (1 + repeats), or an end date. */
function periodOf(entry: Entry, start: string): Pick<MedicationRecord, "daysSupply" | "endDate" | "period"> {
  const r = entry.resource;
  if (entry.type === "MedicationDispense") {
    const days = durationInDays(objectAt(r, "daysSupply"));
    return days === undefined ? { period: "closed" } : { daysSupply: Math.max(1, Math.round(days)), period: "stated" };
  }
  if (entry.type === "MedicationRequest") {
    const request = objectAt(r, "dispenseRequest");
    const supply = durationInDays(objectAt(request, "expectedSupplyDuration"));
    if (supply !== undefined) return { daysSupply: Math.max(1, Math.round(supply * (1 + Math.max(0, numberAt(request, "numberOfRepeatsAllowed") ?? 0)))), period: "stated" };
  }
  const end = entry.type === "MedicationStatement" ? firstDay(objectAt(r, "effectivePeriod")?.["end"]) : boundsEnd(dosagesOf(entry));
  if (end !== undefined && end >= start) return { endDate: end, period: "stated" };
  return { period: OPEN_STATUSES.has(textAt(r, "status") ?? "unknown") ? "open" : "closed" };
}

/** The end of a dosage's `timing.repeat.boundsPeriod`, the same for every line. */
function boundsEnd(dosages: readonly unknown[]): string | undefined {
  const ends = new Set(dosages.map((d) => firstDay(objectAt(objectAt(objectAt(d, "timing"), "repeat"), "boundsPeriod")?.["end"])));
  const [only] = ends;
  return ends.size === 1 ? only : undefined;
}

/** A dispense's dose from the quantity handed over and its days' supply. */
function doseFromQuantity(entry: Entry, medication: MedicationRead, daysSupply: number | undefined): number | undefined {
  if (entry.type !== "MedicationDispense" || daysSupply === undefined) return undefined;
  const quantity = readQuantity(objectAt(entry.resource, "quantity"));
  const s = medication.strength;
  if (quantity.kind === "count" && s?.per === "unit") return Math.round(((quantity.units * s.mg) / daysSupply) * 1000) / 1000;
  if (quantity.kind === "volume" && s?.per === "ml") return Math.round(((quantity.ml * s.mg) / daysSupply) * 1000) / 1000;
  return undefined;
}

function doseOf(entry: Entry, medication: MedicationRead, daysSupply: number | undefined, ledger: Accounting): number | undefined {
  const dose: DailyDose = dailyDose(dosagesOf(entry), medication.strength);
  if (dose.ok) {
    if (dose.from === "text") {
      ledger.decide({ code: "dose_from_text", message: `daily dose ${dose.mgPerDay} mg read from the free-text instruction`, resource: `${entry.type}/${entry.id ?? ""}`, rule: "sig", input: { text: dose.text ?? "" } });
    }
    return dose.mgPerDay;
  }
  const fromQuantity = doseFromQuantity(entry, medication, daysSupply);
  if (fromQuantity !== undefined) return fromQuantity;
  ledger.issue(entry, "dose_unknown", `the daily dose could not be computed: ${DOSE_WORDS[dose.problem]}`, { problem: dose.problem, ...(dose.unit === undefined ? {} : { input: { unit: dose.unit } }) });
  return undefined;
}

function relevantMedication(entry: Entry, index: ResourceIndex, ledger: Accounting): MedicationRecord["medication"] | undefined {
  const medication = readMedication(entry, index);
  if (medication === "no_medication") return void ledger.issue(entry, "no_medication", "no medication code, reference or name");
  if (medication === "medication_reference_unresolved") return void ledger.issue(entry, "medication_reference_unresolved", "medicationReference names no Medication in the input and has no display");
  if (medication.relevance === "not-relevant") return void ledger.notRelevant(entry, "medication-not-antidepressant", medication.coding);
  if (medication.relevance === "combination-product") return void ledger.issue(entry, "combination_product_not_mapped", "a combination product with an antidepressant or augmenting agent in it: not mapped to a trial");
  if (medication.relevance === "rapid-acting") return void ledger.issue(entry, "rapid_acting_not_mapped", "a rapid-acting agent given in sessions: record its course under otherTreatments");
  if (medication.key === undefined || medication.agent === undefined) return undefined;
  return { ...medication, key: medication.key, agent: medication.agent };
}

/**
 * Reads one medication resource of the patient into a record, or accounts for why not.
 *
 * @example
 * readMedicationRecord(orderEntry, index, ledger);
 * //=> { kind: "prescription", date: "1978-10-03", period: "open", mgPerDay: 100, indication: "post-traumatic-stress-disorder", … }
 */
export function readMedicationRecord(entry: Entry, index: ResourceIndex, ledger: Accounting): MedicationRecord | undefined {
  const status = textAt(entry.resource, "status");
  if (status === "entered-in-error") return void ledger.issue(entry, "entered_in_error", "entered in error: not used");
  if (status === "not-taken") return void ledger.issue(entry, "not_taken", "the patient did not take it: evidence of no trial");
  const why = excluded(entry);
  if (why !== undefined) return void ledger.issue(entry, "status_excluded", `${why}: not used`, status === undefined ? {} : { input: { status } });
  const medication = relevantMedication(entry, index, ledger);
  if (medication === undefined) return undefined;
  const date = startOf(entry);
  if (date === undefined) return void ledger.issue(entry, "no_date", "no whole date for when it was dispensed, ordered or started");
  const period = periodOf(entry, date);
  const mgPerDay = doseOf(entry, medication, period.daysSupply, ledger);
  const indication = indicationOf(entry, index);
  if (indication.indication !== "not-recorded") {
    ledger.decide({
      code: "indication",
      message: indication.indication === "not-recognised" ? "a reason is recorded in a code the adapter does not map" : `prescribed for ${indication.indication.replace(/-/g, " ")}`,
      resource: `${entry.type}/${entry.id ?? ""}`,
      rule: "indication",
      ...(indication.source === undefined ? {} : { source: indication.source }),
      ...(indication.verification === undefined ? {} : { verification: indication.verification }),
      ...(indication.code === undefined ? {} : { input: { code: indication.code } }),
    });
  }
  const kind = KIND[entry.type] ?? "statement";
  return { entry, kind, medication, date, ...period, ...(mgPerDay === undefined ? {} : { mgPerDay }), indication: indication.indication };
}
