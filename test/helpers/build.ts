/**
 * Small builders for classification tests: a trial by drug, length and dose; scores around it.
 */
import { parseTreatmentHistory } from "trd-classifier";
import type { TreatmentHistory, TreatmentHistoryInput } from "trd-classifier";
import { addDays } from "../../src/internal/dates";

export { addDays };

export interface TrialSpec {
  readonly id: string;
  readonly drug: string;
  readonly start: string;
  /** Total length in days, counting both ends; omit for an ongoing trial. */
  readonly days?: number;
  readonly mgPerDay?: number;
  readonly doses?: ReadonlyArray<{ readonly day: number; readonly mgPerDay: number }>;
  readonly adherence?: number | "good" | "poor" | "unknown";
  readonly stopReason?: "ineffective" | "intolerance" | "remission";
  readonly role?: "monotherapy" | "augmentation" | "combination";
  readonly augments?: string;
  readonly outcome?: { readonly percentImprovement?: number; readonly cgiI?: number };
  readonly indication?: string;
}

/** The last day of a trial of `days` days starting on `start`. */
export const lastDay = (start: string, days: number): string => addDays(start, days - 1);

export function trialInput(spec: TrialSpec): Record<string, unknown> {
  return {
    id: spec.id,
    agent: { name: spec.drug },
    start: spec.start,
    ...(spec.days === undefined ? {} : { end: lastDay(spec.start, spec.days) }),
    ...(spec.doses === undefined ? { mgPerDay: spec.mgPerDay ?? 100 } : { doses: spec.doses.map((d) => ({ from: addDays(spec.start, d.day), mgPerDay: d.mgPerDay })) }),
    adherence: spec.adherence ?? "good",
    stopReason: spec.stopReason ?? "ineffective",
    ...(spec.role === undefined ? {} : { role: spec.role }),
    ...(spec.augments === undefined ? {} : { augments: spec.augments }),
    ...(spec.outcome === undefined ? {} : { outcome: spec.outcome }),
    ...(spec.indication === undefined ? {} : { indication: spec.indication }),
  };
}

export interface Score {
  readonly date: string;
  readonly total: number;
  readonly scale?: "PHQ-9" | "MADRS" | "HAM-D17" | "QIDS-SR16" | "BDI-II";
}

export function historyOf(
  trials: readonly TrialSpec[],
  scores: readonly Score[] = [],
  extra: Partial<TreatmentHistoryInput> = {},
): TreatmentHistory {
  const input = {
    episode: { onset: "2023-01-01" },
    patient: { birthDate: "1980-01-01", diagnoses: [{ condition: "major-depressive-disorder" }] },
    trials: trials.map(trialInput),
    assessments: scores.map((s) => ({ date: s.date, scale: s.scale ?? "MADRS", total: s.total })),
    ...extra,
  };
  const parsed = parseTreatmentHistory(input);
  if (!parsed.success) throw new Error(`test history invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}

/** A trial of `days` at `mgPerDay` with a baseline the day before and an endpoint on its last day. */
export function scoredTrial(spec: TrialSpec & { readonly baseline: number; readonly endpoint: number; readonly scale?: Score["scale"] }): { trial: TrialSpec; scores: Score[] } {
  const end = lastDay(spec.start, spec.days ?? 56);
  const scale = spec.scale ?? "MADRS";
  return {
    trial: spec,
    scores: [
      { date: addDays(spec.start, -1), total: spec.baseline, scale },
      { date: end, total: spec.endpoint, scale },
    ],
  };
}
