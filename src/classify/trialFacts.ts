/**
 * What every verdict on one trial reads: the trial, its catalogue entry, its dates as of the
 * classification, the rule set, and the kinds its shortfalls and gaps take.
 *
 * @module
 */
import type { CatalogueAgent } from "../catalogue/agents";
import { agentOf } from "../catalogue/lookUpAgent";
import { daysBetween } from "../internal/dates";
import type { RuleSet } from "../rules/types";
import type { TreatmentHistory } from "../schema/history";
import type { Agent, Trial } from "../schema/trial";
import type { ScoresByScale } from "./deriveOutcome";
import type { Reason } from "./types";

/** Everything about the history that every trial's assessment shares. */
export interface TrialContext {
  readonly history: TreatmentHistory;
  readonly rules: RuleSet;
  readonly asOf: string;
  readonly scores: ScoresByScale;
  /** Also record the runs of days counted at the adequate dose (`duration.countedSpans`). */
  readonly countedSpans?: boolean;
}

/** One trial as the verdicts read it. */
export interface TrialFacts extends TrialContext {
  readonly trial: Trial;
  /** The catalogue entry, when the agent was found. */
  readonly drug: CatalogueAgent | undefined;
  /** The agent's name for messages. */
  readonly name: string;
  /** `name (id)`, the start of every message. */
  readonly label: string;
  /** `[trial.id]`, shared by every reason of the trial. */
  readonly ids: readonly string[];
  /** True when the trial had no end on or before the as-of date. */
  readonly ongoing: boolean;
  /** The last day counted: the trial's end, or the as-of date. */
  readonly end: string;
  /** Days from the start to `end`, both included. */
  readonly totalDays: number;
}

/** A verdict with the reasons that produced it, in the order they were decided. */
export interface Step<V> {
  readonly verdict: V;
  readonly reasons: readonly Reason[];
}

/**
 * The kinds a trial's reasons take. A trial that cannot count (out of scope, or outside the
 * current episode) has no bearing on pseudo-resistance: its shortfalls and its data gaps are
 * notes; an unknown agent's gaps stay data gaps, as they are why the trial cannot count.
 */
export interface ReasonKinds {
  readonly shortfall: "pseudo-resistance" | "note";
  readonly gap: "data-gap" | "note";
}

function describeAgent(agent: Agent, drug: CatalogueAgent | undefined): string {
  return drug?.name ?? agent.name ?? (agent.rxnorm !== undefined ? `RxNorm ${agent.rxnorm}` : `ATC ${agent.atc ?? "?"}`);
}

/** Reads the facts of one trial in its context. */
export function trialFacts(trial: Trial, context: TrialContext): TrialFacts {
  const { asOf } = context;
  const drug = agentOf(trial.agent);
  const name = describeAgent(trial.agent, drug);
  const ongoing = trial.end === undefined || trial.end > asOf;
  const end = ongoing ? asOf : (trial.end ?? asOf);
  return {
    history: context.history,
    rules: context.rules,
    asOf,
    scores: context.scores,
    trial,
    drug,
    name,
    label: `${name} (${trial.id})`,
    ids: [trial.id],
    ongoing,
    end,
    totalDays: daysBetween(trial.start, end) + 1,
  };
}

/** Weeks to one decimal, as every message and comparison reports them. */
export function weeks(days: number): number {
  return Math.round((days / 7) * 10) / 10;
}
