/**
 * sortInPlace gives Array.prototype.sort's order (both are stable), on short lists (insertion) and
 * long ones, with many ties, with the comparators the trial builder uses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDates } from "../../src/internal/dates";
import { sortInPlace } from "../../src/internal/sortInPlace";

interface Item {
  readonly key: string;
  readonly n: number;
  readonly at: number;
}

const comparators: Record<string, (a: Item, b: Item) => number> = {
  "by date": (a, b) => compareDates(a.key, b.key),
  "by text": (a, b) => a.key.localeCompare(b.key),
  "by number, descending, then text": (a, b) => b.n - a.n || a.key.localeCompare(b.key),
  "by number only (ties keep their order)": (a, b) => a.n - b.n,
};

describe("sortInPlace", () => {
  const key = fc.oneof(fc.constantFrom("2024-01-02", "2024-01-03", "2023-12-31", "2024-01-02"), fc.string({ maxLength: 3 }));
  const items = fc.array(fc.record({ key, n: fc.integer({ min: 0, max: 4 }) }), { maxLength: 40 }).map((xs) => xs.map((x, at) => ({ ...x, at })));

  it.each(Object.keys(comparators))("orders as Array.prototype.sort does, %s", (name) => {
    const compare = comparators[name] as (a: Item, b: Item) => number;
    fc.assert(
      fc.property(items, (xs) => {
        const expected = [...xs].sort(compare).map((x) => x.at);
        const list = [...xs];
        expect(sortInPlace(list, compare)).toBe(list);
        expect(list.map((x) => x.at)).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
