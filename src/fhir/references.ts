/**
 * The resources of an input and references between them, as FHIR R4 defines references: a
 * Bundle entry's `fullUrl` (`urn:uuid:…` or an absolute URL), a relative `Type/id` (optionally
 * with `/_history/n`), an absolute URL ending in `Type/id`, and `#id` for a contained resource.
 *
 * @module
 */
import { isObject, objectsAt, textAt } from "./json";
import type { JsonObject } from "./json";

/** One resource of the input, with where it came from. */
export interface Entry {
  /** The resource as read (untrusted JSON). */
  readonly resource: JsonObject;
  /** `resourceType`, checked to be a FHIR type name. */
  readonly type: string;
  /** `id`, when it is a FHIR id (an id of another shape is treated as absent). */
  readonly id: string | undefined;
  /** The Bundle entry's `fullUrl`, when it had one. */
  readonly fullUrl: string | undefined;
  /** Position in the input, counting every resource read (`0`…). */
  readonly position: number;
}

/** Something in the input that is not a resource, by position only (never its content). */
export interface NotAResource {
  readonly where: "item" | "entry";
  readonly position: number;
}

const TYPE_NAME = /^[A-Z][A-Za-z]{1,63}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const TYPE_ID_TAIL = /(?:^|\/)([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
/** Bundles nest (a search set inside a prefetch); deeper than this is not read. */
const MAX_DEPTH = 8;

/**
 * The `Type` and `id` a reference names, when it ends in `Type/id`.
 *
 * @example
 * typeAndId("https://ehr.example/fhir/Patient/123/_history/2"); //=> { type: "Patient", id: "123" }
 * typeAndId("urn:uuid:9b1e"); //=> undefined
 */
export function typeAndId(reference: string): { readonly type: string; readonly id: string } | undefined {
  const match = TYPE_ID_TAIL.exec(reference);
  return match === null ? undefined : { type: match[1] ?? "", id: match[2] ?? "" };
}

function entryOf(resource: unknown, fullUrl: unknown, position: number): Entry | undefined {
  if (!isObject(resource)) return undefined;
  const type = textAt(resource, "resourceType");
  if (type === undefined || !TYPE_NAME.test(type)) return undefined;
  const id = textAt(resource, "id");
  return { resource, type, id: id !== undefined && FHIR_ID.test(id) ? id : undefined, fullUrl: typeof fullUrl === "string" && fullUrl.length > 0 ? fullUrl : undefined, position };
}

/**
 * Every resource of a Bundle (nested Bundles included), an array of resources or Bundles, or
 * one resource, in input order; and the positions of items that are not resources.
 *
 * @example
 * collectResources({ resourceType: "Bundle", entry: [{ fullUrl: "urn:uuid:1", resource: { resourceType: "Patient", id: "1" } }, { resource: 7 }] });
 * //=> { entries: [{ type: "Patient", id: "1", fullUrl: "urn:uuid:1", position: 0, resource: … }], notResources: [{ where: "entry", position: 1 }] }
 */
export function collectResources(input: unknown): { readonly entries: readonly Entry[]; readonly notResources: readonly NotAResource[] } {
  const entries: Entry[] = [];
  const notResources: NotAResource[] = [];
  let position = 0;
  const add = (value: unknown, fullUrl: unknown, where: NotAResource["where"], depth: number): void => {
    const entry = entryOf(value, fullUrl, position);
    if (entry === undefined) {
      notResources.push({ where, position: position++ });
    } else if (entry.type === "Bundle") {
      if (depth < MAX_DEPTH) for (const e of objectsAt(entry.resource, "entry")) add(e["resource"], e["fullUrl"], "entry", depth + 1);
    } else {
      entries.push(entry);
      position++;
    }
  };
  if (Array.isArray(input)) for (const item of input) add(item, undefined, "item", 0);
  else add(input, undefined, "item", 0);
  return { entries, notResources };
}

/**
 * Resolves references between the resources of one input.
 *
 * @example
 * const index = new ResourceIndex(collectResources(bundle).entries);
 * index.resolve("urn:uuid:8adf7251-…", someEntry)?.type; //=> "Patient"
 */
export class ResourceIndex {
  readonly #byFullUrl = new Map<string, Entry>();
  readonly #byTypeId = new Map<string, Entry | null>();

  constructor(readonly entries: readonly Entry[]) {
    for (const entry of entries) {
      if (entry.fullUrl !== undefined && !this.#byFullUrl.has(entry.fullUrl)) this.#byFullUrl.set(entry.fullUrl, entry);
      if (entry.id === undefined) continue;
      const key = `${entry.type}/${entry.id}`;
      // The same Type/id twice (two servers' resources in one input) is ambiguous: resolve neither.
      this.#byTypeId.set(key, this.#byTypeId.has(key) ? null : entry);
    }
  }

  /**
   * The resource a reference names, seen from the resource that holds it; `undefined` when it is
   * not in the input. A contained resource (`#id`) is returned as an entry of its own.
   */
  resolve(reference: string | undefined, from: Entry): Entry | undefined {
    if (reference === undefined) return undefined;
    if (reference.startsWith("#")) return this.#contained(reference.slice(1), from);
    const exact = this.#byFullUrl.get(reference);
    if (exact !== undefined) return exact;
    const named = typeAndId(reference);
    return named === undefined ? undefined : (this.#byTypeId.get(`${named.type}/${named.id}`) ?? undefined);
  }

  #contained(id: string, from: Entry): Entry | undefined {
    const found = objectsAt(from.resource, "contained").find((r) => textAt(r, "id") === id);
    return found === undefined ? undefined : entryOf(found, undefined, from.position);
  }
}
