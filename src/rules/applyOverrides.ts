/**
 * Caller overrides of cited parameters, for rule sets and build presets alike: the values are
 * replaced and each replaced value is re-cited as the caller's, so that no result credits a
 * published source with a value it does not give.
 *
 * @module
 */
import type { Citation } from "../catalogue/types";

/** Parameters with overrides applied, their citations, and the overrides that were applied. */
export interface Overridden<P extends object> {
  readonly parameters: P;
  readonly provenance: { readonly [K in keyof P]: Citation };
  /** The overrides, without keys whose value was `undefined` (empty when none). */
  readonly overrides: Partial<P>;
}

/**
 * Applies `overrides` to `parameters`. With no override, returns the inputs themselves; otherwise
 * new frozen objects (the inputs are not touched), each overridden parameter cited as
 * `library-convention` / `unverified` with the value it replaced.
 *
 * @example
 * applyOverrides({ weeks: 4 }, { weeks: { source: "sforzini-2022", verification: "primary" } }, { weeks: 6 }).provenance.weeks.note;
 * //=> "Overridden by the caller (was 4)."
 */
export function applyOverrides<P extends object>(
  parameters: P,
  provenance: { readonly [K in keyof P]: Citation },
  overrides: { readonly [K in keyof P]?: P[K] | undefined },
): Overridden<P> {
  const applied: Partial<P> = {};
  for (const key of Object.keys(overrides) as (keyof P)[]) {
    const value = overrides[key];
    if (value !== undefined) applied[key] = value;
  }
  const keys = Object.keys(applied) as (keyof P)[];
  if (keys.length === 0) return { parameters, provenance, overrides: applied };
  const cited = { ...provenance } as { [K in keyof P]: Citation };
  for (const key of keys) {
    cited[key] = { source: "library-convention", verification: "unverified", note: `Overridden by the caller (was ${JSON.stringify(parameters[key])}).` };
  }
  return { parameters: Object.freeze({ ...parameters, ...applied }), provenance: Object.freeze(cited), overrides: applied };
}
