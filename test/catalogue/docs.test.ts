/**
 * docs/catalogue.md reports the grades of the thresholds each rule set uses, before (catalogue
 * 2026.11.0, a historical record) and after (computed).
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE_VERSION, listRuleSets } from "trd-classifier";
import { GRADES_2026_11_0, renderCatalogue, ruleSetGrades } from "../docs/renderDocs";

describe("docs/catalogue.md: thresholds by grade", () => {
  const doc = renderCatalogue();

  it("has a before row (2026.11.0) and an after row (this catalogue) for every rule set", () => {
    for (const rules of listRuleSets()) {
      expect(doc, rules.id).toMatch(new RegExp(`\\| ${rules.id} \\| [^|]+ \\| 2026\\.11\\.0 \\|`));
      expect(doc, rules.id).toMatch(new RegExp(`\\| ${rules.id} \\| [^|]+ \\| \\*\\*${CATALOGUE_VERSION.replace(/\./g, "\\.")}\\*\\* \\|`));
    }
  });

  it("computes the after counts from the catalogue, and the licensed-minimum rule sets gain primary thresholds", () => {
    for (const rules of listRuleSets()) {
      const after = ruleSetGrades(rules);
      const before = (GRADES_2026_11_0.ruleSets as Record<string, { primary: number }>)[rules.id];
      expect(after.primary, rules.id).toBeGreaterThan(before?.primary ?? 0);
      const n = after.primary + after.secondary + after.unverified;
      expect(doc).toContain(`| ${n} | ${after.primary} (${Math.round((100 * after.primary) / n)}%) |`);
    }
  });

  it("says which values could not be confirmed, and that MGH-ATRQ has no canonical form", () => {
    expect(doc).toContain("Not confirmed in a label");
    expect(doc).toContain("No canonical form of the MGH Antidepressant Treatment Response Questionnaire was found");
    expect(doc).toMatch(/\*\*vilazodone\*\* 20 S/);
  });
});
