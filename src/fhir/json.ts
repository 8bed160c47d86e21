/**
 * Reading untrusted JSON without trusting its shape: every reader answers `undefined` (or an
 * empty list) for a value of the wrong type, so that no FHIR input, however malformed, can make
 * the adapter throw.
 *
 * @module
 */

/** A JSON object (not an array, not null). */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Whether a value is a plain JSON object.
 *
 * @example
 * isObject({ a: 1 }); //=> true
 * isObject([1]); //=> false
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A field of an object, when the value is an object.
 *
 * @example
 * field({ a: { b: 1 } }, "a"); //=> { b: 1 }
 * field("x", "a"); //=> undefined
 */
export function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/**
 * An object-valued field, or `undefined`.
 *
 * @example
 * objectAt({ subject: { reference: "Patient/1" } }, "subject"); //=> { reference: "Patient/1" }
 */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  const x = field(value, key);
  return isObject(x) ? x : undefined;
}

/**
 * A non-empty string field, or `undefined`.
 *
 * @example
 * textAt({ status: "active" }, "status"); //=> "active"
 * textAt({ status: 5 }, "status"); //=> undefined
 */
export function textAt(value: unknown, key: string): string | undefined {
  const x = field(value, key);
  return typeof x === "string" && x.length > 0 ? x : undefined;
}

/**
 * A finite number field, or `undefined`.
 *
 * @example
 * numberAt({ value: 20 }, "value"); //=> 20
 * numberAt({ value: "20" }, "value"); //=> undefined
 */
export function numberAt(value: unknown, key: string): number | undefined {
  const x = field(value, key);
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
}

/**
 * A boolean field, or `undefined`.
 *
 * @example
 * booleanAt({ asNeededBoolean: true }, "asNeededBoolean"); //=> true
 */
export function booleanAt(value: unknown, key: string): boolean | undefined {
  const x = field(value, key);
  return typeof x === "boolean" ? x : undefined;
}

/**
 * An array field's items, or an empty list.
 *
 * @example
 * listAt({ coding: [{ code: "1" }] }, "coding"); //=> [{ code: "1" }]
 * listAt({ coding: "x" }, "coding"); //=> []
 */
export function listAt(value: unknown, key: string): readonly unknown[] {
  const x = field(value, key);
  return Array.isArray(x) ? x : [];
}

/**
 * The object items of an array field.
 *
 * @example
 * objectsAt({ entry: [{ a: 1 }, 2, null] }, "entry"); //=> [{ a: 1 }]
 */
export function objectsAt(value: unknown, key: string): readonly JsonObject[] {
  return listAt(value, key).filter(isObject);
}

/** A coding as the adapter reads it: system and code, both optional. */
export interface CodingRead {
  readonly system: string | undefined;
  readonly code: string | undefined;
  readonly display: string | undefined;
}

/**
 * The codings of a CodeableConcept field.
 *
 * @example
 * codingsOf({ coding: [{ system: "http://loinc.org", code: "44261-6" }] });
 * //=> [{ system: "http://loinc.org", code: "44261-6", display: undefined }]
 */
export function codingsOf(concept: unknown): readonly CodingRead[] {
  return objectsAt(concept, "coding").map((c) => ({ system: textAt(c, "system"), code: textAt(c, "code"), display: textAt(c, "display") }));
}

/**
 * The texts of a CodeableConcept: its `text` and each coding's `display`.
 *
 * @example
 * textsOf({ text: "Sertraline 50 mg", coding: [{ display: "sertraline 50 MG Oral Tablet" }] });
 * //=> ["Sertraline 50 mg", "sertraline 50 MG Oral Tablet"]
 */
export function textsOf(concept: unknown): readonly string[] {
  const texts = [textAt(concept, "text"), ...codingsOf(concept).map((c) => c.display)];
  return texts.filter((t): t is string => t !== undefined);
}

/**
 * The first coding's code of a CodeableConcept (a status concept, say).
 *
 * @example
 * firstCode({ coding: [{ code: "active" }] }); //=> "active"
 */
export function firstCode(concept: unknown): string | undefined {
  return codingsOf(concept).find((c) => c.code !== undefined)?.code;
}
