/**
 * Freezing of the library's data tables (catalogue, sources, rule sets, presets, scales), so that
 * an edit by a caller can neither change a later result nor go unnoticed: in strict mode (every ES
 * module) an assignment to a frozen table throws a `TypeError`.
 *
 * @module
 */

/** Freezes `value` and every object and array reachable from it; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
