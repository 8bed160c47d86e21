import { defineConfig } from "tsup";

// The library: ESM + CJS with .d.ts/.d.cts, unbundled dependencies (zod, date-fns).
export default defineConfig([
  {
    entry: { index: "src/index.ts", "fhir/index": "src/fhir/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
]);
