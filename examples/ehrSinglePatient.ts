/**
 * EHR-style call: one patient's history (as an integration would assemble it) in, the status and
 * the reasons a clinician reads out.
 *
 *   npx tsx examples/ehrSinglePatient.ts
 */
import { classifyTrd, neededText, parseTreatmentHistory, reachedText } from "trd-classifier";

// In an integration this comes from the EHR (see the FHIR adapter); here it is inline.
const fromTheRecord: unknown = {
  id: "encounter-7781",
  patient: { birthDate: "1958-11-02", sex: "female", diagnoses: [{ condition: "major-depressive-disorder", code: { system: "ICD-10-CM", code: "F33.2" } }] },
  episode: { onset: "2024-01-08" },
  trials: [
    { id: "rx-1", agent: { rxnorm: "2556" }, start: "2024-01-15", end: "2024-03-25", mgPerDay: 20, adherence: "good", stopReason: "ineffective" },
    {
      id: "rx-2",
      agent: { name: "sertraline" },
      start: "2024-03-28",
      doses: [
        { from: "2024-03-28", mgPerDay: 50 },
        { from: "2024-04-11", mgPerDay: 100 },
      ],
      adherence: 0.85,
    },
  ],
  assessments: [
    { date: "2024-01-12", scale: "PHQ-9", total: 19 },
    { date: "2024-03-20", scale: "PHQ-9", total: 17 },
    { date: "2024-03-27", scale: "PHQ-9", total: 18 },
    { date: "2024-05-02", scale: "PHQ-9", total: 16 },
  ],
};

const parsed = parseTreatmentHistory(fromTheRecord);
if (!parsed.success) {
  // Issues name the path and what was expected; they never repeat patient data.
  for (const issue of parsed.issues) console.error(`${issue.code}: ${issue.message}`);
  process.exit(1);
}

const result = classifyTrd(parsed.data, { asOf: "2024-05-20" });

console.log(`Status: ${result.status}${result.applicable ? "" : " (definition not applicable)"}`);
console.log(`Rule set: ${result.ruleSet.name} v${result.ruleSet.version}; catalogue ${result.catalogueVersion}`);
console.log("\nWhy:");
for (const r of result.reasons) console.log(`  - ${r.message}${r.source === undefined ? "" : ` [${r.source}]`}`);
console.log("\nTrials:");
for (const t of result.trials) {
  const dose = t.dose.status === "unknown" ? "dose threshold unknown" : `${reachedText(t.dose)} of ${neededText(t.dose)}`;
  console.log(`  ${t.trialId} ${t.drugName ?? "?"}: ${dose}, ${t.duration.weeksAtAdequateDose} of ${t.duration.requiredWeeks} weeks, outcome ${t.outcome.category}${t.ongoing ? " (ongoing)" : ""}`);
}
