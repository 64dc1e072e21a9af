import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containersOf, parseManifest, podSpecOf, WORKLOAD_KINDS } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

function podSpecPaths(text: string): (string | undefined)[] {
  return parseManifest('f.yaml', text).objects.map((object) => podSpecOf(object)?.path.join('.'));
}

describe('podSpecOf', () => {
  it('finds the pod spec of every workload kind', () => {
    const text = WORKLOAD_KINDS.map((kind) => {
      const apiVersion = { Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1' }[kind] ?? 'v1';
      const spec = { containers: [{ name: 'c' }] };
      const body =
        kind === 'Pod' ? { spec } : kind === 'PodTemplate' ? { template: { spec } } : kind === 'CronJob' ? { spec: { jobTemplate: { spec: { template: { spec } } } } } : { spec: { template: { spec } } };
      return JSON.stringify({ apiVersion, kind, metadata: { name: kind.toLowerCase() }, ...body });
    }).join('\n---\n');
    assert.deepEqual(podSpecPaths(text), [
      'spec',
      'template.spec',
      'spec.template.spec',
      'spec.template.spec',
      'spec.template.spec',
      'spec.template.spec',
      'spec.template.spec',
      'spec.template.spec',
      'spec.jobTemplate.spec.template.spec',
    ]);
  });

  it('accepts old API groups and a missing apiVersion, refuses other groups and non-workloads', () => {
    const paths = podSpecPaths(yaml`
      apiVersion: extensions/v1beta1
      kind: Deployment
      spec: {template: {spec: {}}}
      ---
      kind: Pod
      metadata: {name: pasted-without-apiVersion}
      spec: {}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Deployment
      spec: {template: {spec: {}}}
      ---
      apiVersion: v1
      kind: Service
      spec: {}
      ---
      apiVersion: v1
      kind: Pod
      spec: not-a-map
    `);
    assert.deepEqual(paths, ['spec.template.spec', 'spec', undefined, undefined, undefined]);
  });
});

describe('containersOf', () => {
  it('lists regular, init and ephemeral containers with their paths', () => {
    const [pod] = parseManifest(
      'f.yaml',
      yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: app}, {name: sidecar}]
          initContainers: [{name: init}, null]
          ephemeralContainers: [{image: debug}]
      `,
    ).objects;
    const spec = podSpecOf(pod)!;
    assert.deepEqual(
      containersOf(spec).map((container) => `${container.name} @ ${container.path.join('.')}`),
      ['app @ spec.containers.0', 'sidecar @ spec.containers.1', 'init @ spec.initContainers.0', 'ephemeralContainers[0] @ spec.ephemeralContainers.0'],
    );
  });
});
