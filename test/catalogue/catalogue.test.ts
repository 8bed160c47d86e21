import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION, SOURCES, listDrugs } from "trd-classifier";
import { normaliseDrugName } from "../../src/catalogue/normaliseDrugName";
import type { Citation, DrugEntry } from "trd-classifier";

const VERIFICATIONS = new Set(["primary", "secondary", "unverified"]);

/** Every cited fact in an entry, with a label saying where it sits. */
function citations(drug: DrugEntry): Array<[string, Citation]> {
  const out: Array<[string, Citation]> = [];
  if (drug.atc !== undefined) out.push([`${drug.id}.atc`, drug.atc]);
  if (drug.rxnorm !== undefined) out.push([`${drug.id}.rxnorm`, drug.rxnorm]);
  for (const [table, value] of Object.entries(drug.minimumDose)) if (value !== undefined) out.push([`${drug.id}.minimumDose.${table}`, value]);
  drug.ageCaps.forEach((cap, i) => out.push([`${drug.id}.ageCaps[${i}]`, cap]));
  return out;
}

const ANTIDEPRESSANTS = [
  "fluoxetine", "sertraline", "paroxetine", "citalopram", "escitalopram", "fluvoxamine",
  "venlafaxine", "desvenlafaxine", "duloxetine", "levomilnacipran", "milnacipran",
  "bupropion", "mirtazapine", "mianserin", "trazodone", "nefazodone", "vilazodone", "vortioxetine",
  "agomelatine", "reboxetine", "amitriptyline", "nortriptyline", "imipramine", "desipramine",
  "clomipramine", "doxepin", "protriptyline", "trimipramine", "dosulepin", "lofepramine", "maprotiline",
  "phenelzine", "tranylcypromine", "isocarboxazid", "selegiline-transdermal", "moclobemide",
];
const AUGMENTERS = ["lithium", "aripiprazole", "quetiapine", "brexpiprazole", "cariprazine", "olanzapine-fluoxetine", "liothyronine"];

describe("catalogue", () => {
  const drugs = listDrugs();

  it("has a version", () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it("holds every antidepressant of the research table, the augmenting agents and esketamine", () => {
    const ids = new Set(drugs.map((d) => d.id));
    for (const id of [...ANTIDEPRESSANTS, ...AUGMENTERS, "esketamine"]) expect(ids, id).toContain(id);
    expect(listDrugs({ role: "antidepressant" }).length).toBeGreaterThanOrEqual(32);
    for (const id of AUGMENTERS) expect(drugs.find((d) => d.id === id)?.role, id).toBe("augmenting-agent");
  });

  it("has unique ids and unique normalised names", () => {
    expect(new Set(drugs.map((d) => d.id)).size).toBe(drugs.length);
    const owner = new Map<string, string>();
    for (const drug of drugs) {
      for (const name of [drug.id, drug.name, ...drug.synonyms]) {
        const key = normaliseDrugName(name);
        expect(key, `${drug.id}: "${name}"`).not.toBe("");
        const previous = owner.get(key);
        if (previous !== undefined) expect(previous, `"${name}" is claimed by ${previous} and ${drug.id}`).toBe(drug.id);
        owner.set(key, drug.id);
      }
    }
  });

  it("cites a known source and a verification flag for every dose, cap and code", () => {
    let count = 0;
    for (const drug of drugs) {
      for (const [where, cite] of citations(drug)) {
        count += 1;
        expect(Object.hasOwn(SOURCES, cite.source), `${where} cites unknown source ${String(cite.source)}`).toBe(true);
        expect(VERIFICATIONS.has(cite.verification), `${where} verification`).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it("gives every dose a positive, plausible number", () => {
    for (const drug of drugs) {
      for (const [table, value] of Object.entries(drug.minimumDose)) {
        if (value === undefined) continue;
        expect(value.mgPerDay, `${drug.id} ${table}`).toBeGreaterThan(0);
        expect(value.mgPerDay, `${drug.id} ${table}`).toBeLessThan(1000);
      }
      for (const cap of drug.ageCaps) {
        expect(cap.maxMgPerDay).toBeGreaterThan(0);
        expect(cap.olderThanYears).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it("marks every Maudsley value unverified and every MGH-ATRQ value at best secondary", () => {
    for (const drug of drugs) {
      const maudsley = drug.minimumDose["maudsley-med"];
      if (maudsley !== undefined) expect(maudsley.verification, drug.id).toBe("unverified");
      const atrq = drug.minimumDose["mgh-atrq"];
      if (atrq !== undefined) expect(atrq.verification, drug.id).not.toBe("primary");
    }
  });

  it("uses only well-formed codes", () => {
    for (const drug of drugs) {
      if (drug.atc !== undefined) expect(drug.atc.code, drug.id).toMatch(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
      if (drug.rxnorm !== undefined) expect(drug.rxnorm.code, drug.id).toMatch(/^\d+$/);
    }
    const rxnorm = drugs.flatMap((d) => (d.rxnorm === undefined ? [] : [d.rxnorm.code]));
    expect(new Set(rxnorm).size).toBe(rxnorm.length);
  });

  it("encodes the settled values of the verification pass", () => {
    const dose = (id: string) => drugs.find((d) => d.id === id)?.minimumDose["licensed-minimum"];
    expect(dose("reboxetine")?.mgPerDay).toBe(8);
    expect(dose("venlafaxine")?.mgPerDay).toBe(75);
    expect(dose("mirtazapine")?.mgPerDay).toBe(15);
    expect(dose("sertraline")).toMatchObject({ mgPerDay: 50, verification: "primary" });
    expect(drugs.find((d) => d.id === "mirtazapine")?.rxnorm?.code).toBe("15996");
    expect(drugs.find((d) => d.id === "fluoxetine")?.rxnorm?.code).toBe("4493");
  });

  it("caps citalopram at 20 mg/day over 60", () => {
    const caps = drugs.find((d) => d.id === "citalopram")?.ageCaps ?? [];
    expect(caps).toContainEqual(expect.objectContaining({ olderThanYears: 60, maxMgPerDay: 20, verification: "primary" }));
  });
});
