/**
 * The fast path must agree with the zod schema: whatever it accepts, zod accepts with the same
 * output (same fields, same order, same defaults); whatever zod rejects, it leaves to zod.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { TreatmentHistorySchema } from "../../src/schema/history";
import { parseFast } from "../../src/schema/parseFast";
import { validHistory, validHistoryArb } from "../helpers/histories";

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

/** Valid histories of every shape the project has: fixture, vignettes, demo cohort, synthetic. */
const bases: unknown[] = [
  validHistory(),
  richHistory(),
  { ...richHistory(), patient: { age: { years: 52, on: "2023-01-01" }, sex: "other" } },
  ...readdirSync("test/vignettes")
    .filter((f) => f.endsWith(".json"))
    .map((f) => (readJson(`test/vignettes/${f}`) as { history: unknown }).history),
  ...readdirSync("examples/data/cohort")
    .filter((f) => f.endsWith(".json") && !f.includes("invalid"))
    .map((f) => readJson(`examples/data/cohort/${f}`)),
  ...Array.from({ length: 400 }, (_, i) => syntheticPatientLine(i, { seed: 7, badRate: 0 }))
    .map((line) => JSON.parse(line) as unknown)
    .filter((h) => TreatmentHistorySchema.safeParse(h).success),
];

/** One history that uses every field of the contract, each optional field present. */
function richHistory(): Record<string, unknown> {
  const outcome = { percentImprovement: 20, cgiI: 3, assessedOn: "2023-04-30" };
  return {
    id: "patient-0002",
    patient: {
      birthDate: "1970-05-12",
      sex: "male",
      diagnoses: [
        { condition: "major-depressive-disorder", onset: "2010-01-01", code: { system: "ICD-10-CM", code: "F33.2" } },
        { condition: "thyroid-disease" },
      ],
    },
    episode: { onset: "2023-01-10", end: "2024-01-01", severity: "moderate" },
    previousEpisodes: [{ onset: "2018-03-01", end: "2018-11-30", severity: "mild" }],
    trials: [
      { id: "t1", agent: { name: "sertraline", rxnorm: "36437", atc: "N06AB06" }, role: "monotherapy", start: "2023-02-01", end: "2023-04-30", doses: [{ from: "2023-02-01", mgPerDay: 50 }, { from: "2023-02-15", mgPerDay: 100 }], adherence: 0.9, stopReason: "ineffective", outcome },
      { id: "t2", agent: { name: "lithium" }, role: "augmentation", augments: "t1", start: "2023-03-01", end: "2023-04-30", mgPerDay: 600, adherence: "good", stopReason: "other" },
      { id: "t3", agent: { atc: "N06AX16" }, start: "2023-05-01", doseUnknown: true, adherence: "unknown" },
    ],
    assessments: [
      { id: "s1", date: "2023-01-30", scale: "MADRS", total: 30 },
      { date: "2023-04-25", scale: "PHQ-9", total: 18 },
    ],
    otherTreatments: [
      { kind: "psychotherapy", id: "p1", start: "2023-03-01", end: "2023-06-01", sessions: 12, outcome, type: "cbt" },
      { kind: "ect", id: "e1", start: "2023-07-01", laterality: "bilateral" },
      { kind: "rtms", id: "r1", start: "2023-08-01", sessions: 20 },
      { kind: "ketamine", id: "k1", start: "2023-09-01", agent: "esketamine", route: "intranasal" },
    ],
  };
}

/** Values at and around every bound and enumeration of the contract, and of every wrong type. */
const INTERESTING: readonly unknown[] = [
    undefined, null, true, false, 0, -0, -1, 1, 0.5, 0.7, 1.5, 6, 7, 8, 27, 28, 100, 100.5, 101, -1000, -1000.5, 130, 131, 10_000, 10_000.5,
    2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "", " ", " sertraline ", "sertraline", "x", "a".repeat(64), "a".repeat(65), "a".repeat(200),
    "a".repeat(201), "2023-02-30", "2023-02-28", "2024-02-29", "2023-02-29", "2023-13-01", "2023-1-01", "2023-01-01T00:00:00Z", "0001-01-01",
    "9999-12-31", "good", "poor", "unknown", "bogus", "PHQ-9", "MADRS", "monotherapy", "augmentation", "combination", "cbt", "ect", "rtms",
    "ketamine", "psychotherapy", "bilateral", "esketamine", "intranasal", "12345", "12345678901", "N06AB06", "n06ab06", "N06A", "bipolar-disorder",
    "female", "ICD-10-CM", "severe", "intolerance", [], {}, [1], { a: 1 }, { years: 50, on: "2020-01-01" },
  ];
  /** Every path inside a value, the root included. */
const paths = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
    if (typeof value !== "object" || value === null) return [at];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
  };
  /** The value at a path. */
const get = (root: unknown, path: readonly (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

/** Asserts the agreement on one input: fast accepts only what zod accepts, with the same output. */
function agree(input: unknown): "fast" | "zod" {
  const fast = parseFast(input);
  if (fast === undefined) return "zod";
  const zod = TreatmentHistorySchema.safeParse(input);
  if (!zod.success) throw new Error(`fast path accepted what zod rejects: ${JSON.stringify(zod.error.issues)}\n${JSON.stringify(input)}`);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  expect(fast).toStrictEqual(zod.data);
  return "fast";
}

describe("parseFast", () => {
  it("accepts every valid history the project has, exactly as zod returns it", () => {
    expect(bases.length).toBeGreaterThan(300);
    // Fields the fast path leaves to zod (adherence changes, serum levels, side effects, an
    // impairment's severity) send a history to zod; every other valid history goes fast.
    const leftToZod = /"(adherenceChanges|serumLevels|sideEffects|severity)":/;
    for (const base of bases) {
      const json = JSON.stringify(base);
      // ("severity" is also an episode field, which the fast path copies: only a history the fast
      // path turned down may go to zod, and only when it has one of these keys.)
      expect(agree(base)).toBe(leftToZod.test(json) && parseFast(base) === undefined ? "zod" : "fast");
    }
  });

  it("returns fresh objects and lists, never the input's", () => {
    const input = validHistory();
    const out = parseFast(input);
    expect(out).toBeDefined();
    expect(out?.trials).not.toBe(input.trials);
    expect(out?.trials[0]).not.toBe(input.trials?.[0]);
    expect(out?.trials[0]?.doses).not.toBe(input.trials?.[0]?.doses);
    expect(out?.patient.diagnoses).not.toBe(input.patient?.diagnoses);
  });

  it("fills the defaults zod fills, in zod's order", () => {
    const out = parseFast({ episode: { onset: "2024-01-01" }, trials: [{ start: "2024-01-02", id: "t1", mgPerDay: 50, agent: { name: "sertraline" } }] });
    expect(JSON.stringify(out)).toBe(
      '{"patient":{"diagnoses":[]},"episode":{"onset":"2024-01-01"},"previousEpisodes":[],"trials":[{"id":"t1","agent":{"name":"sertraline"},"role":"monotherapy","start":"2024-01-02","mgPerDay":50}],"assessments":[],"otherTreatments":[]}',
    );
  });

  it("leaves unusual but valid input to zod (a name zod trims, a key set to undefined)", () => {
    const h = validHistory() as { trials: { agent: { name: string } }[] };
    h.trials[0]!.agent.name = " sertraline ";
    expect(parseFast(h)).toBeUndefined();
    expect(parseFast({ episode: { onset: "2024-01-01" }, trials: undefined })).toBeUndefined();
    const sparse: unknown[] = [];
    sparse[1] = { id: "t1" };
    expect(parseFast({ episode: { onset: "2024-01-01" }, trials: sparse })).toBeUndefined();
    expect(parseFast(Object.assign(Object.create({ inherited: 1 }) as object, { episode: { onset: "2024-01-01" } }))).toBeUndefined();
  });

  it("agrees with zod on every single change to a history that uses every field", () => {
    const interesting = INTERESTING;
    const seen = { fast: 0, zod: 0 };
    const visit = (root: () => Record<string, unknown>, path: (string | number)[]): void => {
      const original = get(root(), path);
      const change = (edit: (parent: Record<string | number, unknown>, key: string | number) => void): void => {
        const copy = root();
        if (path.length > 0) edit(get(copy, path.slice(0, -1)) as Record<string | number, unknown>, path[path.length - 1]!);
        seen[agree(copy)] += 1;
      };
      for (const value of interesting) change((parent, key) => (parent[key] = structuredClone(value)));
      change((parent, key) => delete parent[key]);
      change((parent, key) => (parent[key] = undefined));
      if (typeof original === "object" && original !== null) {
        for (const key of Object.keys(original)) visit(root, [...path, Array.isArray(original) ? Number(key) : key]);
        const copy = root();
        const target = get(copy, path) as Record<string | number, unknown>;
        target[Array.isArray(target) ? target.length : "extra"] = 1;
        seen[agree(copy)] += 1;
      }
    };
    visit(richHistory, []);
    visit(validHistory, []);
    expect(seen.fast).toBeGreaterThan(500);
    expect(seen.zod).toBeGreaterThan(5000);
  });

  it("agrees with zod on randomly mutated histories (boundaries, wrong types, unknown keys, swapped values)", () => {
    const interesting = INTERESTING;
    const mutationArb = fc.record({
      base: fc.oneof(fc.nat({ max: bases.length - 1 }).map((i) => bases[i]), validHistoryArb),
      steps: fc.array(fc.record({ op: fc.nat({ max: 5 }), target: fc.nat(), other: fc.nat(), value: fc.nat({ max: interesting.length - 1 }) }), { minLength: 1, maxLength: 2 }),
    });
    let fastCount = 0;
    let total = 0;
    fc.assert(
      fc.property(mutationArb, ({ base, steps }) => {
        const root = structuredClone(base) as Record<string, unknown>;
        for (const { op, target, other, value } of steps) {
          const all = paths(root).filter((p) => p.length > 0);
          if (all.length === 0) break;
          const path = all[target % all.length]!;
          const parent = get(root, path.slice(0, -1)) as Record<string | number, unknown>;
          const key = path[path.length - 1]!;
          if (op === 0) {
            // A value of the same type, which keeps many mutations valid (boundaries inside and out).
            const same = interesting.filter((v) => typeof v === typeof parent[key] && Array.isArray(v) === Array.isArray(parent[key]));
            parent[key] = same.length > 0 ? structuredClone(same[value % same.length]) : interesting[value];
          } else if (op === 1) parent[key] = structuredClone(interesting[value]);
          else if (op === 2) delete parent[key];
          else if (op === 3) parent[Array.isArray(parent) ? parent.length : "mgPerDy"] = interesting[value];
          else if (op === 4) parent[key] = structuredClone(get(root, all[other % all.length]!));
          else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
          else parent[key] = undefined;
        }
        total += 1;
        if (agree(root) === "fast") fastCount += 1;
      }),
      { numRuns: 10_000 },
    );
    // The property is only meaningful if both answers occur often.
    expect(fastCount).toBeGreaterThan(total * 0.05);
    expect(fastCount).toBeLessThan(total * 0.95);
  });
});

describe("parseFast never drops a field", () => {
  it("hands a history with fields it does not copy to zod, which keeps them", () => {
    const input = {
      patient: { diagnoses: [{ condition: "hepatic-impairment", severity: "moderate" }] },
      episode: { onset: "2024-01-01" },
      trials: [
        {
          id: "t1",
          agent: { name: "lithium" },
          start: "2024-01-10",
          mgPerDay: 800,
          adherence: "good",
          adherenceChanges: [{ from: "2024-02-01", adherence: "poor" }],
          serumLevels: [{ date: "2024-01-20", mmolPerL: 0.6 }],
          sideEffects: [{ date: "2024-01-25", severity: "mild" }],
        },
      ],
    };
    expect(parseFast(input)).toBeUndefined();
    const parsed = TreatmentHistorySchema.safeParse(input);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.patient.diagnoses[0]).toMatchObject({ severity: "moderate" });
    expect(parsed.data.trials[0]).toMatchObject({ adherenceChanges: [{ from: "2024-02-01", adherence: "poor" }], serumLevels: [{ mmolPerL: 0.6 }], sideEffects: [{ date: "2024-01-25" }] });
  });
});
