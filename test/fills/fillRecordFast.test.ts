/**
 * The fill record fast path must agree with FillRecordSchema: whatever it accepts, the schema
 * accepts with the same output (same fields, same order, same default kind, fresh objects);
 * whatever the schema rejects, it leaves to the schema. And it must take the common case, or it
 * would be no faster. The trial builder, given records the fast path reads and the same records
 * it leaves to zod, builds the same result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTrials } from "../../src/fills/buildTrials";
import { FillRecordSchema } from "../../src/fills/fillRecord";
import { parseFillRecordFast } from "../../src/fills/fillRecordFast";
import { INDICATIONS } from "../../src/schema/trial";
import { addDays } from "../helpers/build";

/** Keys at every level, in order (toStrictEqual does not compare key order). */
function keyOrder(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
}

/** Checks one value against the schema (rejected: the fast path left it; accepted: the same output); returns whether the fast path accepted it. */
function agrees(value: unknown): boolean {
  const fast = parseFillRecordFast(value);
  const zod = FillRecordSchema.safeParse(value);
  if (!zod.success) expect(fast).toBeUndefined();
  if (fast === undefined) return false;
  expect(fast).toStrictEqual(zod.data);
  expect(keyOrder(fast)).toStrictEqual(keyOrder(zod.data));
  expect(fast).not.toBe(value);
  expect(fast.agent).not.toBe((value as { agent: unknown }).agent);
  return true;
}

const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("1990-01-01", n));
const name = fc.stringMatching(/^[a-z][a-z -]{0,20}[a-z]$/);
const agentArb = fc
  .record({ name, rxnorm: fc.stringMatching(/^\d{1,10}$/), atc: fc.constantFrom("N06AB06", "N06A", "N", "N06AX16") }, { requiredKeys: [], noNullPrototype: true })
  .filter((a) => Object.keys(a).length > 0);
const positive = (max: number): fc.Arbitrary<number> => fc.oneof(fc.double({ min: Number.MIN_VALUE, max, noNaN: true }), fc.integer({ min: 1, max }), fc.constant(max));

/** Valid records of every shape, as an adapter writes them (no key set to undefined, names trimmed). */
const validArb = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 200 }),
      patientId: fc.string({ minLength: 1, maxLength: 20 }),
      kind: fc.constantFrom("prescription", "dispense", "statement"),
      agent: agentArb,
      date: day,
      daysSupply: fc.integer({ min: 1, max: 10_000 }),
      endIn: fc.integer({ min: 0, max: 400 }),
      dose: fc.oneof(fc.record({ strengthMg: positive(10_000), quantity: positive(100_000) }), fc.record({ mgPerDay: positive(10_000) }), fc.record({ strengthMg: positive(10_000), quantity: positive(100_000), mgPerDay: positive(10_000) })),
      indication: fc.constantFrom(...INDICATIONS),
    },
    { requiredKeys: ["agent", "date"], noNullPrototype: true },
  )
  .map(({ endIn, dose, ...r }) => {
    const out: Record<string, unknown> = { ...r, ...(dose ?? {}) };
    if (endIn !== undefined && r.date !== undefined) out["endDate"] = addDays(r.date, endIn);
    return out;
  });

/** Values that test each rule's edge: wrong types, bounds, -0, NaN, infinities, untrimmed and empty text, near-dates. */
const tricky = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  10_000,
  10_000.5,
  10_001,
  100_000,
  100_001,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MIN_VALUE,
  2 ** 53,
  "",
  " ",
  "sertraline",
  " sertraline",
  "sertraline ",
  "x".repeat(200),
  "x".repeat(201),
  "2024-02-29",
  "2023-02-29",
  "2024-1-02",
  "2024-01-02T00:00:00Z",
  "0000-01-01",
  "36437",
  "N06AB06",
  "n06ab06",
  "dispense",
  "prescription",
  "depression",
  "Depression",
  true,
  [],
  {},
  { name: "sertraline" },
  { name: "sertraline", extra: 1 },
  { name: " sertraline " },
  { rxnorm: "36437", name: undefined },
  { atc: "N06AB06" },
  Object.create(null) as unknown,
  new Date(0),
  ["sertraline"],
);
const keyArb = fc.constantFrom("id", "patientId", "kind", "agent", "date", "daysSupply", "endDate", "strengthMg", "quantity", "mgPerDay", "indication", "extra", "__proto__", "toString");

/** A valid record with some keys set to tricky values or deleted. */
const brokenArb = fc.tuple(validArb, fc.array(fc.tuple(keyArb, fc.option(tricky, { nil: "delete" as const })), { minLength: 1, maxLength: 3 })).map(([record, edits]) => {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of edits) {
    if (value === "delete") delete out[key];
    else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
});

describe("parseFillRecordFast", () => {
  it("accepts every valid record an adapter writes, exactly as the schema returns it", () => {
    fc.assert(
      fc.property(validArb, (record) => {
        expect(agrees(record)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never accepts what the schema rejects, and accepts only with the schema's output (broken records)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(brokenArb, (record) => {
        if (agrees(record)) accepted++;
      }),
      { numRuns: 5000 },
    );
    // Some edits leave a record valid (an optional key deleted): the property saw both sides.
    expect(accepted).toBeGreaterThan(0);
  });

  it("leaves any other value to the schema, or agrees with it", () => {
    const anything = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true });
    const fields = fc.dictionary(keyArb, fc.oneof(tricky, anything, day, agentArb), { maxKeys: 11 });
    fc.assert(
      fc.property(fc.oneof(anything, fields), (value) => {
        agrees(value);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves to the schema what it would read differently or word: a key set to undefined, an object not plain, an end before the date, strength without quantity", () => {
    const base = { agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 };
    expect(agrees(base)).toBe(true);
    for (const record of [
      { ...base, kind: undefined },
      { ...base, indication: undefined },
      { ...base, agent: { name: "sertraline", rxnorm: undefined } },
      Object.assign(Object.create(null) as object, base),
      { ...base, agent: Object.assign(Object.create(null) as object, base.agent) },
      { ...base, endDate: "2024-01-01" },
      { ...base, strengthMg: 50 },
      { ...base, quantity: 30 },
      { ...base, agent: { name: " sertraline" } },
      { ...base, agent: {} },
    ]) {
      expect(parseFillRecordFast(record)).toBeUndefined();
    }
  });

  it("reads a getter once and leaves one that throws to the schema", () => {
    let reads = 0;
    const counted = {
      agent: { name: "sertraline" },
      get date(): string {
        reads++;
        return "2024-01-02";
      },
    };
    expect(parseFillRecordFast(counted)?.date).toBe("2024-01-02");
    expect(reads).toBe(1);
    const throwing = {
      agent: { name: "sertraline" },
      get date(): string {
        throw new Error("no");
      },
    };
    expect(parseFillRecordFast(throwing)).toBeUndefined();
  });
});

describe("buildTrials with and without the fast path", () => {
  /** The same records as objects without a prototype: the fast path leaves every one to zod. */
  const isPlain = (x: unknown): x is object => typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype;
  const throughZod = (records: readonly Record<string, unknown>[]): object[] =>
    records.map((r) => Object.assign(Object.create(null) as object, r, isPlain(r["agent"]) ? { agent: Object.assign(Object.create(null) as object, r["agent"]) } : {}));

  it("builds the same trials, decisions and issues from valid and broken records", () => {
    const drugRecord = fc.record({
      agent: fc.constantFrom({ name: "sertraline" }, { rxnorm: "36437" }, { name: "lithium" }, { name: "bupropion" }, { name: "unknownol" }, { atc: "N06AX16" }),
      date: fc.integer({ min: 0, max: 900 }).map((n) => addDays("2022-01-01", n)),
      daysSupply: fc.integer({ min: 1, max: 120 }),
      mgPerDay: fc.constantFrom(25, 50, 100, 150, 300),
      kind: fc.constantFrom("dispense", "prescription"),
    });
    const recordArb = fc.oneof({ weight: 4, arbitrary: drugRecord.map((r) => r as Record<string, unknown>) }, { weight: 1, arbitrary: brokenArb });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 25 }), fc.constantFrom(undefined, "2024-06-30"), (records, asOf) => {
        const options = asOf === undefined ? {} : { asOf };
        const fast = buildTrials(records, options);
        const zod = buildTrials(throughZod(records), options);
        expect(fast).toStrictEqual(zod);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
      }),
      { numRuns: 500 },
    );
  });
});
