/**
 * One small fixture per trait of real EHR records, each tested at its boundary. All written by
 * this project (the real samples are read in realSamples.test.ts).
 */
import { describe, expect, it } from "vitest";
import { fromFhir } from "trd-classifier/fhir";
import { ICD10CM, LOINC, RXNORM, SNOMED, UCUM, bundleOf, condition, dispense, mapAndClassify, observation, order, patient, subject } from "./helpers";

const AS_OF = "2024-12-31";
const trialsOf = (input: unknown, asOf = AS_OF) => fromFhir(input, { asOf }).history.trials ?? [];

describe("references as FHIR defines them", () => {
  const sertraline = (ref: string) => ({ ...order("o1", "sertraline 50 MG Oral Tablet", "2024-01-01"), subject: { reference: ref } });

  it("resolves a subject by urn:uuid fullUrl, by relative Type/id, by absolute URL, and drops another patient's", () => {
    for (const ref of ["urn:uuid:p1", "Patient/p1", "https://ehr.example/fhir/Patient/p1", "https://ehr.example/fhir/Patient/p1/_history/3"]) {
      expect(trialsOf(bundleOf([patient(), sertraline(ref)])), ref).toHaveLength(1);
    }
    const other = fromFhir(bundleOf([patient(), sertraline("Patient/p2")]), { asOf: AS_OF });
    expect(other.history.trials).toStrictEqual([]);
    expect(other.summary.otherPatient).toBe(1);
  });

  it("follows medicationReference to a Bundle entry by fullUrl, to a contained #id, and to a display when the Medication is absent", () => {
    const med = { resourceType: "Medication", id: "m1", code: { coding: [{ system: RXNORM, code: "36437", display: "sertraline" }] }, ingredient: [{ strength: { numerator: { value: 100, unit: "mg", system: UCUM, code: "mg" }, denominator: { value: 1, unit: "tablet", system: UCUM, code: "{tbl}" } } }] };
    const byFullUrl = { ...order("o1", "x", "2024-01-01"), medicationCodeableConcept: undefined, medicationReference: { reference: "urn:uuid:m1" } };
    expect(trialsOf(bundleOf([patient(), med, byFullUrl]))[0]).toMatchObject({ agent: { name: "sertraline" }, doses: [{ mgPerDay: 100 }] });
    const contained = { ...order("o2", "x", "2024-01-01"), medicationCodeableConcept: undefined, contained: [{ ...med, id: "c1" }], medicationReference: { reference: "#c1" } };
    expect(trialsOf(bundleOf([patient(), contained]))[0]).toMatchObject({ agent: { name: "sertraline" }, doses: [{ mgPerDay: 100 }] });
    const displayOnly = { ...order("o3", "x", "2024-01-01"), medicationCodeableConcept: undefined, medicationReference: { reference: "Medication/elsewhere", display: "Sertraline 50 MG Oral Tablet [Zoloft]" } };
    expect(trialsOf(bundleOf([patient(), displayOnly]))[0]).toMatchObject({ agent: { name: "sertraline" }, doses: [{ mgPerDay: 50 }] });
    const nothing = fromFhir(bundleOf([patient(), { ...displayOnly, medicationReference: { reference: "Medication/elsewhere" } }]), { asOf: AS_OF });
    expect(nothing.issues).toContainEqual(expect.objectContaining({ code: "medication_reference_unresolved", id: "o3" }));
  });

  it("takes a bundle with one Patient as that patient's record; with two and no choice, reads nothing and says so", () => {
    const two = fromFhir(bundleOf([patient("p1"), patient("p2"), sertraline("urn:uuid:p1")]), { asOf: AS_OF });
    expect(two.patient.found).toBe(false);
    expect(two.issues.map((i) => i.code)).toContain("patient_ambiguous");
    expect(two.history.trials).toStrictEqual([]);
    expect(trialsOf([patient("p1"), patient("p2"), sertraline("urn:uuid:p1")])).toStrictEqual([]);
    expect(fromFhir(bundleOf([patient("p1"), patient("p2"), sertraline("urn:uuid:p1")]), { asOf: AS_OF, patient: "p1" }).history.trials).toHaveLength(1);
    expect(fromFhir(bundleOf([patient("p1")]), { asOf: AS_OF, patient: "nobody" }).issues.map((i) => i.code)).toContain("patient_not_found");
  });
});

describe("only what matters becomes a trial", () => {
  it("counts warfarin and ibuprofen as not relevant, by code and count", () => {
    const warfarin = { ...order("w1", "x", "2024-01-01"), medicationCodeableConcept: { coding: [{ system: RXNORM, code: "855332", display: "warfarin sodium 5 MG Oral Tablet" }] } };
    const mapped = fromFhir(bundleOf([patient(), warfarin, { ...warfarin, id: "w2" }, order("i1", "Ibuprofen 400 MG Oral Tablet", "2024-02-01")]), { asOf: AS_OF });
    expect(mapped.history.trials).toStrictEqual([]);
    expect(mapped.summary.notRelevantCounts).toContainEqual({ kind: "medication-not-antidepressant", system: RXNORM, code: "855332", count: 2 });
    expect(mapped.issues).toStrictEqual([expect.objectContaining({ code: "no_episode" })]);
  });

  it("keeps an augmenting agent only while an antidepressant is taken", () => {
    const alone = fromFhir(bundleOf([patient(), order("q1", "quetiapine 100 MG Oral Tablet", "2024-01-01")]), { asOf: AS_OF });
    expect(alone.history.trials).toStrictEqual([]);
    expect(alone.summary.notRelevantCounts).toContainEqual(expect.objectContaining({ kind: "augmenting-agent-alone" }));
    const withAd = trialsOf(bundleOf([patient(), order("s1", "sertraline 100 MG Oral Tablet", "2024-01-01"), order("q1", "quetiapine 100 MG Oral Tablet", "2024-02-01")]));
    expect(withAd.map((t) => [t.agent, t.role])).toStrictEqual([
      [{ name: "sertraline" }, undefined],
      [{ name: "quetiapine" }, "augmentation"],
    ]);
  });

  it("keeps an antidepressant the catalogue does not know when its ATC code says antidepressant; reports combination products and rapid-acting agents", () => {
    const unknownAd = { ...order("u1", "x", "2024-01-01"), medicationCodeableConcept: { coding: [{ system: "http://www.whocc.no/atc", code: "N06AX99" }] } };
    expect(trialsOf(bundleOf([patient(), unknownAd]))[0]).toMatchObject({ agent: { atc: "N06AX99" }, doseUnknown: true });
    const combination = order("c1", "olanzapine 6 MG / fluoxetine 25 MG Oral Capsule", "2024-01-01");
    const esketamine = order("e1", "esketamine 28 MG Nasal Spray", "2024-01-01");
    const mapped = fromFhir(bundleOf([patient(), combination, esketamine]), { asOf: AS_OF });
    expect(mapped.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["combination_product_not_mapped", "rapid_acting_not_mapped"]));
  });
});

describe("indication", () => {
  const sertraline = (reason: Record<string, unknown>) => ({ ...order("o1", "sertraline 100 MG Oral Tablet", "2024-01-01"), ...reason });

  it("reads reasonCode (ICD-10-CM and SNOMED CT) and reasonReference; depression wins over another reason", () => {
    const ptsd = sertraline({ reasonCode: [{ coding: [{ system: ICD10CM, code: "F43.10" }] }] });
    expect(trialsOf(bundleOf([patient(), ptsd]))[0]?.indication).toBe("post-traumatic-stress-disorder");
    const viaReference = sertraline({ reasonReference: [{ reference: "urn:uuid:c1" }] });
    expect(trialsOf(bundleOf([patient(), condition("c1", SNOMED, "36923009", "2023-12-01"), viaReference]))[0]?.indication).toBe("depression");
    const both = sertraline({ reasonCode: [{ coding: [{ system: SNOMED, code: "82423001" }] }, { coding: [{ system: ICD10CM, code: "F33.1" }] }] });
    expect(trialsOf(bundleOf([patient(), both]))[0]?.indication).toBe("depression");
  });

  it("tells another condition from one it cannot read: an ICD-10-CM code outside mental, symptom and encounter chapters is another condition; an unmapped SNOMED code or a text is not recognised", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ reasonCode: [{ coding: [{ system: ICD10CM, code: "K26.9" }] }] }, "other-condition"],
      [{ reasonCode: [{ coding: [{ system: ICD10CM, code: "F32.81" }] }] }, "premenstrual-dysphoric-disorder"],
      [{ reasonCode: [{ coding: [{ system: ICD10CM, code: "Z13.31" }] }] }, "not-recognised"],
      [{ reasonCode: [{ coding: [{ system: SNOMED, code: "51868009" }] }] }, "not-recognised"],
      [{ reasonCode: [{ text: "low mood" }] }, "not-recognised"],
      [{ reasonReference: [{ reference: "Condition/not-here" }] }, "not-recognised"],
      [{}, "not-recorded"],
    ];
    for (const [reason, expected] of cases) expect(trialsOf(bundleOf([patient(), sertraline(reason)]))[0]?.indication, JSON.stringify(reason)).toBe(expected);
  });

  it("gives a dispense the indication of the order it fills", () => {
    const rx = sertraline({ reasonCode: [{ coding: [{ system: ICD10CM, code: "F42.2" }] }] });
    const fill = dispense("d1", "sertraline 100 MG Oral Tablet", "2024-01-02", 30, 30, { authorizingPrescription: [{ reference: "MedicationRequest/o1" }] });
    expect(trialsOf(bundleOf([patient(), rx, fill]))).toStrictEqual([expect.objectContaining({ indication: "obsessive-compulsive-disorder", adherence: 1 })]);
  });

  it("a course for another condition does not count, and the classifier cites the rule", () => {
    const { assessment } = mapAndClassify(bundleOf([patient(), condition("c1", ICD10CM, "F33.1", "2023-12-01"), sertraline({ reasonCode: [{ coding: [{ system: ICD10CM, code: "F41.1" }] }] })]), { asOf: AS_OF });
    expect(assessment.trials[0]?.reasons).toContainEqual(expect.objectContaining({ code: "indication_not_depression", rule: "indication", source: "library-convention" }));
  });
});

describe("duration of orders and statements", () => {
  const active = (id: string, date: string, extra: Record<string, unknown> = {}) => order(id, "sertraline 100 MG Oral Tablet", date, extra);

  it("runs an active order without supply to the as-of date, capped at 183 days (boundary: day 183 and day 184)", () => {
    expect(trialsOf(bundleOf([patient(), active("o1", "2024-01-01")]), "2024-03-01")[0]).not.toHaveProperty("end");
    const atCap = trialsOf(bundleOf([patient(), active("o1", "2024-01-01")]), "2024-07-01")[0];
    expect(atCap).not.toHaveProperty("end"); // day 183 is 2024-07-01: still covered on the as-of date, so ongoing
    const past = fromFhir(bundleOf([patient(), active("o1", "2024-01-01")]), { asOf: "2024-07-02" });
    expect(past.history.trials?.[0]).toMatchObject({ end: "2024-07-01" });
    expect(past.decisions).toContainEqual(expect.objectContaining({ code: "course_capped", rule: "openCourseMaxDays" }));
    expect(fromFhir(bundleOf([patient(), active("o1", "2024-01-01")]), { asOf: "2024-07-02", courses: { openCourseMaxDays: 90 } }).history.trials?.[0]).toMatchObject({ end: "2024-03-30" });
  });

  it("ends an order without supply the day before the next order of the drug; a stopped one without end after 30 days", () => {
    const twoOrders = fromFhir(bundleOf([patient(), active("o1", "2024-01-01", { status: "stopped" }), active("o2", "2024-01-11", { status: "stopped" })]), { asOf: AS_OF });
    expect(twoOrders.decisions.map((d) => d.code)).toStrictEqual(["course_runs_to_next_record", "course_closed_default"]);
    expect(twoOrders.history.trials).toStrictEqual([expect.objectContaining({ start: "2024-01-01", end: "2024-02-09" })]);
  });

  it("uses the stated supply (30 days x (1 + 2 repeats)) or the dosage's bounds when the order has them", () => {
    const supplied = active("o1", "2024-01-01", { dispenseRequest: { numberOfRepeatsAllowed: 2, expectedSupplyDuration: { value: 30, unit: "days", system: UCUM, code: "d" } } });
    expect(trialsOf(bundleOf([patient(), supplied]))[0]).toMatchObject({ end: "2024-03-30" });
    const bounded = active("o1", "2024-01-01", { dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: "2024-01-01", end: "2024-02-15" }, frequency: 1, period: 1, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1 } }] }] });
    expect(trialsOf(bundleOf([patient(), bounded]))[0]).toMatchObject({ end: "2024-02-15" });
  });

  it("treats an active statement like an active order: to the as-of date, capped", () => {
    const statement = { resourceType: "MedicationStatement", id: "s1", status: "active", subject: subject(), medicationCodeableConcept: { text: "sertraline 100 MG Oral Tablet" }, effectivePeriod: { start: "2023-01-01" } };
    expect(trialsOf(bundleOf([patient(), statement]))[0]).toMatchObject({ start: "2023-01-01", end: "2023-07-02" });
  });
});

describe("adherence is never invented", () => {
  it("gives orders and statements no adherence; dispenses a proportion of days covered", () => {
    expect(trialsOf(bundleOf([patient(), order("o1", "sertraline 100 MG Oral Tablet", "2024-01-01")]))[0]).not.toHaveProperty("adherence");
    const fills = [dispense("d1", "sertraline 100 MG Oral Tablet", "2024-01-01", 30, 30), dispense("d2", "sertraline 100 MG Oral Tablet", "2024-02-10", 30, 30)];
    expect(trialsOf(bundleOf([patient(), ...fills]))[0]?.adherence).toBe(0.857);
  });
});

describe("dose", () => {
  const withDosage = (dosage: Record<string, unknown>, text = "sertraline 50 MG Oral Tablet") => trialsOf(bundleOf([patient(), order("o1", text, "2024-01-01", { dosageInstruction: [dosage] })]))[0];
  const one = { doseAndRate: [{ doseQuantity: { value: 1 } }] };

  it("reads timing.code abbreviations (QD, BID, TID, QID, QOD, Q8H) and counts repeat.when / timeOfDay", () => {
    const cases: [string, number][] = [["QD", 50], ["BID", 100], ["TID", 150], ["QID", 200], ["QOD", 25], ["Q8H", 150]];
    for (const [code, mg] of cases) expect(withDosage({ ...one, timing: { code: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", code }] } } })?.doses, code).toStrictEqual([{ from: "2024-01-01", mgPerDay: mg }]);
    expect(withDosage({ ...one, timing: { repeat: { when: ["MORN", "HS"] } } })?.doses?.[0]?.mgPerDay).toBe(100);
    expect(withDosage({ ...one, timing: { repeat: { timeOfDay: ["08:00:00"] } } })?.doses?.[0]?.mgPerDay).toBe(50);
    expect(withDosage({ ...one, timing: { code: { coding: [{ code: "WK" }] } } })).toMatchObject({ doseUnknown: true });
  });

  it("reads Quantity.system: a tablet as an NCI dose-form code or an orderable drug form; refuses a range", () => {
    const tablet = (system: string, code: string) => ({ doseAndRate: [{ doseQuantity: { value: 2, unit: "tablet", system, code } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } } });
    expect(withDosage(tablet("http://ncimeta.nci.nih.gov", "C48542"))?.doses?.[0]?.mgPerDay).toBe(100);
    expect(withDosage(tablet("http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm", "TAB"))?.doses?.[0]?.mgPerDay).toBe(100);
    expect(withDosage({ ...tablet(UCUM, "{tbl}"), timing: { repeat: { frequency: 1, frequencyMax: 2, period: 1, periodUnit: "d" } } })).toMatchObject({ doseUnknown: true });
  });

  it("multiplies a per-mL strength by a volume dose: fluoxetine 4 mg/mL, 5 mL daily = 20 mg/day; a per-mL product dosed in tablets stays unknown", () => {
    const ml = { doseAndRate: [{ doseQuantity: { value: 5, unit: "mL", system: UCUM, code: "mL" } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } } };
    expect(withDosage(ml, "fluoxetine 4 MG/ML Oral Solution")?.doses?.[0]?.mgPerDay).toBe(20);
    expect(withDosage({ ...ml, doseAndRate: [{ doseQuantity: { value: 5, unit: "mL" } }] }, "sertraline 50 MG Oral Tablet")).toMatchObject({ doseUnknown: true });
  });

  it("reads the common English sigs, each as a decision naming the text, and leaves anything else unknown", () => {
    const sigs: [string, number | undefined][] = [
      ["take 1 tablet by mouth twice daily", 100],
      ["1 po qhs", 50],
      ["2 tabs daily", 100],
      ["one and a half tablets in the morning", 75],
      ["Take 1 tablet (50 mg total) by mouth daily.", 50],
      ["1-2 tablets at bedtime as needed", undefined],
      ["take as directed", undefined],
      ["1 tablet daily for 7 days then 2 tablets daily", undefined],
    ];
    for (const [text, mg] of sigs) {
      const mapped = fromFhir(bundleOf([patient(), order("o1", "sertraline 50 MG Oral Tablet", "2024-01-01", { dosageInstruction: [{ text }] })]), { asOf: AS_OF });
      const trial = mapped.history.trials?.[0];
      if (mg === undefined) {
        expect(trial, text).toMatchObject({ doseUnknown: true });
        expect(mapped.issues, text).toContainEqual(expect.objectContaining({ code: "dose_unknown", problem: "text_not_understood" }));
      } else {
        expect(trial?.doses?.[0]?.mgPerDay, text).toBe(mg);
        expect(mapped.decisions, text).toContainEqual(expect.objectContaining({ code: "dose_from_text", input: { text } }));
        expect(mapped.decisions.find((d) => d.code === "dose_from_text")?.message, text).not.toContain(text);
      }
    }
  });
});

describe("scores", () => {
  const phq9 = (id: string, value: Record<string, unknown>, code = "44261-6") => observation(id, code, "2024-02-01", value);

  it("reads valueString and valueInteger integers, and refuses a decimal or a word", () => {
    const mapped = fromFhir(bundleOf([patient(), phq9("a", { valueString: "12" }), phq9("b", { valueInteger: 14 }), phq9("c", { valueString: "12.5" }), phq9("d", { valueString: "twelve" })]), { asOf: AS_OF });
    expect(mapped.history.assessments?.map((a) => a.total)).toStrictEqual([12, 14]);
    expect(mapped.issues.filter((i) => i.code === "value_not_an_integer").map((i) => i.id)).toStrictEqual(["c", "d"]);
  });

  it("takes the PHQ-9 panel's total component, member or derived total, or sums all nine items, and refuses eight", () => {
    const items = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
    const answer = (code: string, la: string) => observation(`i-${code}`, code, "2024-02-01", { valueCodeableConcept: { coding: [{ system: LOINC, code: la }] } });
    const members = items.map((c, i) => answer(c, i < 4 ? "LA6571-9" : "LA6569-3"));
    const panel = (refs: readonly string[]) => observation("panel", "44249-1", "2024-02-01", { hasMember: refs.map((c) => ({ reference: `Observation/i-${c}` })) });
    const nine = fromFhir(bundleOf([patient(), panel(items), ...members]), { asOf: AS_OF });
    expect(nine.history.assessments).toStrictEqual([{ date: "2024-02-01", scale: "PHQ-9", total: 17 }]);
    expect(nine.decisions).toContainEqual(expect.objectContaining({ code: "phq9_total_from_items", source: "loinc-phq9" }));
    expect(nine.summary.used).toBe(11);
    const eight = fromFhir(bundleOf([patient(), panel(items.slice(0, 8)), ...members.slice(0, 8)]), { asOf: AS_OF });
    expect(eight.history.assessments).toStrictEqual([]);
    expect(eight.issues).toContainEqual(expect.objectContaining({ code: "panel_incomplete", id: "panel" }));
    const derived = fromFhir(bundleOf([patient(), panel(items), ...members, phq9("total", { valueInteger: 17, derivedFrom: [{ reference: "Observation/panel" }] })]), { asOf: AS_OF });
    expect(derived.history.assessments).toStrictEqual([{ date: "2024-02-01", scale: "PHQ-9", total: 17 }]);
    expect(derived.decisions.map((d) => d.code)).toStrictEqual(["phq9_total_from_panel"]);
    const component = observation("panel", "44249-1", "2024-02-01", { component: [{ code: { coding: [{ system: LOINC, code: "44261-6" }] }, valueInteger: 9 }] });
    expect(fromFhir(bundleOf([patient(), component]), { asOf: AS_OF }).history.assessments).toStrictEqual([{ date: "2024-02-01", scale: "PHQ-9", total: 9 }]);
  });

  it("never mistakes PHQ-2, PHQ-8 or GAD-7 for PHQ-9", () => {
    const others = [phq9("phq2", { valueInteger: 4 }, "55758-7"), phq9("gad7", { valueInteger: 15 }, "70274-6"), { ...phq9("phq8", { valueInteger: 15 }), code: { text: "PHQ-8 total score" } }, { ...phq9("phq2t", { valueInteger: 3 }), code: { text: "Patient Health Questionnaire-2 total" } }];
    const mapped = fromFhir(bundleOf([patient(), ...others]), { asOf: AS_OF });
    expect(mapped.history.assessments).toStrictEqual([]);
    expect(mapped.summary.notRelevant).toBe(4);
  });
});

describe("diagnoses for pseudo-resistance flags, from SNOMED CT as well as ICD-10-CM", () => {
  it("reads substance use, thyroid disease, bipolar disorder and psychotic features", () => {
    const conditions = [
      condition("c1", SNOMED, "7200002", "2020-01-01"),
      condition("c2", SNOMED, "83664006", "2020-01-01"),
      condition("c3", SNOMED, "371596008", "2020-01-01"),
      condition("c4", SNOMED, "430852001", "2023-12-01"),
      condition("c5", ICD10CM, "F11.20", "2020-01-01"),
      condition("c6", ICD10CM, "E03.9", "2020-01-01"),
    ];
    const { mapped, assessment } = mapAndClassify(bundleOf([patient(), ...conditions]), { asOf: AS_OF });
    expect(new Set(mapped.history.patient?.diagnoses?.map((d) => d.condition))).toStrictEqual(new Set(["substance-use-disorder", "thyroid-disease", "bipolar-disorder", "major-depressive-disorder", "psychotic-features"]));
    expect(assessment.applicable).toBe(false);
    expect(assessment.flags.map((f) => f.code)).toEqual(expect.arrayContaining(["substance_use_on_record", "thyroid_disease_on_record", "psychotic_features_on_record", "bipolar_disorder_on_record"]));
  });

  it("skips refuted or entered-in-error diagnoses and does not use unconfirmed ones", () => {
    const refuted = condition("c1", SNOMED, "13746004", "2020-01-01", { verificationStatus: { coding: [{ code: "refuted" }] } });
    const provisional = condition("c2", SNOMED, "13746004", "2020-01-01", { verificationStatus: { coding: [{ code: "provisional" }] } });
    const mapped = fromFhir(bundleOf([patient(), refuted, provisional]), { asOf: AS_OF });
    expect(mapped.history.patient?.diagnoses).toStrictEqual([]);
    expect(mapped.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["entered_in_error", "status_excluded"]));
  });
});
