import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver';
import type { LensAnswer } from '../../server/src/engine/answers';
import { CheckWaiters } from '../../server/src/lsp/check-waiters';
import { LensRefresh } from '../../server/src/lsp/lens-refresh';

const lens = (title: string, line = 0): LensAnswer => ({ range: { start: { line, character: 0 }, end: { line, character: 10 } }, title });

describe('lens refresh: one refresh when a check changes the lenses a document was given', () => {
  it('refreshes once for a change, not for an unchanged check, and not again for a document the editor does not show', () => {
    let refreshes = 0;
    const refresh = new LensRefresh(() => refreshes++);
    const now = new Map<string, LensAnswer[] | undefined>([
      ['a', [lens('selects 2 workloads')]],
      ['b', [lens('ingress: not isolated')]],
    ]);
    refresh.answered('a', now.get('a')!);
    refresh.answered('b', now.get('b')!);
    refresh.afterCheck((uri) => now.get(uri));
    assert.equal(refreshes, 0, 'nothing changed');

    // Another file's edit isolates b: one refresh, though the editor never asks for b again (hidden).
    now.set('b', [lens('ingress: isolated (1 policy)')]);
    refresh.afterCheck((uri) => now.get(uri));
    refresh.afterCheck((uri) => now.get(uri));
    assert.equal(refreshes, 1);

    // A document edited but not checked this round is left to its own check.
    now.set('a', undefined);
    refresh.afterCheck((uri) => now.get(uri));
    assert.equal(refreshes, 1);
  });

  it('an answer given while the document was unchecked (empty) is refreshed once the check brings lenses; a closed document is forgotten', () => {
    let refreshes = 0;
    const refresh = new LensRefresh(() => refreshes++);
    refresh.answered('a', []);
    refresh.afterCheck(() => [lens('selects 1 workload')]);
    assert.equal(refreshes, 1);
    refresh.forget('a');
    refresh.afterCheck(() => [lens('selects 3 workloads')]);
    assert.equal(refreshes, 1, 'no refresh for a document no longer open');
  });
});

describe('check waiters: a request waits for the check of exactly the text it was asked in', () => {
  it('resolves true on that version\'s check, false when a newer version is checked instead', async () => {
    const waiters = new CheckWaiters();
    const token = new CancellationTokenSource().token;
    const current = waiters.wait('a', 3, token, 5000);
    const older = waiters.wait('a', 2, token, 5000);
    const other = waiters.wait('b', 3, token, 5000);
    waiters.checked('a', 3);
    assert.deepEqual(await Promise.all([current, older]), [true, false]);
    waiters.checked('b', 2);
    waiters.checked('b', 3);
    assert.equal(await other, true, 'an older check does not end the wait');
  });

  it('resolves false on cancellation, on close and after the timeout', async () => {
    const waiters = new CheckWaiters();
    const source = new CancellationTokenSource();
    const cancelled = waiters.wait('a', 1, source.token, 5000);
    source.cancel();
    assert.equal(await cancelled, false);
    const closed = waiters.wait('a', 2, new CancellationTokenSource().token, 5000);
    waiters.closed('a');
    assert.equal(await closed, false);
    const started = Date.now();
    assert.equal(await waiters.wait('a', 3, new CancellationTokenSource().token, 30), false);
    assert.ok(Date.now() - started < 1000);
    // A resolved waiter is gone: a later check of its version resolves nothing twice.
    waiters.checked('a', 3);
  });
});
