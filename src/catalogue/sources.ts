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

/** The table behind {@link SOURCES}; `as const` so that its keys form {@link SourceId}. */
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

const SOURCE_TABLE = {
  "comp006-mgh-atrq-form": {
    title: "MGH Antidepressant Treatment Response Questionnaire (MGH-ATRQ), study-specific version used in the COMP006 psilocybin trial (Polish site), left column 'Minimum Dose', as transcribed in a third-party app file (PREDEFINED_PROTOCOLS)",
    kind: "form",
    locator: "A public GitHub TypeScript file (PREDEFINED_PROTOCOLS); read as a third-party transcription, the form itself was not read (research notes clinical.md §2.1.2)",
  },
  "hayasaka-2015": {
    title: "Hayasaka Y, et al. Dose equivalents of antidepressants: Evidence-based recommendations from randomized controlled trials. J Affect Disord 2015;180:179-184",
    kind: "paper",
    locator: "doi:10.1016/j.jad.2015.03.021 (abstract at psych.ox.ac.uk/publications/521325; Table 1 read in a public R-script transcription and on crazymeds.us)",
  },
  "maudsley-prescribing-guidelines": {
    title: "Taylor DM, Barnes TRE, Young AH. The Maudsley Prescribing Guidelines in Psychiatry (14th or 15th edition), minimum effective doses of antidepressants (not read: values are recalled)",
    kind: "book",
  },
  "sertraline-us-label": {
    title: "Sertraline hydrochloride tablets (Caremark), US prescribing information, Dosage and Administration (older label format)",
    kind: "label",
    locator: "fr.diagnosispro.com/…/sertraline-hcl-caremark-l-c-dosage-and-administration/8295-551870.html (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "citalopram-uk-smpc": {
    title: "Citalopram 40 mg tablets (Tillomed), UK Summary of Product Characteristics, §4.2 (source: MHRA)",
    kind: "label",
    locator: "myhealthbox.eu/en/citalopram-40mg-tablets/4235582 (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "citalopram-fda-2011": {
    title: "US Food and Drug Administration. Drug Safety Communication on citalopram (Celexa) dosing and QT prolongation, August 2011, revised March 2012 (FDA page ucm297624)",
    kind: "label",
    locator: "FDA ucm297624, read as quoted on healthcommunities.com; also hospitalpharmacyeurope and MIMS UK",
  },
  "escitalopram-us-label": {
    title: "Escitalopram tablets, US prescribing information, §2.1 Dosage (major depressive disorder)",
    kind: "label",
    locator: "recallguide.org/drug/escitalopram (verbatim copy with label section numbering)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "nhs-somerset-formulary": {
    title: "NHS Somerset formulary, escitalopram entry (elderly or reduced hepatic function: maximum 10 mg)",
    kind: "guideline",
  },
  "fluvoxamine-uk-smpc": {
    title: "Faverin (fluvoxamine maleate) tablets, Mylan 2020, UK Summary of Product Characteristics, §4.2 (source: MHRA)",
    kind: "label",
    locator: "rxreasoner.com/monographs/faverin/usage (verbatim copy)",
    revision: "Mylan 2020 (year given with the copy read)",
  },
  "duloxetine-mims-malaysia": {
    title: "MIMS Malaysia. Duloxpra (duloxetine) dosage (EU-type product information)",
    kind: "secondary",
    locator: "sit.mimsdev.com/malaysia/drug/info/duloxpra/dosage",
  },
  "mirtazapine-us-label": {
    title: "Mirtazapine tablets, US prescribing information, §2.1 Recommended Dosage (openFDA)",
    kind: "label",
    locator: "api.fda.gov (openFDA), set_id dea8c09a-b759-1da7-e053-2a95a90a3346",
    revision: "not recorded when the copy was read (research notes doses-verified.md); openFDA set_id dea8c09a-b759-1da7-e053-2a95a90a3346",
  },
  "mianserin-uk-smpc": {
    title: "Mianserin 30 mg tablets, UK Summary of Product Characteristics, §4.2 (emc, 2 Nov 2022)",
    kind: "label",
    locator: "medicines.org.uk/emc/medicine/33601",
    revision: "emc, 2 Nov 2022",
  },
  "trazodone-us-label": {
    title: "Trazodone hydrochloride tablets, US prescribing information, §2.1 Dose Selection (openFDA)",
    kind: "label",
    locator: "api.fda.gov (openFDA), set_id d27e4473-6f62-ddfe-e053-2a95a90a9a2c",
    revision: "not recorded when the copy was read (research notes doses-verified.md); openFDA set_id d27e4473-6f62-ddfe-e053-2a95a90a9a2c",
  },
  "viibryd-hcp-dosing": {
    title: "Viibryd (vilazodone) HCP site, Dosing (manufacturer page)",
    kind: "secondary",
    locator: "viibrydhcp.com/dosages",
  },
  "reboxetine-uk-smpc": {
    title: "Edronax (reboxetine) 4 mg tablets, Pfizer 2015, UK Summary of Product Characteristics, §4.2 (source: MHRA)",
    kind: "label",
    locator: "rxreasoner.com/monographs/edronax/usage (verbatim copy)",
    revision: "Pfizer 2015 (year given with the copy read)",
  },
  "amitriptyline-us-label": {
    title: "Amitriptyline hydrochloride tablets, FDA package insert, Dosage and Administration",
    kind: "label",
    locator: "wikidoc.org/index.php/Amitriptyline_hydrochloride_dosage_and_administration (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "nortriptyline-us-label": {
    title: "Nortriptyline hydrochloride (Ranbaxy), US prescribing information, Dosage and Administration",
    kind: "label",
    locator: "recallguide.org/manufacturer/ranbaxy-laboratories-limited/ (verbatim copy)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "desipramine-drugs-com": {
    title: "Drugs.com. Desipramine dosage (also nursekey.com, desipramine hydrochloride)",
    kind: "secondary",
    locator: "drugs.com/dosage/desipramine.html",
  },
  "trimipramine-nursekey": {
    title: "Nursekey (Lippincott Nurse's Drug Guide), trimipramine maleate: Surmontil US label dosing as transcribed (also dealpain.net, minclinic.eu)",
    kind: "secondary",
    locator: "nursekey.com/trimipramine-maleate",
  },
  "clomipramine-medscape-uk": {
    title: "Medscape UK. Clomipramine capsules (SmPC-derived monograph)",
    kind: "secondary",
    locator: "medscape.co.uk/drug/clomipramine-capsules-13838-13838",
  },
  "dosulepin-uk-smpc": {
    title: "Dosulepin 75 mg tablets, UK Summary of Product Characteristics, §4.2 (emc, 12 Nov 2025)",
    kind: "label",
    locator: "medicines.org.uk/emc/product/101606/smpc",
    revision: "emc, 12 Nov 2025",
  },
  "doxepin-us-label": {
    title: "Doxepin hydrochloride capsules (generic of Sinequan), US prescribing information, PLR format (FDA)",
    kind: "label",
    locator: "prescriberpoint.com/therapies/doxepin-hydrochloride-fdaf3bd (verbatim copy of the US label Highlights; research notes labels.md task A)",
    revision: "Recent Major Changes: Dosage and Administration (2.4-2.8) 7/2025, as printed in the copy read",
  },
  "maprotiline-drugs-com": {
    title: "Drugs.com. Maprotiline dosage (transcribing the US maprotiline HCl tablets label, Mylan); with Ludiomil-type SmPC text on rxreasoner.com",
    kind: "secondary",
    locator: "drugs.com/dosage/maprotiline.html; rxreasoner.com/indications/I-369233",
  },
  "isocarboxazid-marplan-label-centerwatch": {
    title: "MARPLAN (isocarboxazid) tablets, US prescribing information (Validus; FDA), Dosage and Administration wording as reproduced in CenterWatch's FDA-approved-drugs profile (not a label host)",
    kind: "secondary",
    locator: "cms.centerwatch.com/directories/1067-fda-approved-drugs/listing/3809-marplan-isocarboxazid; same numbers on empr.com/marplan",
  },
  "phenelzine-drugs-com": {
    title: "Drugs.com. Phenelzine dosage (label-derived)",
    kind: "secondary",
    locator: "drugs.com/dosage/phenelzine.html",
  },
  "phenelzine-drugs-com-ppa": {
    title: "Drugs.com. Phenelzine sulfate (professional patient advice)",
    kind: "secondary",
    locator: "drugs.com/ppa/phenelzine-sulfate.html",
  },
  "tranylcypromine-drugs-com": {
    title: "Drugs.com. Tranylcypromine dosage",
    kind: "secondary",
    locator: "drugs.com/dosage/tranylcypromine.html",
  },
  "aripiprazole-ajp-2011": {
    title: "Letter, Am J Psychiatry 2011, quoting the US aripiprazole (Abilify) label dosing for adjunctive treatment of MDD",
    kind: "paper",
    locator: "doi:10.1176/appi.ajp.2010.10101515",
  },
  "quetiapine-droracle-748916": {
    title: "Dr. Oracle (AI-written page on adjunctive quetiapine XR in MDD), article 748916",
    kind: "secondary",
    locator: "droracle.ai/articles/748916",
  },
  "brexpiprazole-us-label": {
    title: "Rexulti (brexpiprazole), US prescribing information, §2.2 Adjunctive Treatment of Major Depressive Disorder",
    kind: "label",
    locator: "prescriberpoint.com/therapies/rexulti-2d30135 (verbatim copy with label section numbering)",
    revision: "not recorded when the copy was read (research notes doses-verified.md)",
  },
  "vraylar-hcp-dosing": {
    title: "Vraylar (cariprazine) HCP site, Dosing (manufacturer page, and an archived copy)",
    kind: "secondary",
    locator: "vraylarhcp.com/dosing",
  },
  "fluoxetine-us-label": {
    title: "PROZAC (fluoxetine) capsules, US prescribing information (Eli Lilly; FDA), older non-PLR label as held on DailyMed",
    kind: "label",
    locator: "linkedlifedata.com/resource/dailymed-drugs/634 (RDF copy of a DailyMed SPL, 'Prozac (Capsule)'; research notes labels.md task A)",
    revision: "not printed in the copy read (pre-2016 non-PLR text)",
  },
  "paroxetine-us-label": {
    title: "PAXIL (paroxetine) tablets and oral suspension, US prescribing information (GSK/Apotex; FDA)",
    kind: "label",
    locator: "themeditary.com/pro/paxil-prescribing-information-12781.html (verbatim copy of the US label Highlights)",
    revision: "Recent Major Changes: Warnings and Precautions (5.2, 5.5) 6/2023, as printed in the copy read",
  },
  "citalopram-us-label": {
    title: "Citalopram tablets (generic of Celexa), US prescribing information (FDA)",
    kind: "label",
    locator: "prescriberpoint.com/therapies/citalopram-e082206 (verbatim copy of the US label Highlights)",
    revision: "Recent Major Changes: Warnings and Precautions 08/2023, as printed in the copy read",
  },
  "venlafaxine-xr-us-label": {
    title: "EFFEXOR XR (venlafaxine extended-release) capsules, US prescribing information (Wyeth/Pfizer; FDA)",
    kind: "label",
    locator: "prescriberpoint.com/therapies/effexor-c848a5d (verbatim copy of the US label Highlights and full prescribing information); DailyMed setid 53c3e7ac-1852-4d70-d2b6-4fca819acf26 (Highlights only)",
    revision: "Recent Major Changes: Warnings and Precautions 8/2023 (prescriberpoint copy); 'Revised: 8/2022' (DailyMed copy)",
  },
  "desvenlafaxine-us-label": {
    title: "PRISTIQ (desvenlafaxine) extended-release tablets, US prescribing information (Wyeth/Pfizer; FDA)",
    kind: "label",
    locator: "rxreasoner.com/monographs/pristiq/usage (verbatim copy headed 'Source: FDA, National Drug Code (US)', label section numbering kept)",
    revision: "Revision Year: 2020, as printed on the copy read",
  },
  "levomilnacipran-us-label": {
    title: "FETZIMA (levomilnacipran) extended-release capsules, US prescribing information (Allergan/AbbVie; FDA)",
    kind: "label",
    locator: "prescriberpoint.com/therapies/fetzima-f371258 (verbatim copy with numbered sections)",
    revision: "not printed in the copy read",
  },
  "bupropion-xl-us-label": {
    title: "WELLBUTRIN XL (bupropion hydrochloride extended-release) tablets, US prescribing information (GSK/Bausch; FDA), as repackaged by Remedyrepack",
    kind: "label",
    locator: "recallguide.org/drug/wellbutrinxl-xl/ (verbatim copy of the US label Highlights)",
    revision: "not printed in the copy read",
  },
  "nefazodone-us-label": {
    title: "SERZONE (nefazodone hydrochloride) tablets, US prescribing information (Bristol-Myers Squibb; FDA; brand withdrawn 2004, generic labels keep the wording)",
    kind: "label",
    locator: "drugs.com/dosage/serzone.html (verbatim Dosage and Administration text); globalrph.com/rx-list/serzone-drug",
    revision: "not printed in the copy read (drugs.com page updated 13 Jun 2022)",
  },
  "vortioxetine-eu-smpc": {
    title: "Brintellix (vortioxetine) film-coated tablets, EU Summary of Product Characteristics (H. Lundbeck A/S; EMA)",
    kind: "label",
    locator: "rxreasoner.com/monographs/brintellix/usage (copy headed 'Source: European Medicines Agency (EU)'); docslib.org/doc/9661681 (EMA Annex I copy)",
    revision: "Revision Year: 2019, as printed on the rxreasoner copy",
  },
  "agomelatine-sg-pi": {
    title: "VALDOXAN (agomelatine) 25 mg tablets, product information (Servier; Health Sciences Authority Singapore, SIN13770P)",
    kind: "label",
    locator: "test-moh-ndf-staging.isomer.gov.sg/automated/list-of-product-information/SIN13770P (Singapore MOH National Drug Formulary page reproducing the HSA-approved PI)",
    revision: "not printed in the copy read",
  },
  "imipramine-us-label": {
    title: "TOFRANIL (imipramine hydrochloride) tablets and TOFRANIL-PM (imipramine pamoate) capsules, US prescribing information (Mallinckrodt/Novartis; FDA)",
    kind: "label",
    locator: "druglib.com/druginfo/tofranil/indications_dosage/ (verbatim Tofranil label); rxlist.com/tofranil-pm-drug/indications-dosage.htm (verbatim Tofranil-PM label)",
    revision: "not printed in the copy read",
  },
  "desipramine-us-label": {
    title: "NORPRAMIN (desipramine hydrochloride) tablets, US prescribing information (Sanofi-Aventis/Validus; FDA)",
    kind: "label",
    locator: "webmail.druglib.com/druginfo/norpramin/indications_dosage/ (verbatim copy)",
    revision: "not printed in the copy read",
  },
  "protriptyline-us-label": {
    title: "VIVACTIL (protriptyline hydrochloride) tablets, US prescribing information (Duramed/Teva; FDA)",
    kind: "label",
    locator: "rxlist.com/vivactil-drug/indications-dosage.htm (verbatim copy)",
    revision: "not printed in the copy read",
  },
  "lofepramine-uk-smpc": {
    title: "Lofepramine 70 mg tablets, UK Summary of Product Characteristics (emc 13706)",
    kind: "label",
    locator: "medicines.org.uk/emc (SmPC 13706), read by the catalogue audit of 2026.11.0",
    revision: "not recorded when the copy was read",
  },
  "selegiline-transdermal-us-label": {
    title: "EMSAM (selegiline transdermal system), US prescribing information (Somerset/Mylan Specialty; FDA), older non-PLR version",
    kind: "label",
    locator: "druglib.com/druginfo/emsam/indications_dosage/ (verbatim copy)",
    revision: "not printed in the copy read (pre-PLR version)",
  },
  "moclobemide-uk-smpc": {
    title: "Manerix (moclobemide) 150 mg film-coated tablets, UK Summary of Product Characteristics (Mylan/Viatris; MHRA)",
    kind: "label",
    locator: "medicines.org.uk/emc/medicine/22291 (emc)",
    revision: "Last updated on emc: 25 May 2023",
  },
  "symbyax-us-label": {
    title: "SYMBYAX (olanzapine and fluoxetine) capsules, US prescribing information (Eli Lilly; FDA)",
    kind: "label",
    locator: "recallguide.org (verbatim US label with numbered sections, filed under an unrelated manufacturer page); drugs.com/dosage/symbyax.html (label copy)",
    revision: "not printed in the copy read (drugs.com copy updated 18 Aug 2023)",
  },
  "desvenlafaxine-mims-thailand": {
    title: "MIMS Thailand. Desfoxine (desvenlafaxine) dosage (EU-type product information)",
    kind: "secondary",
    locator: "uat.mimsdev.com/thailand/drug/info/desfoxine/dosage",
  },
  "duloxetine-mims-philippines": {
    title: "MIMS Philippines. Cymbalta (duloxetine, Eli Lilly) dosage (EU-type product information)",
    kind: "secondary",
    locator: "mims.com/philippines/drug/info/cymbalta/dosage",
  },
  "agomelatine-mims-thailand": {
    title: "MIMS Thailand. Valdoxan (agomelatine) concise prescribing information, contraindications",
    kind: "secondary",
    locator: "mims.com/thailand/drug/info/valdoxan",
  },
  "nefazodone-drugs-com": {
    title: "Drugs.com. Nefazodone dosage (liver and renal dose adjustments)",
    kind: "secondary",
    locator: "drugs.com/dosage/nefazodone.html",
  },
  "nardil-label-summaries": {
    title: "Nardil (phenelzine) US label contraindications as summarised by MPR and a patient site",
    kind: "secondary",
    locator: "renalandurologynews.com/drug/nardil (MPR); theathlete.org/anti-depression/Nardil.htm",
  },
  "isocarboxazid-medscape-summaries": {
    title: "Marplan (isocarboxazid) US label contraindications as summarised (Medscape-derived page; MPR)",
    kind: "secondary",
    locator: "postblaze.com/isocarboxazid; empr.com/marplan",
  },
  "brexpiprazole-droracle-786720": {
    title: "Dr. Oracle (AI-written page citing the Rexulti US label on hepatic impairment), article 786720",
    kind: "secondary",
    locator: "droracle.ai/articles/786720",
  },
  "amoxapine-us-label": {
    title: "Amoxapine tablets (generic; Asendin was the brand), US prescribing information (FDA)",
    kind: "label",
    locator: "rxreasoner.com/monographs/10288/usage (copy headed 'Source: FDA, National Drug Code (US)'); druglib.com/druginfo/amoxapine/indications_dosage/ (same text)",
    revision: "Revision Year: 2015, as printed on the rxreasoner copy",
  },
  "tianeptine-fr-smpc": {
    title: "STABLON 12,5 mg, comprimé enrobé (tianeptine), Résumé des caractéristiques du produit (Les Laboratoires Servier; ANSM, France)",
    kind: "label",
    locator: "base-donnees-publique.medicaments.gouv.fr/affichageDoc.php?specid=65411280&typedoc=R (French public medicines database)",
    revision: "mis à jour le 09/07/2019, as printed (the 20/10/2014 version was also read)",
  },
  "auvelity-us-label": {
    title: "AUVELITY (dextromethorphan hydrobromide and bupropion hydrochloride) extended-release tablets, US prescribing information (Axsome Therapeutics; FDA)",
    kind: "label",
    locator: "drugs.com/dosage/auvelity.html and themeditary.com/dosage-information/auvelity-dosage-87.html (Dosage and Administration text); FDA FDALabel set id dcefda7c-9a68-278e-e053-2995a90aec79 (header only)",
    revision: "FDALabel SPL version 14, effective 2026-05-06 (header); Dosage and Administration read in a drugs.com copy 'Last updated Sep 18 2024'",
  },
  "gepirone-label-summaries": {
    title: "EXXUA (gepirone) extended-release tablets, US prescribing information (Fabre-Kramer; FDA), dosing as reproduced by CenterWatch and summarised by fpnotebook and dibesity",
    kind: "secondary",
    locator: "centerwatch.com/directories/1067-fda-approved-drugs/listing/4902-exxua; fpnotebook; dibesity (research notes labels.md task C)",
  },
  "zurzuvae-us-label": {
    title: "ZURZUVAE (zuranolone) capsules, US prescribing information (Sage Therapeutics/Biogen; FDA)",
    kind: "label",
    locator: "pillsync.com copy of the DailyMed label, setid f18e53b0-d0bb-422d-8de7-ab64b7292b29 (Highlights read)",
    revision: "not printed in the copy read",
  },
  "zuranolone-fpnotebook": {
    title: "FPnotebook. Zuranolone (summary of the US label: 30 mg with eGFR below 60 or strong CYP3A4 inducers)",
    kind: "secondary",
    locator: "fpnotebook.com (research notes labels.md task C)",
  },
  "zulresso-regimen-summaries": {
    title: "ZULRESSO (brexanolone) injection, US prescribing information (Sage; FDA), infusion regimen as summarised by MPR and Medscape",
    kind: "secondary",
    locator: "butalbitalapap.org/index-3997.html (MPR mirror); reference.medscape.com/drug/zulresso-brexanolone-1000299",
  },
  "spravato-dosing-summaries": {
    title: "Spravato (esketamine) nasal spray dosing as summarised by MIMS Hong Kong and the manufacturer's HCP site (research notes clinical.md §2.3)",
    kind: "secondary",
    locator: "MIMS Hong Kong Spravato dosage; spravatohcp.com",
  },
  "rxnorm-cpic-drug-table": {
    title: "CPIC database drug table with RxNorm ingredient identifiers (cpicpgx/cpic-data db/drug.sql; cpicpgx/cpic-schema drug.sql): a curated third-party listing, not NLM's own, so its codes are secondary",
    kind: "listing",
    locator: "github.com/cpicpgx/cpic-data (db/drug.sql)",
  },
  "rxnorm-atc-grouped-list": {
    title: "ATC-grouped list of RxNorm ingredient codes with name comments, apparently generated from RxNav RxClass ATC membership (a public GitHub file; its repository was not identified)",
    kind: "listing",
  },
  "rxnorm-third-party-files": {
    title: "Third-party app files and a UMLS-derived knowledge-graph record giving RxNorm ingredient codes (listing C of the research notes)",
    kind: "secondary",
  },
  "who-atc-index-2025": {
    title: "WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index (complete copy scraped from whocc.no on 2025-08-19 by the atcddd R package)",
    kind: "listing",
    locator: "github.com/vanhungtran/atcddd, file WHO_ATC_codes_2025-08-19.csv (commit 3036cac3a274e8bacad08ff22353ea6b29875b19)",
    revision: "WHO ATC index as scraped from whocc.no on 2025-08-19 (every catalogue code also matched a 2026-07-14 scrape, catalogue audit of 2026.11.0)",
  },
  // Definitions of TRD, response and remission, used by the rule sets (src/rules).
  "sforzini-2022": {
    title: "Sforzini L, Worrell C, Kose M, Anderson IM, et al., Pariante CM. A Delphi-method-based consensus guideline for definition of treatment-resistant depression for clinical trials. Mol Psychiatry 2022;27:1286-1299 (EU-PEARL)",
    kind: "paper",
    locator: "doi:10.1038/s41380-021-01381-x; PMC9095475, Table 1 (recommendations #1-3, #10, #12, #15 read; later rows not visible)",
  },
  "sforzini-2022-summary": {
    title: "AI-written summary of Sforzini et al. 2022 (PRD 25-50% after an adequate trial at the minimum approved dosage for at least 4 weeks; current episode; MADRS/QIDS-SR)",
    kind: "secondary",
    locator: "droracle.ai/articles/589515",
  },
  "desseilles-2011": {
    title: "Desseilles M, Witte J, Chang TE, et al., Mischoulon D. Assessing the adequacy of past antidepressant trials: a clinician's guide to the antidepressant treatment response questionnaire. J Clin Psychiatry 2011;72(8)",
    kind: "paper",
    locator: "psychiatrist.com (ASCP Corner, first page): nonresponse <25%, partial response 25-49%, response >=50%; >=6 weeks; augmentation trial counted in the published case",
  },
  "esketamine-trial-mgh-atrq": {
    title: "Esketamine phase 3 trial (PMID 37025256, NCT03434041), Table 1 footnote: nonresponse defined as <=25% improvement, taken for at least 6 weeks during the current episode, from the MGH-ATRQ",
    kind: "paper",
    locator: "PMID 37025256 (footnote read verbatim in a public GitHub file)",
  },
  "nct04599855": {
    title: "Esketamine monotherapy study NCT04599855, ClinicalTrials.gov results: inadequate response (<=25% improvement) to >=2 oral antidepressants during the current depressive episode",
    kind: "paper",
    locator: "ClinicalTrials.gov NCT04599855 results text (transcribed at meddatax.com)",
  },
  "mcintyre-2023": {
    title: "McIntyre RS, Alsuwaidan M, Baune BT, et al., Maj M. Treatment-resistant depression: definition, prevalence, detection, management, and investigational interventions. World Psychiatry 2023;22(3):394-412",
    kind: "paper",
    locator: "doi:10.1002/wps.21120 (abstract: FDA and EMA definition = inadequate response to >=2 antidepressants despite adequate trials and adherence)",
  },
  "ema-2013-depression-guideline": {
    title: "European Medicines Agency. Guideline on clinical investigation of medicinal products in the treatment of depression, EMA/CHMP/185423/2010 Rev. 2 (2013)",
    kind: "guideline",
    locator: "cover page and contents read (doczz.net/doc/6475992); the operative TRD sentence was not read and is recalled only",
  },
  "spravato-eu-smpc": {
    title: "Spravato (esketamine) nasal spray, EU Summary of Product Characteristics, §4.1: not responded to at least two different treatments with antidepressants in the current moderate to severe depressive episode",
    kind: "label",
    locator: "medicines.org.uk/emc/product/10977",
  },
  "rybak-2021": {
    title: "Rybak YE, Lai KSP, Ramasubbu R, et al. Treatment-resistant major depressive disorder: Canadian expert consensus on definition and assessment. Depress Anxiety 2021;38(4):456-467",
    kind: "paper",
    locator: "doi:10.1002/da.23135; PMC8049072, Table 3",
  },
  "gaynes-2020": {
    title: "Gaynes BN, Lux L, Gartlehner G, et al., Lohr KN. Defining treatment-resistant depression. Depress Anxiety 2020;37(2):134-145",
    kind: "paper",
    locator: "doi:10.1002/da.22968; PubMed 31638723 (abstract: the most common TRD definition for bipolar disorder required one prior treatment failure)",
  },
  "jcp-2020-partial-response": {
    title: "J Clin Psychiatry 2020;81(3):OT19037BR2: nonresponse often defined as less than 25% improvement, partial response as more than 25% but less than 50%",
    kind: "paper",
    locator: "J Clin Psychiatry 2020;81(3):OT19037BR2",
  },
  "trivedi-2006": {
    title: "Trivedi MH, Rush AJ, Wisniewski SR, et al. Evaluation of outcomes with citalopram for depression using measurement-based care in STAR*D. Am J Psychiatry 2006;163:28-40 (remission HAM-D17 <=7, QIDS-SR16 <=5)",
    kind: "paper",
    locator: "psychiatryonline abstract",
  },
  "kroenke-2001": {
    title: "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-613 (severity cut points 5, 10, 15, 20)",
    kind: "paper",
    locator: "PMC1495268",
  },
  "cms159-ecqm": {
    title: "CMS eCQM CMS159, Depression Remission at Twelve Months: remission is a PHQ-9 or PHQ-9M score of less than five",
    kind: "guideline",
    locator: "measure text read in a public GitHub file",
  },
  "hawley-2002": {
    title: "Hawley CJ, Gale TM, Sivakumaran T. Defining remission by cut off score on the MADRS. J Affect Disord 2002;72:177-184",
    kind: "paper",
    locator: "PubMed abstract",
  },
  "snaith-1986-madrs-bands": {
    title: "Snaith RP, et al. 1986 MADRS severity bands (0-6 absent, 7-19 mild, 20-34 moderate, 35-60 severe), as quoted in secondary sources",
    kind: "secondary",
  },
  "rush-2003-qids": {
    title: "Rush AJ, Trivedi MH, Ibrahim HM, et al. The 16-item QIDS, CIDS and QIDS-SR. Biol Psychiatry 2003;54:573-583; severity bands and HAM-D17 bands per the ids-qids.org conversion table",
    kind: "paper",
    locator: "ids-qids.org",
  },
  "riedel-2010": {
    title: "Riedel M, Möller HJ, Obermeier M, et al. Response and remission criteria in major depression: a validation of current practice. J Psychiatr Res 2010 (BDI <=12 optimal for remission; version not stated in the abstract)",
    kind: "paper",
    locator: "PubMed abstract",
  },
  "beck-1996-bdi2-manual": {
    title: "Beck AT, Steer RA, Brown GK. Manual for the Beck Depression Inventory-II, 1996 (0-13 minimal, 14-19 mild, 20-28 moderate, 29-63 severe), via secondary pages",
    kind: "secondary",
  },
  "baumgartner-2018": {
    title: "Baumgartner PC, Haynes RB, Hersberger KE, Arnet I. A systematic review of medication adherence thresholds dependent of clinical outcomes. Front Pharmacol 2018;9:1290 (>=80% taken is the threshold many researchers use; its validity varies by disease)",
    kind: "paper",
    locator: "doi:10.3389/fphar.2018.01290 (abstract)",
  },
  // Building trials from prescription and dispensing records (src/fills).
  "ohdsi-drug-era": {
    title: "OHDSI Common Data Model, DRUG_ERA: ingredient-level eras with a 30-day persistence window and no stockpiling (a new fill abandons remaining supply)",
    kind: "secondary",
    locator: "OHDSI CommonDataModel documentation and issues #761, #482",
  },
  "bmc-psychiatry-2017-lot": {
    title: "First-line antidepressant treatment patterns in US claims, BMC Psychiatry 2017, Table 1: discontinuation = >=42 consecutive days without the regimen; switch = a new regimen within 42 days; combination = >=2 antidepressants simultaneously; augmentation = antidepressant plus atypical antipsychotic",
    kind: "paper",
    locator: "doi:10.1186/s12888-017-1385-0 (as summarised in the project's research notes)",
  },
  "fabbri-2021": {
    title: "Fabbri C, et al. Genetic and clinical characteristics of treatment-resistant depression using primary care records in two UK cohorts. Transl Psychiatry 2021: same-drug prescription episode breaks after >26 weeks between issues; drug duration = sum of intervals between issues",
    kind: "secondary",
    locator: "PMC8505242; rules read in the authors' public R scripts (chiarafabbri/MDD_TRD_study)",
  },
  "exeter-cprd-scripts": {
    title: "Exeter CPRD depression cohort scripts: coverage from quantity as days (issues over 183 days dropped as implausible); augmentation = antipsychotic or mood stabiliser overlapping an antidepressant episode by >=30 days",
    kind: "secondary",
    locator: "Exeter-Diabetes/CPRD-Dale-depression-cohort (create_antidepressant_coverage.R, create_antipsychotic_augmentation_phenotypes.R)",
  },
  "ohdsi-treatment-patterns": {
    title: "OHDSI TreatmentPatterns: combinationWindow = 30 days of overlap before two treatments are a combination rather than a switch",
    kind: "secondary",
    locator: "OHDSI TreatmentPatterns computePathways() documentation",
  },
  "zhdanava-2021": {
    title: "US claims TRD definition (attributed to Zhdanava et al. 2021, J Clin Psychiatry; attribution recalled): gaps of <=180 days allowed between courses",
    kind: "secondary",
    locator: "psychiatrist.com clinical guide (as summarised in the research notes)",
  },
  "cql-cumulative-medication-duration": {
    title: "CQL CumulativeMedicationDuration library (eCQM common library): dispense period from daysSupply; early refills roll forward (RolloutIntervals)",
    kind: "secondary",
    locator: "compiled copy in FirelyTeam/firely-cql-sdk",
  },
  // FHIR mapping (src/fhir).
  "hl7-pco-prom-valueset": {
    title: "HL7 FHIR Person-Centered Outcomes IG, ValueSet prom-target-measures: LOINC 44261-6 PHQ-9 total score",
    kind: "listing",
    locator: "hl7.org/fhir/us/pco/STU1/en/ValueSet-prom-target-measures.json",
  },
  "mii-pro-ig": {
    title: "Medizininformatik-Initiative PRO module FSH sources: LOINC 89209-1 Beck Depression Inventory II total score",
    kind: "secondary",
    locator: "github.com/medizininformatik-initiative/kerndatensatzmodul-proms",
  },
  "icd10cm-lookup-sites": {
    title: "ICD-10-CM tabular list as reproduced by code-lookup sites (F31 bipolar disorder, F32 and F33 major depressive disorder and their psychotic-feature codes), CMS FY2025/FY2026",
    kind: "secondary",
    locator: "research notes definitions-verified.md §9",
  },
  "snomed-fhir-examples": {
    title: "SNOMED CT 370143000 Major depressive disorder and 13746004 Bipolar disorder, as used in FHIR example resources",
    kind: "secondary",
    locator: "research notes definitions-verified.md §9.4",
  },
  "cds-hooks-spec": {
    title: "HL7 CDS Hooks specification: discovery, the patient-view hook, cards (summary under 140 characters, indicator info | warning | critical, source, detail in markdown)",
    kind: "secondary",
    locator: "cds-hooks.hl7.org (as summarised in the research notes peers.md §3.6)",
  },
  // Staging models (src/staging).
  "thase-rush-1997": {
    title: "Thase ME, Rush AJ. When at first you don't succeed: sequential strategies for antidepressant nonresponders. J Clin Psychiatry 1997;58(suppl 13):23-29; stages as tabulated (citing Fava 2003, p. 650)",
    kind: "secondary",
    locator: "medicalalgorithms.com/treatment-resistant-depression-strategies",
  },
  "souery-1999": {
    title: "Souery D, Amsterdam J, de Montigny C, et al. Treatment resistant depression: methodological overview and operational criteria. Eur Neuropsychopharmacol 1999;9:83-91 (European Staging Model), as summarised",
    kind: "secondary",
    locator: "medicalalgorithms.com (Souery CRD page)",
  },
  "hagg-2020": {
    title: "Hägg D, Brenner P, Reutfors J, et al., Brandt L. A register-based approach to identifying treatment-resistant depression: comparison with clinical definitions. PLoS One 2020;15(7):e0236434, Panel 1 (TRD1-5 durations, MGH-s points, MSM duration bands)",
    kind: "paper",
    locator: "PMC7392234, table pone.0236434.t001",
  },
  "fava-2003": {
    title: "Fava M. Diagnosis and definition of treatment-resistant depression. Biol Psychiatry 2003;53:649-659 (MGH staging method; original not read)",
    kind: "paper",
  },
  "petersen-2005": {
    title: "Petersen T, Papakostas GI, Posternak MA, et al. Empirical testing of two models for staging antidepressant treatment resistance. J Clin Psychopharmacol 2005;25(4):336-341",
    kind: "paper",
    locator: "abstract",
  },
  "fekadu-2018": {
    title: "Fekadu A, Donocik JG, Cleare AJ. Standardisation framework for the Maudsley staging method for treatment resistance in depression. BMC Psychiatry 2018;18:100 (Table 3: items, points, bands)",
    kind: "paper",
    locator: "doi:10.1186/s12888-018-1679-x; PMC5896127",
  },
  "bauer-dopfmer-1999": {
    title: "Bauer M, Döpfmer S. Lithium augmentation in treatment-resistant depression: meta-analysis of placebo-controlled studies. J Clin Psychopharmacol 1999;19:427-434 (abstract): lithium augmentation at >=800 mg/day or a serum level >=0.5 mEq/L for >=2 weeks",
    kind: "paper",
    locator: "doi:10.1097/00004714-199910000-00008 (abstract)",
  },
  "berman-2007": {
    title: "Berman RM, et al. The efficacy and safety of aripiprazole as adjunctive therapy in major depressive disorder: a multicenter, randomized, double-blind, placebo-controlled study (CN138-163). J Clin Psychiatry 2007;68:843-853, as summarised in Evid Based Ment Health 2008;11:15: 'Incomplete response was defined as <50% reduction in HAM-D17 …, and a CGI-I score >=3'",
    kind: "secondary",
    locator: "ebmh.bmj.com/content/11/1/15",
  },
  "leucht-2013": {
    title: "Leucht S, et al. What does the HAMD mean? J Affect Disord 2013;148:243-248 (abstract): CGI-I 2 ('much improved') corresponded to a >50% and <60% HAMD reduction; CGI-I 1 to >75% and <85%",
    kind: "paper",
    locator: "doi:10.1016/j.jad.2012.12.001 (abstract)",
  },
  "vsac-depression-diagnosis": {
    title: "NLM VSAC value set 2.16.840.1.113883.3.600.145 'Depression Diagnosis' (version 20210220; ICD-10-CM 2021, SNOMED CT 2020-09), as expanded in the CQF eCQM content IG",
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.600.145.json",
  },
  "vsac-bipolar-diagnosis": {
    title: "NLM VSAC value set 2.16.840.1.113883.3.600.450 'Bipolar Diagnosis' (version 20210220), as expanded in the CQF eCQM content IG",
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.600.450.json",
  },
  "vsac-alcohol-drug-dependence": {
    title: "NLM VSAC value set 2.16.840.1.113883.3.464.1003.106.12.1001 'Alcohol and Drug Dependence' (version 20170504), as expanded in the CQF eCQM content IG",
    kind: "listing",
    locator: "cqframework/ecqm-content-r4-2021 input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.464.1003.106.12.1001.json",
  },
  "cms-icd10cm-fy2023": {
    title: "CMS ICD-10-CM FY2023 code descriptions file, as reproduced verbatim in a public repository",
    kind: "secondary",
  },
  "synthea-modules": {
    title: "Synthea patient generator, disease modules (veteran_ptsd, veteran_mdd, opioid_addiction, fibromyalgia, hypothyroidism) and its list of emitted concepts",
    kind: "secondary",
    locator: "synthetichealth/synthea src/main/resources/modules/",
  },
  "loinc-phq9": {
    title: "LOINC 44249-1 PHQ-9 panel, 44261-6 total, item codes 44250-9…44260-8 and answer list LL358-3 (LA6568-5 = 0 … LA6571-9 = 3), read on loinc.org and in the US Core 9.0.0 PHQ-9 Questionnaire and examples",
    kind: "listing",
    locator: "loinc.org/44249-1; HL7/US-Core input/examples",
  },
  "fhir-r4-timing": {
    title: "FHIR R4 value sets timing-abbreviation (v3 GTSAbbreviation, 16 codes) and event-timing, read in a faithful derivative of the R4 core package",
    kind: "secondary",
    locator: "hl7.org/fhir/R4/valueset-timing-abbreviation.html",
  },
  "ohdsi-themis-drug-exposure": {
    title: "OHDSI Themis conventions for drug_exposure (issues #76, #124, #125): leave a missing days_supply empty rather than derive it, drop negative values, check values over 365 days",
    kind: "secondary",
    locator: "github.com/OHDSI/Themis/issues/76, /124, /125 (issue threads, read as summarised in the project's research notes scale-and-omop.md)",
  },
  "darwin-drug-utilisation-daily-dose": {
    title: "DARWIN EU DrugUtilisation R package, vignette 'Daily dose calculation' (patternsWithFormula): fixed amount formulation = quantity x amount_value / days exposed; concentration formulation = quantity x numerator_value / days exposed; days exposed = end - start + 1. Validated in Burn E et al., Pharmacoepidemiol Drug Saf 2024",
    kind: "secondary",
    locator: "darwin-eu/DrugUtilisation articles/daily_dose_calculation.md; doi:10.1002/pds.5809",
  },
  "omop-etl-type-concepts": {
    title: "Public OMOP ETLs naming drug type concepts: oxford-omop-data-mapper sets drug_type_concept_id 32825 'EHR dispensing record' for prescribing (dispensing) data; a dbt ETL resolves 'EHR prescription' by concept_name in the Type Concept domain",
    kind: "secondary",
    locator: "answerdigital/oxford-omop-data-mapper docs/transformation-documentation/DrugExposure_drug_type_concept_id.md; a public dbt project",
  },
  "cpt-psychiatry-codes": {
    title: "CPT codes read on coding-lookup sites reproducing the AMA descriptors: 90870 'Electroconvulsive therapy (includes necessary monitoring)'; 90867, 90868, 90869 therapeutic repetitive transcranial magnetic stimulation (initial, subsequent, motor threshold re-determination); 90832, 90834, 90837 psychotherapy 30, 45, 60 minutes with patient, and the add-on 90833, 90836, 90838 with an E/M service",
    kind: "secondary",
    locator: "codingahead.com/cpt/codes/90870, /90868, /90869, /90837; medcoder.ai 90867; empr.com 2013 CPT psychiatry changes",
  },
  "ohdsi-largescalepopest-cohorts": {
    title: "OHDSI StudyProtocols LargeScalePopEst ExposureCohorts.sql: depression exposure cohorts, including ECT and psychotherapy procedure eras built with a 30-day grace period between procedures",
    kind: "secondary",
    locator: "github.com/OHDSI/StudyProtocols LargeScalePopEst/inst/sql/sql_server/ExposureCohorts.sql",
  },
  "library-convention": {
    title: "trd-classifier convention: a value this library chose where no source reviewed for it gives one; documented in docs/rule-sets.md and overridable",
    kind: "convention",
  },
} as const satisfies Record<string, Source>;

/**
 * A key of {@link SOURCES}: the stable identifier a citation uses.
 *
 * @example
 * import { findDrug } from "trd-classifier";
 * const id: SourceId | undefined = findDrug("sertraline")?.minimumDose["licensed-minimum"]?.source;
 * id; //=> "sertraline-us-label"
 */
export type SourceId = keyof typeof SOURCE_TABLE;

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
export const SOURCES: Readonly<Record<SourceId, Source>> = deepFreeze(SOURCE_TABLE);
