import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_PATH, SCHEMA_PATH, renderCatalogue, renderJsonSchema } from "./renderCatalogue";

describe("generated docs", () => {
  it("docs/catalogue.md matches the catalogue (run `npm run docs:catalogue` after changing it)", () => {
    expect(readFileSync(CATALOGUE_PATH, "utf8")).toBe(renderCatalogue());
  });

  it("docs/treatment-history.schema.json matches the schema (run `npm run docs:catalogue`)", () => {
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(renderJsonSchema());
  });
});
