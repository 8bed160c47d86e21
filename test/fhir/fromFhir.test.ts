import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import { fromFhir, toCdsHooksCards, toFhirObservation } from "trd-classifier/fhir";

const bundle = JSON.parse(readFileSync(fileURLToPath(new URL("../fixtures/fhir/ehr-export-bundle.json", import.meta.url)), "utf8")) as { entry: { resource: { resourceType: string; id: string } }[] };
const AS_OF = "2023-09-30";

function mapped() {
  const result = fromFhir(bundle, { asOf: AS_OF });
  const parsed = parseTreatmentHistory(result.history);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return { result, history: parsed.data, assessment: classifyTrd(parsed.data, { asOf: AS_OF }) };
}

describe("fromFhir on an EHR-style export bundle", () => {
  it("maps dispenses, orders and statements to dose-aware trials", () => {
    const { history } = mapped();
    const byId = Object.fromEntries(history.trials.map((t) => [t.id, t]));
    expect(byId["sertraline-2023-01-20"]).toMatchObject({
      agent: { name: "sertraline" },
      end: "2023-05-17",
      doses: [
        { from: "2023-01-20", mgPerDay: 50 },
        { from: "2023-02-17", mgPerDay: 100 },
      ],
    });
    // 2 x 75 mg capsules daily; 30 days x (1 + 2 repeats).
    expect(byId["venlafaxine-2023-05-20"]).toMatchObject({ doses: [{ from: "2023-05-20", mgPerDay: 150 }], end: "2023-08-17" });
    // A text-only medication is recognised by name; a missing dosage leaves the dose unknown.
    expect(byId["mirtazapine-2019-03-01"]).toMatchObject({ doseUnknown: true });
  });

  it("takes the episode from the active diagnosis, earlier episodes from resolved ones, and patient facts", () => {
    const { history } = mapped();
    expect(history.episode).toStrictEqual({ onset: "2023-01-10" });
    expect(history.previousEpisodes).toStrictEqual([{ onset: "2019-02-01", end: "2019-09-30" }]);
    expect(history.patient).toMatchObject({ birthDate: "1965-03-14", sex: "female" });
    // F41.1 generalized anxiety disorder is read as an anxiety disorder (ICD-10-CM, CMS code file).
    expect(history.patient.diagnoses.map((d) => d.condition)).toStrictEqual(["major-depressive-disorder", "major-depressive-disorder", "anxiety-disorder"]);
  });

  it("reads scores by LOINC (PHQ-9) and by name where no code is verified (MADRS)", () => {
    const { history } = mapped();
    expect(history.assessments.filter((a) => a.scale === "PHQ-9").map((a) => a.total)).toStrictEqual([20, 18, 19, 17]);
    expect(history.assessments.filter((a) => a.scale === "MADRS")).toStrictEqual([
      { date: "2023-05-18", scale: "MADRS", total: 30 },
      { date: "2023-08-10", scale: "MADRS", total: 27 },
    ]);
  });

  it("classifies the mapped history", () => {
    const { assessment } = mapped();
    expect(assessment.status).toBe("no-response");
    expect(assessment.counts.nonResponseFailures).toBe(2);
  });

  it("accounts for every resource: used, not relevant, another patient's, or not used with an issue", () => {
    const { result } = mapped();
    const { summary } = result;
    expect(summary.resources).toBe(bundle.entry.length);
    expect(summary.used + summary.notRelevant + summary.otherPatient + summary.notUsed).toBe(summary.resources);
    expect(summary.otherPatient).toBe(1);
    const codeOf = (id: string) => result.issues.filter((i) => i.id === id).map((i) => i.code);
    expect(codeOf("ms-error")).toContain("entered_in_error");
    expect(codeOf("cond-error")).toContain("entered_in_error");
    expect(codeOf("ms-not-taken")).toContain("not_taken");
    expect(result.issues).toContainEqual(expect.objectContaining({ id: "rx-trazodone-prn", code: "dose_unknown", problem: "as_needed" }));
    expect(result.issues).toContainEqual(expect.objectContaining({ id: "ms-bupropion", code: "dose_unknown", problem: "no_dosage" }));
    expect(codeOf("rx-sert-1")).toContain("superseded");
    expect(codeOf("obs-phq9-prelim")).toContain("status_excluded");
    // A PHQ-2 total, a resource type the adapter does not read: counted as not relevant, by code and by type.
    expect(summary.notRelevantCounts).toContainEqual(expect.objectContaining({ kind: "observation-not-a-depression-score", code: "55758-7", count: 1 }));
    expect(summary.notRelevantCounts).toContainEqual(expect.objectContaining({ kind: "resource-type-not-read", resourceType: "AllergyIntolerance" }));
    expect(result.used).toContain("Condition/cond-gad");
  });

  it("still accounts for every resource when the build options are invalid and no trials are built", () => {
    const valid = mapped().result;
    for (const build of [{ preset: null }, { preset: "no-such-preset" }, { unknownOption: 1 }]) {
      const result = fromFhir(bundle, { asOf: AS_OF, build: build as never });
      const { summary } = result;
      expect(result.history.trials).toStrictEqual([]);
      expect(result.issues).toContainEqual(expect.objectContaining({ code: "malformed_resource" }));
      expect(summary.used + summary.notRelevant + summary.otherPatient + summary.notUsed).toBe(summary.resources);
      // Each medication record that a valid build would have made part of a trial is not used, and says why.
      const notBuilt = result.issues.filter((i) => i.code === "build_options_invalid").map((i) => `${i.resourceType ?? ""}/${i.id ?? ""}`);
      expect(notBuilt.length).toBeGreaterThan(0);
      for (const used of valid.used.filter((r) => /^Medication(Request|Dispense|Statement)\//.test(r))) expect(notBuilt).toContain(used);
      expect(result.used.filter((r) => /^Medication(Request|Dispense|Statement)\//.test(r))).toStrictEqual([]);
    }
  });

  it("never echoes names or free text in issues", () => {
    expect(JSON.stringify(mapped().result.issues)).not.toMatch(/Example|Pat\b|penicillin/);
  });

  it("accepts an array of resources and a single resource", () => {
    const resources = bundle.entry.map((e) => e.resource);
    expect(fromFhir(resources, { asOf: AS_OF }).history.trials).toHaveLength(mapped().history.trials.length);
    const single = fromFhir(resources.find((r) => r.id === "rx-venla"), { asOf: AS_OF });
    expect(single.history.trials).toHaveLength(1);
    expect(single.issues.map((i) => i.code)).toContain("episode_from_medications");
  });

  it("resolves medicationReference to a Medication in the input, with its ingredient strength", () => {
    const result = fromFhir(
      [
        { resourceType: "Medication", id: "med-1", code: { coding: [{ system: "http://www.whocc.no/atc", code: "N06AB10" }] }, ingredient: [{ strength: { numerator: { value: 10, unit: "mg", code: "mg" }, denominator: { value: 1, unit: "tablet" } } }] },
        { resourceType: "MedicationDispense", id: "d1", status: "completed", medicationReference: { reference: "Medication/med-1" }, whenHandedOver: "2024-01-02", quantity: { value: 60 }, daysSupply: { value: 30, code: "d" } },
        { resourceType: "MedicationDispense", id: "d2", status: "completed", medicationReference: { reference: "Medication/missing" }, whenHandedOver: "2024-02-02" },
      ],
      { asOf: "2024-06-01" },
    );
    expect(result.history.trials?.[0]).toMatchObject({ agent: { name: "escitalopram" }, doses: [{ from: "2024-01-02", mgPerDay: 20 }] });
    expect(result.issues).toContainEqual(expect.objectContaining({ id: "d2", code: "medication_reference_unresolved" }));
  });

  it("never throws, whatever JSON it is given", () => {
    const resourceish = fc.record({ resourceType: fc.constantFrom("MedicationRequest", "MedicationDispense", "MedicationStatement", "Observation", "Condition", "Patient", "Bundle", "Medication"), id: fc.string() }).chain((base) =>
      fc.dictionary(fc.constantFrom("status", "code", "medicationCodeableConcept", "dosageInstruction", "dosage", "effectivePeriod", "valueQuantity", "entry", "subject", "daysSupply", "whenHandedOver", "authoredOn", "intent", "onsetDateTime"), fc.jsonValue()).map((extra) => ({ ...extra, ...base })),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), resourceish, fc.array(resourceish)), (input) => {
        const result = fromFhir(input, { asOf: "2024-01-01" });
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("toCdsHooksCards and toFhirObservation", () => {
  it("builds a status card with a short summary, reasons, a trial table and the rule set's source", () => {
    const { assessment } = mapped();
    const [card, ...rest] = toCdsHooksCards(assessment, { sourceUrl: "https://example.org/docs" });
    expect(card).toMatchObject({ indicator: "warning", source: { label: expect.stringContaining("EU-PEARL"), url: "https://example.org/docs" } });
    expect(card?.summary.length).toBeLessThan(140);
    expect(card?.detail).toContain("| trial | agent |");
    expect(card?.detail).toContain("Sforzini");
    expect(card?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toCdsHooksCards(assessment, { sourceUrl: "https://example.org/docs" })[0]?.uuid).toBe(card?.uuid);
    expect(rest.every((c) => c.indicator === "info")).toBe(true);
  });

  it("adds a pseudo-resistance card and uses info for not-yet-resistant", () => {
    const parsed = parseTreatmentHistory({ episode: { onset: "2024-01-01" }, trials: [{ id: "t1", agent: { name: "citalopram" }, start: "2024-01-05", end: "2024-03-30", mgPerDay: 10 }] });
    if (!parsed.success) throw new Error("invalid");
    const cards = toCdsHooksCards(classifyTrd(parsed.data, { asOf: "2024-06-01" }));
    expect(cards.map((c) => c.indicator)).toStrictEqual(["info", "info"]);
    expect(cards[1]?.summary).toContain("dose inadequate");
    expect(cards[1]?.detail).toContain("citalopram (t1): reached 10 mg/day");
  });

  it("keeps every summary under 140 characters", () => {
    const parsed = parseTreatmentHistory({ patient: { diagnoses: [{ condition: "bipolar-disorder" }] }, episode: { onset: "2024-01-01" } });
    if (!parsed.success) throw new Error("invalid");
    const [card] = toCdsHooksCards(classifyTrd(parsed.data, { asOf: "2024-06-01" }));
    expect(card?.summary.startsWith("Not applicable (bipolar disorder on record)")).toBe(true);
    expect(card?.summary.length).toBeLessThan(140);
    expect(card?.indicator).toBe("warning");
  });

  it("turns the assessment into a storable FHIR Observation", () => {
    const { assessment } = mapped();
    const obs = toFhirObservation(assessment, { subject: "Patient/pat-1001" });
    expect(obs).toMatchObject({
      resourceType: "Observation",
      status: "final",
      subject: { reference: "Patient/pat-1001" },
      effectiveDateTime: AS_OF,
      code: { coding: [{ system: "urn:trd-classifier", code: "trd-status" }] },
      valueCodeableConcept: { coding: [{ system: "urn:trd-classifier", code: "no-response" }] },
    });
    expect(obs.method?.text).toContain("eu-pearl-2022");
    expect(obs.component).toContainEqual(expect.objectContaining({ code: expect.objectContaining({ text: "failed adequate trials" }), valueInteger: 2 }));
  });
});
