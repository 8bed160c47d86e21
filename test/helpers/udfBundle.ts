/**
 * Builds the warehouse UDF bundle with the `udf` block of tsup.config.ts (the same options as
 * `npm run build`) into a fresh folder under .tmp, and loads it into a bare V8 context: only
 * ECMAScript built-ins, as in BigQuery's and Snowflake's JavaScript UDFs. Used by the bundle test
 * (so `npm test` works on a clean clone, before any build) and by test/bench/udf.ts.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build } from "tsup";
import type { Options } from "tsup";
import config from "../../tsup.config";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The `udf` block of tsup.config.ts. */
export function udfBuildOptions(): Options {
  const blocks: readonly Options[] = Array.isArray(config) ? config : typeof config === "function" ? [] : [config as Options];
  const udf = blocks.find((b) => b.name === "udf");
  if (udf === undefined) throw new Error("tsup.config.ts has no block named udf");
  return udf;
}

/** Builds the bundle into a fresh folder under .tmp, returns its text and removes the folder. */
export async function buildUdfBundle(): Promise<string> {
  mkdirSync(join(root, ".tmp"), { recursive: true });
  const outDir = mkdtempSync(join(root, ".tmp", "udf-"));
  // No onSuccess: it reports on dist/, which this build does not write.
  const { onSuccess: _reportsOnDist, ...options } = udfBuildOptions();
  try {
    await build({ ...options, outDir, config: false, silent: true });
    return readFileSync(join(outDir, "udf", "trd-classifier.js"), "utf8");
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Globals a fresh `node:vm` context has that ECMAScript (ECMA-262) does not define. */
export const NOT_ECMASCRIPT_GLOBALS = ["console", "Intl", "WebAssembly"] as const;

/** A bare context: ECMAScript built-ins only (the V8 extras above removed). */
export function bareContext(): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(NOT_ECMASCRIPT_GLOBALS.map((name) => `delete globalThis.${name};`).join(""), context);
  return context;
}

/** The function the bundle installs, loaded into `context`, callable from outside it. */
export type UdfFunction = (historyJson: unknown, optionsJson: unknown) => unknown;

/** Runs the bundle as a plain script in `context` (no module system) and returns its global. */
export function loadUdf(bundle: string, context: vm.Context): UdfFunction {
  new vm.Script(bundle, { filename: "trd-classifier.js" }).runInContext(context);
  return vm.runInContext("trdClassify", context) as UdfFunction;
}
