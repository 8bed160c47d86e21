/**
 * The fast path of the trial builder's record check: a plain-JavaScript check that accepts a fill
 * record only when it is certainly valid, and otherwise answers `undefined` so that
 * {@link FillRecordSchema} decides and words the issues. The schema remains the contract; this is
 * an accelerator for the common case (records built by an adapter, every one well formed).
 *
 * Anything it accepts comes out exactly as the schema would return it: the same fields in the same
 * order, the default `kind`, a fresh copy of the record and of its agent. Field names, bounds and
 * enumerations are read from the schemas. It reads each field once, and it never accepts (the
 * schema decides): an object that is not a plain object, a key the schema does not know, a key
 * present with the value `undefined` (the schema keeps such a key), a name with surrounding spaces
 * (the schema trims it), or anything it is unsure of. `test/fills/fillRecordFast.test.ts` checks
 * the agreement with the schema on valid records and on randomly broken ones.
 *
 * @module
 */
import { isCalendarDate } from "../internal/dates";
import { ATC_PATTERN, RXNORM_PATTERN } from "../schema/primitives";
import { AgentSchema, INDICATIONS } from "../schema/trial";
import { FillRecordSchema } from "./fillRecord";
import type { FillRecord } from "./fillRecord";

type Json = Record<string, unknown>;

const FIELDS = FillRecordSchema.shape;
const RECORD_KEYS: ReadonlySet<string> = new Set(Object.keys(FIELDS));
const AGENT_KEYS: ReadonlySet<string> = new Set(Object.keys(AgentSchema.shape));
const KINDS: ReadonlySet<string> = new Set(FIELDS.kind.unwrap().options);
const DEFAULT_KIND = FIELDS.kind.parse(undefined);
const INDICATION_WORDS: ReadonlySet<string> = new Set(INDICATIONS);
const ID_MAX_LENGTH = FIELDS.id.unwrap().maxLength ?? 0;
const NAME_MAX_LENGTH = AgentSchema.shape.name.unwrap().maxLength ?? 0;
const MAX_DAYS_SUPPLY = FIELDS.daysSupply.unwrap().maxValue ?? 0;
const MAX_STRENGTH_MG = FIELDS.strengthMg.unwrap().maxValue ?? 0;
const MAX_QUANTITY = FIELDS.quantity.unwrap().maxValue ?? 0;
const MAX_MG_PER_DAY = FIELDS.mgPerDay.unwrap().maxValue ?? 0;

/** A plain object whose keys are all in `keys` (own or inherited enumerable ones). */
function isPlainWithKeys(value: unknown, keys: ReadonlySet<string>): value is Json {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

/** The field is absent as the schema reads absence: `undefined` and not `in` the object. */
const absent = (source: Json, key: string, value: unknown): boolean => value === undefined && !(key in source);

const isId = (x: unknown): x is string => typeof x === "string" && x.length >= 1 && x.length <= ID_MAX_LENGTH;
const isDate = (x: unknown): x is string => typeof x === "string" && isCalendarDate(x);
const isPositiveUpTo = (x: unknown, max: number): x is number => typeof x === "number" && x > 0 && x <= max;

/** The agent as {@link AgentSchema} returns it (`undefined` when unsure). */
function agentOf(value: unknown): Json | undefined {
  if (!isPlainWithKeys(value, AGENT_KEYS)) return undefined;
  const name = value["name"];
  const rxnorm = value["rxnorm"];
  const atc = value["atc"];
  const out: Json = {};
  if (!absent(value, "name", name)) {
    if (typeof name !== "string" || name.length < 1 || name.length > NAME_MAX_LENGTH || name.trim() !== name) return undefined;
    out["name"] = name;
  }
  if (!absent(value, "rxnorm", rxnorm)) {
    if (typeof rxnorm !== "string" || !RXNORM_PATTERN.test(rxnorm)) return undefined;
    out["rxnorm"] = rxnorm;
  }
  if (!absent(value, "atc", atc)) {
    if (typeof atc !== "string" || !ATC_PATTERN.test(atc)) return undefined;
    out["atc"] = atc;
  }
  return name === undefined && rxnorm === undefined && atc === undefined ? undefined : out;
}

/**
 * The record exactly as {@link FillRecordSchema} would return it, when it is certainly valid;
 * `undefined` when the schema must decide (the record may be invalid, or merely unusual).
 *
 * @param value - Any value.
 * @returns The validated record, or `undefined`.
 * @example
 * parseFillRecordFast({ agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 });
 * //=> { kind: "dispense", agent: { name: "sertraline" }, date: "2024-01-02", daysSupply: 30, mgPerDay: 50 }
 * parseFillRecordFast({ agent: { name: " sertraline" }, date: "2024-01-02" }); //=> undefined
 */
export function parseFillRecordFast(value: unknown): FillRecord | undefined {
  try {
    return readRecord(value);
  } catch {
    // Only exotic values (a getter that throws, a revoked proxy) reach here: the schema decides.
    return undefined;
  }
}

function readRecord(value: unknown): FillRecord | undefined {
  if (!isPlainWithKeys(value, RECORD_KEYS)) return undefined;
  const { id, patientId, kind, agent, date, daysSupply, endDate, strengthMg, quantity, mgPerDay, indication } = value;
  const out: Json = {};
  if (!absent(value, "id", id)) {
    if (!isId(id)) return undefined;
    out["id"] = id;
  }
  if (!absent(value, "patientId", patientId)) {
    if (!isId(patientId)) return undefined;
    out["patientId"] = patientId;
  }
  if (absent(value, "kind", kind)) out["kind"] = DEFAULT_KIND;
  else if (typeof kind === "string" && KINDS.has(kind)) out["kind"] = kind;
  else return undefined;
  const readAgent = agentOf(agent);
  if (readAgent === undefined || !isDate(date)) return undefined;
  out["agent"] = readAgent;
  out["date"] = date;
  if (!absent(value, "daysSupply", daysSupply)) {
    if (typeof daysSupply !== "number" || !Number.isInteger(daysSupply) || daysSupply < 1 || daysSupply > MAX_DAYS_SUPPLY) return undefined;
    out["daysSupply"] = daysSupply;
  }
  if (!absent(value, "endDate", endDate)) {
    // An end before the date is an issue the schema words.
    if (!isDate(endDate) || endDate < date) return undefined;
    out["endDate"] = endDate;
  }
  const hasStrength = !absent(value, "strengthMg", strengthMg);
  const hasQuantity = !absent(value, "quantity", quantity);
  // Strength and quantity come together, or the schema words the issue.
  if (hasStrength !== hasQuantity) return undefined;
  if (hasStrength) {
    if (!isPositiveUpTo(strengthMg, MAX_STRENGTH_MG) || !isPositiveUpTo(quantity, MAX_QUANTITY)) return undefined;
    out["strengthMg"] = strengthMg;
    out["quantity"] = quantity;
  }
  if (!absent(value, "mgPerDay", mgPerDay)) {
    if (!isPositiveUpTo(mgPerDay, MAX_MG_PER_DAY)) return undefined;
    out["mgPerDay"] = mgPerDay;
  }
  if (!absent(value, "indication", indication)) {
    if (typeof indication !== "string" || !INDICATION_WORDS.has(indication)) return undefined;
    out["indication"] = indication;
  }
  return out as unknown as FillRecord;
}
