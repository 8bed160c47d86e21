import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listRuleSets } from "trd-classifier";
import { CATALOGUE_PATH, FILLS_PATH, RULE_SET_DIR, SCHEMA_PATH, renderBuildPresets, renderCatalogue, renderJsonSchema, renderRuleSet, renderRuleSetIndex } from "./renderDocs";

const read = (path: string): string => readFileSync(path, "utf8");

describe("generated docs (run `npm run docs:generate` after changing the code they describe)", () => {
  it("docs/catalogue.md matches the catalogue", () => {
    expect(read(CATALOGUE_PATH)).toBe(renderCatalogue());
  });

  it("docs/treatment-history.schema.json matches the schema", () => {
    expect(read(SCHEMA_PATH)).toBe(renderJsonSchema());
  });

  it("docs/rule-sets/ has an up-to-date page per rule set", () => {
    expect(read(`${RULE_SET_DIR}README.md`)).toBe(renderRuleSetIndex());
    for (const rules of listRuleSets()) expect(read(`${RULE_SET_DIR}${rules.id}.md`), rules.id).toBe(renderRuleSet(rules));
  });

  it("docs/fills.md matches the build presets", () => {
    expect(read(FILLS_PATH)).toBe(renderBuildPresets());
  });
});
