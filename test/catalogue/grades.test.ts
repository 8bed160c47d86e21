/**
 * The catalogue's grading rule and its corrected values (catalogue 2026.12.0, issue 13).
 *
 * One rule decides a grade: `primary` = read in the regulator's own label or SmPC text (or a
 * verbatim copy whose identity the research notes confirm), naming the label document (a source of
 * kind "label" with its revision) and the section read; `secondary` = a copy not confirmed, or a
 * reference work; `unverified` otherwise.
 */
import { describe, expect, it } from "vitest";
import { SOURCES, findDrug, listDrugs } from "trd-classifier";
import type { Citation, DrugEntry } from "trd-classifier";

/** Every dose figure of an entry (thresholds, age caps, impairment limits, adequacy), labelled. */
function doseCitations(drug: DrugEntry): Array<[string, Citation]> {
  const out: Array<[string, Citation]> = [];
  for (const [table, value] of Object.entries(drug.minimumDose)) if (value !== undefined) out.push([`${drug.id}.minimumDose.${table}`, value]);
  drug.ageCaps.forEach((cap, i) => out.push([`${drug.id}.ageCaps[${i}]`, cap]));
  (drug.impairmentLimits ?? []).forEach((limit, i) => out.push([`${drug.id}.impairmentLimits[${i}]`, limit]));
  if (drug.adequacy !== undefined && drug.adequacy.kind !== "daily-dose") out.push([`${drug.id}.adequacy`, drug.adequacy]);
  return out;
}

describe("the grading rule", () => {
  const drugs = listDrugs();

  it("gives every threshold, cap, limit and adequacy rule a known source", () => {
    for (const drug of drugs) {
      for (const [where, cite] of doseCitations(drug)) {
        expect(typeof cite.source, where).toBe("string");
        expect(Object.hasOwn(SOURCES, cite.source), `${where} cites unknown source ${String(cite.source)}`).toBe(true);
      }
    }
  });

  it("grades a dose value primary only with a label document (kind label, with its revision) and the section read", () => {
    let primary = 0;
    for (const drug of drugs) {
      for (const [where, cite] of doseCitations(drug)) {
        if (cite.verification !== "primary") continue;
        primary += 1;
        const source = SOURCES[cite.source];
        expect(source.kind, `${where}: ${cite.source} is not a label`).toBe("label");
        expect(source.revision ?? "", `${where}: ${cite.source} has no revision`).not.toBe("");
        expect(source.locator ?? "", `${where}: ${cite.source} names no copy`).not.toBe("");
        expect(cite.section ?? "", `${where}: no section`).not.toBe("");
      }
    }
    expect(primary).toBeGreaterThanOrEqual(30);
  });

  it("never grades a transcription primary: Hayasaka and MGH-ATRQ at best secondary, Maudsley unverified", () => {
    for (const drug of drugs) {
      expect(drug.minimumDose["hayasaka-2015-fe40"]?.verification, drug.id).not.toBe("primary");
      expect(drug.minimumDose["mgh-atrq"]?.verification, drug.id).not.toBe("primary");
      const maudsley = drug.minimumDose["maudsley-med"];
      if (maudsley !== undefined) expect(maudsley.verification, drug.id).toBe("unverified");
    }
  });

  it("grades a code primary only when read in the issuing body's listing (a listing source with its revision)", () => {
    for (const drug of drugs) {
      for (const [where, code] of [["atc", drug.atc], ["rxnorm", drug.rxnorm]] as const) {
        if (code === undefined) continue;
        expect(Object.hasOwn(SOURCES, code.source), `${drug.id}.${where}`).toBe(true);
        if (code.verification !== "primary") continue;
        expect(SOURCES[code.source].kind, `${drug.id}.${where}`).toBe("listing");
        expect(SOURCES[code.source].revision ?? "", `${drug.id}.${where}`).not.toBe("");
      }
    }
  });

  it("grades no RxNorm code primary: no NLM listing was read, only CPIC's table and RxNav-derived files", () => {
    for (const drug of drugs) expect(drug.rxnorm?.verification, drug.id).not.toBe("primary");
  });

  it("keeps aripiprazole secondary: its label was not read, only a journal letter quoting it", () => {
    expect(findDrug("aripiprazole")?.minimumDose["licensed-minimum"]?.verification).toBe("secondary");
  });

  it("keeps the share of licensed-minimum thresholds read in a label from falling (target 80%, not yet reached)", () => {
    // 2026.11.0: 14 of 40 (35%); 2026.12.0: 32 of 43 (74%). The remaining secondary values have no label text in the research
    // notes (docs/catalogue.md lists them); this floor only stops the share from falling back.
    const values = drugs.flatMap((d) => (d.minimumDose["licensed-minimum"] === undefined ? [] : [d.minimumDose["licensed-minimum"]]));
    const primary = values.filter((v) => v.verification === "primary").length;
    expect(primary / values.length).toBeGreaterThanOrEqual(0.74);
  });
});

describe("values corrected in catalogue 2026.12.0", () => {
  it.each([
    ["isocarboxazid", 40],
    ["doxepin", 75],
    ["maprotiline", 75],
  ])("%s: licensed minimum %d mg/day, read in the label's dosage section", (id, mg) => {
    const value = findDrug(id)?.minimumDose["licensed-minimum"];
    expect(value?.mgPerDay).toBe(mg);
    expect(value?.section).toMatch(/Dosage/);
  });
});
