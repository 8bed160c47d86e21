/**
 * A drug trial: one agent given for a period, with its dose over time.
 *
 * @module
 */
import * as z from "zod";
import { deepFreeze } from "../internal/deepFreeze";
import { AtcCodeSchema, IdSchema, IsoDateSchema, LIMITS, NameSchema, RecordedOutcomeSchema, RxNormCodeSchema } from "./primitives";

/**
 * The agent of a trial: a generic or brand name, an RxNorm code or an ATC code (at least one).
 * When several are given, the catalogue look-up tries RxNorm, then ATC, then the name.
 *
 * @example
 * import { AgentSchema } from "trd-classifier";
 * AgentSchema.parse({ name: " Zoloft " }); //=> { name: "Zoloft" }
 * AgentSchema.safeParse({}).success; //=> false
 */
export const AgentSchema = z
  .strictObject({
    name: NameSchema.optional(),
    rxnorm: RxNormCodeSchema.optional(),
    atc: AtcCodeSchema.optional(),
  })
  .superRefine((agent, ctx) => {
    if (agent.name === undefined && agent.rxnorm === undefined && agent.atc === undefined) {
      ctx.addIssue({ code: "custom", message: "at least one of name, rxnorm or atc", params: { trdCode: "agent_missing" } });
    }
  });

/**
 * The agent of a trial.
 *
 * @example
 * import { AgentSchema, resolveAgent } from "trd-classifier";
 * const agent: Agent = AgentSchema.parse({ name: "Lustral", rxnorm: "36437" });
 * resolveAgent(agent)?.id; //=> "sertraline"
 */
export interface Agent extends z.output<typeof AgentSchema> {}

/**
 * One dated dose: from this date on (until the next change or the trial's end) the patient took
 * `mgPerDay`. A dose of 0 records a pause.
 *
 * @example
 * import { DoseChangeSchema } from "trd-classifier";
 * DoseChangeSchema.parse({ from: "2024-01-01", mgPerDay: 50 }); //=> { from: "2024-01-01", mgPerDay: 50 }
 * DoseChangeSchema.safeParse({ from: "2024-01-01", mgPerDay: -50 }).success; //=> false
 */
export const DoseChangeSchema = z.strictObject({
  from: IsoDateSchema,
  mgPerDay: z.number().min(0).max(LIMITS.maxMgPerDay),
});

/**
 * One dated dose.
 *
 * @example
 * import { DoseChangeSchema } from "trd-classifier";
 * const change: DoseChange = DoseChangeSchema.parse({ from: "2024-01-15", mgPerDay: 100 });
 * change; //=> { from: "2024-01-15", mgPerDay: 100 }
 */
export interface DoseChange extends z.output<typeof DoseChangeSchema> {}

/**
 * Adherence: a documented fraction of doses taken (0-1, for example a proportion of days
 * covered), or a clinician's judgement.
 *
 * @example
 * import { AdherenceSchema } from "trd-classifier";
 * AdherenceSchema.parse(0.9); //=> 0.9
 * AdherenceSchema.safeParse(1.5).success; //=> false
 */
export const AdherenceSchema = z.union([z.number().min(0).max(1), z.enum(["good", "poor", "unknown"])], {
  error: "a fraction from 0 to 1, or one of good, poor, unknown",
});

/**
 * Adherence as recorded.
 *
 * @example
 * import { AdherenceSchema } from "trd-classifier";
 * const adherence: Adherence = AdherenceSchema.parse("good");
 * adherence; //=> "good"
 */
export type Adherence = z.output<typeof AdherenceSchema>;

/**
 * Why a trial stopped. `intolerance` covers side effects; a trial stopped for intolerance is
 * never counted as a failure of efficacy.
 *
 * @example
 * import { StopReasonSchema } from "trd-classifier";
 * StopReasonSchema.options; //=> ["ineffective", "intolerance", "remission", "patient-choice", "cost", "other", "unknown"]
 */
export const StopReasonSchema = z.enum(["ineffective", "intolerance", "remission", "patient-choice", "cost", "other", "unknown"]);

/**
 * Why a trial stopped.
 *
 * @example
 * import { StopReasonSchema } from "trd-classifier";
 * const reason: StopReason = StopReasonSchema.parse("intolerance");
 * reason; //=> "intolerance"
 */
export type StopReason = z.output<typeof StopReasonSchema>;

/**
 * How the agent was used: alone, added to an antidepressant to augment it (lithium,
 * an antipsychotic, T3), or combined with another antidepressant.
 *
 * @example
 * import { TrialRoleSchema } from "trd-classifier";
 * TrialRoleSchema.options; //=> ["monotherapy", "augmentation", "combination"]
 */
export const TrialRoleSchema = z.enum(["monotherapy", "augmentation", "combination"]);

/**
 * How the agent was used.
 *
 * @example
 * import { TrialSchema } from "trd-classifier";
 * const role: TrialRole = TrialSchema.parse({ id: "t1", agent: { name: "sertraline" }, start: "2024-01-01", mgPerDay: 50 }).role;
 * role; //=> "monotherapy"
 */
export type TrialRole = z.output<typeof TrialRoleSchema>;

/**
 * A change of adherence during a trial: from `from`, adherence was this (a fraction of doses
 * taken, or a clinician's judgement), until the next change. Days of poor adherence do not count
 * toward the weeks at an adequate dose.
 *
 * @example
 * AdherenceChangeSchema.parse({ from: "2024-02-15", adherence: "poor" });
 */
export const AdherenceChangeSchema = z.strictObject({
  from: IsoDateSchema,
  adherence: AdherenceSchema,
});

/**
 * A serum level during a trial (lithium: mmol/L, the same number as mEq/L).
 *
 * @example
 * SerumLevelSchema.parse({ date: "2024-02-01", mmolPerL: 0.6 });
 */
export const SerumLevelSchema = z.strictObject({
  date: IsoDateSchema,
  mmolPerL: z.number().positive().max(10),
});

/**
 * Side effects recorded during a trial that continued (a trial stopped for them has
 * `stopReason: "intolerance"`). No free text: the date and, if known, how severe.
 *
 * @example
 * SideEffectSchema.parse({ date: "2024-01-20", severity: "moderate" });
 */
export const SideEffectSchema = z.strictObject({
  date: IsoDateSchema,
  severity: z.enum(["mild", "moderate", "severe"]).optional(),
});

/**
 * What a course was prescribed for, as the source record states it. Every definition of TRD
 * counts treatments of the depressive episode, so a course given for another condition (an SSRI
 * for post-traumatic stress disorder, amitriptyline for pain) is not a trial. `not-recorded` says
 * that the source had no indication, `not-recognised` that it had one in a code this library does
 * not map; such a course is counted, and the result says so.
 *
 * @example
 * INDICATIONS.includes("pain"); //=> true
 */
export const INDICATIONS = deepFreeze([
  "depression",
  "not-recorded",
  "not-recognised",
  "post-traumatic-stress-disorder",
  "obsessive-compulsive-disorder",
  "anxiety-disorder",
  "pain",
  "insomnia",
  "smoking-cessation",
  "enuresis",
  "migraine",
  "eating-disorder",
  "premenstrual-dysphoric-disorder",
  "vasomotor-symptoms",
  "other-condition",
] as const);

/**
 * The indication of a trial.
 *
 * @example
 * IndicationSchema.parse("post-traumatic-stress-disorder"); //=> "post-traumatic-stress-disorder"
 */
export const IndicationSchema = z.enum(INDICATIONS);

/**
 * What a course was prescribed for.
 *
 * @example
 * import { IndicationSchema } from "trd-classifier";
 * const why: Indication = IndicationSchema.parse("pain");
 * why; //=> "pain"
 * IndicationSchema.safeParse("headache").success; //=> false
 */
export type Indication = z.output<typeof IndicationSchema>;

/**
 * A drug trial. Give the dose either as one `mgPerDay` for the whole trial or as dated `doses`
 * (the first change usually on the start date), or say `doseUnknown: true` when the record has no
 * dose. A trial without `end` is ongoing.
 *
 * @example
 * import { TrialSchema } from "trd-classifier";
 * const trial = TrialSchema.parse({
 *   id: "t1",
 *   agent: { name: "sertraline" },
 *   start: "2024-01-01",
 *   end: "2024-03-01",
 *   doses: [{ from: "2024-01-01", mgPerDay: 50 }, { from: "2024-01-15", mgPerDay: 100 }],
 *   adherence: "good",
 *   stopReason: "ineffective",
 * });
 * [trial.role, trial.doses?.length]; //=> ["monotherapy", 2]
 */
export const TrialSchema = z.strictObject({
  id: IdSchema,
  agent: AgentSchema,
  role: TrialRoleSchema.default("monotherapy"),
  /** For an augmentation or combination: the id of the trial it was added to. */
  augments: IdSchema.optional(),
  start: IsoDateSchema,
  end: IsoDateSchema.optional(),
  mgPerDay: z.number().positive().max(LIMITS.maxMgPerDay).optional(),
  doses: z.array(DoseChangeSchema).min(1).optional(),
  /** Set when the record gives no dose at all (a fill without strength, say): the dose is then reported as unknown, never as too low. */
  doseUnknown: z.literal(true).optional(),
  adherence: AdherenceSchema.optional(),
  stopReason: StopReasonSchema.optional(),
  outcome: RecordedOutcomeSchema.optional(),
  /** What the course was prescribed for; absent means the history's author lists it as a treatment of the depression. */
  indication: IndicationSchema.optional(),
  /** Changes of adherence during the trial, in date order; each holds until the next (`adherence` holds before the first). */
  adherenceChanges: z.array(AdherenceChangeSchema).min(1).optional(),
  /** Serum levels (lithium), in any order. */
  serumLevels: z.array(SerumLevelSchema).min(1).optional(),
  /** Side effects recorded while the trial continued. */
  sideEffects: z.array(SideEffectSchema).min(1).optional(),
});

/**
 * A validated drug trial.
 *
 * @example
 * import { TrialSchema } from "trd-classifier";
 * const trial: Trial = TrialSchema.parse({ id: "t1", agent: { name: "sertraline" }, start: "2024-01-01", mgPerDay: 100 });
 * trial; //=> { id: "t1", agent: { name: "sertraline" }, role: "monotherapy", start: "2024-01-01", mgPerDay: 100 }
 */
export interface Trial extends z.output<typeof TrialSchema> {}
