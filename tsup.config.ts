import { defineConfig } from "tsup";

export default defineConfig([
  // The library: ESM + CJS with .d.ts/.d.cts, dependencies (zod, date-fns) left external.
  {
    entry: { index: "src/index.ts", "fhir/index": "src/fhir/index.ts", "omop/index": "src/omop/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  // The command line (ESM, Node): its entry and the worker thread it starts.
  {
    entry: { "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    banner: ({ format }) => (format === "esm" ? { js: "#!/usr/bin/env node" } : {}),
  },
]);
