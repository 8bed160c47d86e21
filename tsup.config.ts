import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { defineConfig } from "tsup";

/** BigQuery's limit on each JavaScript UDF library file (docs/warehouse.md). */
const UDF_LIBRARY_LIMIT_BYTES = 1_000_000;

export default defineConfig([
  // The library: ESM + CJS with .d.ts/.d.cts, dependencies (zod, date-fns) left external.
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
  // The command line (ESM, Node): its entry and the worker thread it starts.
  {
    entry: { "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    banner: ({ format }) => (format === "esm" ? { js: "#!/usr/bin/env node" } : {}),
  },
  // The warehouse UDF (docs/warehouse.md): one plain script, no imports, zod and date-fns inside,
  // installing one global function, trdClassify. The build prints its size and fails over 1 MB.
  {
    name: "udf",
    entry: { "udf/trd-classifier": "src/udf/global.ts" },
    format: ["iife"],
    outExtension: () => ({ js: ".js" }),
    platform: "browser",
    target: "es2020",
    noExternal: [/^zod/, /^date-fns/],
    // Identifiers keep their names: the minifier would name one `$$`, which ends a Snowflake
    // function body, and readable names help with a warehouse's stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: false,
    dts: false,
    onSuccess: async () => {
      const bytes = readFileSync("dist/udf/trd-classifier.js");
      const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
      console.log(`UDF dist/udf/trd-classifier.js: ${kB(bytes.length)} (${kB(gzipSync(bytes).length)} gzipped); BigQuery's per-library limit is 1 MB`);
      if (bytes.length >= UDF_LIBRARY_LIMIT_BYTES) throw new Error(`dist/udf/trd-classifier.js is ${bytes.length} bytes, over BigQuery's 1 MB library limit`);
    },
  },
]);
