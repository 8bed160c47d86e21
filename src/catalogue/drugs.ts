/**
 * The antidepressant catalogue: one row per agent, with its class, codes, minimum adequate doses
 * by named table, age caps and clinical notes. Every number cites a key of `SOURCES`
 * (`./sources`) and says how well it was checked there.
 *
 * The rows are written in two parts, joined here: the facts (`./agents`), which classification
 * reads, and the words (`./agentText`: mechanism, notes, the section and note of each value),
 * which it never does. Each value is written once, in one of them.
 *
 * @module
 */

import { deepFreeze } from "../internal/deepFreeze";
import { AGENTS } from "./agents";
import type { CatalogueAgent } from "./agents";
import { AGENT_TEXT } from "./agentText";
import type { AgentText, CitationText } from "./agentText";
import type { DoseTableId, DrugEntry } from "./types";

/**
 * Every agent the classifier recognises: antidepressants, augmenting agents (lithium,
 * second-generation antipsychotics, olanzapine/fluoxetine, liothyronine) and the rapid-acting
 * agents (esketamine, ketamine).
 *
 * **Dose tables.** `minimumDose` holds up to four independent tables, in mg/day (a transdermal
 * patch: mg per 24 h). A table is absent for an agent when its source gives no number; a rule set
 * picks one table and must treat a missing value as "no threshold known", never as zero.
 * - `licensed-minimum`: the lowest daily dose the US label or UK SmPC calls therapeutic,
 *   recommended or usually effective for adult depression; where only a starting dose was read,
 *   or only UpToDate's usual range (lower bound, `secondary`), the value's `note` says so. For an
 *   augmenting agent it is the lowest labelled adjunct target or therapeutic dose.
 * - `mgh-atrq`: the MGH-ATRQ "minimum dose" column as transcribed from the COMP006 study form
 *   (always `secondary`); reboxetine's transcribed 4 mg is kept with a warning note.
 * - `maudsley-med`: Maudsley Prescribing Guidelines minimum effective dose, recalled and never
 *   read (always `unverified`); "?" ranges were not encoded.
 * - `hayasaka-2015-fe40`: the dose equivalent to fluoxetine 40 mg/day (Hayasaka et al. 2015),
 *   an equivalence rather than a minimum.
 *
 * Rapid-acting agents are dosed per session, so their `minimumDose` is empty and their session
 * dosing is in `notes`.
 *
 * **Verification.** One rule (see `Verification`): `primary` = read in the regulator's own label
 * or SmPC text, or a verbatim copy whose identity is confirmed, citing a `label` source with its
 * revision and the section read; `secondary` = a copy not confirmed (a transcription of a form or
 * of a paper's table, a label quoted by a letter, drug-information site, AI summary or manufacturer
 * page) or a reference work; `unverified` = recalled. So the Hayasaka table (read in
 * transcriptions) and the MGH-ATRQ form (a transcription) are at best `secondary`. Facts not found
 * are omitted and explained in `notes`. An age cap whose source says only "elderly" uses
 * `olderThanYears: 64` (65 and over), a conventional cut-off.
 *
 * **Codes.** `rxnorm` is the RxNorm ingredient RXCUI where a listing was found (CPIC drug table
 * → `primary`; other listings → `secondary`). `atc` is the WHO ATC code read in a 2025 copy of
 * the WHO index (every code also in an older copy agreed with it); an agent with two codes
 * (esketamine) carries its antidepressant code, and agents without an N06A code say so.
 *
 * The entries are built on first use, not when the module loads: a module-level call is kept by
 * every bundler (the published build carries no pure annotations), and with it the catalogue's
 * words, which code that only classifies never reads.
 *
 * @returns The entries, deeply frozen; the same array on every call.
 * @example
 * const venlafaxine = drugEntries().find((d) => d.id === "venlafaxine");
 * venlafaxine?.minimumDose["licensed-minimum"]?.mgPerDay; //=> 75
 * venlafaxine?.minimumDose["mgh-atrq"]?.mgPerDay; //=> 150
 * drugEntries().find((d) => d.id === "citalopram")?.ageCaps[0]?.maxMgPerDay; //=> 20
 */
export function drugEntries(): readonly DrugEntry[] {
  if (entries === undefined) {
    const text = deepFreeze(AGENT_TEXT);
    entries = deepFreeze(AGENTS.map((agent) => withText(agent, text[agent.id])));
  }
  return entries;
}

let entries: readonly DrugEntry[] | undefined;

/** A cited value with its words after its own fields (`section`, then `note`). */
function cited(value: object, text: CitationText | undefined): object {
  return text === undefined ? value : { ...value, ...text };
}

/** One fact of an agent with the words that go with it (a cited value's, at the same place). */
function withWords(key: string, value: unknown, text: AgentText): unknown {
  switch (key) {
    case "atc":
    case "rxnorm":
    case "adequacy":
      return cited(value as object, text[key]);
    case "minimumDose":
      return Object.fromEntries(Object.entries(value as object).map(([table, dose]) => [table, cited(dose as object, text.minimumDose?.[table as DoseTableId])]));
    case "ageCaps":
    case "impairmentLimits":
      return (value as readonly object[]).map((fact, i) => cited(fact, text[key]?.[i]));
    default:
      return value;
  }
}

/**
 * One agent's entry: its facts in their written order with the words of each cited value, its
 * mechanism after its class, and its notes last.
 */
function withText(agent: CatalogueAgent, text: AgentText | undefined): DrugEntry {
  if (text === undefined) throw new Error(`catalogue: agentText has no entry for ${agent.id}`);
  const { id, name, synonyms, drugClass, ...facts } = agent;
  const entry: Record<string, unknown> = { id, name, synonyms, drugClass, mechanism: text.mechanism };
  for (const [key, value] of Object.entries(facts)) entry[key] = withWords(key, value, text);
  entry["notes"] = text.notes;
  return entry as unknown as DrugEntry;
}
