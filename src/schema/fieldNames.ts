/**
 * The field names a schema accepts, for "did you mean" on a misspelt field.
 *
 * Read from the schemas' definitions (`_zod.def`) rather than from `z.toJSONSchema`, whose code
 * (about 21 kB minified) would otherwise be in every bundle that validates a history. The walk
 * visits what the JSON Schema of the input side would hold, in the same order: an object's own
 * fields, then each field's schema in turn; a pipe's input side; a default's or an optional's inner
 * schema; a list's items; a union's options.
 *
 * @module
 */
import type * as z from "zod";

/** The parts of a zod definition the walk reads (zod 4's `_zod.def`). */
interface Definition {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly element?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
  readonly in?: z.core.$ZodType;
  readonly left?: z.core.$ZodType;
  readonly right?: z.core.$ZodType;
  readonly items?: readonly z.core.$ZodType[];
  readonly rest?: z.core.$ZodType | null;
  readonly keyType?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly getter?: () => z.core.$ZodType;
}

/** The schemas directly inside one schema, in the order its JSON Schema lists them. */
function children(def: Definition): readonly (z.core.$ZodType | null | undefined)[] {
  switch (def.type) {
    case "object":
      return Object.values(def.shape ?? {});
    case "array":
    case "set":
      return [def.element ?? def.valueType];
    case "union":
      return def.options ?? [];
    case "intersection":
      return [def.left, def.right];
    case "tuple":
      return [...(def.items ?? []), def.rest];
    case "record":
    case "map":
      return [def.keyType, def.valueType];
    case "pipe":
      return [def.in];
    case "lazy":
      return [def.getter?.()];
    default:
      // optional, nullable, default, prefault, nonoptional, readonly, catch, promise, success.
      return [def.innerType];
  }
}

const cache = new WeakMap<z.core.$ZodType, ReadonlySet<string>>();

/**
 * Every field name of a schema and of the schemas inside it, in the order of its JSON Schema
 * (input side): an object's own fields first, then those of each field's schema.
 *
 * @param schema - Any of the library's schemas.
 * @returns The names, gathered once per schema.
 * @example
 * import { AgentSchema } from "trd-classifier";
 * [...fieldNames(AgentSchema)]; //=> ["name", "rxnorm", "atc"]
 */
export function fieldNames(schema: z.core.$ZodType): ReadonlySet<string> {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const seen = new Set<z.core.$ZodType>(); // each schema once (a repeat adds no name; a cycle would not end)
  const walk = (node: z.core.$ZodType | null | undefined): void => {
    if (node === null || node === undefined || seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def as Definition;
    if (def.type === "object") Object.keys(def.shape ?? {}).forEach((k) => names.add(k));
    children(def).forEach(walk);
  };
  walk(schema);
  cache.set(schema, names);
  return names;
}
