/**
 * Renders the generated docs from the code, so they cannot drift: docs/catalogue.md,
 * docs/treatment-history.schema.json and one page per rule set in docs/rule-sets/.
 * test/docs/generated.test.ts fails when a committed file differs.
 *
 * `npm run docs:generate` (this file with --write) regenerates them all.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CATALOGUE_VERSION, DEFAULT_BUILD_PRESET_ID, DEFAULT_RULE_SET_ID, SOURCES, TreatmentHistorySchema, listBuildPresets, listDrugs, listRuleSets } from "../../src/index";
import { adequateDose } from "../../src/rules/adequateDose";
import type { BuildTrialsParameters, DoseTableId, DoseValue, DrugEntry, ParameterName, RuleSet, SourceId, Verification } from "../../src/index";

const MARK: Record<Verification, string> = { primary: "P", secondary: "S", unverified: "U" };
const TABLES: readonly DoseTableId[] = ["licensed-minimum", "mgh-atrq", "maudsley-med", "hayasaka-2015-fe40"];

/**
 * Thresholds by grade: how many values of each grade, and how many agents have none.
 *
 * @example
 * const c: GradeCounts = { primary: 14, secondary: 26, unverified: 0, none: 5 };
 */
export interface GradeCounts {
  readonly primary: number;
  readonly secondary: number;
  readonly unverified: number;
  readonly none: number;
}

/**
 * Catalogue 2026.11.0, before issue 13: the counts of the catalogue audit
 * (/work/shared/research/catalogue-audit.md §1, counted from `listDrugs()` of the built package,
 * 45 agents). A historical record, hard-coded on purpose: that catalogue no longer exists in code.
 *
 * @example
 * GRADES_2026_11_0.ruleSets["eu-pearl-2022"].primary; //=> 14
 */
export const GRADES_2026_11_0 = {
  tables: {
    "licensed-minimum": { primary: 14, secondary: 26, unverified: 0, none: 5 },
    "mgh-atrq": { primary: 0, secondary: 35, unverified: 0, none: 10 },
    "maudsley-med": { primary: 0, secondary: 0, unverified: 15, none: 30 },
    "hayasaka-2015-fe40": { primary: 23, secondary: 0, unverified: 0, none: 22 },
  },
  // EU-PEARL, regulatory and Canadian use licensed-minimum; MGH-ATRQ counts its 6 fallbacks.
  ruleSets: {
    "eu-pearl-2022": { primary: 14, secondary: 26, unverified: 0, none: 5 },
    "mgh-atrq": { primary: 3, secondary: 38, unverified: 0, none: 4 },
    regulatory: { primary: 14, secondary: 26, unverified: 0, none: 5 },
    "canadian-2021": { primary: 14, secondary: 26, unverified: 0, none: 5 },
  },
} as const satisfies { tables: Record<DoseTableId, GradeCounts>; ruleSets: Record<string, GradeCounts> };

/**
 * Counts the values of one dose table by grade, over every agent.
 *
 * @example
 * tableGrades("maudsley-med").unverified; //=> 15
 */
export function tableGrades(table: DoseTableId): GradeCounts {
  const counts = { primary: 0, secondary: 0, unverified: 0, none: 0 };
  for (const d of listDrugs()) {
    const value = d.minimumDose[table];
    if (value === undefined) counts.none += 1;
    else counts[value.verification] += 1;
  }
  return counts;
}

/**
 * Counts the thresholds a rule set uses (its table, then its fallbacks) by grade, over every agent.
 *
 * @example
 * ruleSetGrades(getRuleSet("eu-pearl-2022")).primary; //=> 32
 */
export function ruleSetGrades(rules: RuleSet): GradeCounts {
  const counts = { primary: 0, secondary: 0, unverified: 0, none: 0 };
  for (const d of listDrugs()) {
    const found = adequateDose(d, { table: rules.parameters.doseTable, fallback: rules.parameters.doseTableFallback });
    if (found.status === "none") counts.none += 1;
    else counts[found.citation.verification] += 1;
  }
  return counts;
}

function gradeCells(c: GradeCounts): string[] {
  const n = c.primary + c.secondary + c.unverified;
  const share = (k: number): string => (n === 0 ? `${k}` : `${k} (${Math.round((100 * k) / n)}%)`);
  return [`${n}`, share(c.primary), share(c.secondary), share(c.unverified), `${c.none}`];
}

function limitText(l: NonNullable<DrugEntry["impairmentLimits"]>[number]): string {
  switch (l.limit.kind) {
    case "max-mg-per-day":
      return `≤${l.limit.mgPerDay} mg/day`;
    case "fraction-of-dose":
      return `×${l.limit.fraction} of the dose`;
    case "not-recommended":
      return "not recommended";
  }
}

/** The adequacy model in words; a kind added later is shown by its name until it is worded here. */
function adequacyText(a: NonNullable<DrugEntry["adequacy"]>): string {
  if (a.kind === "fixed-course") return `a fixed course: ${a.days} days at ${a.mgPerDay} mg/day`;
  if (a.kind === "infusion") return `a continuous infusion of ${a.hours} hours`;
  if (a.kind === "sessions") return "sessions";
  return a.kind;
}

/** The markdown for docs/catalogue.md. */
export function renderCatalogue(): string {
  const drugs = listDrugs();
  const sourceIds = Object.keys(SOURCES) as SourceId[];
  const ref = (id: SourceId): string => `[${sourceIds.indexOf(id) + 1}]`;
  const dose = (v: DoseValue | undefined): string => (v === undefined ? "—" : `${v.mgPerDay} ${MARK[v.verification]} ${ref(v.source)}`);
  const lines: string[] = [
    "# The antidepressant catalogue",
    "",
    "<!-- Generated by `npm run docs:generate` from src/catalogue; do not edit by hand. -->",
    "",
    `Catalogue version **${CATALOGUE_VERSION}**: ${drugs.length} agents. Every classification result names this version. Changes from 2026.11.0, value by value, are in [the changelog](./CHANGELOG.md#catalogue-2026120).`,
    "",
    "Each value is followed by its verification flag and its source number. One rule decides the flag:",
    "",
    "- **P** (`primary`): read in the regulator's own label or SmPC text, or in a verbatim copy whose identity is confirmed (the source names the copy). A primary dose cites a label source with its revision and names the section read (see the notes); a primary code was read in the WHO ATC index (a dated copy);",
    "- **S** (`secondary`): read in a copy whose identity is not confirmed (a transcription of a form or of a paper's table, a label quoted by a letter, a drug-information site or an AI summary), or in a reference work;",
    "- **U** (`unverified`): recalled or reported without a source that could be read. Kept so that it can be chosen knowingly, never as a default.",
    "",
    "## Thresholds by grade",
    "",
    "Per rule set: the thresholds it uses for the catalogue's agents (its dose table, then its fallback table), by grade; \"none\" counts agents with no threshold, whose dose adequacy is reported as unknown. Before: catalogue 2026.11.0 as counted by the catalogue audit (45 agents; a historical record). After: computed from this catalogue.",
    "",
    "| rule set | dose table (fallback) | catalogue | thresholds | primary | secondary | unverified | none |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const rules of listRuleSets()) {
    const before = (GRADES_2026_11_0.ruleSets as Record<string, GradeCounts>)[rules.id];
    const fallback = rules.parameters.doseTableFallback.filter((t) => t !== rules.parameters.doseTable);
    const tables = `${rules.parameters.doseTable}${fallback.length === 0 ? "" : ` (${fallback.join(", ")})`}`;
    if (before !== undefined) lines.push(`| ${rules.id} | ${tables} | 2026.11.0 | ${gradeCells(before).join(" | ")} |`);
    lines.push(`| ${rules.id} | ${tables} | **${CATALOGUE_VERSION}** | ${gradeCells(ruleSetGrades(rules)).join(" | ")} |`);
  }
  lines.push("", "Per dose table, over every agent:", "", "| dose table | catalogue | values | primary | secondary | unverified | none |", "|---|---|---|---|---|---|---|");
  for (const table of TABLES) {
    lines.push(`| ${table} | 2026.11.0 | ${gradeCells(GRADES_2026_11_0.tables[table]).join(" | ")} |`);
    lines.push(`| ${table} | **${CATALOGUE_VERSION}** | ${gradeCells(tableGrades(table)).join(" | ")} |`);
  }
  const unconfirmed = drugs.filter((d) => d.minimumDose["licensed-minimum"] !== undefined && d.minimumDose["licensed-minimum"].verification !== "primary");
  lines.push(
    "",
    "**Not confirmed in a label.** These licensed minima keep their value and grade: no label text confirming them was read (for duloxetine, the label read gives a lower minimum, a decision left open). Each note says where the value was read:",
    "",
    ...unconfirmed.map((d) => {
      const v = d.minimumDose["licensed-minimum"];
      return `- **${d.name}** ${v?.mgPerDay} ${v === undefined ? "" : MARK[v.verification]}: ${v?.note ?? ""}`;
    }),
    "",
    "**MGH-ATRQ.** No canonical form of the MGH Antidepressant Treatment Response Questionnaire was found; every MGH-ATRQ value is read in a transcription of a study-specific form (COMP006) and stays secondary. Values that disagree with current labels are kept as transcribed and say so in their note (vilazodone 40, against a current label target of 20-40; reboxetine 4, a per-dose figure).",
    "",
    "**Hayasaka.** The paper's Table 1 was read in transcriptions (an R script and a web page), not in the paper, so every value is secondary.",
    "",
    "## The catalogue",
    "",
  );
  lines.push(
    "Dose tables (mg/day; a patch: mg/24 h):",
    "",
    "- **licensed**: the lowest dose the label calls therapeutic or recommended for depression (for an augmenting agent, the lowest labelled adjunct dose);",
    "- **MGH-ATRQ**: the minimum-dose column of the MGH Antidepressant Treatment Response Questionnaire, as transcribed from a study-specific form; the canonical form could not be read;",
    "- **Maudsley**: Maudsley Prescribing Guidelines minimum effective dose; no value could be read in a source;",
    "- **Hayasaka FE40**: the dose equivalent to fluoxetine 40 mg/day (Hayasaka et al. 2015), a dose-equivalence figure and not a minimum.",
    "",
    "Age caps: a classifier never requires a dose above the cap for a patient older than the stated age. Only maxima a source states are caps; a usual range or a tolerability remark for older patients is a note.",
    "",
    "| agent | class | role | ATC | RxNorm | licensed | MGH-ATRQ | Maudsley | Hayasaka FE40 | age caps |",
    "|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const d of drugs) {
    const code = (c: DrugEntry["atc"]): string => (c === undefined ? "—" : `${c.code} ${MARK[c.verification]} ${ref(c.source)}`);
    const caps = d.ageCaps.map((c) => `>${c.olderThanYears} y: ≤${c.maxMgPerDay} ${MARK[c.verification]} ${ref(c.source)}`).join("; ") || "—";
    const cells = [d.name, d.drugClass, d.role, code(d.atc), code(d.rxnorm), ...TABLES.map((t) => dose(d.minimumDose[t])), caps];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("", "## Hepatic and renal limits", "", "What a label states as a limit in hepatic or renal impairment (a maximum, a fraction of the usual dose, or not to be used); remarks such as \"use with caution\" are notes. Severities follow each label (hepatic: Child-Pugh A/B/C as mild/moderate/severe).", "");
  lines.push("| agent | impairment | severities | limit | grade | source | section |", "|---|---|---|---|---|---|---|");
  for (const d of drugs) {
    for (const l of d.impairmentLimits ?? []) lines.push(`| ${d.name} | ${l.impairment} | ${l.severities.join(", ")} | ${limitText(l)} | ${MARK[l.verification]} | ${ref(l.source)} | ${l.section ?? "—"} |`);
  }
  lines.push("", "## Adequacy other than a daily dose", "", "For these agents adequacy is not a daily dose held for weeks; the classifier judges them by this model.", "");
  for (const d of drugs) {
    if (d.adequacy === undefined || d.adequacy.kind === "daily-dose") continue;
    lines.push(`- **${d.name}**: ${adequacyText(d.adequacy)} ${MARK[d.adequacy.verification]} ${ref(d.adequacy.source)}${d.adequacy.note === undefined ? "" : `. ${d.adequacy.note}`}`);
  }
  lines.push("", "## Brand names by market", "", "Markets are ISO 3166 country codes, or EU. Each brand name is also matched by `findDrug`.", "");
  for (const d of drugs) {
    if (d.brands === undefined || d.brands.length === 0) continue;
    lines.push(`- **${d.name}**: ${d.brands.map((b) => `${b.name} (${b.markets.join(", ")})`).join("; ")}`);
  }
  lines.push("", "## Names matched", "", "`findDrug` matches these names case-, accent- and punctuation-insensitively, by whole name.", "");
  for (const d of drugs) lines.push(`- **${d.name}**: ${d.synonyms.length === 0 ? "—" : d.synonyms.join(", ")}`);
  lines.push("", "## Notes", "");
  for (const d of drugs) {
    const section = (c: { readonly section?: string }): string => (c.section === undefined ? "" : ` (${c.section})`);
    const notes = [...d.notes, ...TABLES.flatMap((t) => { const v = d.minimumDose[t]; return v?.note === undefined ? [] : [`${t}${section(v)}: ${v.note}`]; })];
    for (const cap of d.ageCaps) if (cap.note !== undefined) notes.push(`age cap${section(cap)}: ${cap.note}`);
    if (notes.length > 0) lines.push(`- **${d.name}**: ${notes.join(" ")}`);
  }
  lines.push("", "## Sources", "");
  sourceIds.forEach((id, i) => {
    const s = SOURCES[id];
    lines.push(`${i + 1}. \`${id}\` (${s.kind}): ${s.title}${s.locator === undefined ? "" : `. ${s.locator}`}${s.revision === undefined ? "" : `. Revision: ${s.revision}`}`);
  });
  return `${lines.join("\n")}\n`;
}

/** The JSON Schema (input side) of a treatment history. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(TreatmentHistorySchema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}

const VERIFICATION_WORD: Record<Verification, string> = { primary: "primary source", secondary: "secondary source", unverified: "not verified" };

const PARAMETER_TEXT: Record<ParameterName, string> = {
  minFailedTrials: "Failed adequate trials (distinct agents) needed for resistance",
  doseTable: "Catalogue table that decides dose adequacy",
  doseTableFallback: "Tables tried when that table has no value for an agent",
  minWeeksAtAdequateDose: "Weeks at or above the adequate dose (titration below it does not count)",
  earlyStopWeeks: "A trial stopped before this many weeks without clear non-response is not a failure",
  nonResponseBelowPercent: "Improvement (%) below which the outcome is non-response",
  nonResponseInclusive: "Whether exactly that improvement is still non-response",
  responsePercent: "Improvement (%) at or above which the outcome is response",
  partialResponseCountsAsFailure: "Whether partial response is a failure of the trial",
  partialResponseAfterOneTrial: "Whether one adequate trial with partial response gives `partial-response`",
  minAdherenceFraction: "Documented adherence fraction needed",
  requireDocumentedAdherence: "Whether undocumented adherence disqualifies a trial",
  currentEpisodeOnly: "Count only the current episode (and only days within it)",
  requireDifferentClasses: "Failures must be of different classes to count separately",
  countAugmentation: "Whether an augmentation trial counts",
  countCombination: "Whether a combination trial counts",
  excludeBipolar: "Whether bipolar disorder makes the definition not applicable",
  baselineWindowDays: "Days before a trial's start within which a baseline score counts",
  endpointGraceDays: "Days after a trial's end within which a score still counts as its endpoint (only if none is during it)",
  cgiIResponseMax: "Highest CGI-I read as response",
  cgiIPartialMax: "Highest CGI-I read as partial response",
  tachyphylaxisCountsAsFailure: "Whether loss of an earlier response at the same dose is a failure",
};

/** The markdown page of one rule set. */
export function renderRuleSet(rules: RuleSet): string {
  const source = SOURCES[rules.source];
  const lines = [
    `# ${rules.name}`,
    "",
    "<!-- Generated by `npm run docs:generate` from src/rules/ruleSets.ts; do not edit by hand. -->",
    "",
    `Rule set \`${rules.id}\`, version **${rules.version}**${rules.id === DEFAULT_RULE_SET_ID ? " (the default)" : ""}.`,
    "",
    rules.description,
    "",
    `Principal source: ${source.title}${source.locator === undefined ? "" : ` (${source.locator})`}.`,
    "",
    "| parameter | meaning | value | source | verification | note |",
    "|---|---|---|---|---|---|",
  ];
  for (const name of Object.keys(PARAMETER_TEXT) as ParameterName[]) {
    const cite = rules.provenance[name];
    lines.push(`| \`${name}\` | ${PARAMETER_TEXT[name]} | \`${JSON.stringify(rules.parameters[name])}\` | \`${cite.source}\` | ${VERIFICATION_WORD[cite.verification]} | ${cite.note ?? ""} |`);
  }
  lines.push("", "Values marked `library-convention` are this library's choices where no source reviewed gives one; override them with `classifyTrd(history, { asOf, ruleSet, overrides })`. Sources are listed in [the catalogue page](../catalogue.md#sources).");
  return `${lines.join("\n")}\n`;
}

/** The index page of the rule sets. */
export function renderRuleSetIndex(): string {
  const lines = [
    "# Rule sets",
    "",
    "<!-- Generated by `npm run docs:generate` from src/rules/ruleSets.ts; do not edit by hand. -->",
    "",
    "Every result names the rule set and version that produced it. Any parameter can be overridden; the result records the override.",
    "",
    "| id | version | name | non-response | weeks at adequate dose | dose table | augmentation counts |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of listRuleSets()) {
    const p = r.parameters;
    lines.push(`| [\`${r.id}\`](./${r.id}.md) | ${r.version} | ${r.name}${r.id === DEFAULT_RULE_SET_ID ? " **(default)**" : ""} | ${p.nonResponseInclusive ? "<=" : "<"}${p.nonResponseBelowPercent}% | ${p.minWeeksAtAdequateDose} | ${p.doseTable} | ${p.countAugmentation ? "yes" : "no"} |`);
  }
  lines.push(
    "",
    "## Why EU-PEARL 2022 is the default",
    "",
    "It is the most recent consensus written specifically to define TRD (Sforzini et al. 2022, a Delphi process for regulatory trials); its non-response threshold (<25%) and its two-failure rule were read in the paper's own table; and it is the only definition that also names partially responsive depression, which the library's `partial-response` status follows. Choose `regulatory` to mirror FDA/EMA wording (adherence must be documented), `mgh-atrq` to reproduce MGH-ATRQ-based trial screening, and `canadian-2021` for the Canadian consensus (<50% is non-response, so it never returns `partial-response`).",
  );
  return `${lines.join("\n")}\n`;
}

const BUILD_PARAMETER_TEXT: Record<keyof BuildTrialsParameters, string> = {
  persistenceWindowDays: "Uncovered days after a supply runs out that still continue the course (issue-date data: days between issues)",
  earlyRefill: "Early refills roll forward (`carry-over`) or abandon the remaining supply (`no-stockpiling`)",
  coverage: "A fill lasts its days' supply (`days-supply`) or until the next issue (`until-next-issue`)",
  crossTaperMaxOverlapDays: "Overlap of two antidepressants up to which the later is a cross-taper switch; more is a combination",
  augmentationMinOverlapDays: "Overlap an augmenting agent needs with an antidepressant to augment it",
  episodeGapDays: "Days without any antidepressant that start a new depressive episode",
  defaultDaysSupply: "Days' supply assumed when a record has neither days' supply nor an end date",
  maxPlausibleDaysSupply: "Records covering more days are dropped as implausible",
};

/** The markdown of docs/fills.md. */
export function renderBuildPresets(): string {
  const presets = listBuildPresets();
  const lines = [
    "# From prescription records to trials",
    "",
    "<!-- Generated by `npm run docs:generate` from src/fills/buildOptions.ts; do not edit by hand. -->",
    "",
    "`buildTrials(records, { preset?, overrides?, asOf? })` turns prescription, dispense and fill records of one patient into trials in the classifier's input form, with a decision (code, message, records, rule, source) for every merge, gap, switch, combination, augmentation, dose change and dropped record. `readLongFormat` and `historyFromLongFormat` do the same for a long-format CSV of many patients (columns below).",
    "",
    "- **Daily dose**: `mgPerDay` when the record states it, else strength x quantity / days' supply; with neither, the trial is `doseUnknown` and the classifier reports the dose as unknown, never as too low. Fills of one drug on the same day are added together (two strengths making one dose). A new daily dose starts on its fill's date, and what was left of the old supply is abandoned.",
    "- **Adherence**: the proportion of days covered of each course made only of dispenses or fills, used by the classifier's adherence rule. A course with an order (`kind: \"prescription\"`) or a statement in it gets no adherence (`adherence_not_documented`): an order is not evidence that the patient collected or took the drug.",
    "- **Indication**: a record's `indication` (what it was prescribed for) passes to its course: `depression` if any record says so, else the first other condition stated, else `not-recorded`; records that disagree are reported (`indication`).",
    "- **Roles**: an augmenting agent (lithium, an antipsychotic, T3) overlapping an antidepressant long enough augments it; two antidepressants overlapping beyond the cross-taper allowance are a combination; less overlap, or a new drug within the persistence window, is a switch.",
    "- **Episodes**: a gap without any antidepressant of `episodeGapDays` or more separates episodes; the latest is the current one unless the data give its onset.",
    "",
    `The default preset is \`${DEFAULT_BUILD_PRESET_ID}\`. Any parameter can be overridden (a whole number of days within its range, or one of its values); the result records the overrides and cites them as the caller's.`,
    "",
    "`buildTrials` never throws, whatever it is given. An invalid record becomes an issue with its path (`records[3].date`) and is left out. `records` that is not an array or holds more than 1,000,000 records (one `too_big` issue), or invalid options (an unknown preset, an unknown or out-of-range override, an `asOf` that is not a calendar date), give no trials and no decisions, only an issue for each problem (`records`, `options.preset`, `options.overrides.episodeGapDays`, `options.asOf`): nothing is built from options that could not be read.",
    "",
    `| parameter | meaning | ${presets.map((p) => `\`${p.id}\``).join(" | ")} |`,
    `|---|---|${presets.map(() => "---").join("|")}|`,
  ];
  for (const name of Object.keys(BUILD_PARAMETER_TEXT) as (keyof BuildTrialsParameters)[]) {
    const cells = presets.map((p) => {
      const cite = p.provenance[name];
      return `\`${JSON.stringify(p.parameters[name])}\` (${cite.source}, ${VERIFICATION_WORD[cite.verification]})`;
    });
    lines.push(`| \`${name}\` | ${BUILD_PARAMETER_TEXT[name]} | ${cells.join(" | ")} |`);
  }
  lines.push("", "## Presets", "");
  for (const p of presets) lines.push(`- \`${p.id}\`: ${p.name}.`);
  lines.push(
    "",
    "## The long-format CSV",
    "",
    "One row per event: `patient_id,record_type,date,drug,rxnorm,days_supply,end_date,strength_mg,quantity,mg_per_day,scale,total,condition,record_id`. `record_type` is `prescription`, `dispense` or `statement` (drug rows), `score` (`scale`, `total`), `diagnosis` (`condition`), `birth_date` or `episode_onset` (the row's `date`). Rows of a patient need not be adjacent; a row that cannot be read is reported with its line and column and the rest of the patient is kept. See `examples/data/fills.csv` and `examples/fillsToClassifications.ts`.",
  );
  return `${lines.join("\n")}\n`;
}

export const FILLS_PATH = fileURLToPath(new URL("../../docs/fills.md", import.meta.url));

export const RULE_SET_DIR = fileURLToPath(new URL("../../docs/rule-sets/", import.meta.url));

export const CATALOGUE_PATH = fileURLToPath(new URL("../../docs/catalogue.md", import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL("../../docs/treatment-history.schema.json", import.meta.url));

if (process.argv.includes("--write")) {
  writeFileSync(CATALOGUE_PATH, renderCatalogue());
  writeFileSync(SCHEMA_PATH, renderJsonSchema());
  mkdirSync(RULE_SET_DIR, { recursive: true });
  writeFileSync(`${RULE_SET_DIR}README.md`, renderRuleSetIndex());
  for (const rules of listRuleSets()) writeFileSync(`${RULE_SET_DIR}${rules.id}.md`, renderRuleSet(rules));
  writeFileSync(FILLS_PATH, renderBuildPresets());
  console.log("wrote docs/catalogue.md, docs/treatment-history.schema.json, docs/rule-sets/ and docs/fills.md");
}
