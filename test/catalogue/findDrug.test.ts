import { describe, expect, it } from "vitest";
import { findDrug } from "trd-classifier";
import { normaliseDrugName } from "../../src/catalogue/normaliseDrugName";

describe("findDrug", () => {
  it.each([
    ["sertraline", "sertraline"],
    ["SERTRALINE", "sertraline"],
    ["  Sertraline Hydrochloride ", "sertraline"],
    ["Zoloft", "sertraline"],
    ["Lexapro", "escitalopram"],
    ["escitalopram oxalate", "escitalopram"],
    ["Celexa", "citalopram"],
    ["Effexor XR", "venlafaxine"],
    ["dothiepin", "dosulepin"],
    ["Emsam", "selegiline-transdermal"],
    ["Spravato", "esketamine"],
    ["lithium carbonate", "lithium"],
    ["olanzapine/fluoxetine", "olanzapine-fluoxetine"],
    ["Symbyax", "olanzapine-fluoxetine"],
  ])("finds %j as %s", (query, id) => {
    expect(findDrug(query)?.id).toBe(id);
  });

  it("matches by whole name: escitalopram is never citalopram, and a fragment matches nothing", () => {
    expect(findDrug("escitalopram")?.id).toBe("escitalopram");
    expect(findDrug("citalopram")?.id).toBe("citalopram");
    expect(findDrug("italopram")).toBeUndefined();
    expect(findDrug("levomilnacipran")?.id).toBe("levomilnacipran");
    expect(findDrug("milnacipran")?.id).toBe("milnacipran");
    expect(findDrug("desvenlafaxine")?.id).toBe("desvenlafaxine");
    expect(findDrug("sertraline fluoxetine")).toBeUndefined();
  });

  it("finds by RxNorm ingredient code and by ATC code", () => {
    expect(findDrug("36437")?.id).toBe("sertraline");
    expect(findDrug("15996")?.id).toBe("mirtazapine");
    expect(findDrug("N06AB10")?.id).toBe("escitalopram");
    expect(findDrug("n06ax16")?.id).toBe("venlafaxine");
  });

  it("returns undefined for unknown agents, codes and empty input", () => {
    expect(findDrug("aspirin")).toBeUndefined();
    expect(findDrug("")).toBeUndefined();
    expect(findDrug("   ")).toBeUndefined();
    expect(findDrug("99999999")).toBeUndefined();
    expect(findDrug("N02BA01")).toBeUndefined();
  });
});

describe("normaliseDrugName", () => {
  it("folds case, accents, punctuation and trailing salt or release words", () => {
    expect(normaliseDrugName("Sertraline HCl")).toBe("sertraline");
    expect(normaliseDrugName("Venlafaxine ER")).toBe("venlafaxine");
    expect(normaliseDrugName("Olanzapine + Fluoxetine")).toBe("olanzapine fluoxetine");
    expect(normaliseDrugName("Miánserin")).toBe("mianserin");
    expect(normaliseDrugName("Wellbutrin® XL")).toBe("wellbutrin");
    expect(normaliseDrugName("!!!")).toBe("");
  });

  it("keeps a lone salt word (it is not a drug name, and will not match one)", () => {
    expect(normaliseDrugName("sodium")).toBe("sodium");
  });
});
