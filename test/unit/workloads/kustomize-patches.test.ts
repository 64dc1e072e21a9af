import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClusterModel, parseManifest } from '../../../server/src/engine';
import { isKustomizationFile, kustomizePatchUris } from '../../../server/src/engine/model/kustomize-patches';
import { yaml } from '../../support/dedent';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: nginx}]}
`;
const replicasPatch = '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 3}}\n';

const parse = (files: Record<string, string>) => Object.entries(files).map(([uri, text]) => parseManifest(uri, text));

describe('kustomize patches', () => {
  it('finds the files named by patches[].path and patchesStrategicMerge, relative to the kustomization', () => {
    const files = parse({
      'file:///repo/base/deployment.yaml': deployment,
      'file:///repo/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'file:///repo/overlays/prod/kustomization.yaml': yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [../../base]
        patches:
          - path: replicas.yaml
          - target: {kind: Deployment}
            patch: |-
              - op: add
                path: /spec/paused
                value: true
          - path: ./../shared/probes.yaml
        patchesStrategicMerge:
          - my patch.yaml
          - |-
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
      `,
      'file:///repo/overlays/prod/replicas.yaml': replicasPatch,
      'file:///repo/overlays/shared/probes.yaml': replicasPatch,
      'file:///repo/overlays/prod/my%20patch.yaml': replicasPatch,
      'file:///repo/overlays/prod/resources.yaml': replicasPatch,
    });
    assert.deepEqual([...kustomizePatchUris(files)].sort(), [
      'file:///repo/overlays/prod/my%20patch.yaml',
      'file:///repo/overlays/prod/replicas.yaml',
      'file:///repo/overlays/shared/probes.yaml',
    ]);
  });

  it('resolves paths of the CLI, Windows ones included', () => {
    const files = parse({
      'deploy\\overlays\\prod\\kustomization.yml': 'patches: [{path: ..\\..\\patches\\replicas.yaml}]\n',
      'deploy\\patches\\replicas.yaml': replicasPatch,
      'other/kustomization.yaml': 'patchesStrategicMerge: [replicas.yaml]\n',
      'other/replicas.yaml': replicasPatch,
    });
    assert.deepEqual([...kustomizePatchUris(files)].sort(), ['deploy\\patches\\replicas.yaml', 'other/replicas.yaml']);
  });

  it('leaves a patch out of the model: the base keeps its pod labels and nothing is replaced', () => {
    const model = buildClusterModel(
      parse({
        'file:///repo/base/deployment.yaml': deployment,
        'file:///repo/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches: [{path: replicas.yaml}]\n',
        'file:///repo/overlays/prod/replicas.yaml': replicasPatch,
      }),
    );
    assert.deepEqual(model.duplicates, []);
    assert.deepEqual(model.workloads.map((workload) => [workload.key, workload.podLabels]), [['default/web[Deployment]', { app: 'web' }]]);
    assert.deepEqual(model.objects.map((object) => object.document.uri), ['file:///repo/base/deployment.yaml']);
  });

  it('still counts an overlay file that is not a patch as a definition', () => {
    const model = buildClusterModel(
      parse({
        'file:///repo/base/deployment.yaml': deployment,
        'file:///repo/overlays/prod/kustomization.yaml': 'resources: [../../base, extra.yaml]\n',
        'file:///repo/overlays/prod/extra.yaml': replicasPatch,
      }),
    );
    assert.equal(model.duplicates.length, 1);
  });

  it('knows kustomization files by name', () => {
    assert.ok(isKustomizationFile('file:///repo/kustomization.yaml'));
    assert.ok(isKustomizationFile('a\\kustomization.yml'));
    assert.ok(!isKustomizationFile('file:///repo/my-kustomization.yaml'));
    assert.ok(!isKustomizationFile('file:///repo/kustomization.json'));
  });
});
