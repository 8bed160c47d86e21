/**
 * The catalogue's words: for each agent, its mechanism in a few words, the clinical notes a reader
 * of a result should see, and for each cited value (codes, doses, age caps, impairment limits,
 * adequacy model) the section read and the note on it. Classification never reads them; `drugEntries`
 * (`./drugs`) joins them to the facts (`./agents`). A value's words sit at the same place as the
 * value: `minimumDose["licensed-minimum"]` by table, `ageCaps[0]` by position.
 *
 * @module
 */
import type { DoseTableId } from "./types";

/**
 * The words on one cited value: where in the source it was read, and the quote or reasoning.
 *
 * @example
 * const words: CitationText = { section: "§2.2 Major Depressive Disorder", note: "'the recommended dose is 50 mg/day'" };
 */
export interface CitationText {
  readonly section?: string;
  readonly note?: string;
}

/**
 * One agent's words, placed like the values they go with.
 *
 * @example
 * AGENT_TEXT["sertraline"]?.mechanism; //=> "Selective serotonin reuptake inhibitor"
 */
export interface AgentText {
  readonly mechanism: string;
  readonly atc?: CitationText;
  readonly rxnorm?: CitationText;
  readonly minimumDose?: Readonly<Partial<Record<DoseTableId, CitationText>>>;
  readonly ageCaps?: readonly CitationText[];
  readonly impairmentLimits?: readonly CitationText[];
  readonly adequacy?: CitationText;
  readonly notes: readonly string[];
}

/**
 * Every agent's words, keyed by the agent's id. A plain literal, frozen when the catalogue's
 * entries are first built (`drugEntries`): no call at module level, so a bundle that never lists
 * or finds an entry leaves it out even where the bundler sees no pure annotations.
 *
 * @example
 * AGENT_TEXT["citalopram"]?.ageCaps?.[0]?.section; //=> "Highlights, Dosage and Administration (§2.2)"
 */
export const AGENT_TEXT: Readonly<Record<string, AgentText>> = {
  fluoxetine: {
    mechanism: "Selective serotonin reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Major Depressive Disorder, Initial Treatment, Adult",
        note: "'20 mg/day is sufficient to obtain a satisfactory response in major depressive disorder in most cases. Consequently, a dose of 20 mg/day ... is recommended as the initial dose' (older US label). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
      "hayasaka-2015-fe40": { note: "Reference agent: every Hayasaka value is the dose equivalent to fluoxetine 40 mg/day." },
    },
    notes: [
      "Elderly: 'usual max 40 mg once daily but 60 mg can be used' (Northern Ireland formulary, research notes clinical.md §2.4); not a hard cap, so not encoded as one.",
      "Hepatic impairment: lower or less frequent dosing (US label, per a secondary source).",
    ],
  },
  sertraline: {
    mechanism: "Selective serotonin reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration (older label format)",
        note: "'a dose of 50 mg, administered once daily, is recommended as the initial therapeutic dose'; maximum 200 mg/day.",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    notes: [],
  },
  paroxetine: {
    mechanism: "Selective serotonin reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Highlights, Dosage and Administration table (§2.2)",
        note: "MDD: starting daily dose 20 mg, maximum daily dose 50 mg (Paxil US label, immediate release); controlled release starts at 25 mg/day (UpToDate; the CR label was not read). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "mgh-atrq": { note: "Immediate release 20; the same form gives 25 for controlled release." },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    ageCaps: [
      {
        section: "Highlights, Dosage and Administration (§2.4)",
        note: "'Elderly patients, patients with severe renal impairment or severe hepatic impairment: Starting dosage is 10 mg daily. Maximum dosage is 40 mg daily.' The Highlights say 'elderly' without an age: 65 and over is the catalogue's conventional cut (an AI page citing the label gave 60 and over, the cut used before catalogue 2026.12.0).",
      },
    ],
    impairmentLimits: [
      {
        section: "Highlights, Dosage and Administration (§2.4)",
        note: "'patients with severe renal impairment or severe hepatic impairment: Starting dosage is 10 mg daily. Maximum dosage is 40 mg daily.'",
      },
      {
        section: "Highlights, Dosage and Administration (§2.4)",
        note: "'patients with severe renal impairment or severe hepatic impairment: Starting dosage is 10 mg daily. Maximum dosage is 40 mg daily.'",
      },
    ],
    notes: [],
  },
  citalopram: {
    mechanism: "Selective serotonin reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'The recommended starting dose is 20 mg per day' (UK SmPC); the label gives a starting dose, used here; maximum 40 mg/day.",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    ageCaps: [
      {
        section: "Highlights, Dosage and Administration (§2.2)",
        note: "'Patients greater than 60 years of age, patients with hepatic impairment, and CYP2C19 poor metabolizers: maximum recommended dosage is 20 mg once daily'; 40 mg/day otherwise. First stated in the FDA's 2011/2012 drug safety communication (read as quoted).",
      },
    ],
    impairmentLimits: [
      {
        section: "Highlights, Dosage and Administration (§2.2)",
        note: "'patients with hepatic impairment ... maximum recommended dosage is 20 mg once daily'. Renal: no adjustment at CrCl 20 mL/min or more, no information below (secondary, not encoded).",
      },
    ],
    notes: [
      "No Hayasaka value: the paper could not estimate an equivalent for this agent (secondary report).",
      "UK: for elderly patients the dose 'should be decreased to half of the recommended dose, e.g. 10-20 mg daily' (UK SmPC).",
    ],
  },
  escitalopram: {
    mechanism: "Selective serotonin reuptake inhibitor (S-enantiomer of citalopram)",
    minimumDose: {
      "licensed-minimum": {
        section: "§2.1 Dosage (major depressive disorder)",
        note: "'The recommended dose of escitalopram tablets is 10 mg once daily'; a fixed-dose trial showed no greater benefit of 20 mg over 10 mg.",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    ageCaps: [
      {
        note: "Elderly or reduced hepatic function: maximum 10 mg; the age cut (65 and over) is the conventional one, not stated by the source. Equals the adult minimum, so a threshold must not rise above 10 mg for older patients.",
      },
    ],
    impairmentLimits: [
      {
        note: "'Elderly or reduced hepatic function: maximum 10 mg' (formulary); the US label's '10 mg/day is the recommended dose' in hepatic impairment was read only in secondary sources.",
      },
    ],
    notes: [],
  },
  fluvoxamine: {
    mechanism: "Selective serotonin reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'The recommended dose is 100 mg daily. Patients should start on 50 or 100 mg' (UK SmPC, Faverin); maximum 300 mg/day.",
      },
      "mgh-atrq": { note: "Below the UK recommended dose of 100 mg/day." },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    notes: [
      "Not US-labelled for depression: the US indication is obsessive-compulsive disorder (secondary source); the licensed value is from the UK SmPC.",
    ],
  },
  venlafaxine: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Highlights, Dosage and Administration table (§2.2)",
        note: "MDD: starting dose 37.5-75 mg/day, target dose 75 mg/day, maximum 225 mg/day (US XR label). The UK prolonged-release SmPC also starts at 75 mg/day (studylib copy, cited before 2026.12.0).",
      },
      "mgh-atrq": {
        note: "Stricter than the label: matches the fluoxetine-40 equivalence (Hayasaka 149.4); whether the canonical MGH-ATRQ uses 75 or 150 is unknown.",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    impairmentLimits: [
      {
        section: "Highlights, Dosage and Administration (§2.7)",
        note: "'reduce the daily dose by 50% in patients with mild to moderate hepatic impairment. In patients with severe hepatic impairment or hepatic cirrhosis, it may be necessary to reduce the dose by more than 50%' (the severe case is a 'may', not encoded).",
      },
      {
        section: "Highlights, Dosage and Administration (§2.6)",
        note: "'reduce the total daily dose by 25% to 50% in patients with renal impairment. Reduce the total daily dose by 50% or more in patients undergoing dialysis or with severe renal impairment.' The larger reduction of the mild-moderate range (50%) is encoded, so that no threshold exceeds a dose the label allows.",
      },
    ],
    notes: [],
  },
  desvenlafaxine: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "§2.1 General Instructions for Use",
        note: "'The 50 mg dose is both a starting dose and the therapeutic dose'; no additional benefit above 50 mg/day. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    impairmentLimits: [
      {
        section: "§2.2 Dosage Recommendations for Patients with Renal Impairment",
        note: "'The maximum recommended dose in patients with moderate renal impairment (24-hr creatinine clearance [ClCr] = 30 to 50 mL/min ...) is 50 mg per day.'",
      },
      {
        section: "§2.2 Dosage Recommendations for Patients with Renal Impairment",
        note: "'The maximum recommended dose in patients with severe renal impairment (ClCr 15 to 29 mL/min ...) or end-stage renal disease ... is 25 mg every day or 50 mg every other day.' Below the adult minimum of 50 mg/day.",
      },
      {
        section: "Dosage in hepatic impairment",
        note: "'Dosages exceeding 100 mg daily are not recommended' (EU-type product information); the US label's §2.3 gives 50 mg/day as the recommended dose for Child-Pugh 7-15 (primary), its next sentence was truncated in the copy read.",
      },
    ],
    notes: ["Not licensed in the UK, so no Maudsley value (research notes clinical.md §2.2)."],
  },
  duloxetine: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        note: "'The starting and recommended maintenance dose is 60 mg once daily' (EU-type product information, secondary). Not confirmed as a licensed minimum: the US label (DailyMed copy of a generic, RMC 04/2020, Highlights §2.2, primary) gives 'Acute Treatment: 40 mg/day (20 mg twice daily) to 60 mg/day' and 60 mg/day for maintenance, so the US minimum would be 40; 60 is kept pending that decision.",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    impairmentLimits: [
      {
        section: "Dosage: Hepatic impairment",
        note: "'Duloxetine should not be used in patients with liver disease resulting in hepatic impairment' (EU-type product information: contraindicated); the US label says avoid (not read).",
      },
      {
        section: "Dosage: Renal insufficiency",
        note: "'No dosage adjustment is necessary for patients with mild or moderate renal dysfunction (creatinine clearance 30 to 80 mL/min)'; severe renal impairment (CrCl below 30) is a contraindication (EU-type) or to be avoided (US, secondary).",
      },
    ],
    notes: ["No Hayasaka value: the paper could not estimate an equivalent for this agent (secondary report)."],
  },
  levomilnacipran: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor",
    atc: { note: "Only in the 2025 copy (the older copy predates it); distinct from milnacipran N06AX17." },
    minimumDose: {
      "licensed-minimum": {
        section: "§2.1 Recommended Dosage",
        note: "'The recommended dosage range for FETZIMA is 40 mg to 120 mg once daily'; start 20 mg for 2 days. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    impairmentLimits: [
      {
        section: "§2.3 Dosage Recommendations for Patients with Renal Impairment",
        note: "'Moderate renal impairment (creatinine clearance of 30 to 59 mL/min), the dosage should not exceed 80 mg once daily'.",
      },
      {
        section: "§2.3 Dosage Recommendations for Patients with Renal Impairment",
        note: "'Severe renal impairment (creatinine clearance of 15 to 29 mL/min), the dosage should not exceed 40 mg once daily'; in end-stage renal disease 'FETZIMA is not recommended' (not a severity of its own here).",
      },
    ],
    notes: ["Not licensed in the UK, so no Maudsley value (research notes clinical.md §2.2)."],
  },
  milnacipran: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor",
    notes: [
      "licensed-minimum omitted: the US label covers fibromyalgia, not depression, and no label for depression (e.g. a non-US SmPC) was read. UpToDate's usual range for depression is 100-200 mg/day.",
      "Not US-licensed for depression.",
    ],
  },
  bupropion: {
    mechanism: "Noradrenaline and dopamine reuptake inhibitor",
    atc: { note: "Plain bupropion; combinations have other codes (N06AX62 with dextromethorphan, A08AA62 with naltrexone)." },
    minimumDose: {
      "licensed-minimum": {
        section: "Highlights, §2.2 Dosage for Major Depressive Disorder",
        note: "Extended release (XL): 'Starting dose: 150 mg/day once daily. Usual target dose: 300 mg once daily'; the SR target is also 300 mg/day (150 mg twice daily). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    impairmentLimits: [
      {
        section: "Highlights, §2.6 Dosage Adjustment in Patients with Hepatic Impairment",
        note: "'Moderate to severe hepatic impairment: 150 mg every other day' (75 mg/day on average, far below the adult 300). Mild hepatic impairment and renal impairment: 'Consider reducing the dose and/or frequency of dosing' (no number, not encoded).",
      },
    ],
    notes: [
      "Sustained release (SR): maximum 400 mg/day (secondary source).",
      "Reported, unverified, not to be licensed for depression in the UK; no Maudsley value.",
    ],
  },
  mirtazapine: {
    mechanism: "Alpha-2 antagonist; 5-HT2 and 5-HT3 antagonist",
    rxnorm: { note: "Never 30121, which is moclobemide (one third-party script has it wrong)." },
    minimumDose: {
      "licensed-minimum": {
        section: "§2.1 Recommended Dosage",
        note: "'The recommended starting dose of mirtazapine tablets is 15 mg once daily'; the UK SmPC gives 15-45 mg as the usual effective range.",
      },
      "maudsley-med": {
        note: "Maudsley value not read in a source; 30 mg is also about the evidence-optimal dose in Furukawa et al. 2019",
      },
      "hayasaka-2015-fe40": { note: "An equivalence, not a minimum: it exceeds the 45 mg/day label maximum." },
    },
    notes: ["Elderly: 'The recommended dose is the same as that for adults' (UK SmPC)."],
  },
  mianserin: {
    mechanism: "Alpha-2 antagonist; 5-HT2 antagonist",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'Treatment should usually commence with 30 mg or 40 mg mianserin per day ... The effective dosage usually lies between 30 mg and 90 mg.'",
      },
    },
    notes: ["Older people: 'Not more than 30 mg a day initially. A lower than normal maintenance dose may be sufficient' (UK SmPC)."],
  },
  trazodone: {
    mechanism: "Serotonin 5-HT2A antagonist and weak reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "§2.1 Dose Selection",
        note: "Starting dose only: 'An initial dose of 150 mg/day in divided doses is suggested' (the stored label text is truncated; no separate therapeutic dose was read).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    notes: [
      "Maximum 400 mg/day for outpatients, 600 mg/day for inpatients (secondary source).",
      "A textbook excerpt gives at least 200 mg/day as the minimum therapeutic dose of trazodone and nefazodone (secondary, research notes clinical.md §2.2).",
    ],
  },
  nefazodone: {
    mechanism: "Serotonin 5-HT2A antagonist and weak reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Initial Treatment",
        note: "'the effective dose range was generally 300 to 600 mg/day' (start 200 mg/day). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    impairmentLimits: [
      {
        section: "Liver Dose Adjustments",
        note: "Contraindicated in active liver disease or raised transaminases (boxed warning for hepatic failure); 'This drug should be discontinued and not restarted if patients develop signs of liver dysfunction (AST or ALT greater than or equal to 3 times the upper limit of normal)'.",
      },
    ],
    notes: [],
  },
  vilazodone: {
    mechanism: "Serotonin reuptake inhibitor and 5-HT1A partial agonist",
    minimumDose: {
      "licensed-minimum": {
        note: "'The 20 mg therapeutic dose can be reached in 8 days'; may be increased to 40 mg (manufacturer page). The label sentence 'The recommended target dosage for VIIBRYD is 20 mg to 40 mg' was searched for but found only paraphrased; the DailyMed copy read stopped before §2.1.",
      },
      "mgh-atrq": {
        note: "Stale: the current US label's recommended target is 20 to 40 mg/day (read only in secondary sources); 40 was the target of the pre-2017 label, which likely explains the form's value. Kept as transcribed; stricter than the labelled therapeutic dose of 20 mg/day.",
      },
    },
    notes: ["'No dose adjustment necessary based on age' and none for hepatic impairment (manufacturer page)."],
  },
  vortioxetine: {
    mechanism: "Serotonin reuptake inhibitor with multiple 5-HT receptor actions",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'The starting and recommended dose of Brintellix is 10 mg vortioxetine once daily in adults less than 65 years of age'; range 5-20 mg. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source; possibly 5" },
    },
    notes: [
      "Patients aged 65 or over: start at 5 mg, 'the lowest effective dose' (EU-type product information, secondary); a 5 mg trial may be adequate there.",
    ],
  },
  agomelatine: {
    mechanism: "MT1/MT2 agonist and 5-HT2C antagonist",
    minimumDose: {
      "licensed-minimum": {
        section: "4.2 Posology and method of administration",
        note: "'The recommended dose is 25 mg once daily taken orally at bedtime'; may rise to 50 mg after 2 weeks (HSA-approved PI; the EMA SmPC itself was not reached). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    impairmentLimits: [
      {
        section: "Contraindications",
        note: "'Hepatic impairment or transaminases exceeding 3x ULN' are contraindications (EU-type product information).",
      },
    ],
    notes: [
      "Not US-licensed.",
      "Thymanax (Servier) was found only in a supplier listing naming it with Valdoxan; its EU market is recalled, not read.",
      "RxNorm code not verified: the research notes list no checked RXCUI for this agent.",
    ],
  },
  reboxetine: {
    mechanism: "Selective noradrenaline reuptake inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'The recommended therapeutic dose is 4 mg twice a day (b.i.d.) i.e.8 mg/day'; the SmPC adds that the minimum effective dose has not been established.",
      },
      "mgh-atrq": { note: "transcribed value; the licensed dose is 8 mg/day (4 mg is the per-administration dose)" },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    notes: [
      "Elderly: reboxetine 'cannot be recommended' (UK SmPC).",
      "Renal or hepatic insufficiency: start at 2 mg twice daily (UK SmPC).",
      "Not US-licensed.",
    ],
  },
  amitriptyline: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration",
        note: "'For outpatients 75 mg of amitriptyline HCl a day in divided doses is usually satisfactory'; hospitalised patients may need 100-300 mg/day.",
      },
      "mgh-atrq": { note: "The top of the label's outpatient range (75, up to 150)." },
    },
    notes: [
      "No Maudsley value: the research notes give only a '75-100?' range (Maudsley calls the TCA minimum effective dose unclear).",
      "Elderly: '10 mg three times a day with 20 mg at bedtime may be satisfactory in adolescent and elderly patients who do not tolerate higher dosages' (about 50 mg/day; US label, Dosage and Administration). A tolerability dose, not a stated maximum, so no age cap (it was an age cap of 50 mg/day over 64 before catalogue 2026.12.0).",
    ],
  },
  nortriptyline: {
    mechanism: "Noradrenaline-predominant reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration",
        note: "'Usual Adult Dose 25 mg 3 or 4 times daily' (75-100 mg/day); above 100 mg/day monitor plasma levels (50-150 ng/mL); above 150 mg/day not recommended.",
      },
    },
    notes: [
      "Elderly: 'Elderly Patients 30 to 50 mg/day in divided doses' (US label, Dosage and Administration) is a usual range, not a stated maximum, so no age cap (it was an age cap of 50 mg/day over 64 before catalogue 2026.12.0); the adult thresholds (75 mg) exceed that range.",
    ],
  },
  imipramine: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor (tricyclic)",
    atc: { note: "N06AA03 is imipramine oxide, a different substance." },
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Usual Adult Dose, Outpatients",
        note: "'Outpatients – Initially, 75 mg/day increased to 150 mg/day'; Tofranil-PM: '150 mg/day which is the dose level at which optimum response is usually obtained'. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    notes: [
      "'Doses over 200 mg/day are not recommended' (secondary source).",
      "WPA 1974 defined resistance as no response to at least 150 mg/day imipramine (or equivalent) for 4-6 weeks (quoted in Cochrane protocol CD010557).",
      "Adolescent and geriatric patients: 'Initially, 30 to 40 mg/day; it is generally not necessary to exceed 100 mg/day' (Tofranil US label, Dosage and Administration). A remark, not a stated maximum, so no age cap (it was an age cap of 100 mg/day over 64 before catalogue 2026.12.0).",
    ],
  },
  desipramine: {
    mechanism: "Noradrenaline-predominant reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Usual Adult Dose",
        note: "'The usual adult dose is 100 to 200 mg per day'; up to 300 in more severely ill patients. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    ageCaps: [
      {
        section: "Usual Geriatric Dose",
        note: "'Desipramine hydrochloride dosages exceeding 150 mg daily are not recommended in these age groups' (AHFS text; drugs.com 'Maximum dose: 150 mg'); the Norpramin label's own sentence was truncated in the copy read after 'The usual adolescent and geriatric dose is 25 to 100 mg daily'. The label says 'geriatric'; 65 and over is the catalogue's conventional cut.",
      },
    ],
    notes: [],
  },
  clomipramine: {
    mechanism: "Serotonin-predominant reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        note: "UK: 'Initial dose: 10mg per day, increasing gradually to 30 to 150mg per day if required'; maximum 250 mg in severe cases (SmPC-derived monograph). UpToDate's usual range is 100-250 mg/day.",
      },
    },
    notes: [
      "Not US-licensed for depression (the US label covers obsessive-compulsive disorder only).",
      "Elderly (UK): 'Increased to optimum level of 30 to 75mg daily' (secondary); a target range, not encoded as a cap.",
    ],
  },
  doxepin: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "Highlights, Dosage and Administration (§2.2)",
        note: "'Recommended target total dosage range is between 75 mg/day and 150 mg/day'; 75 mg once daily is also a recommended starting dose. Corrected from 100 (UpToDate's usual-range lower bound) in catalogue 2026.12.0.",
      },
    },
    notes: [],
  },
  protriptyline: {
    mechanism: "Noradrenaline-predominant reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Usual Adult Dosage",
        note: "'Fifteen to 40 mg a day divided into 3 or 4 doses'; up to 60 mg. Previously UpToDate's range floor (same value). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    notes: [],
  },
  trimipramine: {
    mechanism: "Tricyclic antidepressant; weak reuptake inhibitor, receptor antagonist",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage: Outpatients and Office Patients (as transcribed)",
        note: "'Outpatients: Initially, 75 mg/day PO in divided doses. May increase to 150 mg/day. Do not exceed 200 mg/day ... Maintenance dose is 50-150 mg/day' (Surmontil US label as transcribed; the label's own dosage section was not reached). 150 is the titration target; UpToDate's usual range, 150-300 mg/day, cited before catalogue 2026.12.0, agrees.",
      },
    },
    ageCaps: [
      {
        section: "Adolescent and Geriatric Patients",
        note: "'Geriatric patients 50 mg/day PO with gradual increases up to 100 mg/day PO' (Surmontil US label as transcribed; the label's own dosage section was not reached). 'Geriatric' is not given an age; 65 and over is the catalogue's conventional cut. Below the adult minimum of 150, so the threshold falls to 100 at that age.",
      },
    ],
    notes: [],
  },
  dosulepin: {
    mechanism: "Serotonin and noradrenaline reuptake inhibitor (tricyclic)",
    rxnorm: { note: "RxNorm names it dothiepin." },
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'Adults: Initially 75 mg/day ... increasing to 150 mg/day'; 150 is the dose the SmPC titrates to (75 is its starting dose); up to 225 mg in hospital use.",
      },
    },
    notes: [
      "Elderly: 50-75 mg daily initially; 'Half the normal adult dose may be sufficient to produce a satisfactory clinical response' (UK SmPC), so the adult threshold may be too high for older patients.",
    ],
  },
  lofepramine: {
    mechanism: "Noradrenaline-predominant reuptake inhibitor (tricyclic)",
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology",
        note: "'70 mg twice daily (140 mg)' or three times daily (210 mg); read on emc by the 2026.11.0 audit, not re-read since. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source; the same 140 appears in a textbook excerpt (secondary)" },
      "hayasaka-2015-fe40": { note: "An equivalence, not a minimum: it exceeds the usual 210 mg/day." },
    },
    notes: [
      "Elderly 'may respond to lower doses in some cases' (secondary source).",
      "Brands: Lomont (UK oral suspension and tablets; patient.info, an SmPC copy) and Feprapax (UK; BMA guide); Gamanil is Irish, discontinued in the UK (encyclopaedia pages, secondary).",
    ],
  },
  maprotiline: {
    mechanism: "Noradrenaline reuptake inhibitor (tetracyclic)",
    atc: { note: "Filed by WHO under N06AA (non-selective monoamine reuptake inhibitors), not a separate tetracyclic group." },
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration (label-derived)",
        note: "US label as transcribed: 'Initial dose: 75 mg ... Maintenance dose: 75 to 150 mg/day'; Ludiomil-type SmPC text: 'The recommended dose range is between 75 and 150 mg daily'. 150 is the dose at which 'most outpatients' respond (a stricter choice). The verbatim label's dosage section was not read, hence secondary. Corrected from 100 (UpToDate's usual-range lower bound; in no label text seen) in catalogue 2026.12.0.",
      },
    },
    ageCaps: [
      {
        section: "Elderly patients (more than 60 years of age)",
        note: "Ludiomil-type SmPC text: 'Elderly patients (more than 60 years of age) In general, lower dosages are recommended. Initially, 10 mg 3 times daily or 25 mg once daily ... gradually increased in small increments up to 25 mg 3 times da[ily]' (75 mg/day); the US label as transcribed: 'Patients over the age of 60 years had a satisfactory response with a maintenance dose of 50 to 75 mg/day'.",
      },
    ],
    notes: [],
  },
  phenelzine: {
    mechanism: "Irreversible non-selective monoamine oxidase inhibitor",
    minimumDose: {
      "licensed-minimum": {
        note: "'Increase to at least 60 mg per day fairly rapidly ... Clinical response may not be seen until at least 4 weeks at 60 mg per day dosing' (label-derived); up to 90 mg/day.",
      },
      "mgh-atrq": { note: "Below the label's 'at least 60 mg per day'." },
    },
    ageCaps: [
      {
        note: "'Elderly should receive no more than 60 mg/day'; the age cut (65 and over) is the conventional one, not stated by the source.",
      },
    ],
    impairmentLimits: [
      {
        section: "Contraindications",
        note: "'Nardil should not be used in patients ... with ... a history of liver disease, or abnormal liver function tests' (label contraindications as summarised).",
      },
    ],
    notes: [],
  },
  tranylcypromine: {
    mechanism: "Irreversible non-selective monoamine oxidase inhibitor",
    minimumDose: {
      "licensed-minimum": { note: "'30 mg per day, orally, in divided doses'; maximum 60 mg/day." },
    },
    impairmentLimits: [
      { section: "Liver Dose Adjustments", note: "'Patients with abnormal liver function tests: Contraindicated' (older label wording)." },
    ],
    notes: ["A German review table gives standard 10-30 mg/day and high 80 mg/day (Dtsch Arztebl 2008)."],
  },
  isocarboxazid: {
    mechanism: "Irreversible non-selective monoamine oxidase inhibitor",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration",
        note: "'Dosage should be started with one tablet (10 mg) of Marplan twice daily ... to achieve a dosage of four tablets daily (40 mg) by the end of the first week of treatment'; maximum 60 mg/day. Label wording read as reproduced by CenterWatch (not a label host), hence secondary. Corrected from 10 (UpToDate's usual-range lower bound, below even the 20 mg/day starting dose) in catalogue 2026.12.0.",
      },
    },
    impairmentLimits: [
      {
        section: "Contraindications",
        note: "'History of liver disease or abnormal liver function tests' is a contraindication (Marplan label as summarised).",
      },
      { section: "Contraindications", note: "Severe renal impairment is a contraindication (Marplan label as summarised)." },
    ],
    notes: [],
  },
  "selegiline-transdermal": {
    mechanism: "Irreversible monoamine oxidase inhibitor (transdermal; MAO-A and MAO-B at antidepressant doses)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration: Initial Treatment",
        note: "mg per 24 h patch: 'The recommended starting dose and target dose for EMSAM is 6 mg/24 hours' (older, pre-PLR label); maximum 12 mg/24 h. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "mgh-atrq": { note: "6 mg/24 h patch." },
    },
    notes: [
      "Not identified by code: its only ingredient codes (ATC N04BD01, an anti-Parkinson MAO-B class code, WHO ATC index 2025; RxNorm 9639, secondary listing) also identify oral selegiline, a Parkinson's drug, so findDrug matches this entry by name only (Emsam, selegiline patch) and never counts an oral selegiline record as an antidepressant trial.",
      "Doses are mg per 24 h patch.",
      "Oral selegiline (used in Parkinson's disease) is not this entry, so the bare name 'selegiline' is deliberately not a synonym. Its RxNorm (9639) and ATC (N04BD01) codes are ingredient-level and also fit oral selegiline: confirm the transdermal route before counting a code-only record as an antidepressant trial.",
    ],
  },
  moclobemide: {
    mechanism: "Reversible inhibitor of monoamine oxidase A",
    rxnorm: { note: "30121 is moclobemide, not mirtazapine (15996)." },
    minimumDose: {
      "licensed-minimum": {
        section: "SmPC 4.2 Posology: Adults, major depression",
        note: "'The recommended initial dose is 300mg daily ... may be increased up to 600mg/day'; responders may be reduced to 150 mg/day for maintenance (not an adequacy threshold). Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
      "maudsley-med": { note: "Maudsley value not read in a source" },
    },
    notes: ["A German review table gives initial 150, standard 300-600 and high 900 mg/day (Dtsch Arztebl 2008, PMC2697009)."],
  },
  amoxapine: {
    mechanism: "Noradrenaline reuptake inhibitor with D2 antagonism (dibenzoxazepine; N-desmethyl loxapine)",
    minimumDose: {
      "licensed-minimum": {
        section: "Dosage and Administration",
        note: "'Usual effective dosage is 200 to 300 mg daily'. The label also defines an adequate trial: 'Three weeks constitutes an adequate period of trial providing dosage has reached 300 mg daily (or lower level of tolerance) for at least two weeks'.",
      },
      "mgh-atrq": {
        note: "Value on the COMP006 transcription of the form as reported by the catalogue audit of 2026.11.0 (research notes catalogue-audit.md §4); the canonical MGH-ATRQ was not read. Below the label's usual effective dosage of 200 mg/day.",
      },
    },
    notes: [
      "Elderly: 'In general, lower dosages are recommended'; start 25 mg two or three times daily (US label); '100 to 150 mg daily may be adequate for many elderly patients' (drugs.com) is a remark, not a maximum.",
      "Asendin is a discontinued US brand; generic amoxapine tablets remain. Other brands (Moxadil, Amoxan) were reported but not verified.",
    ],
  },
  tianeptine: {
    mechanism: "Mu-opioid receptor agonist with glutamatergic modulation (atypical antidepressant)",
    minimumDose: {
      "licensed-minimum": {
        section: "4.2 Posologie et mode d'administration",
        note: "'La posologie recommandée est de 1 comprimé dosé à 12,5 mg trois fois par jour' (37.5 mg/day).",
      },
      "mgh-atrq": {
        note: "Value on the COMP006 transcription of the form as reported by the catalogue audit of 2026.11.0 (research notes catalogue-audit.md §4); the canonical MGH-ATRQ was not read.",
      },
    },
    impairmentLimits: [
      {
        section: "4.2 Posologie et mode d'administration",
        note: "'Chez les patients insuffisants rénaux sévères (ClCr < 19ml/min), limiter la posologie à 2 comprimés par jour' (25 mg/day).",
      },
      {
        section: "4.2 Posologie et mode d'administration",
        note: "'Chez les patients atteints de cirrhose sévère (Classe C, Score de Child Pugh), limiter la posologie à 2 comprimés par jour' (25 mg/day).",
      },
    ],
    notes: [
      "Elderly: 'Aucune adaptation posologique en rapport avec l'âge n'est nécessaire'; frail elderly patients under 55 kg are limited to 25 mg/day (French SmPC 2019), a weight-based limit the age-cap type cannot hold. The 2014 SmPC limited patients over 70 to 25 mg/day.",
      "Not approved in the US, where the FDA has warned about tianeptine sold as a supplement; Coaxil is Servier's brand in central and eastern Europe and Russia (market as reported, not verified per country).",
    ],
  },
  opipramol: {
    mechanism: "Tricyclic (dibenzazepine) with sigma-receptor agonism; mainly anxiolytic",
    minimumDose: {
      "mgh-atrq": {
        note: "Value on the COMP006 transcription of the form as reported by the catalogue audit of 2026.11.0 (research notes catalogue-audit.md §4); the canonical MGH-ATRQ was not read. 150 mg/day is the Swiss label's dose for moderate cases.",
      },
    },
    notes: [
      "Not licensed for depression in Germany: the German SmPC's indications are generalised anxiety disorder and somatoform disorders (Insidon Fachinformation 4.1, read in a copy dated 30.08.11); the Swiss label covers 'Verstimmungszustände ... und Depressivität' (mild 50-100, moderate 150, at most 300 mg/day). A trial for another indication may not be an antidepressant trial.",
      "licensed-minimum omitted: no label licenses it for major depression, so no licensed depression dose exists; German usual dose 200 mg/day (50 + 50 + 100 mg).",
    ],
  },
  pirlindole: {
    mechanism: "Reversible inhibitor of monoamine oxidase A (tetracyclic)",
    notes: [
      "No ATC code: the WHO ATC index (2025 copy) has no pirlindole entry, and N06AX15, sometimes given for it, is pivagabine. Russian labels print only the group N06AX. No RxNorm ingredient was found (not US-marketed).",
      "No dose threshold: no label was read. A randomised trial dosed pirlindole at 150-300 mg/day against moclobemide 300-600 mg/day (Tanghe et al., Acta Psychiatr Scand 1997; abstract, secondary), which is trial dosing, not a licensed minimum.",
      "Pyrazidol is a transliteration of Pirazidol; Normazidol was also reported (not verified).",
    ],
  },
  pipofezine: {
    mechanism: "Tricyclic antidepressant (Russia)",
    notes: [
      "No ATC code in the WHO ATC index (2025 copy) and no RxNorm ingredient found.",
      "No dose threshold: 'An initial dose is 25 mg given four [times daily]' (Martindale, page copy truncated after that) is a starting dose from a reference work; the Russian label was not read, and no maintenance or effective dose was.",
    ],
  },
  noxiptiline: {
    mechanism: "Tricyclic antidepressant (dibenzosuberone oxime ether; withdrawn)",
    notes: [
      "Kept so that a record naming it resolves; no source could be read for it: no ATC code in the WHO ATC index (2025 copy), no RxNorm ingredient, no dose. Historic German brands (Agedal, Elronon) were reported but not verified, so they are not matched.",
    ],
  },
  "dextromethorphan-bupropion": {
    mechanism: "Dextromethorphan (NMDA antagonist, sigma-1 agonist) with bupropion (NDRI, CYP2D6 inhibitor raising dextromethorphan levels) in one tablet",
    atc: { note: "WHO: 'bupropion and dextromethorphan'. Plain bupropion is N06AX12." },
    minimumDose: {
      "licensed-minimum": {
        section: "§2.2 Recommended Dosage for the Treatment of MDD",
        note: "Dextromethorphan hydrobromide component: 'After 3 days, increase to the maximum recommended dosage of one tablet twice daily' (45 mg dextromethorphan HBr and 105 mg bupropion HCl per tablet), so 90 mg/day dextromethorphan with 210 mg/day bupropion. Compare a record's dextromethorphan dose with it. The 210 mg/day of bupropion is below bupropion's own threshold of 300, so an Auvelity course is its own agent, never a bupropion trial.",
      },
    },
    impairmentLimits: [
      {
        section: "§2.3 Dosage Recommendations for Patients with Renal Impairment",
        note: "'The recommended dosage of AUVELITY for patients with moderate renal impairment (eGFR 30 to 59 mL/minute/1.73 m2) is one tablet once daily in the morning' (45 mg/day dextromethorphan).",
      },
    ],
    notes: [
      "One tablet a day is also the label's dose with strong CYP2D6 inhibitors and in CYP2D6 poor metabolisers (not encodable as an impairment limit).",
      "No RxNorm ingredient: a combination has none; its ingredients are dextromethorphan 3289 and bupropion 42347 (CPIC drug table, secondary). A code-only record of 42347 resolves to bupropion, so resolve Auvelity records by name.",
      "Not authorised in the UK or EU (none found).",
    ],
  },
  gepirone: {
    mechanism: "Serotonin 5-HT1A receptor agonist (azapirone)",
    ageCaps: [
      {
        note: "Elderly patients: start 18.2 mg/day, at most 36.3 mg/day (US label as summarised); 'elderly' without an age, so 65 and over is the catalogue's conventional cut.",
      },
    ],
    impairmentLimits: [
      { note: "Creatinine clearance 50 mL/min or less: start 18.2 mg/day, at most 36.3 mg/day (US label as summarised)." },
      { note: "Child-Pugh B: start 18.2 mg/day, at most 36.3 mg/day (US label as summarised)." },
      { note: "Child-Pugh C: contraindicated (US label as summarised)." },
    ],
    notes: [
      "No dose threshold: the label gives a titration, not an effective minimum: 'The recommended starting dose is 18.2 mg ... may be increased to 36.3 mg once daily on Day 4 ... to 54.5 mg once daily after Day 7 and to 72.6 mg once daily after an additional week' (US label wording as reproduced by CenterWatch, secondary). Most trial patients ended on 72.6 mg. A threshold would be a choice, so none is encoded.",
      "RxNorm code not verified.",
    ],
  },
  lithium: {
    mechanism: "Mood stabiliser; mechanism in depression uncertain",
    rxnorm: {
      note: "Base ingredient 'lithium', seen in a UMLS-derived record and app files only (definitions-verified.md §8); absent from the CPIC table. Whether lithium carbonate and citrate have separate concepts was not verified.",
    },
    adequacy: {
      section: "abstract",
      note: "Adequate lithium augmentation: a serum level of at least 0.5 mEq/L (= mmol/L), or without a level at least 800 mg/day, for at least 2 weeks (the meta-analysis's inclusion rule, read in its abstract; secondary by the catalogue's rule, which keeps primary for regulators' labels). The Maudsley guidelines' 0.4-0.8 mmol/L (secondary) would lower the level to 0.4.",
    },
    notes: [
      "licensed-minimum omitted: dosing is by serum level ('Dosage must be individualised depending on serum lithium levels and clinical response', UK SmPC); no labelled mg figure exists.",
      "The only augmenting agent with a verified adequacy rule (level, dose fallback and weeks); the antipsychotic augmenters have labelled adjunct doses but no source sets a minimum duration for an augmentation trial, so the rule set's weeks apply.",
      "Augmentation serum target 0.4-0.6 mmol/L (Australian eTG, secondary); STAR*D used up to 900 mg/day (Nierenberg et al. 2006).",
      "The UK indication includes recurrent depression (Camcolit SmPC).",
    ],
  },
  aripiprazole: {
    mechanism: "Dopamine D2 and 5-HT1A partial agonist",
    minimumDose: {
      "licensed-minimum": {
        section: "§2.3 Adjunctive Treatment of Major Depressive Disorder (as quoted, not read)",
        note: "Adjunct to antidepressants in MDD: start 2-5 mg/day, target 5-10 mg/day, maximum 15 mg/day, as the US label is quoted in a 2011 AJP letter and on Medscape (Citrome 2013); the label itself was not read (two phrase searches failed), so secondary (was primary before catalogue 2026.12.0).",
      },
    },
    notes: [],
  },
  quetiapine: {
    mechanism: "Dopamine D2 and 5-HT2A antagonist",
    rxnorm: {
      note: "Seen in three third-party app files only (research notes definitions-verified.md §8); absent from the CPIC table and from the ATC-grouped listing. Check in RxNav before relying on it.",
    },
    minimumDose: {
      "licensed-minimum": {
        note: "Quetiapine XR adjunct: 'Effective doses range from 150-300 mg/day when added to ongoing antidepressant therapy' (AI page; the label and SmPC were not read).",
      },
      "mgh-atrq": { note: "Study-specific rule on the form: quetiapine 150 mg/day as adjunctive treatment counts as an adequate trial." },
    },
    notes: [
      "Real-world doses can be far below the label (mean maintenance 40.7 mg/day in Pae 2015, abstract), so a dose threshold matters.",
    ],
  },
  brexpiprazole: {
    mechanism: "Dopamine D2 and 5-HT1A partial agonist, 5-HT2A antagonist",
    atc: { note: "Only in the 2025 copy (the older copy predates it)." },
    minimumDose: {
      "licensed-minimum": {
        section: "§2.2 Adjunctive Treatment of Major Depressive Disorder",
        note: "'Titrate to 1 mg once daily, then titrate to the target dosage of 2 mg once daily'; start 0.5 or 1 mg; maximum 3 mg/day.",
      },
    },
    impairmentLimits: [
      {
        note: "'Reduce maximum dose to 2 mg daily if the patient has: Moderate to severe hepatic impairment (Child-Pugh score ≥7)' (AI page citing the US label); equal to the adjunct target of 2 mg. Canada: maximum 1.25 mg/day (rexulti.ca, secondary).",
      },
    ],
    notes: [],
  },
  cariprazine: {
    mechanism: "Dopamine D3 and D2 partial agonist",
    atc: { note: "Only in the 2025 copy (the older copy predates it)." },
    minimumDose: {
      "licensed-minimum": {
        note: "'The lowest dose (1.5 mg) is a therapeutic dose as an adjunctive therapy to antidepressants for MDD'; maximum 3 mg/day (manufacturer page; the label was not read).",
      },
    },
    notes: ["RxNorm code not verified (a recalled code was not found in any listing)."],
  },
  "olanzapine-fluoxetine": {
    mechanism: "Olanzapine (D2/5-HT2A antagonist) with fluoxetine (SSRI) in one capsule",
    atc: {
      note: "N06CA03 is 'fluoxetine and psycholeptics', a generic combination code not specific to olanzapine; WHO has no 'olanzapine and fluoxetine' code. The code is in the index; its use for Symbyax was read only in an RxNav-based test file.",
    },
    minimumDose: {
      "licensed-minimum": {
        section: "§2.2 Treatment Resistant Depression",
        note: "Olanzapine component only, always with fluoxetine 25 mg: 'generally beginning with the 6 mg/25 mg capsule'; efficacy was shown at olanzapine 6-18 mg with fluoxetine 25-50 mg. Upgraded secondary -> primary in catalogue 2026.12.0 (label read in the copy named by the source).",
      },
    },
    notes: [
      "The licensed-minimum value is the olanzapine component (6 mg) of a 6/25 mg olanzapine/fluoxetine dose; the type holds one number, so compare olanzapine doses with it.",
      "Start at 3/25 mg if prone to hypotension, with hepatic impairment, slow metabolism, or in geriatric patients; safety above 18/75 mg was not evaluated (secondary).",
      "RxNorm code not verified for the combination; its ingredients are olanzapine 61381 and fluoxetine 4493 (CPIC drug table).",
    ],
  },
  olanzapine: {
    mechanism: "Dopamine D2 and 5-HT2A antagonist",
    notes: [
      "Role: augmenting agent, not an antidepressant. The Zyprexa label's efficacy in depression was established only with fluoxetine (Symbyax or Zyprexa plus fluoxetine) for treatment-resistant depression, 'None with ZYPREXA monotherapy' (US label indications as excerpted, secondary). So a trial of olanzapine alone is not an antidepressant trial; olanzapine given with fluoxetine is the combination (see olanzapine/fluoxetine).",
      "No licensed dose for depression alone; with fluoxetine, the treatment-resistant-depression dose is olanzapine 6-18 mg/day (Symbyax US label §2.2, primary; see olanzapine/fluoxetine).",
    ],
  },
  liothyronine: {
    mechanism: "Thyroid hormone (T3)",
    atc: { note: "WHO name 'liothyronine sodium'; H03AA03 is the levothyroxine and liothyronine combination." },
    notes: [
      "licensed-minimum omitted: no label or guideline augmentation dose was found; STAR*D used up to 50 µg/day (0.05 mg; Nierenberg et al. 2006). '25-50 µg typical' is recalled, unverified.",
      "RxNorm code not verified.",
      "Tertroxin as a UK brand is recalled; no source read this session confirms its market.",
    ],
  },
  esketamine: {
    mechanism: "Non-competitive NMDA receptor antagonist (nasal spray)",
    atc: {
      note: "The antidepressant code (Spravato); esketamine also has the anaesthetic code N01AX14, the only one in older copies of the index.",
    },
    adequacy: {
      note: "Given in supervised sessions: twice weekly in weeks 1-4, weekly in weeks 5-8, then every 2 weeks or weekly (56 or 84 mg; 28 mg to start at 65 and over). No source read defines how many sessions make an adequate course.",
    },
    notes: [
      "Dosed per session, not per day, so no daily minimum is given.",
      "Adults under 65: weeks 1-4, 56 mg on day 1 then 56 or 84 mg twice weekly; weeks 5-8, 56 or 84 mg weekly; from week 9, 56 or 84 mg every 2 weeks or weekly (MIMS Hong Kong; spravatohcp.com).",
      "Adults 65 and over: start at 28 mg, then 28, 56 or 84 mg; doses change in 28 mg steps, with observation for at least 2 hours after each dose (MIMS Hong Kong; spravatohcp.com).",
      "EU: given with an SSRI or SNRI; US: with an oral antidepressant, and since January 2025 also as monotherapy (secondary).",
    ],
  },
  ketamine: {
    mechanism: "Non-competitive NMDA receptor antagonist (racemic)",
    atc: { note: "Anaesthetic code: WHO has no antidepressant code for racemic ketamine." },
    adequacy: {
      note: "Given for depression in sessions (off-label); no dosing or adequate course for depression was found in a source, so this only records that adequacy is not a daily dose.",
    },
    notes: [
      "Dosed per session, not per day, so no daily minimum is given; no ketamine dosing for depression was found in the research notes.",
      "RxNorm code not verified: 6130 was recalled and found only in a secondary project document, while a third-party README example labels 6130 as ketoprofen; needs an RxNav check.",
    ],
  },
  zuranolone: {
    mechanism: "Neuroactive steroid; GABA-A receptor positive allosteric modulator (oral)",
    impairmentLimits: [
      {
        section: "Highlights, §2.3",
        note: "'Severe Hepatic Impairment: Recommended dosage is 30 mg orally once daily in the evening for 14 days.'",
      },
      { note: "30 mg/day for 14 days also with eGFR below 60 mL/min/1.73 m2 (summary of the US label; not read in the label itself)." },
    ],
    adequacy: {
      section: "Highlights; §2.1 Recommended Dosage",
      note: "'Recommended dosage is 50 mg orally once daily in the evening for 14 days'; 'Dosage may be reduced to 40 mg once daily if CNS depressant effects occur'. US indication: postpartum depression in adults only, not major depression in general; 'can be used alone or as an adjunct to oral antidepressant therapy'.",
    },
    notes: [
      "A fixed 14-day course, not a daily dose held for weeks: its adequacy is a completed course (see adequacy), which the classifier judges separately.",
      "Licensed in the US for postpartum depression only; an EU authorisation was reported but not verified.",
      "RxNorm code not verified.",
    ],
  },
  brexanolone: {
    mechanism: "Neuroactive steroid; GABA-A receptor positive allosteric modulator (intravenous allopregnanolone)",
    adequacy: {
      section: "§2.1 (as summarised)",
      note: "'Give as a continuous IV infusion over 60hrs (2.5 days)': 30 mcg/kg/h for hours 0-4, 60 for 4-24, 90 for 24-52 (60 if not tolerated), 60 for 52-56, 30 for 56-60 (US label as summarised by MPR and Medscape; the label's §2.1 was not read). US indication: postpartum depression only.",
    },
    notes: [
      "A single 60-hour infusion, not a daily dose: its adequacy is a completed infusion (see adequacy), which the classifier judges separately.",
      "End-stage renal disease (eGFR below 15): 'Avoid use' (label §8.7, read in a label copy without a revision); no hepatic adjustment (§8.6). Not encoded as a limit: the catalogue's severities do not separate end-stage disease.",
      "Licensed in the US for postpartum depression only; reported to be withdrawn from the US market (not verified).",
      "RxNorm code not verified.",
    ],
  },
};
