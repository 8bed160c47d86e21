/**
 * The current episode's window as of a date: where it ends, and whether a treatment overlaps it.
 *
 * @module
 */
import type { Episode } from "../schema/episode";

/**
 * The last day of the current episode that counts as of `asOf`: its recorded end when that is
 * earlier, else `asOf` itself.
 *
 * @example
 * currentEpisodeEnd({ onset: "2024-01-01", end: "2024-03-31" }, "2024-06-30"); //=> "2024-03-31"
 * currentEpisodeEnd({ onset: "2024-01-01" }, "2024-06-30"); //=> "2024-06-30"
 */
export function currentEpisodeEnd(episode: Pick<Episode, "end">, asOf: string): string {
  return episode.end !== undefined && episode.end < asOf ? episode.end : asOf;
}

/**
 * True when a treatment from `start` to `end` overlaps the current episode as of `asOf` (by at
 * least one day).
 *
 * @example
 * inCurrentEpisode("2023-11-01", "2024-01-15", { onset: "2024-01-01" }, "2024-06-30"); //=> true
 * inCurrentEpisode("2023-11-01", "2023-12-15", { onset: "2024-01-01" }, "2024-06-30"); //=> false
 */
export function inCurrentEpisode(start: string, end: string, episode: Pick<Episode, "onset" | "end">, asOf: string): boolean {
  return start <= currentEpisodeEnd(episode, asOf) && end >= episode.onset;
}
