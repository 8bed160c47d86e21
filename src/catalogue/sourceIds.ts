/**
 * The closed vocabulary of sources: every identifier a citation may name, in the order of
 * `SOURCES`. A source's title is in `./sourceTitles` (the built-in rule sets' own sources in
 * `./ruleSetSourceTitles`), the rest of it in `./sources`; this list alone is what a check
 * that a value is a {@link SourceId} needs.
 *
 * @module
 */

/**
 * Every source identifier, in the order of `SOURCES`.
 *
 * @example
 * SOURCE_IDS.includes("rybak-2021"); //=> true
 */
export const SOURCE_IDS = /* @__PURE__ */ Object.freeze([
  "comp006-mgh-atrq-form",
  "hayasaka-2015",
  "maudsley-prescribing-guidelines",
  "sertraline-us-label",
  "citalopram-uk-smpc",
  "citalopram-fda-2011",
  "escitalopram-us-label",
  "nhs-somerset-formulary",
  "fluvoxamine-uk-smpc",
  "duloxetine-mims-malaysia",
  "mirtazapine-us-label",
  "mianserin-uk-smpc",
  "trazodone-us-label",
  "viibryd-hcp-dosing",
  "reboxetine-uk-smpc",
  "amitriptyline-us-label",
  "nortriptyline-us-label",
  "desipramine-drugs-com",
  "trimipramine-nursekey",
  "clomipramine-medscape-uk",
  "dosulepin-uk-smpc",
  "doxepin-us-label",
  "maprotiline-drugs-com",
  "isocarboxazid-marplan-label-centerwatch",
  "phenelzine-drugs-com",
  "phenelzine-drugs-com-ppa",
  "tranylcypromine-drugs-com",
  "aripiprazole-ajp-2011",
  "quetiapine-droracle-748916",
  "brexpiprazole-us-label",
  "vraylar-hcp-dosing",
  "fluoxetine-us-label",
  "paroxetine-us-label",
  "citalopram-us-label",
  "venlafaxine-xr-us-label",
  "desvenlafaxine-us-label",
  "levomilnacipran-us-label",
  "bupropion-xl-us-label",
  "nefazodone-us-label",
  "vortioxetine-eu-smpc",
  "agomelatine-sg-pi",
  "imipramine-us-label",
  "desipramine-us-label",
  "protriptyline-us-label",
  "lofepramine-uk-smpc",
  "selegiline-transdermal-us-label",
  "moclobemide-uk-smpc",
  "symbyax-us-label",
  "desvenlafaxine-mims-thailand",
  "duloxetine-mims-philippines",
  "agomelatine-mims-thailand",
  "nefazodone-drugs-com",
  "nardil-label-summaries",
  "isocarboxazid-medscape-summaries",
  "brexpiprazole-droracle-786720",
  "amoxapine-us-label",
  "tianeptine-fr-smpc",
  "auvelity-us-label",
  "gepirone-label-summaries",
  "zurzuvae-us-label",
  "zuranolone-fpnotebook",
  "zulresso-regimen-summaries",
  "spravato-dosing-summaries",
  "rxnorm-cpic-drug-table",
  "rxnorm-atc-grouped-list",
  "rxnorm-third-party-files",
  "who-atc-index-2025",
  "sforzini-2022",
  "sforzini-2022-summary",
  "desseilles-2011",
  "esketamine-trial-mgh-atrq",
  "nct04599855",
  "mcintyre-2023",
  "ema-2013-depression-guideline",
  "spravato-eu-smpc",
  "rybak-2021",
  "gaynes-2020",
  "jcp-2020-partial-response",
  "trivedi-2006",
  "kroenke-2001",
  "cms159-ecqm",
  "hawley-2002",
  "snaith-1986-madrs-bands",
  "rush-2003-qids",
  "riedel-2010",
  "beck-1996-bdi2-manual",
  "baumgartner-2018",
  "ohdsi-drug-era",
  "bmc-psychiatry-2017-lot",
  "fabbri-2021",
  "exeter-cprd-scripts",
  "ohdsi-treatment-patterns",
  "zhdanava-2021",
  "cql-cumulative-medication-duration",
  "hl7-pco-prom-valueset",
  "mii-pro-ig",
  "icd10cm-lookup-sites",
  "snomed-fhir-examples",
  "cds-hooks-spec",
  "thase-rush-1997",
  "souery-1999",
  "hagg-2020",
  "fava-2003",
  "petersen-2005",
  "fekadu-2018",
  "bauer-dopfmer-1999",
  "berman-2007",
  "leucht-2013",
  "vsac-depression-diagnosis",
  "vsac-bipolar-diagnosis",
  "vsac-alcohol-drug-dependence",
  "cms-icd10cm-fy2023",
  "synthea-modules",
  "loinc-phq9",
  "fhir-r4-timing",
  "ohdsi-themis-drug-exposure",
  "darwin-drug-utilisation-daily-dose",
  "omop-etl-type-concepts",
  "cpt-psychiatry-codes",
  "ohdsi-largescalepopest-cohorts",
  "library-convention",
] as const);

/**
 * A key of {@link SOURCES}: the stable identifier a citation uses.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const id: SourceId | undefined = findDrug("sertraline")?.minimumDose["licensed-minimum"]?.source;
 * id; //=> "sertraline-us-label"
 */
export type SourceId = (typeof SOURCE_IDS)[number];

/**
 * True when `value` is a {@link SourceId}.
 *
 * @example
 * [isSourceId("trivedi-2006"), isSourceId("no-such-source"), isSourceId(42)]; //=> [true, false, false]
 */
export function isSourceId(value: unknown): value is SourceId {
  return (SOURCE_IDS as readonly unknown[]).includes(value);
}
