/**
 * Agents and brand names added in catalogue 2026.12.0 (issue 13): each resolves with findDrug.
 */
import { describe, expect, it } from "vitest";
import { findDrug } from "trd-classifier";

describe("agents added in catalogue 2026.12.0", () => {
  it.each([
    ["dextromethorphan-bupropion", "antidepressant"],
    ["zuranolone", "rapid-acting"],
    ["gepirone", "antidepressant"],
    ["brexanolone", "rapid-acting"],
    ["tianeptine", "antidepressant"],
    ["amoxapine", "antidepressant"],
    ["opipramol", "antidepressant"],
    ["pirlindole", "antidepressant"],
    ["pipofezine", "antidepressant"],
    ["noxiptiline", "antidepressant"],
    ["olanzapine", "augmenting-agent"],
  ])("%s resolves, with role %s", (id, role) => {
    expect(findDrug(id)?.id).toBe(id);
    expect(findDrug(id)?.role).toBe(role);
  });

  it.each([
    ["Auvelity", "dextromethorphan-bupropion"],
    ["dextromethorphan/bupropion", "dextromethorphan-bupropion"],
    ["bupropion and dextromethorphan", "dextromethorphan-bupropion"],
    ["Zurzuvae", "zuranolone"],
    ["Exxua", "gepirone"],
    ["Zulresso", "brexanolone"],
    ["Stablon", "tianeptine"],
    ["Coaxil", "tianeptine"],
    ["tianeptine sodium", "tianeptine"],
    ["Asendin", "amoxapine"],
    ["Insidon", "opipramol"],
    ["Lifril", "pirlindole"],
    ["Pyrazidol", "pirlindole"],
    ["Azafen", "pipofezine"],
    ["Zyprexa", "olanzapine"],
    ["Zalasta", "olanzapine"],
    ["Arkolamyl", "olanzapine"],
    ["Thymanax", "agomelatine"],
    ["Lomont", "lofepramine"],
    ["Feprapax", "lofepramine"],
    ["Tertroxin", "liothyronine"],
  ])("brand or name %j resolves to %s", (name, id) => {
    expect(findDrug(name)?.id).toBe(id);
  });

  it("lists every brand name by market and also as a synonym, so that findDrug resolves it", () => {
    for (const id of ["dextromethorphan-bupropion", "zuranolone", "gepirone", "brexanolone", "tianeptine", "amoxapine", "opipramol", "olanzapine", "agomelatine", "lofepramine", "liothyronine"]) {
      const drug = findDrug(id);
      expect(drug?.brands?.length, id).toBeGreaterThan(0);
      for (const brand of drug?.brands ?? []) {
        expect(drug?.synonyms, `${id}: ${brand.name}`).toContain(brand.name);
        expect(brand.markets.length, `${id}: ${brand.name}`).toBeGreaterThan(0);
        expect(findDrug(brand.name)?.id).toBe(id);
      }
    }
  });

  it("finds the new agents by their WHO ATC codes, and never gives pirlindole pivagabine's N06AX15", () => {
    expect(findDrug("N06AX62")?.id).toBe("dextromethorphan-bupropion");
    expect(findDrug("N06AX31")?.id).toBe("zuranolone");
    expect(findDrug("N06AX19")?.id).toBe("gepirone");
    expect(findDrug("N06AX29")?.id).toBe("brexanolone");
    expect(findDrug("N06AX14")?.id).toBe("tianeptine");
    expect(findDrug("N06AA17")?.id).toBe("amoxapine");
    expect(findDrug("N06AA05")?.id).toBe("opipramol");
    expect(findDrug("N05AH03")?.id).toBe("olanzapine");
    expect(findDrug("N06AX15")).toBeUndefined();
    expect(findDrug("pirlindole")?.atc).toBeUndefined();
  });

  it("keeps Auvelity apart from bupropion: its 210 mg/day of bupropion is below bupropion's threshold", () => {
    const auvelity = findDrug("Auvelity");
    expect(auvelity?.id).not.toBe("bupropion");
    expect(auvelity?.minimumDose["licensed-minimum"]).toMatchObject({ mgPerDay: 90, verification: "primary" });
    expect(findDrug("bupropion")?.minimumDose["licensed-minimum"]?.mgPerDay).toBeGreaterThan(210);
  });

  it("gives the course-based and session-based agents their adequacy model", () => {
    expect(findDrug("zuranolone")?.adequacy).toMatchObject({ kind: "fixed-course", days: 14, mgPerDay: 50 });
    expect(findDrug("brexanolone")?.adequacy).toMatchObject({ kind: "infusion", hours: 60 });
    expect(findDrug("esketamine")?.adequacy).toMatchObject({ kind: "sessions" });
    expect(findDrug("ketamine")?.adequacy).toMatchObject({ kind: "sessions", verification: "unverified" });
    expect(findDrug("zuranolone")?.minimumDose).toStrictEqual({});
  });

  it("encodes the label doses of the new daily-dose agents, and none where no source gives one", () => {
    expect(findDrug("amoxapine")?.minimumDose["licensed-minimum"]).toMatchObject({ mgPerDay: 200, verification: "primary" });
    expect(findDrug("tianeptine")?.minimumDose["licensed-minimum"]).toMatchObject({ mgPerDay: 37.5, verification: "primary" });
    for (const id of ["gepirone", "pirlindole", "pipofezine", "noxiptiline", "olanzapine", "opipramol"]) {
      expect(findDrug(id)?.minimumDose["licensed-minimum"], id).toBeUndefined();
    }
  });
});
