import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Workload } from '../../../server/src/engine';
import { minimalSelectorOf } from '../../../server/src/engine/generate';

function workload(name: string, podLabels: Record<string, string>): Workload {
  return { key: `shop/${name}[Deployment]`, id: { kind: 'Deployment', namespace: 'shop', name }, podLabels, containerPorts: [], members: [] };
}

describe('the minimal podSelector of a workload', () => {
  it('takes one label when one tells the workload apart, preferring the keys that name an application', () => {
    const api = workload('api', { team: 'shop', 'app.kubernetes.io/version': '3.1', app: 'api' });
    const web = workload('web', { team: 'shop', 'app.kubernetes.io/version': '1.4', app: 'web' });
    assert.deepEqual(minimalSelectorOf(api, [api, web]), { matchLabels: { app: 'api' }, unique: true });
  });

  it('takes the fewest labels that no other workload carries together', () => {
    const server = workload('api', { app: 'api', component: 'server', tier: 'backend' });
    const worker = workload('worker', { app: 'api', component: 'worker', tier: 'backend' });
    const cron = workload('cron', { app: 'cron', component: 'server', tier: 'backend' });
    assert.deepEqual(minimalSelectorOf(server, [server, worker, cron]), { matchLabels: { app: 'api', component: 'server' }, unique: true });
  });

  it('never selects by labels controllers add, and says so when no subset is unique', () => {
    const a = workload('a', { app: 'shop', 'pod-template-hash': '5d9c7' });
    const b = workload('b', { app: 'shop', tier: 'web' });
    assert.deepEqual(minimalSelectorOf(a, [a, b]), { matchLabels: { app: 'shop' }, unique: false });
    assert.deepEqual(minimalSelectorOf(b, [a, b]), { matchLabels: { tier: 'web' }, unique: true });
  });

  it('a workload without labels has an empty, non-unique selector', () => {
    const bare = workload('bare', {});
    assert.deepEqual(minimalSelectorOf(bare, [bare]), { matchLabels: {}, unique: false });
  });
});
