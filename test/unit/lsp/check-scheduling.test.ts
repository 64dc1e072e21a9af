import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerialRounds } from '../../../server/src/lsp/serial-rounds';
import { debounceDelay, DEFAULT_DEBOUNCE, ValidationScheduler } from '../../../server/src/lsp/validation-scheduler';

describe('debounceDelay', () => {
  it('waits half the last check of the document, between the floor and the ceiling', () => {
    assert.equal(debounceDelay(60), 30);
    assert.equal(debounceDelay(2), DEFAULT_DEBOUNCE.floorMs);
    assert.equal(debounceDelay(5000), DEFAULT_DEBOUNCE.ceilingMs);
  });

  it('waits the ceiling for a document not checked yet', () => {
    assert.equal(debounceDelay(undefined), DEFAULT_DEBOUNCE.ceilingMs);
  });
});

describe('ValidationScheduler', () => {
  it('checks the first edit after a quiet spell at once, and waits after an edit made during a burst', () => {
    const scheduler = new ValidationScheduler(() => undefined);
    try {
      const uri = 'file:///w/a.yaml';
      assert.equal(scheduler.delayOf(uri), 0);
      scheduler.schedule(uri);
      scheduler.checked(uri, 60);
      const now = Date.now();
      assert.equal(scheduler.delayOf(uri, now), 30);
      assert.equal(scheduler.delayOf(uri, now + DEFAULT_DEBOUNCE.ceilingMs + 1), 0);
    } finally {
      scheduler.dispose();
    }
  });
});

describe('SerialRounds', () => {
  it('runs one round at a time, and serves the requests made during a round with one more round', async () => {
    let running = 0;
    let rounds = 0;
    let overlapped = false;
    const serial = new SerialRounds(async () => {
      running++;
      overlapped ||= running > 1;
      rounds++;
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    }, (error) => assert.fail(String(error)));
    const first = serial.request();
    const during = [serial.request(), serial.request(), serial.request()];
    await Promise.all([first, ...during]);
    assert.equal(overlapped, false);
    assert.equal(rounds, 2);
  });

  it('reports a failing round and goes on with the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const serial = new SerialRounds(async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
    }, (error) => errors.push(error));
    await serial.request();
    await serial.request();
    assert.equal(calls, 2);
    assert.deepEqual(errors.map(String), ['Error: boom']);
  });
});
