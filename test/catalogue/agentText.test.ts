/**
 * The catalogue is written in two parts (src/catalogue/agents.ts: the facts the classifier reads;
 * src/catalogue/agentText.ts: the words it never reads) and joined into the public entries (listDrugs). Each part holds only
 * its own kind of field, every word sits on a value that exists, and the public look-ups give the
 * joined entries.
 */
import { describe, expect, it } from "vitest";
import { findDrug, listDrugs, resolveAgent } from "trd-classifier";
import { AGENTS } from "../../src/catalogue/agents";
import { AGENT_TEXT } from "../../src/catalogue/agentText";
import { agentOf, lookUpAgent } from "../../src/catalogue/lookUpAgent";

const TEXT_FIELDS = new Set(["mechanism", "notes", "section", "note"]);

/** Paths of every key in `value` whose name is in `names`. */
function keysNamed(value: unknown, names: ReadonlySet<string>, path = "$"): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(names.has(k) ? [`${path}.${k}`] : []), ...keysNamed(v, names, `${path}.${k}`)]);
}

describe("catalogue facts and words", () => {
  it("the facts hold no words", () => {
    expect(keysNamed(AGENTS, TEXT_FIELDS)).toStrictEqual([]);
  });

  it("the words hold only words: strings under mechanism, notes, section and note", () => {
    const leaves = (value: unknown, path: string): string[] =>
      typeof value === "string" ? [path] : typeof value === "object" && value !== null ? Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`)) : [`${path} (${typeof value})`];
    const notWords = leaves(AGENT_TEXT, "$").filter((p) => !/\.(mechanism|section|note)$|\.notes\.\d+$/.test(p));
    expect(notWords).toStrictEqual([]);
  });

  it("every agent has its words, and every word sits on a value the agent has", () => {
    const ids = AGENTS.map((a) => a.id);
    expect(Object.keys(AGENT_TEXT)).toStrictEqual(ids);
    const orphans: string[] = [];
    for (const agent of AGENTS) {
      const text = AGENT_TEXT[agent.id];
      expect(text?.mechanism, agent.id).toMatch(/\S/);
      for (const key of ["atc", "rxnorm", "adequacy"] as const) if (text?.[key] !== undefined && agent[key] === undefined) orphans.push(`${agent.id}.${key}`);
      for (const table of Object.keys(text?.minimumDose ?? {})) if (!Object.hasOwn(agent.minimumDose, table)) orphans.push(`${agent.id}.minimumDose.${table}`);
      if ((text?.ageCaps?.length ?? 0) > agent.ageCaps.length) orphans.push(`${agent.id}.ageCaps`);
      if ((text?.impairmentLimits?.length ?? 0) > (agent.impairmentLimits?.length ?? 0)) orphans.push(`${agent.id}.impairmentLimits`);
    }
    expect(orphans).toStrictEqual([]);
  });

  it("the public entries are the facts with their words, in catalogue order", () => {
    const drugs = listDrugs();
    expect(drugs.map((d) => d.id)).toStrictEqual(AGENTS.map((a) => a.id));
    for (const [i, drug] of drugs.entries()) {
      const { mechanism, notes, ...rest } = drug;
      const text = AGENT_TEXT[drug.id];
      expect([mechanism, notes]).toStrictEqual([text?.mechanism, text?.notes]);
      // Without the words, the entry is exactly the agent's facts.
      const bare = JSON.parse(JSON.stringify(rest, (k: string, v: unknown) => (k === "section" || k === "note" ? undefined : v))) as unknown;
      expect(bare).toStrictEqual(JSON.parse(JSON.stringify(AGENTS[i])));
    }
    expect(findDrug("sertraline")?.minimumDose["licensed-minimum"]?.section).toBe(AGENT_TEXT["sertraline"]?.minimumDose?.["licensed-minimum"]?.section);
    expect(findDrug("citalopram")?.ageCaps[0]?.note).toBe(AGENT_TEXT["citalopram"]?.ageCaps?.[0]?.note);
  });

  it("findDrug and resolveAgent give the entry of the agent the internal look-ups find, for every name and code", () => {
    const drugs = listDrugs();
    for (const agent of AGENTS) {
      const entry = drugs.find((d) => d.id === agent.id);
      for (const query of [agent.id, agent.name, ...agent.synonyms, agent.rxnorm?.code, agent.atc?.code]) {
        if (query === undefined) continue;
        expect(lookUpAgent(query), query).toBe(agent);
        expect(findDrug(query), query).toBe(entry);
      }
      expect(resolveAgent({ name: agent.name })).toBe(entry);
      expect(agentOf({ name: agent.name })).toBe(agent);
    }
    expect(findDrug("aspirin")).toBeUndefined();
    expect(lookUpAgent("aspirin")).toBeUndefined();
  });
});
