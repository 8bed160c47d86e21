import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests and examples import the package by its public name, as users do.
    alias: [
      { find: /^trd-classifier\/omop$/, replacement: fileURLToPath(new URL("./src/omop/index.ts", import.meta.url)) },
      { find: /^trd-classifier\/fhir$/, replacement: fileURLToPath(new URL("./src/fhir/index.ts", import.meta.url)) },
      { find: /^trd-classifier$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    expect: { requireAssertions: true },
  },
});
