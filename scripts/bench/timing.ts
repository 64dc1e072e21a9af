// The timing every bench section uses: medians, since a shared 2-core machine has outliers.

/** The median of some times (milliseconds). */
export function medianOf(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds one call of `work` takes. */
export function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median milliseconds of `runs` calls of `work`, after `warmUps` calls that are not counted. */
export function medianMs(runs: number, work: () => void, warmUps = 2): number {
  for (let i = 0; i < warmUps; i++) work();
  return medianOf(Array.from({ length: runs }, () => timeMs(work)));
}
