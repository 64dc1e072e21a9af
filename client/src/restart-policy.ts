/** How many times in a row the client restarts a server that stopped by itself. */
export const MAX_CRASH_RESTARTS = 4;
/** Crashes further apart than this are not "in a row": a server that ran for a while starts a fresh count. */
export const CRASH_WINDOW_MS = 3 * 60_000;

export type CrashDecision = { restart: true; attempt: number; message: string } | { restart: false; message: string };

/**
 * What to do when the language server's connection closes without the client asking: restart it,
 * up to `max` times within `windowMs`, then stop and let the user decide. A server that crashes on
 * every start would otherwise be restarted forever, each start re-indexing the workspace.
 */
export class CrashRestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly max = MAX_CRASH_RESTARTS,
    private readonly windowMs = CRASH_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  afterCrash(): CrashDecision {
    const now = this.now();
    this.crashes = [...this.crashes.filter((time) => now - time < this.windowMs), now];
    const attempt = this.crashes.length;
    if (attempt <= this.max) return { restart: true, attempt, message: `The kube-netsec language server stopped unexpectedly; restarting (${attempt} of ${this.max}).` };
    const minutes = Math.round(this.windowMs / 60_000);
    return {
      restart: false,
      message: `The kube-netsec language server stopped unexpectedly ${attempt} times within ${minutes} minutes and was not restarted again. Its log is in the "Kubernetes Network Security" output.`,
    };
  }
}
