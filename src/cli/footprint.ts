/**
 * What the run cost the machine, for the summary line: the process's peak resident memory and the
 * CPU time of all its threads (the workers' and, with --omop, the database driver's), so a
 * benchmark can compare runs by CPU time, which a busy machine disturbs less than wall time.
 */

/** Peak RSS in MB and CPU seconds (user + system) so far. */
function footprint(): { readonly rssMb: number; readonly cpuSeconds: number } {
  const usage = process.resourceUsage();
  return { rssMb: Math.round(usage.maxRSS / 1024), cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
}

/** The summary's part for it: `CPU 5.9 s, peak RSS 231 MB`. */
export function footprintText(): string {
  const { rssMb, cpuSeconds } = footprint();
  return `CPU ${cpuSeconds.toFixed(1)} s, peak RSS ${rssMb} MB`;
}
