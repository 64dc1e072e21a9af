/**
 * Debounces validation per document: a burst of keystrokes yields one validation, after the last
 * one. A newer change cancels the pending run, so work is never spent on a superseded version.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly validate: (uri: string) => void,
    private readonly delayMs: number,
  ) {}

  /** Validates `uri` after the delay (or right away, for a document just opened). */
  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.validate(uri);
    }, immediately ? 0 : this.delayMs);
    this.pending.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
