/**
 * The FHIR adapter on real public samples nobody on this project wrote (Synthea R4 bundles and
 * the US Core examples), read in place from ../shared/fixtures/fhir/. Each test asserts what a
 * clinician reading the record would see.
 */
import { describe, expect, it } from "vitest";
import { toCdsHooksCards } from "trd-classifier/fhir";
import type { FromFhirResult } from "trd-classifier/fhir";
import { dailyDose } from "../../src/fhir/dose";
import { parseProductName } from "../../src/fhir/strength";
import { HAVE_SHARED, mapAndClassify, readShared } from "./helpers";

const AS_OF = "2020-12-31";
const MILAN = "synthea-r4-Milan_Beatty_e78d0ed2-1b54-4c30-90ae-f7405af1e402.json";
const ROBERTO = "synthea-r4-Roberto_Graham_238a58eb-31dc-4054-82ee-0651ee76f391.json";

if (!HAVE_SHARED) console.warn("../shared/fixtures/fhir is absent: the real-sample FHIR tests are skipped (CI always has it).");

function expectAllAccountedFor(mapped: FromFhirResult, resources: number): void {
  const s = mapped.summary;
  expect(s.resources).toBe(resources);
  expect(s.used + s.notRelevant + s.otherPatient + s.notUsed).toBe(resources);
}

describe.skipIf(!HAVE_SHARED)("real sample: Synthea R4 bundle, major depression on fluoxetine (Milan Beatty)", () => {
  const bundle = readShared(MILAN) as { entry: unknown[] };
  const { mapped, assessment } = mapAndClassify(bundle, { asOf: AS_OF });

  it("reads the record through urn:uuid references: the patient, the depression diagnosis and the episode", () => {
    expect(mapped.patient).toStrictEqual({ found: true, id: "8adf7251-257f-4b45-8ef5-0a6b3b9fe0ef" });
    expect(mapped.history.patient).toMatchObject({ birthDate: "1973-11-24", sex: "male" });
    expect(mapped.history.patient?.diagnoses).toStrictEqual([{ condition: "major-depressive-disorder", onset: "1993-01-09", code: { system: "SNOMED-CT", code: "370143000" } }]);
    expect(mapped.history.episode).toStrictEqual({ onset: "1993-01-09" });
  });

  it("makes one fluoxetine course of the stopped and the active order: 25 mg/day, ending when the active order's cap runs out", () => {
    expect(mapped.history.trials).toStrictEqual([
      { id: "fluoxetine-1993-01-09", agent: { name: "fluoxetine" }, start: "1993-01-09", end: "1993-07-18", doses: [{ from: "1993-01-09", mgPerDay: 25 }], indication: "not-recorded" },
    ]);
    // The stopped order runs to the next order (8 days later); the active one, with no supply
    // duration, is capped at 183 days: the decisions say which rule ended each.
    expect(mapped.decisions.map((d) => d.code)).toStrictEqual(["course_runs_to_next_record", "course_capped"]);
    expect(mapped.decisions[1]).toMatchObject({ rule: "openCourseMaxDays", source: "library-convention", verification: "unverified" });
  });

  it("never turns another drug into a trial; acetaminophen is counted as not relevant by its code", () => {
    expect(mapped.history.trials).toHaveLength(1);
    expect(mapped.summary.notRelevantCounts).toContainEqual({ kind: "medication-not-antidepressant", system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "313782", count: 1 });
  });

  it("says adherence is not documented (orders are not evidence of taking) and that no outcome was recorded", () => {
    expect(assessment.status).toBe("not-yet-resistant");
    expect(assessment.flags.map((f) => f.code)).toStrictEqual(["adherence_not_documented", "outcome_data_missing"]);
    expect(assessment.trials[0]?.reasons.map((r) => r.code)).toContain("indication_not_recorded");
  });

  it("accounts for every one of its 220 resources", () => {
    expectAllAccountedFor(mapped, bundle.entry.length);
    expect(mapped.summary).toMatchObject({ resources: 220, used: 4, notUsed: 0 });
    const quality = toCdsHooksCards(assessment, { mapping: mapped, hookInstance: "h-1", patient: "Patient/8adf7251" }).find((c) => c.summary.startsWith("Record read"));
    expect(quality?.summary).toBe("Record read: 220 resources, 4 used");
  });
});

describe.skipIf(!HAVE_SHARED)("real sample: Synthea R4 bundle, sertraline ordered for PTSD (Roberto Graham)", () => {
  const bundle = readShared(ROBERTO) as { entry: unknown[] };
  const { mapped, assessment } = mapAndClassify(bundle, { asOf: AS_OF });

  it("keeps the sertraline course with its indication, post-traumatic stress disorder, read through reasonReference", () => {
    expect(mapped.history.trials).toStrictEqual([
      { id: "sertraline-1978-10-03", agent: { name: "sertraline" }, start: "1978-10-03", end: "1979-04-03", doses: [{ from: "1978-10-03", mgPerDay: 100 }], indication: "post-traumatic-stress-disorder" },
    ]);
    expect(mapped.decisions).toContainEqual(expect.objectContaining({ code: "indication", source: "synthea-modules", input: { code: "http://snomed.info/sct|47505003" } }));
  });

  it("applies the indication rule: not a depression trial, and there is no depression on record", () => {
    const trial = assessment.trials[0];
    expect(trial?.countsTowardResistance).toBe(false);
    expect(trial?.reasons).toContainEqual(expect.objectContaining({ code: "indication_not_depression", rule: "indication", trialIds: ["sertraline-1978-10-03"] }));
    expect(mapped.history.patient?.diagnoses).toStrictEqual([]);
    expect(mapped.issues.map((i) => i.code)).toStrictEqual(["no_episode"]);
    const cards = toCdsHooksCards(assessment, { mapping: mapped, hookInstance: "h-1", patient: "Patient/ac2c231f" });
    expect(cards).toHaveLength(1);
    expect(cards[0]?.summary).toMatch(/^No depression diagnosis, antidepressant or depression score in this record/);
  });

  it("turns none of the ten other active orders (diuretics, opioids, topical steroid, B12) into a trial, and accounts for all 363 resources", () => {
    const meds = mapped.summary.notRelevantCounts.filter((c) => c.kind === "medication-not-antidepressant");
    expect(meds.reduce((n, c) => n + c.count, 0)).toBe(9);
    expect(meds.map((c) => c.code)).toEqual(expect.arrayContaining(["316049", "849574", "315971", "1719286", "866414"]));
    expectAllAccountedFor(mapped, bundle.entry.length);
  });
});

describe.skipIf(!HAVE_SHARED)("real samples: US Core examples", () => {
  it("reads the PHQ-9 total sent as valueString \"12\"", () => {
    const { mapped } = mapAndClassify(readShared("uscore-Observation-PHQ9-item-example-44261-6.json"), { asOf: "2023-01-01" });
    expect(mapped.history.assessments).toStrictEqual([{ date: "2022-11-29", scale: "PHQ-9", total: 12 }]);
    expect(mapped.patient).toStrictEqual({ found: true, id: "example" });
    expectAllAccountedFor(mapped, 1);
  });

  it("does not guess a PHQ-9 total from a panel whose members are absent, and reads the total member when it is present", () => {
    const panel = readShared("uscore-Observation-PHQ9-panel-example-44249-1.json") as { id: string };
    const alone = mapAndClassify(panel, { asOf: "2023-01-01" }).mapped;
    expect(alone.history.assessments).toStrictEqual([]);
    expect(alone.issues).toContainEqual(expect.objectContaining({ code: "panel_incomplete", id: panel.id }));
    const total = { ...(readShared("uscore-Observation-PHQ9-item-example-44261-6.json") as object), id: "PHQ9-item-example-44261-6" };
    const both = mapAndClassify([panel, total], { asOf: "2023-01-01" }).mapped;
    expect(both.history.assessments).toStrictEqual([{ date: "2022-11-29", scale: "PHQ-9", total: 12 }]);
    expect(both.decisions.map((d) => d.code)).toStrictEqual(["phq9_total_from_panel"]);
    expectAllAccountedFor(both, 2);
  });

  it("counts nizatidine (an H2 blocker) as not relevant however the medication is named: coded, contained, referenced by display only, dispensed", () => {
    for (const name of ["uscore-medicationrequest-coded-oral-axid.json", "uscore-medicationrequest-contained-oral-axid.json", "uscore-medicationrequest-referenced-oral-axid.json", "uscore-medicationdispense-example.json"]) {
      const { mapped } = mapAndClassify(readShared(name), { asOf: "2023-01-01" });
      expect(mapped.history.trials, name).toStrictEqual([]);
      expect(mapped.summary, name).toMatchObject({ resources: 1, notRelevant: 1 });
      expect(mapped.summary.notRelevantCounts[0]?.kind, name).toBe("medication-not-antidepressant");
    }
  });

  it("computes the order's daily dose from its per-mL strength and volume dose: 10 mL x 15 mg/mL twice a day = 300 mg", () => {
    const order = readShared("uscore-medicationrequest-coded-oral-axid.json") as { dosageInstruction: unknown[]; medicationCodeableConcept: { text: string } };
    const strength = parseProductName(order.medicationCodeableConcept.text).strength;
    expect(strength).toStrictEqual({ per: "ml", mg: 15 });
    expect(dailyDose(order.dosageInstruction, strength)).toStrictEqual({ ok: true, mgPerDay: 300, from: "structured" });
  });
});
