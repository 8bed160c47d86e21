/**
 * A readable difference between two JSON values: one line per path whose value differs, as
 * `trials[1].reasons[2].code: "a" -> "b"`. Used by the golden test to say what changed.
 */

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? "(absent)" : text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
}

/** Every differing path between `before` and `after` (at most `limit` of them). */
export function jsonDiff(before: unknown, after: unknown, limit = 20, path = ""): string[] {
  if (Object.is(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = typeof before === "object" && before !== null && typeof after === "object" && after !== null && !Array.isArray(before) && !Array.isArray(after);
  if (!bothArrays && !bothObjects) return [`${path === "" ? "(root)" : path}: ${describe(before)} -> ${describe(after)}`];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = bothArrays
    ? Array.from({ length: Math.max((before as unknown[]).length, (after as unknown[]).length) }, (_, i) => i)
    : [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: string[] = [];
  for (const key of keys) {
    if (out.length >= limit) break;
    out.push(...jsonDiff(a[key as string], b[key as string], limit - out.length, join(path, key)));
  }
  // Same values in a different key order still differ byte for byte.
  if (out.length === 0 && bothObjects && Object.keys(a).join() !== Object.keys(b).join()) out.push(`${path === "" ? "(root)" : path}: key order ${Object.keys(a).join(",")} -> ${Object.keys(b).join(",")}`);
  return out;
}
