/**
 * `npm run demo`: the main job on the bundled example data.
 *
 * Classifies every history in examples/data/cohort (one JSON file per patient) as of 2023-12-31
 * under the default rule set, prints a table with the status and the key reason of each, then the
 * same cohort under every rule set to show how definitions differ, and writes the cohort report
 * (`classify --report`: counts, flags, rule sets side by side, invalid records, timelines) to
 * .tmp/demo/report.html, printing its path.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { CATALOGUE_VERSION, classifyAndStage, classifyTrd, listRuleSets, parseTreatmentHistory } from "trd-classifier";
import type { TrdAssessment, TreatmentHistory } from "trd-classifier";
import { classifyCommand } from "../src/cli/classifyCommand";
import { withReport } from "../src/cli/reportCommand";

const AS_OF = "2023-12-31";
const folder = fileURLToPath(new URL("./data/cohort/", import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();

const pad = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const [defaultRules] = listRuleSets();
if (defaultRules === undefined) throw new Error("no rule sets");

console.log(`trd-classifier demo: ${files.length} histories as of ${AS_OF}`);
console.log(`rule set ${defaultRules.name} v${defaultRules.version}, catalogue ${CATALOGUE_VERSION}\n`);
console.log(`${pad("patient", 18)}${pad("result", 34)}${pad("since", 12)}${pad("failed", 8)}key reason`);
console.log("-".repeat(110));

const valid: Array<{ file: string; history: TreatmentHistory }> = [];
const tally = new Map<string, number>();
for (const file of files) {
  const parsed = parseTreatmentHistory(JSON.parse(readFileSync(folder + file, "utf8")));
  if (!parsed.success) {
    console.log(`${pad(file.replace(/\.json$/, ""), 18)}${pad("INVALID", 20)}${pad("", 8)}${parsed.issues.map((i) => i.message).join("; ")}`);
    tally.set("invalid", (tally.get("invalid") ?? 0) + 1);
    continue;
  }
  valid.push({ file, history: parsed.data });
  const r: TrdAssessment = classifyTrd(parsed.data, { asOf: AS_OF, resistantSince: true });
  // Not applicable leads: the trials' status follows in brackets.
  tally.set(r.displayStatus, (tally.get(r.displayStatus) ?? 0) + 1);
  const result = r.applicable ? r.status : `not applicable (${r.status})`;
  console.log(`${pad(parsed.data.id ?? file, 18)}${pad(result, 34)}${pad(r.resistantSince?.date ?? "", 12)}${pad(String(r.counts.failedAdequateTrials), 8)}${r.reasons[0]?.message ?? ""}`);
  const why = r.reasons.slice(1).filter((x) => x.kind === "pseudo-resistance" || x.code === "bipolar_disorder_on_record");
  for (const x of why.slice(0, 3)) console.log(`${" ".repeat(72)}· ${x.message}`);
  for (const q of r.evidence.openQuestions.slice(0, 2)) console.log(`${" ".repeat(72)}? ${q.message}`);
}
console.log("-".repeat(110));
console.log([...tally].map(([k, v]) => `${k}: ${v}`).join(", "));

console.log(`\nThe same cohort under each rule set:\n`);
const sets = listRuleSets();
console.log(`${pad("patient", 18)}${sets.map((s) => pad(s.id, 20)).join("")}`);
for (const { file, history } of valid) {
  const cells = sets.map((s) => pad(classifyTrd(history, { asOf: AS_OF, ruleSet: s.id }).displayStatus, 20));
  console.log(`${pad(history.id ?? file, 18)}${cells.join("")}`);
}

console.log(`\nStaging models (${defaultRules.id}):\n`);
console.log(`${pad("patient", 18)}${pad("Thase-Rush", 14)}${pad("European", 16)}${pad("MGH-s", 10)}Maudsley`);
for (const { file, history } of valid) {
  const s = classifyAndStage(history, { asOf: AS_OF }).staging;
  const msm = `${s.maudsley.score} (${s.maudsley.band})${s.maudsley.incomplete.length > 0 ? ` incomplete: ${s.maudsley.incomplete.join(", ")}` : ""}`;
  console.log(`${pad(history.id ?? file, 18)}${pad(s.thaseRush.label, 14)}${pad(s.european.stage, 16)}${pad(String(s.mghs.score), 10)}${msm}`);
}

// The cohort report, made as `trd-classifier classify cohort.ndjson --report report.html` makes it.
const demoDir = fileURLToPath(new URL("../.tmp/demo/", import.meta.url));
mkdirSync(demoDir, { recursive: true });
const ndjson = `${demoDir}cohort.ndjson`;
writeFileSync(ndjson, files.map((f) => JSON.stringify(JSON.parse(readFileSync(folder + f, "utf8")))).join("\n") + "\n");
const reportPath = `${demoDir}report.html`;
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
await withReport({ path: reportPath, ids: undefined }, classifyCommand)(ndjson, discard, discard, {
  asOf: AS_OF,
  ruleSet: defaultRules.id,
  inputFormat: "ndjson",
  outputFormat: "ndjson",
  full: false,
  workers: 1,
  failFast: false,
  progress: false,
});
console.log(`\nCohort report (one HTML file, no scripts, timelines included): ${reportPath}`);
