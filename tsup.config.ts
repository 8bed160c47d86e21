import { readFileSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { gzipSync } from "node:zlib";
import { defineConfig } from "tsup";

/** BigQuery's limit on each JavaScript UDF library file (docs/warehouse.md). */
const UDF_LIBRARY_LIMIT_BYTES = 1_000_000;

// One copy of the library: ES modules whose entries share chunks, with the command line built in
// the same build so that it imports those chunks rather than carrying a copy of its own. The
// CommonJS entries are one line each, `module.exports = require("./index.js")`: Node.js loads an
// ES module with require() from 20.19 on (require(esm), the package's engines floor), so CommonJS
// and ESM users share one module instance (no dual-package hazard) and the core is not shipped
// twice (measured: 322.0 kB packed with a CommonJS copy, over the 250 kB limit). Whitespace is
// minified (see below). No source maps in the published build (they were 63% of the tarball and
// point to sources that are not shipped). Dependencies (zod, date-fns) stay external.
const library = { index: "src/index.ts", "fhir/index": "src/fhir/index.ts", "omop/index": "src/omop/index.ts" };
const common = {
  sourcemap: false,
  target: "es2022",
  splitting: true,
  treeshake: true,
  // Whitespace only: names are kept (stack traces still name functions).
  minifyWhitespace: true,
} as const;

export default defineConfig([
  // ESM: the library and the command line (its entry and the worker thread it starts, found at
  // run time as `new URL("./worker.js", import.meta.url)` from dist/cli/main.js). Code reached
  // only from the command line stays in its chunks, which the library's entries never import.
  {
    ...common,
    entry: { ...library, "cli/main": "src/cli/main.ts", "cli/worker": "src/cli/worker.ts" },
    format: ["esm"],
    platform: "node",
    // Whitespace minified by terser rather than esbuild, which drops the /* @__PURE__ */
    // annotations when it minifies: without them an integrator's bundler keeps every table
    // built at module level (SOURCES with its 116 sources in a bundle that never reads it).
    // No compression and no renaming: the same code, names kept.
    minifyWhitespace: false,
    minify: "terser",
    terserOptions: { compress: false, mangle: false, format: { comments: false, preserve_annotations: true } },
    clean: true,
    onSuccess: async () => {
      // The shebang goes on the command line's entry only, not on every chunk (as a banner would).
      const main = "dist/cli/main.js";
      const code = await readFile(main, "utf8");
      if (!code.startsWith("#!")) await writeFile(main, `#!/usr/bin/env node\n${code}`);
      await chmod(main, 0o755);
      // The ESM entries' declarations re-export the CommonJS ones (an ES module may import a
      // CommonJS one; the reverse is not allowed), so the declarations are shipped once.
      for (const entry of Object.keys(library)) await writeFile(`dist/${entry}.d.ts`, `export * from "./${basename(entry)}.cjs";\n`);
      // The CommonJS entries load the ES modules (require(esm), Node.js 20.19 and later).
      for (const entry of Object.keys(library)) await writeFile(`dist/${entry}.cjs`, `"use strict";\n// CommonJS entry: the ES module itself, loaded with require() (Node.js 20.19 and later).\nmodule.exports = require("./${basename(entry)}.js");\n`);
    },
  },
  // Declarations: .d.cts for both entries (sharing one declaration chunk); the ESM entries' .d.ts
  // re-export them (written above).
  {
    entry: library,
    format: ["cjs"],
    dts: { entry: library, only: true },
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
