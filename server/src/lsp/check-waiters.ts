import type { CancellationToken } from 'vscode-languageserver';

interface Waiter {
  version: number;
  resolve(checked: boolean): void;
}

/**
 * Lets a request wait for the check of a document version. A completion is asked as the user types
 * (a trigger character is itself an edit), so the text it is about is always newer than the last
 * check: it waits for the check that the pause in typing brings, instead of answering from a
 * parse of other text or parsing again.
 */
export class CheckWaiters {
  private readonly waiting = new Map<string, Set<Waiter>>();

  /** Resolves true once `uri` is checked at `version`; false when that version will not be (a newer one came, the document closed), on cancellation, or after `timeoutMs`. */
  wait(uri: string, version: number, token: CancellationToken, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let waiters = this.waiting.get(uri);
      if (!waiters) this.waiting.set(uri, (waiters = new Set()));
      const set = waiters;
      const done = (checked: boolean) => {
        clearTimeout(timer);
        cancellation.dispose();
        set.delete(waiter);
        if (set.size === 0 && this.waiting.get(uri) === set) this.waiting.delete(uri);
        resolve(checked);
      };
      const waiter: Waiter = { version, resolve: done };
      const timer = setTimeout(() => done(false), timeoutMs);
      const cancellation = token.onCancellationRequested(() => done(false));
      set.add(waiter);
    });
  }

  /** `uri` was checked at `version`: waiters for it get true, waiters for an older version false. */
  checked(uri: string, version: number): void {
    for (const waiter of [...(this.waiting.get(uri) ?? [])]) {
      if (waiter.version <= version) waiter.resolve(waiter.version === version);
    }
  }

  closed(uri: string): void {
    for (const waiter of [...(this.waiting.get(uri) ?? [])]) waiter.resolve(false);
  }

  dispose(): void {
    for (const uri of [...this.waiting.keys()]) this.closed(uri);
  }
}
