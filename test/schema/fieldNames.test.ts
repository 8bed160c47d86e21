/**
 * fieldNames reads the schemas' definitions instead of calling `z.toJSONSchema` (whose code would
 * otherwise be in every browser bundle): it must name the same fields, in the same order (the
 * first near-miss in that order is the "did you mean" suggestion), as the JSON Schema of the
 * input side did.
 */
import * as z from "zod";
import { describe, expect, it } from "vitest";
import * as publicApi from "trd-classifier";
import { fieldNames } from "../../src/schema/fieldNames";

/** The names as they were gathered before: every `properties` key of the input JSON Schema, in walk order. */
function fromJsonSchema(schema: z.ZodType): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "properties" && typeof value === "object" && value !== null) Object.keys(value).forEach((k) => names.add(k));
        walk(value);
      }
    }
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return [...names];
}

const schemas = Object.entries(publicApi as Record<string, unknown>).flatMap(([name, value]) => (value instanceof z.ZodType ? [[name, value] as const] : []));

describe("fieldNames", () => {
  it("covers the public schemas", () => {
    expect(schemas.map(([name]) => name)).toEqual(expect.arrayContaining(["TreatmentHistorySchema", "TrialSchema", "FillRecordSchema", "RuleSetOverridesSchema"]));
  });

  it.each(schemas)("%s: the same names in the same order as its JSON Schema", (_name, schema) => {
    expect([...fieldNames(schema)]).toStrictEqual(fromJsonSchema(schema));
  });

  it("walks pipes (input side), unions, records, tuples, lazy and recursive schemas", () => {
    interface Node {
      label: string;
      children?: Node[] | undefined;
    }
    const Tree: z.ZodType<Node> = z.lazy(() => z.strictObject({ label: z.string(), children: z.array(Tree).optional() }));
    const schema = z.strictObject({
      piped: z.strictObject({ raw: z.string() }).pipe(z.transform((v) => v.raw)),
      either: z.union([z.strictObject({ a: z.number() }), z.strictObject({ b: z.number() })]),
      byKey: z.record(z.string(), z.strictObject({ value: z.number() })),
      pair: z.tuple([z.strictObject({ first: z.number() }), z.strictObject({ second: z.number() })]),
      tree: Tree,
    });
    expect([...fieldNames(schema)]).toStrictEqual(["piped", "either", "byKey", "pair", "tree", "raw", "a", "b", "value", "first", "second", "label", "children"]);
  });
});
