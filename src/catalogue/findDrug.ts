/**
 * Catalogue look-ups.
 *
 * @module
 */
import { DRUGS } from "./drugs";
import { normaliseDrugName } from "./normaliseDrugName";
import type { DrugEntry, DrugRole } from "./types";

function buildIndexes(): { byName: Map<string, DrugEntry>; byRxnorm: Map<string, DrugEntry>; byAtc: Map<string, DrugEntry> } {
  const byName = new Map<string, DrugEntry>();
  const byRxnorm = new Map<string, DrugEntry>();
  const byAtc = new Map<string, DrugEntry>();
  for (const drug of DRUGS as readonly DrugEntry[]) {
    for (const name of [drug.id, drug.name, ...drug.synonyms]) {
      const key = normaliseDrugName(name);
      const existing = byName.get(key);
      if (existing !== undefined && existing !== drug) {
        throw new Error(`findDrug: the name "${key}" belongs to both ${existing.id} and ${drug.id}`);
      }
      byName.set(key, drug);
    }
    if (drug.rxnorm !== undefined) byRxnorm.set(drug.rxnorm.code, drug);
    if (drug.atc !== undefined) byAtc.set(drug.atc.code, drug);
  }
  return { byName, byRxnorm, byAtc };
}

const indexes = buildIndexes();

/**
 * Finds an agent in the catalogue by generic name, brand name, common spelling, RxNorm ingredient
 * code (digits) or ATC code (`N06AB06`). Names match case-, accent- and punctuation-insensitively
 * and by whole name only: `escitalopram` is never `citalopram`, and a salt or release form
 * (`sertraline hydrochloride`, `venlafaxine XR`) names its agent.
 *
 * @param nameOrCode - A name or code as found in a record.
 * @returns The entry, or `undefined` for an agent the catalogue does not know.
 * @example
 * import { findDrug } from "trd-classifier";
 *
 * findDrug("Lexapro")?.id; //=> "escitalopram"
 * findDrug("36437")?.id; //=> "sertraline"
 * findDrug("N06AX16")?.id; //=> "venlafaxine"
 * findDrug("aspirin"); //=> undefined
 */
export function findDrug(nameOrCode: string): DrugEntry | undefined {
  const cached = lookups.get(nameOrCode);
  if (cached !== undefined || lookups.has(nameOrCode)) return cached;
  const found = lookUp(nameOrCode);
  if (lookups.size >= 10_000) lookups.clear();
  lookups.set(nameOrCode, found);
  return found;
}

/** Results of earlier look-ups by the raw query (bounded; it only remembers answers). */
const lookups = new Map<string, DrugEntry | undefined>();

function lookUp(nameOrCode: string): DrugEntry | undefined {
  const trimmed = nameOrCode.trim();
  if (/^\d+$/.test(trimmed)) return indexes.byRxnorm.get(trimmed);
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]\d{2}[A-Z]{2}\d{2}$/.test(upper)) return indexes.byAtc.get(upper);
  const key = normaliseDrugName(trimmed);
  return key === "" ? undefined : indexes.byName.get(key);
}

/**
 * Options for {@link listDrugs}.
 *
 * @example
 * import { listDrugs } from "trd-classifier";
 * const options: ListDrugsOptions = { role: "rapid-acting" };
 * listDrugs(options).map((d) => d.id); //=> ["esketamine", "ketamine", "zuranolone", "brexanolone"]
 */
export interface ListDrugsOptions {
  /** Only agents with this role. */
  readonly role?: DrugRole;
}

/**
 * Every agent in the catalogue, in catalogue order (antidepressants by class, then augmenting and
 * rapid-acting agents).
 *
 * @param options - Optional filter by role.
 * @returns The entries, frozen: an edit throws a `TypeError`.
 * @example
 * import { listDrugs } from "trd-classifier";
 *
 * listDrugs({ role: "augmenting-agent" }).length > 0; //=> true
 * listDrugs()[0]?.id; //=> "fluoxetine"
 */
export function listDrugs(options: ListDrugsOptions = {}): readonly DrugEntry[] {
  return options.role === undefined ? DRUGS : (byRole.get(options.role) ?? NONE);
}

const NONE: readonly DrugEntry[] = Object.freeze([]);

/** The entries of each role, in catalogue order, frozen like the catalogue. */
const byRole: ReadonlyMap<DrugRole, readonly DrugEntry[]> = (() => {
  const groups = new Map<DrugRole, DrugEntry[]>();
  for (const drug of DRUGS as readonly DrugEntry[]) {
    const group = groups.get(drug.role);
    if (group === undefined) groups.set(drug.role, [drug]);
    else group.push(drug);
  }
  for (const group of groups.values()) Object.freeze(group);
  return groups;
})();
