/**
 * `npm run demo`: the main job on the bundled example data.
 *
 * Validates every history in examples/data/histories.json and looks each trial's agent up in the
 * catalogue, printing the minimum adequate dose the default table gives with its source.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOGUE_VERSION, SOURCES, findDrug, listDrugs, parseTreatmentHistory } from "trd-classifier";
import type { Agent } from "trd-classifier";

const file = fileURLToPath(new URL("./data/histories.json", import.meta.url));
const histories = JSON.parse(readFileSync(file, "utf8")) as unknown[];

const agentLabel = (agent: Agent): string => agent.name ?? (agent.rxnorm !== undefined ? `RxNorm ${agent.rxnorm}` : `ATC ${agent.atc ?? "?"}`);
const lookUp = (agent: Agent) =>
  (agent.rxnorm !== undefined ? findDrug(agent.rxnorm) : undefined) ??
  (agent.atc !== undefined ? findDrug(agent.atc) : undefined) ??
  (agent.name !== undefined ? findDrug(agent.name) : undefined);

console.log(`trd-classifier demo: ${histories.length} histories, catalogue ${CATALOGUE_VERSION} (${listDrugs().length} agents)\n`);

let valid = 0;
histories.forEach((input, index) => {
  const result = parseTreatmentHistory(input);
  if (!result.success) {
    console.log(`#${index + 1}  INVALID`);
    for (const issue of result.issues) console.log(`      ${issue.code.padEnd(26)} ${issue.message}`);
    console.log();
    return;
  }
  valid += 1;
  const history = result.data;
  console.log(`#${index + 1}  ${history.id ?? "(no id)"}  episode from ${history.episode.onset}, ${history.trials.length} trial(s), ${history.assessments.length} rating(s)`);
  for (const trial of history.trials) {
    const drug = lookUp(trial.agent);
    const doses = trial.doses?.map((d) => d.mgPerDay) ?? [trial.mgPerDay ?? 0];
    const reached = Math.max(...doses);
    if (drug === undefined) {
      console.log(`      ${trial.id}: ${agentLabel(trial.agent)} - not in the catalogue`);
      continue;
    }
    const min = drug.minimumDose["licensed-minimum"];
    const threshold = min === undefined ? "no licensed minimum in the catalogue" : `licensed minimum ${min.mgPerDay} mg/day (${min.verification}: ${SOURCES[min.source].title})`;
    console.log(`      ${trial.id}: ${agentLabel(trial.agent)} -> ${drug.name} [${drug.drugClass}], up to ${reached} mg/day; ${threshold}`);
  }
  console.log();
});
console.log(`${valid} of ${histories.length} histories valid.`);
