import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClusterModel, compileLabelSelector, parseManifest } from '../../../server/src/engine';
import { couldSelectPodsOf, podSelectionIndex } from '../../../server/src/engine/rules/workspace/pod-selection';
import { operatedWorkloadsIn, workloadsIn } from '../../../server/src/engine/rules/workspace/workspace-objects';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web, tier: front}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: db}
  ---
  apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: db, role: migrate}
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: debug
    namespace: shop
    labels: {app: web, tier: debug}
`;

// Pinned labels, run-time labels of controllers and operators, several values, expressions, malformed.
const selectors: unknown[] = [
  { matchLabels: { app: 'web' } },
  { matchLabels: { app: 'web', tier: 'front' } },
  { matchLabels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0' } },
  { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'db-0' } },
  { matchLabels: { 'job-name': 'migrate' } },
  { matchLabels: { app: 'db', 'pod-template-hash': 'abc' } },
  { matchLabels: { app: 'nothing' } },
  { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] },
  { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['debug'] }] },
  { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
  { matchLabels: { 'app.kubernetes.io/name': 'prometheus', prometheus: 'main' } },
  { matchLabels: { 'strimzi.io/cluster': 'events' } },
  { matchLabels: { app: 7 } },
  {},
];

describe('podSelectionIndex', () => {
  it('selects what couldSelectPodsOf selects, in the same order, for every selector', () => {
    const files = [workloads, operators.prometheus, operators.kafka, operators.rollout].map((text, index) => parseManifest(`file:///w/${index}.yaml`, text.replaceAll('namespace: monitoring', 'namespace: shop')));
    const model = buildClusterModel(files);
    const candidates = [...workloadsIn(model, 'shop'), ...operatedWorkloadsIn(model, 'shop')];
    assert.ok(candidates.length >= 5, `fixtures give ${candidates.length} workloads`);
    const select = podSelectionIndex(candidates);
    let selectedSomething = 0;
    for (const value of selectors) {
      const selector = compileLabelSelector(value);
      const expected = candidates.filter((workload) => couldSelectPodsOf(selector, workload));
      if (expected.length > 0) selectedSomething++;
      assert.deepEqual(select(selector).map((workload) => workload.id), expected.map((workload) => workload.id), JSON.stringify(value));
    }
    assert.ok(selectedSomething >= 8, `only ${selectedSomething} selectors select something: the comparison says little`);
  });
});
