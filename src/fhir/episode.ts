/**
 * The current depressive episode and the earlier ones, from the diagnoses on record, else from
 * the antidepressant records, else from the first score.
 *
 * @module
 */
import type { BuildTrialsResult } from "../fills/buildTrials";
import type { Accounting } from "./accounting";
import type { EpisodeRead } from "./conditions";
import type { ScoreRead } from "./scores";

/** The episodes of a history. */
export interface EpisodesRead {
  readonly episode: { readonly onset: string };
  readonly previousEpisodes: readonly { readonly onset: string; readonly end: string }[];
}

/**
 * The current episode starts at the onset of the latest active depression diagnosis on or
 * before `asOf`; earlier episodes are diagnoses that abated before it. Without such a diagnosis
 * the episode comes from the antidepressant records (`episode_from_medications`), and without
 * those from the first score or the as-of date (`no_episode`).
 *
 * @example
 * episodesOf([{ onset: "1993-01-09", active: true }], built, [], "2020-12-31", ledger).episode; //=> { onset: "1993-01-09" }
 */
export function episodesOf(diagnosed: readonly EpisodeRead[], built: BuildTrialsResult, scores: readonly ScoreRead[], asOf: string, ledger: Accounting): EpisodesRead {
  const current = diagnosed.filter((e) => e.active && e.onset <= asOf).sort((a, b) => a.onset.localeCompare(b.onset)).at(-1);
  let onset = current?.onset;
  if (onset === undefined && built.episode !== undefined) {
    onset = built.episode.onset;
    ledger.issue(undefined, "episode_from_medications", "no active depression diagnosis with an onset: the episode is taken from the antidepressant records");
  }
  if (onset === undefined) {
    onset = scores.map((s) => s.date).sort()[0] ?? asOf;
    ledger.issue(undefined, "no_episode", "no depression diagnosis or antidepressant: the episode is taken from the first score, or the as-of date");
  }
  const start = onset;
  const previousEpisodes = diagnosed
    .flatMap((e) => (e.end !== undefined && e.end < start ? [{ onset: e.onset, end: e.end }] : []))
    .sort((a, b) => a.onset.localeCompare(b.onset))
    .filter((e, i, all) => i === 0 || e.onset > (all[i - 1]?.end ?? ""));
  return { episode: { onset }, previousEpisodes };
}
