/**
 * A stable sort for the short lists of one patient (a course's supplies, a patient's courses).
 *
 * @module
 */

/** Lists up to this length are sorted by insertion; longer ones by `Array.prototype.sort`. */
const INSERTION_MAX = 16;

/**
 * Sorts `items` in place and returns it, exactly as `items.sort(compare)` would: both sorts are
 * stable (items that compare equal keep their order), so with a consistent `compare` they give the
 * same order. A short list is sorted by insertion: `Array.prototype.sort` allocates about a
 * kilobyte of working space whatever the length, and a cohort sorts millions of lists of two or
 * three. `items` must hold no `undefined` and no hole (which `Array.prototype.sort` moves to the end
 * without comparing them).
 *
 * @example
 * sortInPlace([{ d: "2024-03-01", n: 1 }, { d: "2024-01-01", n: 2 }, { d: "2024-03-01", n: 3 }], (a, b) => a.d.localeCompare(b.d)).map((x) => x.n); //=> [2, 1, 3]
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    // Moves past only items that sort strictly after this one (a result of NaN counts as equal, as in Array.prototype.sort).
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
