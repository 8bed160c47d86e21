/**
 * A reproducible synthetic cohort for tests, the demo and the benchmark: realistic variety
 * (titration, switches, augmentation, missing scores, earlier episodes, under-dosing, poor
 * adherence) and bad records at a chosen rate. Every patient has its own seeded generator, so
 * patient i is the same whatever N is.
 */
import { findDrug } from "../catalogue/findDrug";

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** The catalogue's licensed minimum of an agent (the generator doses around it, like a prescriber). */
function licensedMinimum(name: string): number {
  const mg = findDrug(name)?.minimumDose["licensed-minimum"]?.mgPerDay;
  if (mg === undefined) throw new Error(`syntheticCohort: the catalogue has no licensed minimum for ${name}`);
  return mg;
}

// name, licensed minimum (from the catalogue), usual maximum (mg/day; the catalogue has no maxima)
const ANTIDEPRESSANTS: readonly [string, number, number][] = (
  [
    ["sertraline", 200],
    ["escitalopram", 20],
    ["citalopram", 40],
    ["fluoxetine", 60],
    ["paroxetine", 50],
    ["venlafaxine", 225],
    ["duloxetine", 120],
    ["mirtazapine", 45],
    ["bupropion", 450],
    ["vortioxetine", 20],
    ["nortriptyline", 150],
    ["amitriptyline", 150],
  ] as const
).map(([name, max]) => [name, licensedMinimum(name), max]);
// name, daily dose: the catalogue's licensed minimum; lithium has none (it is dosed by serum
// level), so it gets 800 mg/day, a usual augmentation dose (STAR*D used up to 900).
const AUGMENTERS: readonly [string, number][] = [
  ["aripiprazole", licensedMinimum("aripiprazole")],
  ["quetiapine", licensedMinimum("quetiapine")],
  ["lithium", 800],
];
const SCALES: readonly [string, number, number][] = [
  ["PHQ-9", 27, 0.6],
  ["MADRS", 60, 0.15],
  ["HAM-D17", 52, 0.1],
  ["QIDS-SR16", 27, 0.1],
  ["BDI-II", 63, 0.05],
];

/** Options of the generator. */
export interface CohortOptions {
  readonly seed: number;
  /** Fraction of records made invalid (bad JSON, impossible dates, out-of-range scores...). */
  readonly badRate: number;
}

/** The seeded draws of one patient. */
interface Draw {
  readonly r: () => number;
  readonly pick: <T>(xs: readonly T[]) => T;
  readonly chance: (p: number) => boolean;
  readonly int: (lo: number, hi: number) => number;
}

function draws(r: () => number): Draw {
  return {
    r,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T,
    chance: (p: number): boolean => r() < p,
    int: (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1)),
  };
}

/** Where the patient's course of treatment has got to: the next day free and the current severity. */
interface Course {
  day: number;
  severity: number;
  readonly scale: string;
  readonly scaleMax: number;
  readonly trials: Record<string, unknown>[];
  readonly assessments: Record<string, unknown>[];
}

/** Trial number `t` (1-based in ids), its scores, perhaps an augmentation; advances the course. */
function addTrial(d: Draw, t: number, course: Course): void {
  const { scale, scaleMax, trials, assessments } = course;
  const [drug, min, max] = d.pick(ANTIDEPRESSANTS);
  const weeks = d.pick([2, 3, 4, 5, 6, 6, 8, 8, 10, 12, 16]);
  const start = course.day;
  const end = start + weeks * 7 - 1;
  const underdosed = d.chance(0.15);
  const start_mg = Math.max(1, Math.round(min / 2));
  const target = underdosed ? start_mg : d.chance(0.4) ? Math.min(max, min * 2) : min;
  const doses = [{ from: iso(start), mgPerDay: start_mg }];
  if (target !== start_mg && weeks > 2) doses.push({ from: iso(start + 14), mgPerDay: target });
  if (d.chance(0.9)) assessments.push({ date: iso(start - d.int(0, 6)), scale, total: Math.min(scaleMax, course.severity) });
  const improvement = d.pick([0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.45, 0.55, 0.7]);
  const after = Math.max(0, Math.round(course.severity * (1 - improvement)));
  if (d.chance(0.85)) assessments.push({ date: iso(end - d.int(0, 3)), scale, total: after });
  const adherence = d.pick(["good", "good", "good", "poor", "unknown", 0.95, 0.85, 0.6] as const);
  const stopReason = d.pick(["ineffective", "ineffective", "ineffective", "intolerance", "patient-choice", "unknown"]);
  trials.push({ id: `t${t + 1}`, agent: { name: drug }, start: iso(start), end: iso(end), doses, adherence, stopReason });
  if (d.chance(0.15) && weeks >= 6) {
    const [augmenter, dose] = d.pick(AUGMENTERS);
    trials.push({ id: `a${t + 1}`, agent: { name: augmenter }, role: "augmentation", augments: `t${t + 1}`, start: iso(start + 21), end: iso(end), mgPerDay: dose, adherence: "good" });
  }
  course.severity = d.chance(0.5) ? Math.round(scaleMax * (0.4 + d.r() * 0.4)) : after + d.int(0, 4);
  course.day = end + d.int(1, 21);
}

/** One of the five kinds of bad record, made from a good history. */
function spoil(d: Draw, history: Record<string, unknown>, onset: number, scale: string, scaleMax: number): string {
  switch (d.int(0, 4)) {
    case 0:
      return JSON.stringify(history).slice(0, 40);
    case 1:
      return JSON.stringify({ ...history, episode: { onset: "2023-02-30" } });
    case 2:
      return JSON.stringify({ ...history, assessments: [{ date: iso(onset), scale, total: scaleMax + 5 }] });
    case 3: {
      const { episode: _omitted, ...rest } = history;
      return JSON.stringify(rest);
    }
    default:
      return JSON.stringify({ ...history, trials: [{ id: "t1", agent: { name: "sertraline" }, start: iso(onset + 30), end: iso(onset), mgPerDay: 50 }] });
  }
}

/** The NDJSON line of patient `index`. */
export function syntheticPatientLine(index: number, options: CohortOptions): string {
  const d = draws(prng((options.seed * 0x9e3779b1) ^ (index * 0x85ebca6b) ^ 0x5bd1e995));
  const { r, pick, chance, int } = d;
  const id = `syn-${options.seed}-${String(index).padStart(7, "0")}`;
  const onset = dayOf("2018-01-01") + int(0, 5 * 365);
  const scaleRoll = r();
  let acc = 0;
  const [scale, scaleMax] = SCALES.find(([, , w]) => (acc += w) >= scaleRoll) ?? SCALES[0] ?? ["PHQ-9", 27, 1];
  const diagnoses: { condition: string }[] = [{ condition: "major-depressive-disorder" }];
  if (chance(0.03)) diagnoses.push({ condition: "bipolar-disorder" });
  if (chance(0.05)) diagnoses.push({ condition: "thyroid-disease" });
  if (chance(0.04)) diagnoses.push({ condition: "substance-use-disorder" });
  const severity = Math.round(scaleMax * (0.45 + r() * 0.35));
  const course: Course = { day: onset + int(3, 40), severity, scale, scaleMax, trials: [], assessments: [] };
  const nTrials = pick([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6]);
  for (let t = 0; t < nTrials; t++) addTrial(d, t, course);
  const history: Record<string, unknown> = {
    id,
    patient: { birthDate: iso(dayOf("1940-01-01") + int(0, 60 * 365)), sex: pick(["female", "male"]), diagnoses },
    episode: { onset: iso(onset) },
    ...(chance(0.3) ? { previousEpisodes: [{ onset: iso(onset - int(800, 2000)), end: iso(onset - int(100, 700)) }] } : {}),
    trials: course.trials,
    assessments: course.assessments,
    ...(chance(0.05) ? { otherTreatments: [{ kind: "ect", id: "e1", laterality: pick(["bilateral", "unilateral"]), start: iso(course.day + 7), sessions: int(6, 12) }] } : {}),
  };
  return chance(options.badRate) ? spoil(d, history, onset, scale, scaleMax) : JSON.stringify(history);
}
