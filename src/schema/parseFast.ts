/**
 * The fast path of {@link parseTreatmentHistory}: a plain-JavaScript check that accepts a history
 * only when it is certainly valid, and otherwise hands it to the zod schema, which decides and
 * words the issues.
 *
 * The zod schemas remain the contract. This module is an accelerator for the common case (a
 * cohort of well-formed records), and it is deliberately conservative: whenever it is not sure,
 * it answers `undefined` and zod runs. Anything it does accept comes out exactly as zod would
 * return it: the same fields in the same order, the same defaults, a fresh copy of every object
 * and list. The cross-field rules are not repeated here: the function that zod's refinement runs
 * ({@link checkCrossFieldRules}) runs here too. Field names, bounds, patterns and enumerations
 * come from the schemas and their modules. `test/schema/parseFast.test.ts` checks the agreement with zod on valid
 * histories, on the contract's malformed cases and on randomly mutated histories.
 *
 * What it never accepts (zod decides): a key present with the value `undefined`, a name with
 * surrounding spaces (zod trims it), an object that is not a plain object, and any value zod
 * might read differently.
 *
 * @module
 */
import { isCalendarDate } from "../internal/dates";
import { AssessmentSchema, ScaleIdSchema } from "./assessment";
import { EpisodeSchema, SeveritySchema } from "./episode";
import { TreatmentHistorySchema, checkCrossFieldRules } from "./history";
import type { TreatmentHistory } from "./history";
import { OtherTreatmentSchema } from "./otherTreatment";
import { ConditionSchema, DiagnosisSchema, PatientSchema } from "./patient";
import { ATC_PATTERN, LIMITS, RXNORM_PATTERN, RecordedOutcomeSchema } from "./primitives";
import { AdherenceSchema, AgentSchema, DoseChangeSchema, INDICATIONS, StopReasonSchema, TrialRoleSchema, TrialSchema } from "./trial";

type Json = Record<string, unknown>;

/** Thrown (and caught in {@link parseFast}) when the fast path must give the input to zod. */
const UNSURE: unique symbol = Symbol("unsure");

function unsure(): never {
  throw UNSURE;
}

const enumSet = (values: readonly string[]): ReadonlySet<string> => new Set(values);
/**
 * The field names of an object schema that the fast path copies: the only keys it accepts for
 * that object. Fields it does not copy are named in `leftToZod`: a record that has one goes to zod,
 * so that no field is ever dropped (test/schema/parseFast.test.ts checks every schema field is
 * either copied or left to zod).
 */
const keysOf = (schema: { readonly shape: object }, ...leftToZod: string[]): ReadonlySet<string> => new Set(Object.keys(schema.shape).filter((k) => !leftToZod.includes(k)));

const HISTORY_KEYS = keysOf(TreatmentHistorySchema);
const PATIENT_KEYS = keysOf(PatientSchema);
const AGE_KEYS = keysOf(PatientSchema.shape.age.unwrap());
const DIAGNOSIS_KEYS = keysOf(DiagnosisSchema, "severity");
const CODE_KEYS = keysOf(DiagnosisSchema.shape.code.unwrap());
const EPISODE_KEYS = keysOf(EpisodeSchema);
const TRIAL_KEYS = keysOf(TrialSchema, "adherenceChanges", "serumLevels", "sideEffects");
const AGENT_KEYS = keysOf(AgentSchema);
const DOSE_KEYS = keysOf(DoseChangeSchema);
const OUTCOME_KEYS = keysOf(RecordedOutcomeSchema);
const ASSESSMENT_KEYS = keysOf(AssessmentSchema);

const SEX = enumSet(PatientSchema.shape.sex.unwrap().options);
const CONDITIONS = enumSet(ConditionSchema.options);
const CODE_SYSTEMS = enumSet(DiagnosisSchema.shape.code.unwrap().shape.system.options);
const SEVERITIES = enumSet(SeveritySchema.options);
const ROLES = enumSet(TrialRoleSchema.options);
const INDICATION_WORDS = enumSet(INDICATIONS);
const STOP_REASONS = enumSet(StopReasonSchema.options);
const ADHERENCE_WORDS = enumSet(AdherenceSchema.options[1].options);
const SCALE_IDS = enumSet(ScaleIdSchema.options);

/** The four kinds of other treatment: each option's keys and its kind-specific enumerations. */
const [PSYCHOTHERAPY, ECT, RTMS, KETAMINE] = OtherTreatmentSchema.options;
const PSYCHOTHERAPY_TYPES = enumSet(PSYCHOTHERAPY.shape.type.options);
const ECT_LATERALITIES = enumSet(ECT.shape.laterality.options);
const KETAMINE_AGENTS = enumSet(KETAMINE.shape.agent.options);
const KETAMINE_ROUTES = enumSet(KETAMINE.shape.route.unwrap().options);
const COURSE_KIND_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  [PSYCHOTHERAPY.shape.kind.value]: keysOf(PSYCHOTHERAPY),
  [ECT.shape.kind.value]: keysOf(ECT),
  [RTMS.shape.kind.value]: keysOf(RTMS),
  [KETAMINE.shape.kind.value]: keysOf(KETAMINE),
};

/**
 * A plain object with no key outside `keys` and no key set to `undefined` (zod keeps such a key in
 * its output; the fast path leaves it to zod), so that an absent field reads as `undefined`.
 */
function object(value: unknown, keys: ReadonlySet<string>): Json {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) unsure();
  const source = value as Json;
  for (const key in source) if (!keys.has(key) || source[key] === undefined) unsure();
  return source;
}

/** A fresh list of `each` applied to every item (a hole in a sparse list is left to zod). */
function list(value: unknown, each: (item: unknown) => Json): Json[] {
  if (!Array.isArray(value)) unsure();
  const out: Json[] = [];
  for (let i = 0; i < value.length; i++) out.push(each(value[i]));
  return out;
}

function date(value: unknown): string {
  return typeof value === "string" && isCalendarDate(value) ? value : unsure();
}

function id(value: unknown): string {
  return typeof value === "string" && value.length >= 1 && value.length <= LIMITS.idMaxLength ? value : unsure();
}

function oneOf(value: unknown, allowed: ReadonlySet<string>): string {
  return typeof value === "string" && allowed.has(value) ? value : unsure();
}

function number(value: unknown, min: number, max: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max ? value : unsure();
}

function integer(value: unknown, min: number, max: number): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max ? value : unsure();
}

function name(value: unknown): string {
  if (typeof value !== "string" || value.length < 1 || value.length > LIMITS.nameMaxLength || value.trim() !== value) unsure();
  return value;
}

function pattern(value: unknown, regex: RegExp): string {
  return typeof value === "string" && regex.test(value) ? value : unsure();
}

function patient(value: unknown): Json {
  if (value === undefined) return { diagnoses: [] };
  const source = object(value, PATIENT_KEYS);
  const out: Json = {};
  const birthDate = source["birthDate"];
  if (birthDate !== undefined) out["birthDate"] = date(birthDate);
  const age = source["age"];
  if (age !== undefined) {
    const a = object(age, AGE_KEYS);
    out["age"] = { years: integer(a["years"], 0, LIMITS.maxAgeYears), on: date(a["on"]) };
  }
  const sex = source["sex"];
  if (sex !== undefined) out["sex"] = oneOf(sex, SEX);
  const diagnoses = source["diagnoses"];
  out["diagnoses"] = diagnoses === undefined ? [] : list(diagnoses, diagnosis);
  return out;
}

function diagnosis(value: unknown): Json {
  const source = object(value, DIAGNOSIS_KEYS);
  const out: Json = { condition: oneOf(source["condition"], CONDITIONS) };
  const onset = source["onset"];
  if (onset !== undefined) out["onset"] = date(onset);
  const code = source["code"];
  if (code !== undefined) {
    const c = object(code, CODE_KEYS);
    const text = c["code"];
    if (typeof text !== "string" || text.length < 1 || text.length > LIMITS.codeMaxLength) unsure();
    out["code"] = { system: oneOf(c["system"], CODE_SYSTEMS), code: text };
  }
  return out;
}

function episode(value: unknown): Json {
  const source = object(value, EPISODE_KEYS);
  const out: Json = { onset: date(source["onset"]) };
  const end = source["end"];
  if (end !== undefined) out["end"] = date(end);
  const severity = source["severity"];
  if (severity !== undefined) out["severity"] = oneOf(severity, SEVERITIES);
  return out;
}

function recordedOutcome(value: unknown): Json {
  const source = object(value, OUTCOME_KEYS);
  const out: Json = {};
  const percent = source["percentImprovement"];
  if (percent !== undefined) out["percentImprovement"] = number(percent, LIMITS.minPercentImprovement, LIMITS.maxPercentImprovement);
  const cgiI = source["cgiI"];
  if (cgiI !== undefined) out["cgiI"] = integer(cgiI, LIMITS.minCgiI, LIMITS.maxCgiI);
  const assessedOn = source["assessedOn"];
  if (assessedOn !== undefined) out["assessedOn"] = date(assessedOn);
  return out;
}

function agent(value: unknown): Json {
  const source = object(value, AGENT_KEYS);
  const out: Json = {};
  const n = source["name"];
  if (n !== undefined) out["name"] = name(n);
  const rxnorm = source["rxnorm"];
  if (rxnorm !== undefined) out["rxnorm"] = pattern(rxnorm, RXNORM_PATTERN);
  const atc = source["atc"];
  if (atc !== undefined) out["atc"] = pattern(atc, ATC_PATTERN);
  if (n === undefined && rxnorm === undefined && atc === undefined) unsure();
  return out;
}

function doseChange(value: unknown): Json {
  const source = object(value, DOSE_KEYS);
  return { from: date(source["from"]), mgPerDay: number(source["mgPerDay"], 0, LIMITS.maxMgPerDay) };
}

function trial(value: unknown): Json {
  const source = object(value, TRIAL_KEYS);
  const role = source["role"];
  const out: Json = { id: id(source["id"]), agent: agent(source["agent"]), role: role === undefined ? "monotherapy" : oneOf(role, ROLES) };
  const augments = source["augments"];
  if (augments !== undefined) out["augments"] = id(augments);
  out["start"] = date(source["start"]);
  const end = source["end"];
  if (end !== undefined) out["end"] = date(end);
  const mgPerDay = source["mgPerDay"];
  if (mgPerDay !== undefined) {
    const mg = number(mgPerDay, 0, LIMITS.maxMgPerDay);
    out["mgPerDay"] = mg > 0 ? mg : unsure();
  }
  const doses = source["doses"];
  if (doses !== undefined) {
    const changes = list(doses, doseChange);
    out["doses"] = changes.length >= 1 ? changes : unsure();
  }
  const doseUnknown = source["doseUnknown"];
  if (doseUnknown !== undefined) out["doseUnknown"] = doseUnknown === true ? true : unsure();
  const adherence = source["adherence"];
  if (adherence !== undefined) out["adherence"] = typeof adherence === "number" ? number(adherence, 0, 1) : oneOf(adherence, ADHERENCE_WORDS);
  const stopReason = source["stopReason"];
  if (stopReason !== undefined) out["stopReason"] = oneOf(stopReason, STOP_REASONS);
  const outcome = source["outcome"];
  if (outcome !== undefined) out["outcome"] = recordedOutcome(outcome);
  const indication = source["indication"];
  if (indication !== undefined) out["indication"] = oneOf(indication, INDICATION_WORDS);
  return out;
}

function assessment(value: unknown): Json {
  const source = object(value, ASSESSMENT_KEYS);
  const out: Json = {};
  const assessmentId = source["id"];
  if (assessmentId !== undefined) out["id"] = id(assessmentId);
  out["date"] = date(source["date"]);
  out["scale"] = oneOf(source["scale"], SCALE_IDS);
  // The scale's range is a cross-field rule; any safe integer passes the shape.
  out["total"] = integer(source["total"], Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return out;
}

function otherTreatment(value: unknown): Json {
  if (typeof value !== "object" || value === null) unsure();
  const kind = (value as Json)["kind"];
  const keys = typeof kind === "string" && Object.hasOwn(COURSE_KIND_KEYS, kind) ? COURSE_KIND_KEYS[kind] : undefined;
  const source = object(value, keys ?? unsure());
  const out: Json = { kind, id: id(source["id"]), start: date(source["start"]) };
  const end = source["end"];
  if (end !== undefined) out["end"] = date(end);
  const sessions = source["sessions"];
  if (sessions !== undefined) out["sessions"] = integer(sessions, 0, LIMITS.maxSessions);
  const outcome = source["outcome"];
  if (outcome !== undefined) out["outcome"] = recordedOutcome(outcome);
  if (kind === "psychotherapy") out["type"] = oneOf(source["type"], PSYCHOTHERAPY_TYPES);
  else if (kind === "ect") out["laterality"] = oneOf(source["laterality"], ECT_LATERALITIES);
  else if (kind === "ketamine") {
    out["agent"] = oneOf(source["agent"], KETAMINE_AGENTS);
    const route = source["route"];
    if (route !== undefined) out["route"] = oneOf(route, KETAMINE_ROUTES);
  }
  return out;
}

const optionalList = (value: unknown, each: (item: unknown) => Json): Json[] => (value === undefined ? [] : list(value, each));

/**
 * The history exactly as `TreatmentHistorySchema` would return it, when the input is certainly
 * valid; `undefined` when zod must decide (the input may be invalid, or merely unusual).
 *
 * @param input - Any value.
 * @returns The validated history, or `undefined`.
 * @example
 * parseFast({ episode: { onset: "2024-01-01" } });
 * //=> { patient: { diagnoses: [] }, episode: { onset: "2024-01-01" }, previousEpisodes: [], trials: [], assessments: [], otherTreatments: [] }
 */
export function parseFast(input: unknown): TreatmentHistory | undefined {
  try {
    const source = object(input, HISTORY_KEYS);
    const out: Json = {};
    const historyId = source["id"];
    if (historyId !== undefined) out["id"] = id(historyId);
    out["patient"] = patient(source["patient"]);
    out["episode"] = episode(source["episode"]);
    out["previousEpisodes"] = optionalList(source["previousEpisodes"], episode);
    out["trials"] = optionalList(source["trials"], trial);
    out["assessments"] = optionalList(source["assessments"], assessment);
    out["otherTreatments"] = optionalList(source["otherTreatments"], otherTreatment);
    const history = out as unknown as TreatmentHistory;
    checkCrossFieldRules(history, unsure);
    return history;
  } catch {
    // UNSURE, or anything an exotic input (a throwing getter) raised: zod decides.
    return undefined;
  }
}
