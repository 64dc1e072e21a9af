import type { Severity } from '../engine';

/** The `--fail-on` levels, gravest first: the least grave severity that makes `lint` exit with 1. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'information', 'never'] as const;

export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const DEFAULT_FAIL_ON: FailOn = 'warning';

/** The severities each level fails on. Hints never fail a run: they are suggestions. */
const FAILING: Record<FailOn, readonly Severity[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
  information: ['error', 'warning', 'info'],
  never: [],
};

export interface FailThreshold {
  failOn: FailOn;
  /**
   * `--max-warnings N`: warnings fail the run only when there are more than N of them, whatever
   * `failOn` says of warnings (so `--fail-on error --max-warnings 10` also fails on an 11th warning).
   */
  maxWarnings?: number;
}

/** Whether findings of these severities (suppressed ones left out) make the run fail. */
export function failsThreshold(severities: readonly Severity[], { failOn, maxWarnings }: FailThreshold): boolean {
  const failing = new Set(FAILING[failOn]);
  if (maxWarnings !== undefined) {
    failing.delete('warning');
    if (severities.filter((severity) => severity === 'warning').length > maxWarnings) return true;
  }
  return severities.some((severity) => failing.has(severity));
}
