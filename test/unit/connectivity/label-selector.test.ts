import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLabelSelector, matchesLabels } from '../../../server/src/engine/connectivity/label-selector';

const matches = (selector: unknown, labels: Record<string, string>) => matchesLabels(compileLabelSelector(selector), labels);

describe('label selectors', () => {
  it('matches everything when empty or null', () => {
    assert.equal(matches({}, {}), true);
    assert.equal(matches(null, { app: 'x' }), true);
    assert.equal(matches({ matchLabels: {}, matchExpressions: [] }, { app: 'x' }), true);
  });

  it('matchLabels: every pair must be present', () => {
    assert.equal(matches({ matchLabels: { app: 'web', tier: 'front' } }, { app: 'web', tier: 'front', x: 'y' }), true);
    assert.equal(matches({ matchLabels: { app: 'web', tier: 'front' } }, { app: 'web' }), false);
    assert.equal(matches({ matchLabels: { version: 1 } }, { version: '1' }), true);
  });

  it('In and NotIn; NotIn matches when the key is absent', () => {
    const inWeb = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] };
    assert.equal(matches(inWeb, { tier: 'api' }), true);
    assert.equal(matches(inWeb, { tier: 'db' }), false);
    assert.equal(matches(inWeb, {}), false);
    const notInWeb = { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] };
    assert.equal(matches(notInWeb, { tier: 'db' }), true);
    assert.equal(matches(notInWeb, { tier: 'web' }), false);
    assert.equal(matches(notInWeb, {}), true);
  });

  it('Exists and DoesNotExist; DoesNotExist matches when the key is absent', () => {
    assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: '' }), true);
    assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {}), false);
    assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {}), true);
    assert.equal(matches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] }, { tier: 'x' }), false);
  });

  it('ANDs matchLabels with every expression', () => {
    const selector = { matchLabels: { app: 'shop' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'canary', operator: 'DoesNotExist' }] };
    assert.equal(matches(selector, { app: 'shop', tier: 'web' }), true);
    assert.equal(matches(selector, { app: 'shop', tier: 'db' }), false);
    assert.equal(matches(selector, { app: 'shop', canary: 'true' }), false);
    assert.equal(matches(selector, { tier: 'web' }), false);
  });

  it('matches nothing when Kubernetes would refuse the selector', () => {
    for (const selector of [
      'app=web',
      { matchLabels: ['app'] },
      { matchLabels: { app: { nested: 1 } } },
      { matchLabels: { app: null } },
      { matchExpressions: { key: 'app' } },
      { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] },
      { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] },
      { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
      { matchExpressions: [{ key: 'app', operator: 'NotIn' }] },
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] },
      { matchExpressions: [{ operator: 'Exists' }] },
    ]) {
      assert.equal(compileLabelSelector(selector).kind, 'malformed', JSON.stringify(selector));
      assert.equal(matches(selector, { app: 'web' }), false, JSON.stringify(selector));
      assert.equal(matches(selector, {}), false, JSON.stringify(selector));
    }
  });
});
