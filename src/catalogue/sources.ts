/**
 * The sources the drug catalogue and the rule sets cite. Each key is a stable, kebab-case identifier used as the
 * `source` of a catalogue citation (`Citation` in `./types`); the value says what the source is
 * and where it was read.
 *
 * Only sources that the project's research notes (`clinical.md`, `doses-verified.md`,
 * `definitions-verified.md`, the ATC verification notes, the catalogue audit and the label reading
 * of issue 13) actually mention are listed. A `label` source names the product, holder and
 * regulator, the copy read (`locator`) and its `revision` as printed (or that none was printed or
 * recorded). A `locator` is the DOI, PMID/PMCID or the URL of the copy that
 * was read; a "verbatim copy" is a third-party page reproducing regulator text. Where the notes
 * record no address, `locator` is absent.
 *
 * @module
 */

import { deepFreeze } from "../internal/deepFreeze";
import { SOURCE_IDS } from "./sourceIds";
import type { SourceId } from "./sourceIds";
import { SOURCE_TITLES } from "./sourceTitles";

export type { SourceId } from "./sourceIds";

/**
 * One source the catalogue or a rule cites.
 *
 * @example
 * import { SOURCES } from "trd-classifier";
 * const source: Source = SOURCES["desseilles-2011"];
 * source.kind; //=> "paper"
 */
export interface Source {
  /** Citation as a reader would write it (authors, title, journal, year), or the label's name. */
  readonly title: string;
  /**
   * What kind of source this is. `convention` marks this library's own choice where no source gives
   * a value (always cited with verification `unverified`), so that it is never mistaken for a finding.
   */
  readonly kind: "label" | "paper" | "guideline" | "form" | "listing" | "secondary" | "book" | "convention";
  /** DOI, PMID/PMCID or URL where the text was read, when one is known. */
  readonly locator?: string;
  /**
   * For a label: its revision as printed ("Revised 8/2023", "SmPC revised 09/07/2019"), or
   * "not printed in the copy read". Every label behind a `primary` value states it.
   */
  readonly revision?: string;
}

/** Each source without its title (in `./sourceTitles`), in the order of `SOURCE_IDS`. */
const SOURCE_DETAILS = {
  "comp006-mgh-atrq-form": {
    kind: "form",
    locator: "A public GitHub TypeScript file (PREDEFINED_PROTOCOLS); read as a third-party transcription, the form itself was not read (research notes clinical.md §2.1.2)",
  },
  "hayasaka-2015": {
    kind: "paper",
    locator: "doi:10.1016/j.jad.2015.03.021 (abstract at psych.ox.ac.uk/publications/521325; Table 1 read in a public R-script transcription and on crazymeds.us)",
  },
  "maudsley-prescribing-guidelines": {
    kind: "book",
  },
  "sertraline-us-label": {
    kind: "label",
    locator: "fr.diagnosispro.com/…/sertraline-hcl-caremark-l-c-dosage-and-administration/8295-551870.html (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "citalopram-uk-smpc": {
    kind: "label",
    locator: "myhealthbox.eu/en/citalopram-40mg-tablets/4235582 (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "citalopram-fda-2011": {
    kind: "label",
    locator: "FDA ucm297624, read as quoted on healthcommunities.com; also hospitalpharmacyeurope and MIMS UK",
  },
  "escitalopram-us-label": {
    kind: "label",
    locator: "recallguide.org/drug/escitalopram (verbatim copy with label section numbering)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "nhs-somerset-formulary": {
    kind: "guideline",
  },
  "fluvoxamine-uk-smpc": {
    kind: "label",
    locator: "rxreasoner.com/monographs/faverin/usage (verbatim copy)",
    revision: "Mylan 2020 (year given with the copy read)",
  },
  "duloxetine-mims-malaysia": {
    kind: "secondary",
    locator: "sit.mimsdev.com/malaysia/drug/info/duloxpra/dosage",
  },
  "mirtazapine-us-label": {
    kind: "label",
    locator: "api.fda.gov (openFDA), set_id dea8c09a-b759-1da7-e053-2a95a90a3346",
    revision: "not recorded when the copy was read (research notes doses-verified.md); openFDA set_id dea8c09a-b759-1da7-e053-2a95a90a3346",
  },
  "mianserin-uk-smpc": {
    kind: "label",
    locator: "medicines.org.uk/emc/medicine/33601",
    revision: "emc, 2 Nov 2022",
  },
  "trazodone-us-label": {
    kind: "label",
    locator: "api.fda.gov (openFDA), set_id d27e4473-6f62-ddfe-e053-2a95a90a9a2c",
    revision: "not recorded when the copy was read (research notes doses-verified.md); openFDA set_id d27e4473-6f62-ddfe-e053-2a95a90a9a2c",
  },
  "viibryd-hcp-dosing": {
    kind: "secondary",
    locator: "viibrydhcp.com/dosages",
  },
  "reboxetine-uk-smpc": {
    kind: "label",
    locator: "rxreasoner.com/monographs/edronax/usage (verbatim copy)",
    revision: "Pfizer 2015 (year given with the copy read)",
  },
  "amitriptyline-us-label": {
    kind: "label",
    locator: "wikidoc.org/index.php/Amitriptyline_hydrochloride_dosage_and_administration (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "nortriptyline-us-label": {
    kind: "label",
    locator: "recallguide.org/manufacturer/ranbaxy-laboratories-limited/ (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "desipramine-drugs-com": {
    kind: "secondary",
    locator: "drugs.com/dosage/desipramine.html",
  },
  "trimipramine-nursekey": {
    kind: "secondary",
    locator: "nursekey.com/trimipramine-maleate",
  },
  "clomipramine-medscape-uk": {
    kind: "secondary",
    locator: "medscape.co.uk/drug/clomipramine-capsules-13838-13838",
  },
  "dosulepin-uk-smpc": {
    kind: "label",
    locator: "medicines.org.uk/emc/product/101606/smpc",
    revision: "emc, 12 Nov 2025",
  },
  "doxepin-us-label": {
    kind: "label",
    locator: "prescriberpoint.com/therapies/doxepin-hydrochloride-fdaf3bd (verbatim copy of the US label Highlights; research notes labels.md task A)",
    revision: "Recent Major Changes: Dosage and Administration (2.4-2.8) 7/2025, as printed in the copy read",
  },
  "maprotiline-drugs-com": {
    kind: "secondary",
    locator: "drugs.com/dosage/maprotiline.html; rxreasoner.com/indications/I-369233",
  },
  "isocarboxazid-marplan-label-centerwatch": {
    kind: "secondary",
    locator: "cms.centerwatch.com/directories/1067-fda-approved-drugs/listing/3809-marplan-isocarboxazid; same numbers on empr.com/marplan",
  },
  "phenelzine-drugs-com": {
    kind: "secondary",
    locator: "drugs.com/dosage/phenelzine.html",
  },
  "phenelzine-drugs-com-ppa": {
    kind: "secondary",
    locator: "drugs.com/ppa/phenelzine-sulfate.html",
  },
  "tranylcypromine-drugs-com": {
    kind: "secondary",
    locator: "drugs.com/dosage/tranylcypromine.html",
  },
  "aripiprazole-ajp-2011": {
    kind: "paper",
    locator: "doi:10.1176/appi.ajp.2010.10101515",
  },
  "quetiapine-droracle-748916": {
    kind: "secondary",
    locator: "droracle.ai/articles/748916",
  },
  "brexpiprazole-us-label": {
    kind: "label",
    locator: "prescriberpoint.com/therapies/rexulti-2d30135 (verbatim copy with label section numbering)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "vraylar-hcp-dosing": {
    kind: "secondary",
    locator: "vraylarhcp.com/dosing",
  },
  "fluoxetine-us-label": {
    kind: "label",
    locator: "linkedlifedata.com/resource/dailymed-drugs/634 (RDF copy of a DailyMed SPL, 'Prozac (Capsule)'; research notes labels.md task A)",
    revision: "not printed in the copy read (pre-2016 non-PLR text)",
  },
  "paroxetine-us-label": {
    kind: "label",
    locator: "themeditary.com/pro/paxil-prescribing-information-12781.html (verbatim copy of the US label Highlights)",
    revision: "Recent Major Changes: Warnings and Precautions (5.2, 5.5) 6/2023, as printed in the copy read",
  },
  "citalopram-us-label": {
    kind: "label",
    locator: "prescriberpoint.com/therapies/citalopram-e082206 (verbatim copy of the US label Highlights)",
    revision: "Recent Major Changes: Warnings and Precautions 08/2023, as printed in the copy read",
  },
  "venlafaxine-xr-us-label": {
    kind: "label",
    locator: "prescriberpoint.com/therapies/effexor-c848a5d (verbatim copy of the US label Highlights and full prescribing information); DailyMed setid 53c3e7ac-1852-4d70-d2b6-4fca819acf26 (Highlights only)",
    revision: "Recent Major Changes: Warnings and Precautions 8/2023 (prescriberpoint copy); 'Revised: 8/2022' (DailyMed copy)",
  },
  "desvenlafaxine-us-label": {
    kind: "label",
    locator: "rxreasoner.com/monographs/pristiq/usage (verbatim copy headed 'Source: FDA, National Drug Code (US)', label section numbering kept)",
    revision: "Revision Year: 2020, as printed on the copy read",
  },
  "levomilnacipran-us-label": {
    kind: "label",
    locator: "prescriberpoint.com/therapies/fetzima-f371258 (verbatim copy with numbered sections)",
    revision: "not printed in the copy read",
  },
  "bupropion-xl-us-label": {
    kind: "label",
    locator: "recallguide.org/drug/wellbutrinxl-xl/ (verbatim copy of the US label Highlights)",
    revision: "not printed in the copy read",
  },
  "nefazodone-us-label": {
    kind: "label",
    locator: "drugs.com/dosage/serzone.html (verbatim Dosage and Administration text); globalrph.com/rx-list/serzone-drug",
    revision: "not printed in the copy read (drugs.com page updated 13 Jun 2022)",
  },
  "vortioxetine-eu-smpc": {
    kind: "label",
    locator: "rxreasoner.com/monographs/brintellix/usage (copy headed 'Source: European Medicines Agency (EU)'); docslib.org/doc/9661681 (EMA Annex I copy)",
    revision: "Revision Year: 2019, as printed on the rxreasoner copy",
  },
  "agomelatine-sg-pi": {
    kind: "label",
    locator: "test-moh-ndf-staging.isomer.gov.sg/automated/list-of-product-information/SIN13770P (Singapore MOH National Drug Formulary page reproducing the HSA-approved PI)",
    revision: "not printed in the copy read",
  },
  "imipramine-us-label": {
    kind: "label",
    locator: "druglib.com/druginfo/tofranil/indications_dosage/ (verbatim Tofranil label); rxlist.com/tofranil-pm-drug/indications-dosage.htm (verbatim Tofranil-PM label)",
    revision: "not printed in the copy read",
  },
  "desipramine-us-label": {
    kind: "label",
    locator: "webmail.druglib.com/druginfo/norpramin/indications_dosage/ (verbatim copy)",
    revision: "not printed in the copy read",
  },
  "protriptyline-us-label": {
    kind: "label",
    locator: "rxlist.com/vivactil-drug/indications-dosage.htm (verbatim copy)",
    revision: "not printed in the copy read",
  },
  "lofepramine-uk-smpc": {
    kind: "label",
    locator: "medicines.org.uk/emc (SmPC 13706), read by the catalogue audit of 2026.11.0",
    revision: "not recorded when the copy was read",
  },
  "selegiline-transdermal-us-label": {
    kind: "label",
    locator: "druglib.com/druginfo/emsam/indications_dosage/ (verbatim copy)",
    revision: "not printed in the copy read (pre-PLR version)",
  },
  "moclobemide-uk-smpc": {
    kind: "label",
    locator: "medicines.org.uk/emc/medicine/22291 (emc)",
    revision: "Last updated on emc: 25 May 2023",
  },
  "symbyax-us-label": {
    kind: "label",
    locator: "recallguide.org (verbatim US label with numbered sections, filed under an unrelated manufacturer page); drugs.com/dosage/symbyax.html (label copy)",
    revision: "not printed in the copy read (drugs.com copy updated 18 Aug 2023)",
  },
  "desvenlafaxine-mims-thailand": {
    kind: "secondary",
    locator: "uat.mimsdev.com/thailand/drug/info/desfoxine/dosage",
  },
  "duloxetine-mims-philippines": {
    kind: "secondary",
    locator: "mims.com/philippines/drug/info/cymbalta/dosage",
  },
  "agomelatine-mims-thailand": {
    kind: "secondary",
    locator: "mims.com/thailand/drug/info/valdoxan",
  },
  "nefazodone-drugs-com": {
    kind: "secondary",
    locator: "drugs.com/dosage/nefazodone.html",
  },
  "nardil-label-summaries": {
    kind: "secondary",
    locator: "renalandurologynews.com/drug/nardil (MPR); theathlete.org/anti-depression/Nardil.htm",
  },
  "isocarboxazid-medscape-summaries": {
    kind: "secondary",
    locator: "postblaze.com/isocarboxazid; empr.com/marplan",
  },
  "brexpiprazole-droracle-786720": {
    kind: "secondary",
    locator: "droracle.ai/articles/786720",
  },
  "amoxapine-us-label": {
    kind: "label",
    locator: "rxreasoner.com/monographs/10288/usage (copy headed 'Source: FDA, National Drug Code (US)'); druglib.com/druginfo/amoxapine/indications_dosage/ (same text)",
    revision: "Revision Year: 2015, as printed on the rxreasoner copy",
  },
  "tianeptine-fr-smpc": {
    kind: "label",
    locator: "base-donnees-publique.medicaments.gouv.fr/affichageDoc.php?specid=65411280&typedoc=R (French public medicines database)",
    revision: "mis à jour le 09/07/2019, as printed (the 20/10/2014 version was also read)",
  },
  "auvelity-us-label": {
    kind: "label",
    locator: "drugs.com/dosage/auvelity.html and themeditary.com/dosage-information/auvelity-dosage-87.html (Dosage and Administration text); FDA FDALabel set id dcefda7c-9a68-278e-e053-2995a90aec79 (header only)",
    revision: "FDALabel SPL version 14, effective 2026-05-06 (header); Dosage and Administration read in a drugs.com copy 'Last updated Sep 18 2024'",
  },
  "gepirone-label-summaries": {
    kind: "secondary",
    locator: "centerwatch.com/directories/1067-fda-approved-drugs/listing/4902-exxua; fpnotebook; dibesity (research notes labels.md task C)",
  },
  "zurzuvae-us-label": {
    kind: "label",
    locator: "pillsync.com copy of the DailyMed label, setid f18e53b0-d0bb-422d-8de7-ab64b7292b29 (Highlights read)",
    revision: "not printed in the copy read",
  },
  "zuranolone-fpnotebook": {
    kind: "secondary",
    locator: "fpnotebook.com (research notes labels.md task C)",
  },
  "zulresso-regimen-summaries": {
    kind: "secondary",
    locator: "butalbitalapap.org/index-3997.html (MPR mirror); reference.medscape.com/drug/zulresso-brexanolone-1000299",
  },
  "spravato-dosing-summaries": {
    kind: "secondary",
    locator: "MIMS Hong Kong Spravato dosage; spravatohcp.com",
  },
  "rxnorm-cpic-drug-table": {
    kind: "listing",
    locator: "github.com/cpicpgx/cpic-data (db/drug.sql)",
  },
  "rxnorm-atc-grouped-list": {
    kind: "listing",
  },
  "rxnorm-third-party-files": {
    kind: "secondary",
  },
  "who-atc-index-2025": {
    kind: "listing",
    locator: "github.com/vanhungtran/atcddd, file WHO_ATC_codes_2025-08-19.csv (commit 3036cac3a274e8bacad08ff22353ea6b29875b19)",
    revision: "WHO ATC index as scraped from whocc.no on 2025-08-19 (every catalogue code also matched a 2026-07-14 scrape, catalogue audit of 2026.11.0)",
  },
  // Definitions of TRD, response and remission, used by the rule sets (src/rules).
  "sforzini-2022": {
    kind: "paper",
    locator: "doi:10.1038/s41380-021-01381-x; PMC9095475, Table 1 (recommendations #1-3, #10, #12, #15 read; later rows not visible)",
  },
  "sforzini-2022-summary": {
    kind: "secondary",
    locator: "droracle.ai/articles/589515",
  },
  "desseilles-2011": {
    kind: "paper",
    locator: "psychiatrist.com (ASCP Corner, first page): nonresponse <25%, partial response 25-49%, response >=50%; >=6 weeks; augmentation trial counted in the published case",
  },
  "esketamine-trial-mgh-atrq": {
    kind: "paper",
    locator: "PMID 37025256 (footnote read verbatim in a public GitHub file)",
  },
  "nct04599855": {
    kind: "paper",
    locator: "ClinicalTrials.gov NCT04599855 results text (transcribed at meddatax.com)",
  },
  "mcintyre-2023": {
    kind: "paper",
    locator: "doi:10.1002/wps.21120 (abstract: FDA and EMA definition = inadequate response to >=2 antidepressants despite adequate trials and adherence)",
  },
  "ema-2013-depression-guideline": {
    kind: "guideline",
    locator: "cover page and contents read (doczz.net/doc/6475992); the operative TRD sentence was not read and is recalled only",
  },
  "spravato-eu-smpc": {
    kind: "label",
    locator: "medicines.org.uk/emc/product/10977",
  },
  "rybak-2021": {
    kind: "paper",
    locator: "doi:10.1002/da.23135; PMC8049072, Table 3",
  },
  "gaynes-2020": {
    kind: "paper",
    locator: "doi:10.1002/da.22968; PubMed 31638723 (abstract: the most common TRD definition for bipolar disorder required one prior treatment failure)",
  },
  "jcp-2020-partial-response": {
    kind: "paper",
    locator: "J Clin Psychiatry 2020;81(3):OT19037BR2",
  },
  "trivedi-2006": {
    kind: "paper",
    locator: "psychiatryonline abstract",
  },
  "kroenke-2001": {
    kind: "paper",
    locator: "PMC1495268",
  },
  "cms159-ecqm": {
    kind: "guideline",
    locator: "measure text read in a public GitHub file",
  },
  "hawley-2002": {
    kind: "paper",
    locator: "PubMed abstract",
  },
  "snaith-1986-madrs-bands": {
    kind: "secondary",
  },
  "rush-2003-qids": {
    kind: "paper",
    locator: "ids-qids.org",
  },
  "riedel-2010": {
    kind: "paper",
    locator: "PubMed abstract",
  },
  "beck-1996-bdi2-manual": {
    kind: "secondary",
  },
  "baumgartner-2018": {
    kind: "paper",
    locator: "doi:10.3389/fphar.2018.01290 (abstract)",
  },
  // Building trials from prescription and dispensing records (src/fills).
  "ohdsi-drug-era": {
    kind: "secondary",
    locator: "OHDSI CommonDataModel documentation and issues #761, #482",
  },
  "bmc-psychiatry-2017-lot": {
    kind: "paper",
    locator: "doi:10.1186/s12888-017-1385-0 (as summarised in the project's research notes)",
  },
  "fabbri-2021": {
    kind: "secondary",
    locator: "PMC8505242; rules read in the authors' public R scripts (chiarafabbri/MDD_TRD_study)",
  },
  "exeter-cprd-scripts": {
    kind: "secondary",
    locator: "Exeter-Diabetes/CPRD-Dale-depression-cohort (create_antidepressant_coverage.R, create_antipsychotic_augmentation_phenotypes.R)",
  },
  "ohdsi-treatment-patterns": {
    kind: "secondary",
    locator: "OHDSI TreatmentPatterns computePathways() documentation",
  },
  "zhdanava-2021": {
    kind: "secondary",
    locator: "psychiatrist.com clinical guide (as summarised in the research notes)",
  },
  "cql-cumulative-medication-duration": {
    kind: "secondary",
    locator: "compiled copy in FirelyTeam/firely-cql-sdk",
  },
  // FHIR mapping (src/fhir).
  "hl7-pco-prom-valueset": {
    kind: "listing",
    locator: "hl7.org/fhir/us/pco/STU1/en/ValueSet-prom-target-measures.json",
  },
  "mii-pro-ig": {
    kind: "secondary",
    locator: "github.com/medizininformatik-initiative/kerndatensatzmodul-proms",
  },
  "icd10cm-lookup-sites": {
    kind: "secondary",
    locator: "research notes definitions-verified.md §9",
  },
  "snomed-fhir-examples": {
    kind: "secondary",
    locator: "research notes definitions-verified.md §9.4",
  },
  "cds-hooks-spec": {
    kind: "secondary",
    locator: "cds-hooks.hl7.org (as summarised in the research notes peers.md §3.6)",
  },
  // Staging models (src/staging).
  "thase-rush-1997": {
    kind: "secondary",
    locator: "medicalalgorithms.com/treatment-resistant-depression-strategies",
  },
  "souery-1999": {
    kind: "secondary",
    locator: "medicalalgorithms.com (Souery CRD page)",
  },
  "hagg-2020": {
    kind: "paper",
    locator: "PMC7392234, table pone.0236434.t001",
  },
  "fava-2003": {
    kind: "paper",
  },
  "petersen-2005": {
    kind: "paper",
    locator: "abstract",
  },
  "fekadu-2018": {
    kind: "paper",
    locator: "doi:10.1186/s12888-018-1679-x; PMC5896127",
  },
  "bauer-dopfmer-1999": {
    kind: "paper",
    locator: "doi:10.1097/00004714-199910000-00008 (abstract)",
  },
  "berman-2007": {
    kind: "secondary",
    locator: "ebmh.bmj.com/content/11/1/15",
  },
  "leucht-2013": {
    kind: "paper",
    locator: "doi:10.1016/j.jad.2012.12.001 (abstract)",
  },
  "vsac-depression-diagnosis": {
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.600.145.json",
  },
  "vsac-bipolar-diagnosis": {
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.600.450.json",
  },
  "vsac-alcohol-drug-dependence": {
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.464.1003.106.12.1001.json",
  },
  "cms-icd10cm-fy2023": {
    kind: "secondary",
  },
  "synthea-modules": {
    kind: "secondary",
    locator: "synthetichealth/synthea src/main/resources/modules/",
  },
  "loinc-phq9": {
    kind: "listing",
    locator: "loinc.org/44249-1; HL7/US-Core input/examples",
  },
  "fhir-r4-timing": {
    kind: "secondary",
    locator: "hl7.org/fhir/R4/valueset-timing-abbreviation.html",
  },
  "ohdsi-themis-drug-exposure": {
    kind: "secondary",
    locator: "github.com/OHDSI/Themis/issues/76, /124, /125 (issue threads, read as summarised in the project's research notes scale-and-omop.md)",
  },
  "darwin-drug-utilisation-daily-dose": {
    kind: "secondary",
    locator: "darwin-eu/DrugUtilisation articles/daily_dose_calculation.md; doi:10.1002/pds.5809",
  },
  "omop-etl-type-concepts": {
    kind: "secondary",
    locator: "answerdigital/oxford-omop-data-mapper docs/transformation-documentation/DrugExposure_drug_type_concept_id.md; a public dbt project",
  },
  "cpt-psychiatry-codes": {
    kind: "secondary",
    locator: "codingahead.com/cpt/codes/90870, /90868, /90869, /90837; medcoder.ai 90867; empr.com 2013 CPT psychiatry changes",
  },
  "ohdsi-largescalepopest-cohorts": {
    kind: "secondary",
    locator: "github.com/OHDSI/StudyProtocols LargeScalePopEst/inst/sql/sql_server/ExposureCohorts.sql",
  },
  "library-convention": {
    kind: "convention",
  },
} as const satisfies Record<SourceId, Omit<Source, "title">>;


/**
 * Every source cited by the catalogue and the rule sets, keyed by {@link SourceId}.
 *
 * `kind` is `label` for regulator-approved product text (US label, UK SmPC) and regulator safety
 * communications, `paper` for journal articles, `form` for a questionnaire, `listing` for a
 * curated code listing, `book` for a textbook, `guideline` for a formulary or guideline, and
 * `secondary` for drug-information sites, AI-written summaries, manufacturer pages and app files.
 *
 * @example
 * import { SOURCES } from "trd-classifier";
 * SOURCES["sertraline-us-label"].kind; //=> "label"
 */
export const SOURCES: Readonly<Record<SourceId, Source>> = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ withTitles(SOURCE_DETAILS));

/** Each source with its title first, in the order of `SOURCE_IDS`. */
function withTitles(details: Readonly<Record<SourceId, Omit<Source, "title">>>): Record<SourceId, Source> {
  const sources: Partial<Record<SourceId, Source>> = {};
  for (const id of SOURCE_IDS) sources[id] = { title: SOURCE_TITLES[id], ...details[id] };
  return sources as Record<SourceId, Source>;
}
