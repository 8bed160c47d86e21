/**
 * A cohort report as one self-contained HTML page: no external assets and no scripts, readable on
 * screen and on paper. Its size is bounded whatever the cohort's: counts for every record, a
 * bounded list of invalid records, and timelines for a sample.
 *
 * @module
 */
import type { CohortTally } from "./cohortTally";
import { escapeXml } from "./xml";

/**
 * The statuses of a sample of the cohort under every rule set, side by side.
 *
 * @example
 * const c: RuleSetComparison = { ruleSets: [{ id: "eu-pearl-2022", name: "EU-PEARL" }], sampled: 2, of: 2, every: 1, byResult: { "no-response": [1], "not-yet-resistant": [1] }, agreeing: 2 };
 */
export interface RuleSetComparison {
  readonly ruleSets: readonly { readonly id: string; readonly name: string }[];
  /** Records classified under every rule set. */
  readonly sampled: number;
  /** Valid records in the cohort. */
  readonly of: number;
  /** The sample is about one valid record in `every` (1: all of them), a power of two: those whose input line's hash is a multiple of it. */
  readonly every: number;
  /** Per displayed result, the count under each rule set (in `ruleSets` order). */
  readonly byResult: Readonly<Record<string, readonly number[]>>;
  /** Sampled records with the same result under every rule set. */
  readonly agreeing: number;
}

/**
 * One timeline of the report.
 *
 * @example
 * const t: ReportTimeline = { label: "line 3, patient p3", line: 3, results: [{ ruleSet: "eu-pearl-2022", result: "no-response" }], svg: "<svg/>" };
 */
export interface ReportTimeline {
  readonly label: string;
  readonly line: number;
  /** The record's result under every rule set. */
  readonly results: readonly { readonly ruleSet: string; readonly result: string }[];
  /** The timeline (from {@link renderTimeline}). */
  readonly svg: string;
}

/**
 * Everything a cohort report shows.
 *
 * @example
 * const report: CohortReport = { title: "Cohort", asOf: "2024-06-30", ruleSet: { id: "eu-pearl-2022", version: "1.0.0", name: "EU-PEARL" }, catalogueVersion: "2026.12.0", tally: newCohortTally(), comparison: undefined, timelines: [], notes: [] };
 */
export interface CohortReport {
  readonly title: string;
  readonly asOf: string;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly name: string };
  readonly catalogueVersion: string;
  readonly tally: CohortTally;
  /** Absent when it could not be made (input from standard input, say); `notes` says why. */
  readonly comparison: RuleSetComparison | undefined;
  readonly timelines: readonly ReportTimeline[];
  /** How the samples were drawn, and anything left out. */
  readonly notes: readonly string[];
}

/** The words of each pseudo-resistance flag. */
const FLAG_WORDS: Readonly<Record<string, string>> = {
  dose_inadequate: "a trial below the adequate dose",
  duration_inadequate: "a trial too short at the adequate dose",
  adherence_poor: "poor adherence",
  adherence_not_documented: "adherence not documented",
  stopped_for_intolerance: "a trial stopped for intolerance",
  bipolar_disorder_on_record: "bipolar disorder on record",
  psychotic_features_on_record: "psychotic features on record",
  substance_use_on_record: "substance use disorder on record",
  thyroid_disease_on_record: "thyroid disease on record",
  outcome_data_missing: "a trial without outcome data",
  agent_unknown: "an agent not in the catalogue",
  dose_not_recorded: "a trial without a recorded dose",
};

const RESULT_ORDER = ["not-applicable", "no-response", "partial-response", "not-yet-resistant", "invalid"];

const STYLE = `
body{font-family:"DejaVu Sans",Verdana,Arial,Helvetica,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;padding:16px;max-width:960px;line-height:1.4}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #bbb}h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}th,td{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.8em;background:#0072B2;vertical-align:middle;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.muted{color:#595959}.note{font-size:.9em;color:#595959}
figure{margin:0 0 1.5em;break-inside:avoid;page-break-inside:avoid}figure svg{max-width:100%;height:auto;border:1px solid #ddd}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}}
`;

const esc = escapeXml;
const percent = (n: number, of: number): string => (of === 0 ? "–" : `${(Math.round((n * 1000) / of) / 10).toFixed(1)}%`);
const count = (n: number): string => n.toLocaleString("en-US");

function sortedResults(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => {
    const ia = RESULT_ORDER.indexOf(a);
    const ib = RESULT_ORDER.indexOf(b);
    return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || a.localeCompare(b);
  });
}

function resultsSection(t: CohortTally): string {
  const rows = sortedResults(Object.keys(t.byResult)).map((r) => {
    const n = t.byResult[r] ?? 0;
    const width = t.records === 0 ? 0 : Math.round((n * 200) / t.records);
    return `<tr data-result="${esc(r)}"><td>${esc(r)}</td><td class="n">${count(n)}</td><td class="n">${percent(n, t.records)}</td><td><span class="bar" style="width:${width}px" aria-hidden="true"></span></td></tr>`;
  });
  const applicability = Object.entries(t.byStatusApplicability)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => {
      const [status = "", applicable = ""] = key.split("|");
      return `<tr data-status="${esc(status)}" data-applicable="${esc(applicable)}"><td>${esc(status)}</td><td>${applicable === "true" ? "applicable" : "not applicable"}</td><td class="n">${count(n)}</td><td class="n">${percent(n, t.classified)}</td></tr>`;
    });
  return `<section id="results"><h2>Results</h2>
<table class="results"><thead><tr><th>result</th><th class="n">records</th><th class="n">share</th><th>of all records</th></tr></thead><tbody>${rows.join("")}</tbody></table>
<h3>Status by applicability</h3>
<p class="note">A result is not applicable when the rule set's definition excludes the patient (bipolar disorder on record); the status then describes the trials only.</p>
<table class="applicability"><thead><tr><th>status</th><th>definition</th><th class="n">records</th><th class="n">share of classified</th></tr></thead><tbody>${applicability.join("")}</tbody></table>
<h3>Evidence</h3>
<table class="evidence"><tbody><tr><td>complete</td><td class="n">${count(t.evidence.complete)}</td><td class="n">${percent(t.evidence.complete, t.classified)}</td></tr><tr><td>incomplete (open questions)</td><td class="n">${count(t.evidence.incomplete)}</td><td class="n">${percent(t.evidence.incomplete, t.classified)}</td></tr></tbody></table>
</section>`;
}

function flagsSection(t: CohortTally): string {
  const rows = Object.entries(t.flags)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, n]) => `<tr data-flag="${esc(code)}"><td><code>${esc(code)}</code></td><td>${esc(FLAG_WORDS[code] ?? "")}</td><td class="n">${count(n)}</td><td class="n">${percent(n, t.classified)}</td></tr>`);
  return `<section id="flags"><h2>Pseudo-resistance and data gaps</h2>
<p class="note">Records with each flag (a record may have several), as a share of the ${count(t.classified)} classified records.</p>
${rows.length === 0 ? "<p>No record has a flag.</p>" : `<table class="flags"><thead><tr><th>flag</th><th>meaning</th><th class="n">records</th><th class="n">share</th></tr></thead><tbody>${rows.join("")}</tbody></table>`}
</section>`;
}

function comparisonSection(c: RuleSetComparison | undefined): string {
  if (c === undefined) return `<section id="rule-sets"><h2>Results under every rule set</h2><p>Not available: see the notes.</p></section>`;
  const head = c.ruleSets.map((r) => `<th class="n" title="${esc(r.name)}">${esc(r.id)}</th>`).join("");
  const rows = sortedResults(Object.keys(c.byResult)).map((r) => `<tr data-result="${esc(r)}"><td>${esc(r)}</td>${(c.byResult[r] ?? []).map((n) => `<td class="n">${count(n)}</td>`).join("")}</tr>`);
  const sample = c.every === 1 ? `all ${count(c.sampled)} valid records` : `a sample of ${count(c.sampled)} of ${count(c.of)} valid records (about 1 in ${count(c.every)}, spread over the whole input: those whose line number's hash is a multiple of ${count(c.every)})`;
  return `<section id="rule-sets"><h2>Results under every rule set</h2>
<p class="note">The same records classified under each rule set: ${sample}. The same result under every rule set: ${count(c.agreeing)} (${percent(c.agreeing, c.sampled)}).</p>
<table class="comparison"><thead><tr><th>result</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>
</section>`;
}

function invalidSection(t: CohortTally): string {
  const invalid = t.byResult.invalid ?? 0;
  if (invalid === 0) return `<section id="invalid"><h2>Invalid records</h2><p>None.</p></section>`;
  const codes = Object.entries(t.invalidByCode)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, n]) => `<tr data-code="${esc(code)}"><td><code>${esc(code)}</code></td><td class="n">${count(n)}</td></tr>`);
  const examples = t.invalidExamples.map((e) => `<tr data-line="${e.line}"><td class="n">${e.line}</td><td>${e.issues.map((i) => `<code>${esc(i.code)}</code> at <code>${esc(i.path === "" ? "(record)" : i.path)}</code>`).join("; ")}</td></tr>`);
  const more = invalid > t.invalidExamples.length ? `<p class="note">The first ${count(t.invalidExamples.length)} of ${count(invalid)} invalid records.</p>` : "";
  return `<section id="invalid"><h2>Invalid records</h2>
<p>${count(invalid)} record(s) could not be classified (${percent(invalid, t.records)}). Issue codes (a record counts once per code):</p>
<table class="invalid-codes"><thead><tr><th>issue</th><th class="n">records</th></tr></thead><tbody>${codes.join("")}</tbody></table>
<table class="invalid-records"><thead><tr><th class="n">line</th><th>issues</th></tr></thead><tbody>${examples.join("")}</tbody></table>${more}
</section>`;
}

function timelinesSection(timelines: readonly ReportTimeline[]): string {
  if (timelines.length === 0) return `<section id="timelines"><h2>Timelines</h2><p>No timeline in this report.</p></section>`;
  const figures = timelines.map((t) => {
    const results = t.results.map((r) => `${esc(r.ruleSet)}: <strong>${esc(r.result)}</strong>`).join(" · ");
    return `<figure class="timeline" data-line="${t.line}"><h3>${esc(t.label)}</h3><p class="note">${results}</p>${t.svg}</figure>`;
  });
  return `<section id="timelines"><h2>Timelines</h2>${figures.join("\n")}</section>`;
}

/**
 * Renders a cohort report as one HTML page: the results and their shares, status by
 * applicability, evidence, the frequency of each pseudo-resistance flag, results under every rule
 * set, invalid records by issue code (the first ones listed by line), and timelines. It needs no
 * external asset and no script; every text is escaped.
 *
 * @param report - What to show.
 * @returns The HTML document.
 * @example
 * const tally = { records: 1, classified: 1, byResult: { "no-response": 1 }, byStatusApplicability: { "no-response|true": 1 }, evidence: { complete: 1, incomplete: 0 }, flags: {}, invalidByCode: {}, invalidExamples: [] };
 * const html = renderReport({ title: "Cohort <A>", asOf: "2024-06-30", ruleSet: { id: "eu-pearl-2022", version: "1.0.0", name: "EU-PEARL" }, catalogueVersion: "2026.12.0", tally, comparison: undefined, timelines: [], notes: [] });
 * html.startsWith("<!DOCTYPE html>"); //=> true
 * html.includes("<title>Cohort &lt;A&gt;</title>"); //=> true
 * /<script|src=|href="http/i.test(html); //=> false
 */
export function renderReport(report: CohortReport): string {
  const t = report.tally;
  const notes = report.notes.map((n) => `<li>${esc(n)}</li>`).join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(report.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${esc(report.title)}</h1>
<p>${count(t.records)} records, ${count(t.classified)} classified, as of <strong>${esc(report.asOf)}</strong> under <strong>${esc(report.ruleSet.name)}</strong> (${esc(report.ruleSet.id)} ${esc(report.ruleSet.version)}), catalogue ${esc(report.catalogueVersion)}.</p>
${notes === "" ? "" : `<ul class="notes note">${notes}</ul>`}</header>
<main>
${resultsSection(t)}
${flagsSection(t)}
${comparisonSection(report.comparison)}
${invalidSection(t)}
${timelinesSection(report.timelines)}
</main>
<footer class="note"><p>Made by trd-classifier. Colours in the timelines: the Okabe–Ito palette, safe for colour-blind readers; every mark is also named in text.</p></footer>
</body></html>
`;
}
