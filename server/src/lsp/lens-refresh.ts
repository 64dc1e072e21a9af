import type { LensAnswer } from '../engine/answers';

/**
 * Decides when to send `workspace/codeLens/refresh`. The editor asks for a document's lenses again
 * when that document changes, never when another file changes them (a policy edited elsewhere now
 * selects this workload): after each check, the lenses each document was last given are compared
 * with its current ones, and one refresh is sent when any differ.
 */
export class LensRefresh {
  /** What each document's last CodeLens request was answered, as a comparable string. */
  private readonly given = new Map<string, string>();

  constructor(private readonly refresh: () => void) {}

  answered(uri: string, lenses: readonly LensAnswer[]): void {
    this.given.set(uri, keyOf(lenses));
  }

  forget(uri: string): void {
    this.given.delete(uri);
  }

  /**
   * After a check: `current` gives a document's lenses now, or undefined when the check did not
   * reach it (it was edited meanwhile; its own check comes next).
   */
  afterCheck(current: (uri: string) => readonly LensAnswer[] | undefined): void {
    const changed: [string, string][] = [];
    for (const [uri, given] of this.given) {
      const lenses = current(uri);
      if (!lenses) continue;
      const key = keyOf(lenses);
      if (key !== given) changed.push([uri, key]);
    }
    if (changed.length === 0) return;
    // The editor asks again only for the documents it shows; assume the others got the new lenses,
    // so that a hidden document does not cause a refresh after every check.
    for (const [uri, key] of changed) this.given.set(uri, key);
    this.refresh();
  }
}

function keyOf(lenses: readonly LensAnswer[]): string {
  return JSON.stringify(lenses);
}
