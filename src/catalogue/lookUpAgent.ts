/**
 * Catalogue look-ups for the classifier, trial building and FHIR mapping: a name or code to the
 * agent's facts (`./agents`), without the catalogue's words. `findDrug` and `resolveAgent` give
 * the public entries (`drugEntries`) found the same way.
 *
 * @module
 */
import type { Agent } from "../schema/trial";
import { AGENTS } from "./agents";
import type { CatalogueAgent } from "./agents";
import { normaliseDrugName } from "./normaliseDrugName";

interface Indexes {
  readonly byName: ReadonlyMap<string, CatalogueAgent>;
  readonly byRxnorm: ReadonlyMap<string, CatalogueAgent>;
  readonly byAtc: ReadonlyMap<string, CatalogueAgent>;
}

function buildIndexes(): Indexes {
  const byName = new Map<string, CatalogueAgent>();
  const byRxnorm = new Map<string, CatalogueAgent>();
  const byAtc = new Map<string, CatalogueAgent>();
  for (const agent of AGENTS) {
    for (const name of [agent.id, agent.name, ...agent.synonyms]) {
      const key = normaliseDrugName(name);
      const existing = byName.get(key);
      if (existing !== undefined && existing !== agent) {
        throw new Error(`findDrug: the name "${key}" belongs to both ${existing.id} and ${agent.id}`);
      }
      byName.set(key, agent);
    }
    if (agent.rxnorm !== undefined) byRxnorm.set(agent.rxnorm.code, agent);
    if (agent.atc !== undefined) byAtc.set(agent.atc.code, agent);
  }
  return { byName, byRxnorm, byAtc };
}

const indexes = /* @__PURE__ */ buildIndexes();

/** Results of earlier look-ups by the raw query (bounded; it only remembers answers). */
const lookups = new Map<string, CatalogueAgent | undefined>();

function lookUp(nameOrCode: string): CatalogueAgent | undefined {
  const trimmed = nameOrCode.trim();
  if (/^\d+$/.test(trimmed)) return indexes.byRxnorm.get(trimmed);
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]\d{2}[A-Z]{2}\d{2}$/.test(upper)) return indexes.byAtc.get(upper);
  const key = normaliseDrugName(trimmed);
  return key === "" ? undefined : indexes.byName.get(key);
}

/**
 * An agent's facts by generic name, brand name, common spelling, RxNorm ingredient code (digits)
 * or ATC code, matched as `findDrug` documents.
 *
 * @param nameOrCode - A name or code as found in a record.
 * @returns The agent's facts, or `undefined` for an agent the catalogue does not know.
 * @example
 * lookUpAgent("Lexapro")?.id; //=> "escitalopram"
 * lookUpAgent("N06AX16")?.drugClass; //=> "SNRI"
 * lookUpAgent("aspirin"); //=> undefined
 */
export function lookUpAgent(nameOrCode: string): CatalogueAgent | undefined {
  const cached = lookups.get(nameOrCode);
  if (cached !== undefined || lookups.has(nameOrCode)) return cached;
  const found = lookUp(nameOrCode);
  if (lookups.size >= 10_000) lookups.clear();
  lookups.set(nameOrCode, found);
  return found;
}

/**
 * A recorded agent's facts: RxNorm code first, then ATC, then the name (as `resolveAgent`).
 *
 * @param agent - The agent as recorded.
 * @returns The agent's facts, or `undefined`.
 * @example
 * agentOf({ rxnorm: "36437", name: "unreadable" })?.id; //=> "sertraline"
 * agentOf({ name: "aspirin" }); //=> undefined
 */
export function agentOf(agent: Agent): CatalogueAgent | undefined {
  return (
    (agent.rxnorm === undefined ? undefined : lookUpAgent(agent.rxnorm)) ??
    (agent.atc === undefined ? undefined : lookUpAgent(agent.atc)) ??
    (agent.name === undefined ? undefined : lookUpAgent(agent.name))
  );
}
