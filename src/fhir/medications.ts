/**
 * Which drug a medication record is about: `medicationCodeableConcept`, or `medicationReference`
 * to a Medication in the input, contained (`#id`), or named only by its `display`; by RxNorm or
 * ATC ingredient code first, then by name. And whether it matters for TRD.
 *
 * @module
 */
import type { CatalogueAgent } from "../catalogue/agents";
import { lookUpAgent } from "../catalogue/lookUpAgent";
import { SYSTEM } from "./codes";
import { codingsOf, objectAt, textAt, textsOf } from "./json";
import type { CodingRead } from "./json";
import type { Entry, ResourceIndex } from "./references";
import { ingredientStrength, parseProductName } from "./strength";
import type { Strength } from "./strength";

/** How a record's drug bears on TRD. */
export type Relevance = "antidepressant" | "augmenting-agent" | "unknown-antidepressant" | "rapid-acting" | "combination-product" | "not-relevant";

/** A record's drug as read. */
export interface MedicationRead {
  readonly relevance: Relevance;
  /** The catalogue entry, for a catalogued drug. */
  readonly drug?: CatalogueAgent;
  /** The agent in the classifier's form (catalogue name, or the ATC code of an uncatalogued antidepressant). */
  readonly agent?: { readonly name: string } | { readonly atc: string };
  /** Grouping key: the catalogue id, or `atc:<code>`. */
  readonly key?: string;
  readonly strength?: Strength;
  /** The coding reported for a not-relevant drug (RxNorm first). */
  readonly coding?: CodingRead;
  /** The Medication resource it came from, when one was followed. */
  readonly medication?: Entry;
  /** The drug was named only by the reference's `display`. */
  readonly fromDisplay: boolean;
}

/** Why a record's drug could not be read. */
export type MedicationProblem = "no_medication" | "medication_reference_unresolved";

const ANTIDEPRESSANT_ATC = /^N06A/;

function byCode(codings: readonly CodingRead[]): CatalogueAgent | undefined {
  for (const c of codings) {
    if ((c.system === SYSTEM.rxnorm || c.system === SYSTEM.atc) && c.code !== undefined) {
      const drug = lookUpAgent(c.code);
      if (drug !== undefined) return drug;
    }
  }
  return undefined;
}

function byName(texts: readonly string[]): { drug?: CatalogueAgent; combination: boolean } {
  for (const text of texts) {
    const product = parseProductName(text);
    if (product.multiIngredient) {
      if (text.split(/\s\/\s/).some((part) => lookUpAgent(parseProductName(part).name) !== undefined)) return { combination: true };
      continue;
    }
    const drug = lookUpAgent(product.name);
    if (drug !== undefined) return { drug, combination: false };
  }
  return { combination: false };
}

function strengthFrom(texts: readonly string[], medication: Entry | undefined): Strength | undefined {
  const fromIngredient = medication === undefined ? undefined : ingredientStrength(medication.resource);
  return fromIngredient ?? texts.map((t) => parseProductName(t)).find((p) => !p.multiIngredient && p.strength !== undefined)?.strength;
}

function classify(concept: unknown, texts: readonly string[], medication: Entry | undefined, fromDisplay: boolean): MedicationRead {
  const codings = codingsOf(concept);
  const coding = codings.find((c) => c.system === SYSTEM.rxnorm) ?? codings[0];
  const named = byName(texts);
  const drug = byCode(codings) ?? named.drug;
  const base = { fromDisplay, ...(medication === undefined ? {} : { medication }), ...(coding === undefined ? {} : { coding }) };
  if (drug === undefined) {
    const atc = codings.find((c) => c.system === SYSTEM.atc && c.code !== undefined && ANTIDEPRESSANT_ATC.test(c.code))?.code;
    if (atc !== undefined) return { ...base, relevance: "unknown-antidepressant", agent: { atc }, key: `atc:${atc}` };
    return { ...base, relevance: named.combination ? "combination-product" : "not-relevant" };
  }
  const relevance = drug.role === "rapid-acting" ? "rapid-acting" : drug.role;
  const strength = strengthFrom(texts, medication);
  return { ...base, relevance, drug, agent: { name: drug.name }, key: drug.id, ...(strength === undefined ? {} : { strength }) };
}

/**
 * Reads the drug of a MedicationRequest, MedicationDispense or MedicationStatement.
 *
 * @example
 * readMedication(requestEntry, index);
 * //=> { relevance: "antidepressant", drug: { id: "sertraline", … }, agent: { name: "sertraline" }, key: "sertraline", strength: { per: "unit", mg: 100 }, … }
 */
export function readMedication(entry: Entry, index: ResourceIndex): MedicationRead | MedicationProblem {
  const concept = objectAt(entry.resource, "medicationCodeableConcept");
  if (concept !== undefined) return classify(concept, textsOf(concept), undefined, false);
  const reference = objectAt(entry.resource, "medicationReference");
  if (reference === undefined) return "no_medication";
  const target = index.resolve(textAt(reference, "reference"), entry);
  if (target?.type === "Medication") {
    const code = objectAt(target.resource, "code");
    return classify(code, textsOf(code), target, false);
  }
  const display = textAt(reference, "display");
  return display === undefined ? "medication_reference_unresolved" : classify(undefined, [display], undefined, true);
}
