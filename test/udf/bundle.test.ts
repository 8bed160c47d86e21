/**
 * The warehouse UDF bundle (dist/udf/trd-classifier.js), built here with the `udf` block of
 * tsup.config.ts and run as a plain script in a bare V8 context: ECMAScript built-ins only, no
 * `require`, `process`, timers, `console`, `Intl` or `TextEncoder`, as in BigQuery's and
 * Snowflake's JavaScript UDFs. Its answers must equal `classifyTrd` run in-process on the same
 * histories: the clinical vignettes and the golden sample of synthetic histories, under their
 * rule sets. Invalid input of any kind gives an error result, never an exception.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyTrd, parseTreatmentHistory } from "trd-classifier";
import type { ClassifyTrdOptions } from "trd-classifier";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { NOT_ECMASCRIPT_GLOBALS, bareContext, buildUdfBundle, loadUdf } from "../helpers/udfBundle";
import type { UdfFunction } from "../helpers/udfBundle";

/** BigQuery's limit on each JavaScript library file (docs/warehouse.md). */
const BIGQUERY_LIBRARY_LIMIT = 1_000_000;

let bundle = "";
let context: vm.Context;
let globalsBefore: string[] = [];
let udf: UdfFunction;

beforeAll(async () => {
  bundle = await buildUdfBundle();
  context = bareContext();
  // Determinism: the classification reads neither the clock nor randomness.
  vm.runInContext("Date.now = () => { throw new Error('clock read'); }; Math.random = () => { throw new Error('randomness read'); };", context);
  globalsBefore = vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[];
  udf = loadUdf(bundle, context);
}, 180_000);

/** What classifyTrd gives in-process, as the JSON the UDF returns, or the UDF's error shape. */
function expected(historyText: string, options: ClassifyTrdOptions): unknown {
  let input: unknown;
  try {
    input = JSON.parse(historyText);
  } catch {
    return "invalid_json";
  }
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) return { status: "invalid", error: "invalid_history", issues: parsed.issues };
  return JSON.parse(JSON.stringify(classifyTrd(parsed.data, options)));
}

function call(history: unknown, options: unknown): Record<string, unknown> {
  const out = udf(history, options);
  expect(typeof out).toBe("string");
  return JSON.parse(out as string) as Record<string, unknown>;
}

describe("the bundle", () => {
  it("is one plain script under BigQuery's 1 MB library limit", () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(Buffer.byteLength(bundle, "utf8")).toBeLessThan(BIGQUERY_LIBRARY_LIMIT);
    // A plain script: it compiled as one above (an import or export would be a syntax error there).
    expect(bundle).not.toMatch(/\brequire\(/);
    // Snowflake takes the code between $$ delimiters (docs/warehouse.md).
    expect(bundle).not.toContain("$$");
  });

  it("runs in a context with ECMAScript built-ins only", () => {
    for (const name of [...NOT_ECMASCRIPT_GLOBALS, "require", "process", "setTimeout", "TextEncoder", "Buffer"]) {
      expect(vm.runInContext(`typeof globalThis.${name}`, context), name).toBe("undefined");
    }
  });

  it("installs one global function, trdClassify (and zod's two configuration objects)", () => {
    const after = vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[];
    const added = [...after].filter((n) => !globalsBefore.includes(n)).sort(); // an array of this realm
    expect(added).toStrictEqual(["__zod_globalConfig", "__zod_globalRegistry", "trdClassify"]);
    expect(vm.runInContext("typeof trdClassify", context)).toBe("function");
    expect(vm.runInContext("typeof __zod_globalConfig + ' ' + typeof __zod_globalRegistry", context)).toBe("object object");
  });
});

interface Vignette {
  readonly ruleSet: string;
  readonly asOf: string;
  readonly overrides?: Record<string, unknown>;
  readonly history: unknown;
  readonly expected: { readonly resistantSince?: unknown };
}

const vignetteDir = fileURLToPath(new URL("../vignettes/", import.meta.url));
const vignettes = readdirSync(vignetteDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(vignetteDir + file, "utf8")) as Vignette) }));

describe("answers equal classifyTrd", () => {
  it("on every clinical vignette, with its rule set, overrides and as-of date", () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(25);
    for (const v of vignettes) {
      const options = {
        asOf: v.asOf,
        ruleSet: v.ruleSet,
        ...(v.overrides === undefined ? {} : { overrides: v.overrides }),
        ...(v.expected.resistantSince === undefined ? {} : { resistantSince: true }),
      } as ClassifyTrdOptions;
      const text = JSON.stringify(v.history);
      expect(call(text, JSON.stringify(options)), v.file).toStrictEqual(expected(text, options));
    }
  });

  it("on the golden sample of synthetic histories (valid and invalid), under each rule set", () => {
    const golden = readFileSync(fileURLToPath(new URL("../classify/golden.ndjson", import.meta.url)), "utf8")
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as { index: number; ruleSet: string | null; asOf: string });
    expect(golden.length).toBeGreaterThan(100);
    const statuses = new Set<unknown>();
    for (const g of golden) {
      const text = syntheticPatientLine(g.index, { seed: 11, badRate: 0.02 });
      const options = { asOf: g.asOf, ruleSet: g.ruleSet ?? "mgh-atrq", resistantSince: g.index % 2 === 0 } as ClassifyTrdOptions;
      const want = expected(text, options);
      const got = call(text, JSON.stringify(options));
      if (want === "invalid_json") expect(got.error, `history ${g.index}`).toBe("invalid_json");
      else expect(got, `history ${g.index} under ${options.ruleSet}`).toStrictEqual(want);
      statuses.add(got.status);
    }
    // The sample covers every status and invalid records, so the comparison is not vacuous.
    expect([...statuses].sort()).toStrictEqual(["invalid", "no-response", "not-yet-resistant", "partial-response"]);
  });
});

describe("invalid input gives an error result, never an exception", () => {
  const history = JSON.stringify(vignettes[0]?.history);
  const options = JSON.stringify({ asOf: "2024-06-30" });
  const issuesOf = (r: Record<string, unknown>): string[] => (r.issues as { code: string; path: string }[]).map((i) => `${i.code} at ${i.path}`);

  it("a history that is not JSON text", () => {
    for (const bad of ["{", "", "not json", null, undefined, 42, {}, ["x"]]) {
      const r = call(bad, options);
      expect(r.status).toBe("invalid");
      expect(r.error).toBe("invalid_json");
      expect(issuesOf(r)).toStrictEqual(["invalid_type at "]);
    }
  });

  it("a history that fails validation, without echoing its values", () => {
    const r = call(JSON.stringify({ id: "SECRET-PATIENT-7", episode: { onset: "2024-13-01" }, trials: [{ id: "t1", agent: { name: "PRIVATE NOTE" }, start: "2024-01-01", mgPerDay: -1 }] }), options);
    expect(r.error).toBe("invalid_history");
    expect(issuesOf(r)).toContain("too_small at trials[0].mgPerDay");
    expect(JSON.stringify(r)).not.toMatch(/SECRET|PRIVATE/);
  });

  it("options that are not JSON text, or not an object", () => {
    for (const bad of ["{", null, undefined, 7, "[]", "null", '"2024-06-30"']) {
      const r = call(history, bad);
      expect(r.error).toBe("invalid_options");
      expect(issuesOf(r)).toStrictEqual(["invalid_type at "]);
    }
  });

  it("invalid options, reported whatever the history (they are the same on every row)", () => {
    const cases: [unknown, string[]][] = [
      [{}, ["invalid_date_format at asOf"]],
      [{ asOf: "2024-02-30" }, ["invalid_date_format at asOf"]],
      [{ asOf: "2024-06-30", ruleSet: "nope" }, ["invalid_value at ruleSet"]],
      [{ asOf: "2024-06-30", ruleSet: { id: "custom" } }, ["invalid_type at ruleSet"]],
      [{ asOf: "2024-06-30", resistantSince: "yes" }, ["invalid_type at resistantSince"]],
      [{ asOf: "2024-06-30", overrides: { minFailedTrials: -1 } }, ["invalid_value at overrides.minFailedTrials"]],
      [{ asOf: "2024-06-30", asof: "2024-06-30" }, ["unrecognized_key at asof"]],
    ];
    for (const [bad, issues] of cases) {
      for (const h of [history, "{"]) {
        const r = call(h, JSON.stringify(bad));
        expect(r.error, JSON.stringify(bad)).toBe("invalid_options");
        expect(issuesOf(r), JSON.stringify(bad)).toStrictEqual(issues);
      }
    }
  });

  it("any JavaScript values and any JSON texts (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json()), fc.oneof(fc.anything(), fc.json(), fc.constant(options)), (h, o) => {
        const r = call(h, o);
        expect(["invalid", "no-response", "partial-response", "not-yet-resistant"]).toContain(r.status);
        expect(r.error).not.toBe("internal_error");
      }),
      { numRuns: 300 },
    );
  });
});
