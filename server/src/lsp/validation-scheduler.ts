/** Bounds of the pause after a keystroke, and how it follows the cost of the last check. */
export interface DebounceBounds {
  /** Even a tiny document waits this long: a burst of keystrokes arrives within a few milliseconds. */
  floorMs: number;
  /** No document waits longer than this. */
  ceilingMs: number;
  /** The pause is this fraction of what the document's last check took. */
  costFactor: number;
}

export const DEFAULT_DEBOUNCE: DebounceBounds = { floorMs: 10, ceilingMs: 150, costFactor: 0.5 };

/**
 * The pause before checking an edited document again. A check blocks the server for its whole
 * cost, so a costly document waits longer (checking each keystroke of a fast typist would queue
 * checks of versions already superseded); a cheap one is answered almost at once. Half the cost
 * keeps the answer within 1.5 checks of the last keystroke.
 */
export function debounceDelay(lastCheckMs: number | undefined, bounds: DebounceBounds = DEFAULT_DEBOUNCE): number {
  const proportional = (lastCheckMs ?? bounds.ceilingMs / bounds.costFactor) * bounds.costFactor;
  return Math.round(Math.min(bounds.ceilingMs, Math.max(bounds.floorMs, proportional)));
}

/**
 * Debounces validation per document: a burst of keystrokes yields one validation, after the last
 * one. A newer change cancels the pending run, so work is never spent on a superseded version.
 * The first edit after a quiet spell (no edit of the document for the ceiling's time) is checked
 * at once: a lone edit is answered in the time of its check, and a burst still ends with one
 * check after its last keystroke.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly costs = new Map<string, number>();
  private readonly lastEdits = new Map<string, number>();

  constructor(
    private readonly validate: (uri: string) => void,
    private readonly bounds: DebounceBounds = DEFAULT_DEBOUNCE,
  ) {}

  /** Validates `uri` after a pause that follows its last check's cost (or right away, for a document just opened). */
  schedule(uri: string, immediately = false): void {
    this.cancel(uri);
    const now = Date.now();
    const delay = immediately ? 0 : this.delayOf(uri, now);
    this.lastEdits.set(uri, now);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.validate(uri);
    }, delay);
    this.pending.set(uri, timer);
  }

  /** What the last check of `uri` took, from its edit being taken up to its diagnostics being sent. */
  checked(uri: string, elapsedMs: number): void {
    this.costs.set(uri, elapsedMs);
  }

  /** The pause before checking an edit of `uri` made at `now`: none after a quiet spell, else one that follows its last check's cost. */
  delayOf(uri: string, now = Date.now()): number {
    const lastEdit = this.lastEdits.get(uri);
    if (lastEdit === undefined || now - lastEdit >= this.bounds.ceilingMs) return 0;
    return debounceDelay(this.costs.get(uri), this.bounds);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
  }

  /** The document closed: its next opening starts from no known cost. */
  forget(uri: string): void {
    this.cancel(uri);
    this.costs.delete(uri);
    this.lastEdits.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
