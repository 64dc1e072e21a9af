import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CrashRestartPolicy } from '../../../client/src/restart-policy';

describe('CrashRestartPolicy', () => {
  it('restarts N times in a row, counting them in the message, then stops', () => {
    let now = 0;
    const policy = new CrashRestartPolicy(3, 180_000, () => now);
    const decisions = [1, 2, 3, 4].map(() => {
      now += 1000;
      return policy.afterCrash();
    });
    assert.deepEqual(
      decisions.map((decision) => decision.message),
      [
        'The kube-netsec language server stopped unexpectedly; restarting (1 of 3).',
        'The kube-netsec language server stopped unexpectedly; restarting (2 of 3).',
        'The kube-netsec language server stopped unexpectedly; restarting (3 of 3).',
        'The kube-netsec language server stopped unexpectedly 4 times within 3 minutes and was not restarted again. Its log is in the "Kubernetes Network Security" output.',
      ],
    );
    assert.deepEqual(decisions.map((decision) => decision.restart), [true, true, true, false]);
  });

  it('forgets crashes older than the window: a server that ran a while gets a fresh count', () => {
    let now = 0;
    const policy = new CrashRestartPolicy(2, 60_000, () => now);
    policy.afterCrash();
    now = 30_000;
    policy.afterCrash();
    now = 95_000; // the first crash is 95 s old, the second 65 s: both forgotten
    assert.deepEqual(policy.afterCrash(), { restart: true, attempt: 1, message: 'The kube-netsec language server stopped unexpectedly; restarting (1 of 2).' });
  });
});
