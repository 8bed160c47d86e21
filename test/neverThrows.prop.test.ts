/**
 * "Never throws" means never: every exported function whose documentation says so is fed any
 * JavaScript value (prototype-less objects, bigints, dates, maps, sets, typed and sparse arrays,
 * boxed values), valid inputs with one field replaced by such a value, and exotic values (getters
 * that throw, proxies, revoked proxies), in every argument. Each must return its documented result
 * shape, and no issue message may carry text from the input.
 *
 * A guard test reads the sources: a function documented "never throws" that is missing here fails it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRD_ISSUE_CODES, buildTrials, classifyTrd, listBuildPresets, parseTreatmentHistory, readLongFormat } from "trd-classifier";
import type { TrdIssue } from "trd-classifier";
import { MAPPING_ISSUE_CODES, fromFhir, readPrefetch, toCdsHooksCards } from "trd-classifier/fhir";
import type { FromFhirResult } from "trd-classifier/fhir";
import { UDF_ERROR_CODES, trdClassify } from "../src/udf/trdClassify";
import type { UdfResult } from "../src/udf/trdClassify";
import { validHistory } from "./helpers/histories";

/** Text standing for patient data: no issue message may contain it. Not ASCII, so no arbitrary string holds it by chance. */
const MARK = "Zq§X";
const marked = fc.stringMatching(/^[a-z0-9]{0,6}$/).map((s) => `${MARK}${s}`);

const anything = fc.anything({
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 3,
});
const replacement = fc.oneof(anything, marked, fc.constantFrom(undefined, null, NaN, Infinity, -1, 0, 1e308, "", [], {}, "2024-02-30", "2024-01-01"));

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path to a value inside a JSON-like value (the root excluded). */
function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

/** A copy of `base` with the value at `path` replaced (or, given a property descriptor, redefined). */
function replaceAt(base: Json, path: Path, value: unknown, descriptor?: PropertyDescriptor): Json {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? 0;
  if (descriptor !== undefined) Object.defineProperty(parent, last, descriptor);
  else if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

const boom = (): never => {
  throw new Error("exotic");
};
/** Values whose properties cannot be read as JSON: each call makes fresh ones. */
function exoticValues(): [string, unknown][] {
  const trap = { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedArray = Proxy.revocable([], {});
  revokedArray.revoke();
  return [
    ["a proxy whose every trap throws", new Proxy({}, trap)],
    ["an array proxy whose every trap throws", new Proxy([], trap)],
    ["an array whose items throw when read", new Proxy([1, 2], { get: (t, k) => (k === "length" ? 2 : typeof k === "string" && /^\d+$/.test(k) ? boom() : Reflect.get(t, k)) })],
    ["an array whose length throws", new Proxy([], { get: (t, k) => (k === "length" ? boom() : Reflect.get(t, k)) })],
    ["a revoked proxy", revoked.proxy],
    ["a revoked array proxy", revokedArray.proxy],
    ["an object with a throwing getter", Object.defineProperty({}, "episode", { get: boom, enumerable: true })],
    ["a function", () => 1],
    ["a symbol", Symbol("s")],
    ["an object whose toString and valueOf throw", { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom }],
    ["a deeply nested array", Array.from({ length: 2000 }).reduce<unknown>((inner) => [inner], [])],
  ];
}

function expectIssue(issue: TrdIssue): void {
  expect(TRD_ISSUE_CODES).toContain(issue.code);
  expect(typeof issue.path).toBe("string");
  expect(typeof issue.message).toBe("string");
  expect(issue.message).not.toContain(MARK);
}

function expectFromFhirResult(r: FromFhirResult): void {
  const s = r.summary;
  expect(s.used + s.notRelevant + s.otherPatient + s.notUsed).toBe(s.resources);
  for (const i of r.issues) {
    expect(MAPPING_ISSUE_CODES).toContain(i.code);
    expect(i.message).not.toContain(MARK);
  }
  r.build.issues.forEach(expectIssue);
  expect(Array.isArray(r.history.trials)).toBe(true);
}

const bundle = JSON.parse(readFileSync(new URL("./fixtures/fhir/ehr-export-bundle.json", import.meta.url), "utf8")) as Json;
const history = parseTreatmentHistory(validHistory());
if (!history.success) throw new Error("the valid history does not parse");
const assessment = JSON.parse(JSON.stringify(classifyTrd(history.data, { asOf: "2024-06-30" }))) as Json;
const mapping = JSON.parse(JSON.stringify(fromFhir(bundle, { asOf: "2024-06-30" }))) as Json;
const records = [
  { id: "rx1", patientId: "p1", kind: "dispense", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, strengthMg: 50, quantity: 30, indication: "depression" },
  { id: "rx2", agent: { name: "sertraline", rxnorm: "36437" }, date: "2024-03-20", endDate: "2024-04-18", mgPerDay: 100 },
  { agent: { name: "aripiprazole" }, date: "2024-03-25", daysSupply: 60, mgPerDay: 5 },
];
const csv = "patient_id,record_type,date,drug,days_supply,mg_per_day,scale,total,condition\np1,dispense,2024-01-02,sertraline,30,50,,,\np1,score,2024-01-01,,,,PHQ-9,18,\np1,diagnosis,2023-12-01,,,,,,major-depressive-disorder\np2,birth_date,1980-01-01,,,,,,\n";

/** One documented never-throws function: how to call it, a valid call, and what its result must look like. */
interface NeverThrows {
  readonly call: (args: readonly unknown[]) => unknown;
  readonly valid: readonly Json[];
  readonly check: (result: unknown) => void;
}

const NEVER_THROWS: Readonly<Record<string, NeverThrows>> = {
  parseTreatmentHistory: {
    call: ([input]) => parseTreatmentHistory(input),
    valid: [validHistory()],
    check: (r) => {
      const result = r as ReturnType<typeof parseTreatmentHistory>;
      if (result.success) expect(typeof result.data.episode.onset).toBe("string");
      else {
        expect(result.issues.length).toBeGreaterThan(0);
        result.issues.forEach(expectIssue);
      }
    },
  },
  buildTrials: {
    call: ([input, options]) => buildTrials(input as never, options as never),
    valid: [records, { preset: "ohdsi-drug-era", overrides: { persistenceWindowDays: 60, earlyRefill: "carry-over" }, asOf: "2024-06-30" }],
    check: (r) => {
      const result = r as ReturnType<typeof buildTrials>;
      expect(listBuildPresets().map((p) => p.id)).toContain(result.preset);
      expect(Array.isArray(result.trials) && Array.isArray(result.decisions) && Array.isArray(result.previousEpisodes)).toBe(true);
      result.issues.forEach(expectIssue);
      for (const t of result.trials) expect(typeof t.start).toBe("string");
    },
  },
  readLongFormat: {
    call: ([text]) => readLongFormat(text as never),
    valid: [csv],
    check: (r) => {
      const result = r as ReturnType<typeof readLongFormat>;
      result.issues.forEach(expectIssue);
      for (const p of result.patients) p.issues.forEach(expectIssue);
    },
  },
  fromFhir: {
    call: ([input, options]) => fromFhir(input, options),
    valid: [bundle, { asOf: "2024-06-30", patient: "pat-1001", build: { preset: "ohdsi-drug-era" }, courses: { openCourseMaxDays: 90 } }],
    check: (r) => expectFromFhirResult(r as FromFhirResult),
  },
  toCdsHooksCards: {
    call: ([a, options]) => toCdsHooksCards(a as never, options as never),
    valid: [assessment, { hookInstance: "h1", patient: "Patient/p1", mapping, sourceUrl: "https://example.org", maxTrials: 5 }],
    check: (r) => {
      const cards = r as ReturnType<typeof toCdsHooksCards>;
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) {
        expect(typeof c.uuid).toBe("string");
        expect(c.summary.length).toBeLessThan(140);
        expect(["info", "warning"]).toContain(c.indicator);
        expect(typeof c.detail).toBe("string");
        expect(typeof c.source.label).toBe("string");
      }
    },
  },
  trdClassify: {
    call: ([historyJson, optionsJson]) => trdClassify(historyJson, optionsJson),
    valid: [JSON.stringify(validHistory()), JSON.stringify({ asOf: "2024-06-30", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 8 }, resistantSince: true })],
    check: (r) => {
      expect(typeof r).toBe("string");
      const result = JSON.parse(r as string) as UdfResult;
      if (result.status === "invalid") {
        expect(UDF_ERROR_CODES).toContain(result.error);
        result.issues.forEach(expectIssue);
      } else expect(["no-response", "partial-response", "not-yet-resistant"]).toContain(result.status);
    },
  },
  readPrefetch: {
    call: ([prefetch]) => readPrefetch(prefetch),
    valid: [{ patient: { resourceType: "Patient", id: "p1" }, conditions: { resourceType: "Bundle", type: "searchset", entry: [] }, observations: null }],
    check: (r) => {
      const result = r as ReturnType<typeof readPrefetch>;
      if ("resources" in result) expect(result.resources.length).toBeGreaterThan(0);
      else expect(["missing", "not-a-resource"]).toContain(result.problem);
    },
  },
};

const NAMES = Object.keys(NEVER_THROWS);
const run = (name: string, args: readonly unknown[]): void => {
  const api = NEVER_THROWS[name];
  if (api === undefined) throw new Error(name);
  let result: unknown;
  expect(() => (result = api.call(args))).not.toThrow();
  api.check(result);
};

/** Exported functions of src (outside the CLI) whose documentation says they never throw. */
function documentedNeverThrows(): string[] {
  const root = new URL("../src/", import.meta.url).pathname;
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.startsWith("cli"));
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)/g)) if (/never throws/i.test(m[1] ?? "")) names.add(m[2] ?? "");
  }
  return [...names].sort();
}

describe("never throws means never", () => {
  it("covers every function documented never to throw", () => {
    expect(documentedNeverThrows()).toStrictEqual([...NAMES].sort());
  });

  it("the valid calls are well formed (so the properties below start from real results)", () => {
    for (const name of NAMES) run(name, NEVER_THROWS[name]?.valid ?? []);
    expect(toCdsHooksCards(assessment as never, { mapping: mapping as never })[0]?.summary).not.toMatch(/unavailable/);
    expect((buildTrials(records, NEVER_THROWS["buildTrials"]?.valid[1] as never).trials.length)).toBeGreaterThan(0);
    const [historyJson, optionsJson] = NEVER_THROWS["trdClassify"]?.valid ?? [];
    expect((JSON.parse(trdClassify(historyJson, optionsJson)) as UdfResult).status).not.toBe("invalid");
  });

  it.each(NAMES)("%s: any value in any argument", (name) => {
    const arity = NEVER_THROWS[name]?.valid.length ?? 1;
    fc.assert(
      fc.property(fc.array(fc.oneof(anything, marked), { minLength: 0, maxLength: arity + 1 }), (args) => run(name, args)),
      { numRuns: 200 },
    );
  });

  it.each(NAMES)("%s: a valid call with one value replaced by any value", (name) => {
    const valid = NEVER_THROWS[name]?.valid ?? [];
    const paths = pathsOf(valid);
    fc.assert(
      fc.property(fc.nat(), replacement, (pick, value) => {
        const path = paths[pick % paths.length] ?? [0];
        run(name, replaceAt(valid, path, value) as unknown[]);
      }),
      { numRuns: 300 },
    );
  });

  it.each(NAMES)("%s: exotic values in every argument, and a throwing getter at every path of a valid call", (name) => {
    const valid = NEVER_THROWS[name]?.valid ?? [];
    for (let arg = 0; arg < valid.length; arg++) {
      for (const [, value] of exoticValues()) run(name, valid.map((v, i) => (i === arg ? value : v)));
    }
    const paths = pathsOf(valid).filter((p) => p.length > 1);
    for (const path of paths.slice(0, 400)) run(name, replaceAt(valid, path, undefined, { get: boom, enumerable: true, configurable: true }) as unknown[]);
  });

  it("trdClassify: the JSON of a valid call with one value replaced by any value", () => {
    const valid = [validHistory(), { asOf: "2024-06-30", ruleSet: "mgh-atrq", overrides: { minWeeksAtAdequateDose: 8 }, resistantSince: true }];
    const paths = pathsOf(valid).filter((p) => p.length > 1);
    // A value JSON cannot hold (a bigint, a cycle) is passed as it is, in place of the text.
    const asText = (value: unknown): unknown => {
      try {
        return JSON.stringify(value) ?? value;
      } catch {
        return value;
      }
    };
    fc.assert(
      fc.property(fc.nat(), replacement, (pick, value) => {
        const path = paths[pick % paths.length] ?? [0, "episode"];
        run("trdClassify", (replaceAt(valid, path, value) as unknown[]).map(asText));
      }),
      { numRuns: 300 },
    );
  });

  it("csv text with one cell replaced by any text", () => {
    const cells = csv.split(/([,\n])/);
    fc.assert(
      fc.property(fc.nat(), fc.oneof(fc.string(), marked, fc.constantFrom('"', '""', "\r", "\n", ",", "\uFEFF", "NaN", "-1", "1e400")), (pick, text) => {
        const copy = [...cells];
        copy[(pick % Math.ceil(copy.length / 2)) * 2] = text;
        run("readLongFormat", [copy.join("")]);
      }),
      { numRuns: 300 },
    );
  });
});
