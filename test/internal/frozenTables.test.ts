/**
 * Data documented as frozen is frozen: an edit of any table a caller can reach (catalogue entries,
 * sources, rule sets, build presets, scales) throws, and the next call still sees the table as it
 * was. Each probe tries every property of every nested object and array, so a table frozen only at
 * the top fails here.
 */
import { describe, expect, it } from "vitest";
import {
  CLASSIFIER_RULE_NAMES,
  DOSE_TABLE_IDS,
  LONG_FORMAT_COLUMNS,
  PARAMETER_NAMES,
  PSEUDO_RESISTANCE_FLAG_CODES,
  REASON_CODES,
  REASON_KINDS,
  SCALES,
  SOURCES,
  TRD_ISSUE_CODES,
  classifyTrd,
  findDrug,
  getBuildPreset,
  getRuleSet,
  listBuildPresets,
  listDrugs,
  listRuleSets,
  parseTreatmentHistory,
} from "trd-classifier";
import { REMISSION_THRESHOLDS } from "../../src/rules/scaleThresholds";
import { SEVERITY_BANDS } from "../../src/rules/severityBands";
import { LIMITS } from "../../src/schema/primitives";
import { SCALE_IDS } from "../../src/schema/scales";
import { INDICATIONS } from "../../src/schema/trial";

/** Paths at which an assignment, addition or deletion succeeded (empty when everything is frozen). */
function mutablePaths(value: unknown, path = "$", seen = new Set<object>()): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const found: string[] = [];
  const target = value as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(target)) {
    const child = target[key];
    const childPath = `${path}.${String(key)}`;
    // Replace a leaf, or swap a nested table for an empty one; both must fail.
    if (Reflect.set(target, key, typeof child === "number" ? child + 1 : "mutated")) found.push(childPath);
    if (Reflect.deleteProperty(target, key) && !Object.hasOwn(target, key)) found.push(`delete ${childPath}`);
    found.push(...mutablePaths(child, childPath, seen));
  }
  if (Reflect.set(target, "__added", 1)) found.push(`${path}.__added`);
  return found;
}

const TABLES: readonly (readonly [string, () => unknown])[] = [
  ["listDrugs()", () => listDrugs()],
  ["listDrugs({ role })", () => listDrugs({ role: "augmenting-agent" })],
  ["findDrug('sertraline')", () => findDrug("sertraline")],
  ["SOURCES", () => SOURCES],
  ...listRuleSets().map((r) => [`getRuleSet("${r.id}")`, () => getRuleSet(r.id)] as const),
  ["listRuleSets()", () => listRuleSets()],
  ...listBuildPresets().map((p) => [`getBuildPreset("${p.id}")`, () => getBuildPreset(p.id)] as const),
  ["listBuildPresets()", () => listBuildPresets()],
  ["SCALES", () => SCALES],
  ["SCALE_IDS", () => SCALE_IDS],
  ["REMISSION_THRESHOLDS", () => REMISSION_THRESHOLDS],
  ["SEVERITY_BANDS", () => SEVERITY_BANDS],
  ["LONG_FORMAT_COLUMNS", () => LONG_FORMAT_COLUMNS],
  ["LIMITS", () => LIMITS],
  ["INDICATIONS", () => INDICATIONS],
  ["TRD_ISSUE_CODES", () => TRD_ISSUE_CODES],
  ["REASON_CODES", () => REASON_CODES],
  ["REASON_KINDS", () => REASON_KINDS],
  ["PSEUDO_RESISTANCE_FLAG_CODES", () => PSEUDO_RESISTANCE_FLAG_CODES],
  ["CLASSIFIER_RULE_NAMES", () => CLASSIFIER_RULE_NAMES],
  ["DOSE_TABLE_IDS", () => DOSE_TABLE_IDS],
  ["PARAMETER_NAMES", () => PARAMETER_NAMES],
];

describe("frozen tables", () => {
  it.each(TABLES)("%s cannot be changed, and the next call sees it unchanged", (_name, get) => {
    const before = JSON.stringify(get());
    expect(mutablePaths(get())).toEqual([]);
    expect(JSON.stringify(get())).toBe(before);
  });

  it("throws on the edits the issue names, and later classifications do not change (#12)", () => {
    const parsed = parseTreatmentHistory({
      episode: { onset: "2024-01-01" },
      trials: [{ id: "t1", agent: { name: "sertraline" }, start: "2024-01-10", end: "2024-03-10", mgPerDay: 100, outcome: { percentImprovement: 10 } }],
    });
    if (!parsed.success) throw new Error("fixture must parse");
    const before = classifyTrd(parsed.data, { asOf: "2024-06-30" });
    expect(() => {
      (getRuleSet("eu-pearl-2022").parameters as { minFailedTrials: number }).minFailedTrials = 1;
    }).toThrow(TypeError);
    expect(() => {
      (listDrugs()[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
    expect(() => {
      (findDrug("sertraline")?.minimumDose["licensed-minimum"] as { mgPerDay: number }).mgPerDay = 500;
    }).toThrow(TypeError);
    expect(() => {
      (getBuildPreset("ohdsi-drug-era").parameters as { persistenceWindowDays: number }).persistenceWindowDays = 1;
    }).toThrow(TypeError);
    expect(getRuleSet("eu-pearl-2022").parameters.minFailedTrials).toBe(2);
    expect(classifyTrd(parsed.data, { asOf: "2024-06-30" })).toStrictEqual(before);
    expect(before.status).toBe("not-yet-resistant");
  });
});
