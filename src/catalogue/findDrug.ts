/**
 * Catalogue look-ups.
 *
 * @module
 */
import type { CatalogueAgent } from "./agents";
import { drugEntries } from "./drugs";
import { lookUpAgent } from "./lookUpAgent";
import type { DrugEntry, DrugRole } from "./types";

/** The entries by id and by role (each role's in catalogue order, frozen like the catalogue). */
interface EntryIndexes {
  readonly byId: ReadonlyMap<string, DrugEntry>;
  readonly byRole: ReadonlyMap<DrugRole, readonly DrugEntry[]>;
}

/** Built on first use, like the entries (see `drugEntries`). */
let entryIndexes: EntryIndexes | undefined;

function indexes(): EntryIndexes {
  if (entryIndexes !== undefined) return entryIndexes;
  const byId = new Map<string, DrugEntry>();
  const byRole = new Map<DrugRole, DrugEntry[]>();
  for (const drug of drugEntries()) {
    byId.set(drug.id, drug);
    const group = byRole.get(drug.role);
    if (group === undefined) byRole.set(drug.role, [drug]);
    else group.push(drug);
  }
  for (const group of byRole.values()) Object.freeze(group);
  entryIndexes = { byId, byRole };
  return entryIndexes;
}

/** The public entry of an agent's facts. */
const entryOf = (agent: CatalogueAgent | undefined): DrugEntry | undefined => (agent === undefined ? undefined : indexes().byId.get(agent.id));

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
  return entryOf(lookUpAgent(nameOrCode));
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
  return options.role === undefined ? drugEntries() : (indexes().byRole.get(options.role) ?? NONE);
}

const NONE: readonly DrugEntry[] = Object.freeze([]);
