/**
 * What each source is called: the citation as a reader would write it, keyed by the stable
 * identifier every citation uses ({@link SourceId}). The titles are written in two parts: the
 * built-in rule sets' own sources in `./ruleSetSourceTitles` (all a CDS card prints) and every
 * other source here; `SOURCE_TITLES` joins them in the order of `SOURCE_IDS`. The rest of each
 * source (its kind, the copy read, the revision) is in `./sources`, which joins it to its title
 * into `SOURCES`.
 *
 * @module
 */
import { deepFreeze } from "../internal/deepFreeze";
import { RULE_SET_SOURCE_TITLES, isRuleSetSourceId } from "./ruleSetSourceTitles";
import type { RuleSetSourceId } from "./ruleSetSourceTitles";
import { SOURCE_IDS } from "./sourceIds";
import type { SourceId } from "./sourceIds";

/** The title of every source that is not a built-in rule set's own, each written once. */
const OTHER_SOURCE_TITLES = {
  "comp006-mgh-atrq-form":
    "MGH Antidepressant Treatment Response Questionnaire (MGH-ATRQ), study-specific version used in the COMP006 psilocybin trial (Polish site), left column 'Minimum Dose', as transcribed in a third-party app file (PREDEFINED_PROTOCOLS)",
  "hayasaka-2015":
    "Hayasaka Y, et al. Dose equivalents of antidepressants: Evidence-based recommendations from randomized controlled trials. J Affect Disord 2015;180:179-184",
  "maudsley-prescribing-guidelines":
    "Taylor DM, Barnes TRE, Young AH. The Maudsley Prescribing Guidelines in Psychiatry (14th or 15th edition), minimum effective doses of antidepressants (not read: values are recalled)",
  "sertraline-us-label":
    "Sertraline hydrochloride tablets (Caremark), US prescribing information, Dosage and Administration (older label format)",
  "citalopram-uk-smpc":
    "Citalopram 40 mg tablets (Tillomed), UK Summary of Product Characteristics, §4.2 (source: MHRA)",
  "citalopram-fda-2011":
    "US Food and Drug Administration. Drug Safety Communication on citalopram (Celexa) dosing and QT prolongation, August 2011, revised March 2012 (FDA page ucm297624)",
  "escitalopram-us-label":
    "Escitalopram tablets, US prescribing information, §2.1 Dosage (major depressive disorder)",
  "nhs-somerset-formulary":
    "NHS Somerset formulary, escitalopram entry (elderly or reduced hepatic function: maximum 10 mg)",
  "fluvoxamine-uk-smpc":
    "Faverin (fluvoxamine maleate) tablets, Mylan 2020, UK Summary of Product Characteristics, §4.2 (source: MHRA)",
  "duloxetine-mims-malaysia":
    "MIMS Malaysia. Duloxpra (duloxetine) dosage (EU-type product information)",
  "mirtazapine-us-label":
    "Mirtazapine tablets, US prescribing information, §2.1 Recommended Dosage (openFDA)",
  "mianserin-uk-smpc":
    "Mianserin 30 mg tablets, UK Summary of Product Characteristics, §4.2 (emc, 2 Nov 2022)",
  "trazodone-us-label":
    "Trazodone hydrochloride tablets, US prescribing information, §2.1 Dose Selection (openFDA)",
  "viibryd-hcp-dosing":
    "Viibryd (vilazodone) HCP site, Dosing (manufacturer page)",
  "reboxetine-uk-smpc":
    "Edronax (reboxetine) 4 mg tablets, Pfizer 2015, UK Summary of Product Characteristics, §4.2 (source: MHRA)",
  "amitriptyline-us-label":
    "Amitriptyline hydrochloride tablets, FDA package insert, Dosage and Administration",
  "nortriptyline-us-label":
    "Nortriptyline hydrochloride (Ranbaxy), US prescribing information, Dosage and Administration",
  "desipramine-drugs-com":
    "Drugs.com. Desipramine dosage (also nursekey.com, desipramine hydrochloride)",
  "trimipramine-nursekey":
    "Nursekey (Lippincott Nurse's Drug Guide), trimipramine maleate: Surmontil US label dosing as transcribed (also dealpain.net, minclinic.eu)",
  "clomipramine-medscape-uk":
    "Medscape UK. Clomipramine capsules (SmPC-derived monograph)",
  "dosulepin-uk-smpc":
    "Dosulepin 75 mg tablets, UK Summary of Product Characteristics, §4.2 (emc, 12 Nov 2025)",
  "doxepin-us-label":
    "Doxepin hydrochloride capsules (generic of Sinequan), US prescribing information, PLR format (FDA)",
  "maprotiline-drugs-com":
    "Drugs.com. Maprotiline dosage (transcribing the US maprotiline HCl tablets label, Mylan); with Ludiomil-type SmPC text on rxreasoner.com",
  "isocarboxazid-marplan-label-centerwatch":
    "MARPLAN (isocarboxazid) tablets, US prescribing information (Validus; FDA), Dosage and Administration wording as reproduced in CenterWatch's FDA-approved-drugs profile (not a label host)",
  "phenelzine-drugs-com":
    "Drugs.com. Phenelzine dosage (label-derived)",
  "phenelzine-drugs-com-ppa":
    "Drugs.com. Phenelzine sulfate (professional patient advice)",
  "tranylcypromine-drugs-com":
    "Drugs.com. Tranylcypromine dosage",
  "aripiprazole-ajp-2011":
    "Letter, Am J Psychiatry 2011, quoting the US aripiprazole (Abilify) label dosing for adjunctive treatment of MDD",
  "quetiapine-droracle-748916":
    "Dr. Oracle (AI-written page on adjunctive quetiapine XR in MDD), article 748916",
  "brexpiprazole-us-label":
    "Rexulti (brexpiprazole), US prescribing information, §2.2 Adjunctive Treatment of Major Depressive Disorder",
  "vraylar-hcp-dosing":
    "Vraylar (cariprazine) HCP site, Dosing (manufacturer page, and an archived copy)",
  "fluoxetine-us-label":
    "PROZAC (fluoxetine) capsules, US prescribing information (Eli Lilly; FDA), older non-PLR label as held on DailyMed",
  "paroxetine-us-label":
    "PAXIL (paroxetine) tablets and oral suspension, US prescribing information (GSK/Apotex; FDA)",
  "citalopram-us-label":
    "Citalopram tablets (generic of Celexa), US prescribing information (FDA)",
  "venlafaxine-xr-us-label":
    "EFFEXOR XR (venlafaxine extended-release) capsules, US prescribing information (Wyeth/Pfizer; FDA)",
  "desvenlafaxine-us-label":
    "PRISTIQ (desvenlafaxine) extended-release tablets, US prescribing information (Wyeth/Pfizer; FDA)",
  "levomilnacipran-us-label":
    "FETZIMA (levomilnacipran) extended-release capsules, US prescribing information (Allergan/AbbVie; FDA)",
  "bupropion-xl-us-label":
    "WELLBUTRIN XL (bupropion hydrochloride extended-release) tablets, US prescribing information (GSK/Bausch; FDA), as repackaged by Remedyrepack",
  "nefazodone-us-label":
    "SERZONE (nefazodone hydrochloride) tablets, US prescribing information (Bristol-Myers Squibb; FDA; brand withdrawn 2004, generic labels keep the wording)",
  "vortioxetine-eu-smpc":
    "Brintellix (vortioxetine) film-coated tablets, EU Summary of Product Characteristics (H. Lundbeck A/S; EMA)",
  "agomelatine-sg-pi":
    "VALDOXAN (agomelatine) 25 mg tablets, product information (Servier; Health Sciences Authority Singapore, SIN13770P)",
  "imipramine-us-label":
    "TOFRANIL (imipramine hydrochloride) tablets and TOFRANIL-PM (imipramine pamoate) capsules, US prescribing information (Mallinckrodt/Novartis; FDA)",
  "desipramine-us-label":
    "NORPRAMIN (desipramine hydrochloride) tablets, US prescribing information (Sanofi-Aventis/Validus; FDA)",
  "protriptyline-us-label":
    "VIVACTIL (protriptyline hydrochloride) tablets, US prescribing information (Duramed/Teva; FDA)",
  "lofepramine-uk-smpc":
    "Lofepramine 70 mg tablets, UK Summary of Product Characteristics (emc 13706)",
  "selegiline-transdermal-us-label":
    "EMSAM (selegiline transdermal system), US prescribing information (Somerset/Mylan Specialty; FDA), older non-PLR version",
  "moclobemide-uk-smpc":
    "Manerix (moclobemide) 150 mg film-coated tablets, UK Summary of Product Characteristics (Mylan/Viatris; MHRA)",
  "symbyax-us-label":
    "SYMBYAX (olanzapine and fluoxetine) capsules, US prescribing information (Eli Lilly; FDA)",
  "desvenlafaxine-mims-thailand":
    "MIMS Thailand. Desfoxine (desvenlafaxine) dosage (EU-type product information)",
  "duloxetine-mims-philippines":
    "MIMS Philippines. Cymbalta (duloxetine, Eli Lilly) dosage (EU-type product information)",
  "agomelatine-mims-thailand":
    "MIMS Thailand. Valdoxan (agomelatine) concise prescribing information, contraindications",
  "nefazodone-drugs-com":
    "Drugs.com. Nefazodone dosage (liver and renal dose adjustments)",
  "nardil-label-summaries":
    "Nardil (phenelzine) US label contraindications as summarised by MPR and a patient site",
  "isocarboxazid-medscape-summaries":
    "Marplan (isocarboxazid) US label contraindications as summarised (Medscape-derived page; MPR)",
  "brexpiprazole-droracle-786720":
    "Dr. Oracle (AI-written page citing the Rexulti US label on hepatic impairment), article 786720",
  "amoxapine-us-label":
    "Amoxapine tablets (generic; Asendin was the brand), US prescribing information (FDA)",
  "tianeptine-fr-smpc":
    "STABLON 12,5 mg, comprimé enrobé (tianeptine), Résumé des caractéristiques du produit (Les Laboratoires Servier; ANSM, France)",
  "auvelity-us-label":
    "AUVELITY (dextromethorphan hydrobromide and bupropion hydrochloride) extended-release tablets, US prescribing information (Axsome Therapeutics; FDA)",
  "gepirone-label-summaries":
    "EXXUA (gepirone) extended-release tablets, US prescribing information (Fabre-Kramer; FDA), dosing as reproduced by CenterWatch and summarised by fpnotebook and dibesity",
  "zurzuvae-us-label":
    "ZURZUVAE (zuranolone) capsules, US prescribing information (Sage Therapeutics/Biogen; FDA)",
  "zuranolone-fpnotebook":
    "FPnotebook. Zuranolone (summary of the US label: 30 mg with eGFR below 60 or strong CYP3A4 inducers)",
  "zulresso-regimen-summaries":
    "ZULRESSO (brexanolone) injection, US prescribing information (Sage; FDA), infusion regimen as summarised by MPR and Medscape",
  "spravato-dosing-summaries":
    "Spravato (esketamine) nasal spray dosing as summarised by MIMS Hong Kong and the manufacturer's HCP site (research notes clinical.md §2.3)",
  "rxnorm-cpic-drug-table":
    "CPIC database drug table with RxNorm ingredient identifiers (cpicpgx/cpic-data db/drug.sql; cpicpgx/cpic-schema drug.sql): a curated third-party listing, not NLM's own, so its codes are secondary",
  "rxnorm-atc-grouped-list":
    "ATC-grouped list of RxNorm ingredient codes with name comments, apparently generated from RxNav RxClass ATC membership (a public GitHub file; its repository was not identified)",
  "rxnorm-third-party-files":
    "Third-party app files and a UMLS-derived knowledge-graph record giving RxNorm ingredient codes (listing C of the research notes)",
  "who-atc-index-2025":
    "WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index (complete copy scraped from whocc.no on 2025-08-19 by the atcddd R package)",
  "sforzini-2022-summary":
    "AI-written summary of Sforzini et al. 2022 (PRD 25-50% after an adequate trial at the minimum approved dosage for at least 4 weeks; current episode; MADRS/QIDS-SR)",
  "esketamine-trial-mgh-atrq":
    "Esketamine phase 3 trial (PMID 37025256, NCT03434041), Table 1 footnote: nonresponse defined as <=25% improvement, taken for at least 6 weeks during the current episode, from the MGH-ATRQ",
  "nct04599855":
    "Esketamine monotherapy study NCT04599855, ClinicalTrials.gov results: inadequate response (<=25% improvement) to >=2 oral antidepressants during the current depressive episode",
  "ema-2013-depression-guideline":
    "European Medicines Agency. Guideline on clinical investigation of medicinal products in the treatment of depression, EMA/CHMP/185423/2010 Rev. 2 (2013)",
  "spravato-eu-smpc":
    "Spravato (esketamine) nasal spray, EU Summary of Product Characteristics, §4.1: not responded to at least two different treatments with antidepressants in the current moderate to severe depressive episode",
  "gaynes-2020":
    "Gaynes BN, Lux L, Gartlehner G, et al., Lohr KN. Defining treatment-resistant depression. Depress Anxiety 2020;37(2):134-145",
  "jcp-2020-partial-response":
    "J Clin Psychiatry 2020;81(3):OT19037BR2: nonresponse often defined as less than 25% improvement, partial response as more than 25% but less than 50%",
  "trivedi-2006":
    "Trivedi MH, Rush AJ, Wisniewski SR, et al. Evaluation of outcomes with citalopram for depression using measurement-based care in STAR*D. Am J Psychiatry 2006;163:28-40 (remission HAM-D17 <=7, QIDS-SR16 <=5)",
  "kroenke-2001":
    "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-613 (severity cut points 5, 10, 15, 20)",
  "cms159-ecqm":
    "CMS eCQM CMS159, Depression Remission at Twelve Months: remission is a PHQ-9 or PHQ-9M score of less than five",
  "hawley-2002":
    "Hawley CJ, Gale TM, Sivakumaran T. Defining remission by cut off score on the MADRS. J Affect Disord 2002;72:177-184",
  "snaith-1986-madrs-bands":
    "Snaith RP, et al. 1986 MADRS severity bands (0-6 absent, 7-19 mild, 20-34 moderate, 35-60 severe), as quoted in secondary sources",
  "rush-2003-qids":
    "Rush AJ, Trivedi MH, Ibrahim HM, et al. The 16-item QIDS, CIDS and QIDS-SR. Biol Psychiatry 2003;54:573-583; severity bands and HAM-D17 bands per the ids-qids.org conversion table",
  "riedel-2010":
    "Riedel M, Möller HJ, Obermeier M, et al. Response and remission criteria in major depression: a validation of current practice. J Psychiatr Res 2010 (BDI <=12 optimal for remission; version not stated in the abstract)",
  "beck-1996-bdi2-manual":
    "Beck AT, Steer RA, Brown GK. Manual for the Beck Depression Inventory-II, 1996 (0-13 minimal, 14-19 mild, 20-28 moderate, 29-63 severe), via secondary pages",
  "baumgartner-2018":
    "Baumgartner PC, Haynes RB, Hersberger KE, Arnet I. A systematic review of medication adherence thresholds dependent of clinical outcomes. Front Pharmacol 2018;9:1290 (>=80% taken is the threshold many researchers use; its validity varies by disease)",
  "ohdsi-drug-era":
    "OHDSI Common Data Model, DRUG_ERA: ingredient-level eras with a 30-day persistence window and no stockpiling (a new fill abandons remaining supply)",
  "bmc-psychiatry-2017-lot":
    "First-line antidepressant treatment patterns in US claims, BMC Psychiatry 2017, Table 1: discontinuation = >=42 consecutive days without the regimen; switch = a new regimen within 42 days; combination = >=2 antidepressants simultaneously; augmentation = antidepressant plus atypical antipsychotic",
  "fabbri-2021":
    "Fabbri C, et al. Genetic and clinical characteristics of treatment-resistant depression using primary care records in two UK cohorts. Transl Psychiatry 2021: same-drug prescription episode breaks after >26 weeks between issues; drug duration = sum of intervals between issues",
  "exeter-cprd-scripts":
    "Exeter CPRD depression cohort scripts: coverage from quantity as days (issues over 183 days dropped as implausible); augmentation = antipsychotic or mood stabiliser overlapping an antidepressant episode by >=30 days",
  "ohdsi-treatment-patterns":
    "OHDSI TreatmentPatterns: combinationWindow = 30 days of overlap before two treatments are a combination rather than a switch",
  "zhdanava-2021":
    "US claims TRD definition (attributed to Zhdanava et al. 2021, J Clin Psychiatry; attribution recalled): gaps of <=180 days allowed between courses",
  "cql-cumulative-medication-duration":
    "CQL CumulativeMedicationDuration library (eCQM common library): dispense period from daysSupply; early refills roll forward (RolloutIntervals)",
  "hl7-pco-prom-valueset":
    "HL7 FHIR Person-Centered Outcomes IG, ValueSet prom-target-measures: LOINC 44261-6 PHQ-9 total score",
  "mii-pro-ig":
    "Medizininformatik-Initiative PRO module FSH sources: LOINC 89209-1 Beck Depression Inventory II total score",
  "icd10cm-lookup-sites":
    "ICD-10-CM tabular list as reproduced by code-lookup sites (F31 bipolar disorder, F32 and F33 major depressive disorder and their psychotic-feature codes), CMS FY2025/FY2026",
  "snomed-fhir-examples":
    "SNOMED CT 370143000 Major depressive disorder and 13746004 Bipolar disorder, as used in FHIR example resources",
  "cds-hooks-spec":
    "HL7 CDS Hooks specification: discovery, the patient-view hook, cards (summary under 140 characters, indicator info | warning | critical, source, detail in markdown)",
  "thase-rush-1997":
    "Thase ME, Rush AJ. When at first you don't succeed: sequential strategies for antidepressant nonresponders. J Clin Psychiatry 1997;58(suppl 13):23-29; stages as tabulated (citing Fava 2003, p. 650)",
  "souery-1999":
    "Souery D, Amsterdam J, de Montigny C, et al. Treatment resistant depression: methodological overview and operational criteria. Eur Neuropsychopharmacol 1999;9:83-91 (European Staging Model), as summarised",
  "hagg-2020":
    "Hägg D, Brenner P, Reutfors J, et al., Brandt L. A register-based approach to identifying treatment-resistant depression: comparison with clinical definitions. PLoS One 2020;15(7):e0236434, Panel 1 (TRD1-5 durations, MGH-s points, MSM duration bands)",
  "fava-2003":
    "Fava M. Diagnosis and definition of treatment-resistant depression. Biol Psychiatry 2003;53:649-659 (MGH staging method; original not read)",
  "petersen-2005":
    "Petersen T, Papakostas GI, Posternak MA, et al. Empirical testing of two models for staging antidepressant treatment resistance. J Clin Psychopharmacol 2005;25(4):336-341",
  "fekadu-2018":
    "Fekadu A, Donocik JG, Cleare AJ. Standardisation framework for the Maudsley staging method for treatment resistance in depression. BMC Psychiatry 2018;18:100 (Table 3: items, points, bands)",
  "bauer-dopfmer-1999":
    "Bauer M, Döpfmer S. Lithium augmentation in treatment-resistant depression: meta-analysis of placebo-controlled studies. J Clin Psychopharmacol 1999;19:427-434 (abstract): lithium augmentation at >=800 mg/day or a serum level >=0.5 mEq/L for >=2 weeks",
  "berman-2007":
    "Berman RM, et al. The efficacy and safety of aripiprazole as adjunctive therapy in major depressive disorder: a multicenter, randomized, double-blind, placebo-controlled study (CN138-163). J Clin Psychiatry 2007;68:843-853, as summarised in Evid Based Ment Health 2008;11:15: 'Incomplete response was defined as <50% reduction in HAM-D17 …, and a CGI-I score >=3'",
  "leucht-2013":
    "Leucht S, et al. What does the HAMD mean? J Affect Disord 2013;148:243-248 (abstract): CGI-I 2 ('much improved') corresponded to a >50% and <60% HAMD reduction; CGI-I 1 to >75% and <85%",
  "vsac-depression-diagnosis":
    "NLM VSAC value set 2.16.840.1.113883.3.600.145 'Depression Diagnosis' (version 20210220; ICD-10-CM 2021, SNOMED CT 2020-09), as expanded in the CQF eCQM content IG",
  "vsac-bipolar-diagnosis":
    "NLM VSAC value set 2.16.840.1.113883.3.600.450 'Bipolar Diagnosis' (version 20210220), as expanded in the CQF eCQM content IG",
  "vsac-alcohol-drug-dependence":
    "NLM VSAC value set 2.16.840.1.113883.3.464.1003.106.12.1001 'Alcohol and Drug Dependence' (version 20170504), as expanded in the CQF eCQM content IG",
  "cms-icd10cm-fy2023":
    "CMS ICD-10-CM FY2023 code descriptions file, as reproduced verbatim in a public repository",
  "synthea-modules":
    "Synthea patient generator, disease modules (veteran_ptsd, veteran_mdd, opioid_addiction, fibromyalgia, hypothyroidism) and its list of emitted concepts",
  "loinc-phq9":
    "LOINC 44249-1 PHQ-9 panel, 44261-6 total, item codes 44250-9…44260-8 and answer list LL358-3 (LA6568-5 = 0 … LA6571-9 = 3), read on loinc.org and in the US Core 9.0.0 PHQ-9 Questionnaire and examples",
  "fhir-r4-timing":
    "FHIR R4 value sets timing-abbreviation (v3 GTSAbbreviation, 16 codes) and event-timing, read in a faithful derivative of the R4 core package",
  "ohdsi-themis-drug-exposure":
    "OHDSI Themis conventions for drug_exposure (issues #76, #124, #125): leave a missing days_supply empty rather than derive it, drop negative values, check values over 365 days",
  "darwin-drug-utilisation-daily-dose":
    "DARWIN EU DrugUtilisation R package, vignette 'Daily dose calculation' (patternsWithFormula): fixed amount formulation = quantity x amount_value / days exposed; concentration formulation = quantity x numerator_value / days exposed; days exposed = end - start + 1. Validated in Burn E et al., Pharmacoepidemiol Drug Saf 2024",
  "omop-etl-type-concepts":
    "Public OMOP ETLs naming drug type concepts: oxford-omop-data-mapper sets drug_type_concept_id 32825 'EHR dispensing record' for prescribing (dispensing) data; a dbt ETL resolves 'EHR prescription' by concept_name in the Type Concept domain",
  "cpt-psychiatry-codes":
    "CPT codes read on coding-lookup sites reproducing the AMA descriptors: 90870 'Electroconvulsive therapy (includes necessary monitoring)'; 90867, 90868, 90869 therapeutic repetitive transcranial magnetic stimulation (initial, subsequent, motor threshold re-determination); 90832, 90834, 90837 psychotherapy 30, 45, 60 minutes with patient, and the add-on 90833, 90836, 90838 with an E/M service",
  "ohdsi-largescalepopest-cohorts":
    "OHDSI StudyProtocols LargeScalePopEst ExposureCohorts.sql: depression exposure cohorts, including ECT and psychotherapy procedure eras built with a 30-day grace period between procedures",
  "library-convention":
    "trd-classifier convention: a value this library chose where no source reviewed for it gives one; documented in docs/rule-sets.md and overridable",
} as const satisfies Record<Exclude<SourceId, RuleSetSourceId>, string>;

/**
 * Every source's title, keyed by {@link SourceId}, in the order of `SOURCE_IDS`.
 *
 * @example
 * SOURCE_TITLES["rybak-2021"].startsWith("Rybak"); //=> true
 * SOURCE_TITLES["trivedi-2006"].startsWith("Trivedi"); //=> true
 */
export const SOURCE_TITLES: Readonly<Record<SourceId, string>> = /* @__PURE__ */ deepFreeze(/* @__PURE__ */ joinTitles());

/** Both parts of the titles, in the order of the identifiers. */
function joinTitles(): Record<SourceId, string> {
  const titles: Partial<Record<SourceId, string>> = {};
  for (const id of SOURCE_IDS) titles[id] = isRuleSetSourceId(id) ? RULE_SET_SOURCE_TITLES[id] : OTHER_SOURCE_TITLES[id];
  return titles as Record<SourceId, string>;
}
