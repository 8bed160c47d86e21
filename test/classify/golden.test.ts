/**
 * A guard for refactors (performance work above all): the full classification output of a fixed
 * sample of synthetic histories, under every rule set, must stay the same byte for byte. The
 * expected output is committed as readable NDJSON (test/classify/golden.ndjson, one line per
 * history and rule set), and a failure lists the paths that changed.
 *
 * The sample: 1,000 synthetic histories (seed 11, 2% bad records) were generated, and histories
 * were picked in order until every reason code, flag, status, staging stage and validation issue
 * code that the 1,000 produce under each rule set appeared at least once, plus the first 24.
 *
 * When a change is meant to change results (a new reason, a corrected message), regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/classify/golden.test.ts`, review the diff of golden.ndjson,
 * and say so in the commit message. `UPDATE_GOLDEN=select` also re-picks the sample.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyAndStage, classifyTrd, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import type { RuleSetId } from "trd-classifier";
import { syntheticPatientLine } from "../../src/cli/syntheticCohort";
import { jsonDiff } from "../helpers/jsonDiff";

const GOLDEN_PATH = fileURLToPath(new URL("./golden.ndjson", import.meta.url));
const COHORT = { seed: 11, badRate: 0.02 } as const;
const AS_OF = ["2019-06-30", "2021-01-31", "2024-06-30"] as const;

interface GoldenLine {
  readonly index: number;
  readonly ruleSet: RuleSetId | null;
  readonly asOf: string;
  readonly staged: boolean;
  readonly output: unknown;
}

/** The output of history `index` under `ruleSet` (null: the input's parse failure, same for every rule set). */
function run(index: number, ruleSet: RuleSetId | null): GoldenLine {
  const asOf = AS_OF[index % 3] ?? "2024-06-30";
  const staged = index % 5 === 0;
  const line = syntheticPatientLine(index, COHORT);
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { index, ruleSet: null, asOf, staged, output: "unparseable" };
  }
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) return { index, ruleSet: null, asOf, staged, output: { issues: parsed.issues } };
  if (ruleSet === null) throw new Error(`history ${index} is valid: name a rule set`);
  return { index, ruleSet, asOf, staged, output: staged ? classifyAndStage(parsed.data, { asOf, ruleSet }) : classifyTrd(parsed.data, { asOf, ruleSet }) };
}

/** Every line of history `index`: one per rule set, or one for an invalid history. */
function linesOf(index: number): GoldenLine[] {
  const first = run(index, listRuleSets()[0]?.id ?? "eu-pearl-2022");
  if (first.ruleSet === null) return [first];
  return [first, ...listRuleSets().slice(1).map((r) => run(index, r.id))];
}

/** What a line shows: its status, reason codes (with kinds), flags, stages and issue codes. */
function features(line: GoldenLine): string[] {
  const text = JSON.stringify(line.output);
  const found = [...text.matchAll(/"(code|status|stage|kind|item|band|basis)":"([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
  return found.map((f) => `${line.ruleSet ?? "invalid"}:${f}`);
}

/** Picks the sample (see the file comment). */
function selectSample(): number[] {
  const seen = new Set<string>();
  const picked: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const lines = linesOf(i);
    const fresh = lines.flatMap(features).filter((f) => !seen.has(f));
    if (i < 24 || fresh.length > 0) {
      picked.push(i);
      for (const f of fresh) seen.add(f);
    }
  }
  return picked;
}

const serialise = (lines: readonly GoldenLine[]): string => lines.map((l) => JSON.stringify(l)).join("\n") + "\n";

describe("classification output on a fixed sample", () => {
  it("is unchanged, byte for byte, under every rule set", () => {
    const mode = process.env["UPDATE_GOLDEN"];
    const golden = readFileSync(GOLDEN_PATH, "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as GoldenLine);
    if (mode !== undefined && mode !== "") {
      const indexes = mode === "select" ? selectSample() : [...new Set(golden.map((l) => l.index))];
      writeFileSync(GOLDEN_PATH, serialise(indexes.flatMap(linesOf)));
    }
    const expected = mode ? readFileSync(GOLDEN_PATH, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as GoldenLine) : golden;
    expect(expected.length).toBeGreaterThan(100);
    const changed: string[] = [];
    for (const want of expected) {
      const got = run(want.index, want.ruleSet);
      if (JSON.stringify(got) === JSON.stringify(want)) continue;
      changed.push(`history ${want.index} under ${want.ruleSet ?? "(invalid input)"}:`, ...jsonDiff(want.output, got.output).map((d) => `  ${d}`));
      if (changed.length > 60) break;
    }
    expect(changed.join("\n")).toBe("");
  });
});
