/**
 * A recorded agent's catalogue entry.
 *
 * @module
 */
import type { Agent } from "../schema/trial";
import { findDrug } from "./findDrug";
import type { DrugEntry } from "./types";

/**
 * Finds a trial's agent in the catalogue: RxNorm code first, then ATC, then the name.
 *
 * @param agent - The agent as recorded.
 * @returns The entry, or `undefined`.
 * @example
 * import { resolveAgent } from "trd-classifier";
 * resolveAgent({ name: "Zoloft" })?.id; //=> "sertraline"
 * resolveAgent({ rxnorm: "36437", name: "unreadable" })?.id; //=> "sertraline"
 * resolveAgent({ name: "aspirin" }); //=> undefined
 */
export function resolveAgent(agent: Agent): DrugEntry | undefined {
  return (
    (agent.rxnorm === undefined ? undefined : findDrug(agent.rxnorm)) ??
    (agent.atc === undefined ? undefined : findDrug(agent.atc)) ??
    (agent.name === undefined ? undefined : findDrug(agent.name))
  );
}
