/**
 * CDS Hooks cards: ids unique per hook call and patient yet pure, the data-quality card, the
 * no-data card, and a detail bounded in size however long the history.
 */
import { describe, expect, it } from "vitest";
import { SOURCES, classifyTrd, getRuleSet, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import type { TrdAssessment } from "trd-classifier";
import { fromFhir, toCdsHooksCards } from "trd-classifier/fhir";
import { addDays } from "../helpers/build";
import { bundleOf, dispense, order, patient } from "./helpers";

function assess(input: unknown, asOf = "2024-06-30"): TrdAssessment {
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return classifyTrd(parsed.data, { asOf });
}

const history = { episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "citalopram" }, start: "2024-01-05", end: "2024-03-30", mgPerDay: 10 }] };

describe("card uuids", () => {
  const a = assess(history);
  const ids = (hookInstance: string, patientRef: string) => toCdsHooksCards(a, { hookInstance, patient: patientRef }).map((c) => c.uuid);

  it("are the same for the same call, and differ across hook instances and patients", () => {
    expect(ids("h1", "Patient/1")).toStrictEqual(ids("h1", "Patient/1"));
    const all = [...ids("h1", "Patient/1"), ...ids("h2", "Patient/1"), ...ids("h1", "Patient/2")];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("data quality", () => {
  it("adds a card saying how many resources were read, used and not relevant, and how many doses stayed unknown", () => {
    const resources = [
      patient(),
      dispense("d1", "sertraline 100 MG Oral Tablet", "2024-01-05", 30, 30),
      order("o2", "citalopram 20 MG Oral Tablet", "2024-03-01", { dosageInstruction: [{ text: "as directed" }] }),
      order("w1", "warfarin 5 MG Oral Tablet", "2024-01-01"),
      { resourceType: "Encounter", id: "e1", status: "finished" },
    ];
    const mapped = fromFhir(bundleOf(resources), { asOf: "2024-06-30" });
    const cards = toCdsHooksCards(assess(mapped.history), { mapping: mapped, hookInstance: "h", patient: "Patient/p1" });
    const quality = cards.find((c) => c.summary.startsWith("Record read"));
    expect(quality?.summary).toBe("Record read: 5 resources, 3 used, 1 dose unknown");
    expect(quality?.detail).toContain("5 resources read: 3 used, 2 not relevant to depression treatment, 0 not usable.");
    expect(quality?.detail).toContain("1 medication record of drugs that are not antidepressants");
    expect(quality?.detail).toContain("1 medication record with unknown dose.");
  });

  it("says the record holds no depression data instead of a confident status", () => {
    const mapped = fromFhir(bundleOf([patient(), order("w1", "warfarin 5 MG Oral Tablet", "2024-01-01")]), { asOf: "2024-06-30" });
    const cards = toCdsHooksCards(assess(mapped.history), { mapping: mapped });
    expect(cards.map((c) => c.summary)).toStrictEqual(["No depression diagnosis, antidepressant or depression score in this record: TRD status not assessed"]);
  });
});

describe("bounded detail", () => {
  it("keeps the detail under 8,000 characters and shows the latest 20 trials for a history of 400", () => {
    const trials = Array.from({ length: 400 }, (_, i) => ({ id: `t${i}`, agent: { name: i % 2 === 0 ? "sertraline" : "citalopram" }, start: addDays("2000-01-01", i * 20), end: addDays("2000-01-01", i * 20 + 15), mgPerDay: 10 }));
    const cards = toCdsHooksCards(assess({ episode: { onset: "2000-01-01" }, trials }, "2030-01-01"));
    for (const card of cards) expect(card.detail.length).toBeLessThanOrEqual(8000);
    expect(cards[0]?.detail).toContain("| t399 |");
    expect(cards[0]?.detail).not.toContain("| t379 |");
    expect(cards[0]?.detail).toContain("380 earlier trials not shown.");
  });
});

describe("cards for what is not an assessment (never throws)", () => {
  const a = assess(history);
  const only = (cards: ReturnType<typeof toCdsHooksCards>) => cards.map((c) => [c.summary, c.indicator, c.detail]);

  it("gives one card saying the status is unavailable for a malformed assessment, and says so", () => {
    const unavailable = ["TRD status unavailable: the assessment could not be read", "info", "The classifier's result was missing or malformed."];
    for (const bad of [{}, null, "no-response", { ...a, trials: [null] }, { ...a, counts: {} }, { ...a, ruleSet: { ...a.ruleSet, source: "nowhere" } }, { ...a, status: "resistant" }]) {
      expect(only(toCdsHooksCards(bad as never))).toStrictEqual([unavailable]);
    }
  });

  it("gives the same card when options.mapping is not fromFhir's result, and ignores other options of the wrong type", () => {
    expect(only(toCdsHooksCards(a, { mapping: {} as never }))).toStrictEqual([["TRD status unavailable: the assessment could not be read", "info", "The FHIR mapping given in options.mapping was malformed."]]);
    const plain = toCdsHooksCards(a);
    expect(toCdsHooksCards(a, { hookInstance: 5, patient: {}, sourceUrl: [], maxTrials: -3 } as never)).toStrictEqual(plain);
  });
});

describe("the timeline link", () => {
  const a = assess(history);

  it("is on the status card only, when a timeline URL is given", () => {
    const cards = toCdsHooksCards(a, { hookInstance: "h1", timelineUrl: "https://cds.example.test/cds-services/trd-status/timeline/abc" });
    expect(cards[0]?.links).toStrictEqual([{ label: "Treatment timeline", url: "https://cds.example.test/cds-services/trd-status/timeline/abc", type: "absolute" }]);
    expect(cards.slice(1).every((c) => c.links === undefined)).toBe(true);
  });

  it("changes nothing else: without it the cards are as before, and a URL that is not http(s) is not linked", () => {
    const plain = toCdsHooksCards(a, { hookInstance: "h1" });
    expect(plain.every((c) => !("links" in c))).toBe(true);
    const linked = toCdsHooksCards(a, { hookInstance: "h1", timelineUrl: "https://x.test/t" });
    expect(linked.map(({ links: _links, ...c }) => c)).toStrictEqual(plain);
    expect(toCdsHooksCards(a, { hookInstance: "h1", timelineUrl: "javascript:alert(1)" })[0]?.links).toBeUndefined();
  });
});

describe("the rule set's source", () => {
  it("is named by its title for every built-in rule set, and by its id for a caller's rule set citing another source", () => {
    const parsed = parseTreatmentHistory(history);
    if (!parsed.success) throw new Error("invalid history");
    for (const ruleSet of listRuleSets()) {
      const [status] = toCdsHooksCards(classifyTrd(parsed.data, { asOf: "2024-06-30", ruleSet: ruleSet.id }));
      expect(status?.detail).toContain(`Source: ${SOURCES[ruleSet.source].title}.`);
    }
    const cited = { ...getRuleSet("eu-pearl-2022"), source: "trivedi-2006" as const };
    const [status] = toCdsHooksCards(classifyTrd(parsed.data, { asOf: "2024-06-30", ruleSet: cited }));
    expect(status?.summary).not.toContain("unavailable");
    expect(status?.detail).toContain("Source: trivedi-2006 (see SOURCES).");
    const unknownSource = { ...assess(history), ruleSet: { ...assess(history).ruleSet, source: "no-such-source" } } as unknown as TrdAssessment;
    expect(toCdsHooksCards(unknownSource)[0]?.summary).toBe("TRD status unavailable: the assessment could not be read");
  });
});
