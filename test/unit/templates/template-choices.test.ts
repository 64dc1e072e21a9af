import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest, templateChoices } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';
import { CLUSTER } from './fixtures';

function choicesOf(files: Record<string, string>) {
  return templateChoices(buildWorkspace(Object.entries(files).map(([uri, text]) => parseManifest(uri, text))));
}

describe('templateChoices', () => {
  it('lists every namespace of the workspace, sorted, Namespace objects and implied ones alike', () => {
    const choices = choicesOf({
      'cluster.yaml': CLUSTER,
      'more.yaml': yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: empty}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec: {containers: [{name: shell, image: busybox}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec: {template: {metadata: {labels: {k8s-app: agent}}}}
      `,
    });
    assert.deepEqual(
      choices.namespaces.map((namespace) => namespace.name),
      ['default', 'empty', 'ingress-nginx', 'kube-system', 'monitoring', 'shop'],
    );
    assert.deepEqual(choices.namespaces.find((namespace) => namespace.name === 'empty')?.podLabels, []);
  });

  it('gives the pod-template labels of each namespace with the workloads that carry them, never controller-added ones', () => {
    const shop = choicesOf({
      'cluster.yaml': CLUSTER,
      'pods.yaml': yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api-0
          namespace: shop
          labels: {app: api, controller-revision-hash: api-6c9f, statefulset.kubernetes.io/pod-name: api-0, apps.kubernetes.io/pod-index: "0"}
          ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: api-db, controller: true}]
        spec: {containers: [{name: api, image: api:1}]}
      `,
    }).namespaces.find((namespace) => namespace.name === 'shop');
    assert.deepEqual(shop?.podLabels, [
      {
        key: 'app',
        value: 'api',
        workloads: [
          { kind: 'StatefulSet', namespace: 'shop', name: 'api' },
          { kind: 'StatefulSet', namespace: 'shop', name: 'api-db' },
        ],
      },
      { key: 'app', value: 'frontend', workloads: [{ kind: 'Deployment', namespace: 'shop', name: 'frontend' }] },
      { key: 'app', value: 'web', workloads: [{ kind: 'Deployment', namespace: 'shop', name: 'web' }] },
      {
        key: 'tier',
        value: '1',
        workloads: [
          { kind: 'Deployment', namespace: 'shop', name: 'frontend' },
          { kind: 'Deployment', namespace: 'shop', name: 'web' },
        ],
      },
    ]);
  });

  it('finds ingress controllers by the labels of their charts, with only the labels that identify their pods', () => {
    const choices = choicesOf({
      'cluster.yaml': CLUSTER,
      'controllers.yaml': yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: traefik, namespace: traefik}
        spec:
          template:
            metadata:
              labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik, helm.sh/chart: traefik-34.1.0}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: istio-ingressgateway, namespace: istio-system}
        spec:
          template:
            metadata:
              labels: {app: istio-ingressgateway, istio: ingressgateway, sidecar.istio.io/inject: "false"}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: ingress-nginx-admission-create, namespace: ingress-nginx}
        spec:
          template:
            metadata:
              labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: admission-webhook}
      `,
    });
    assert.deepEqual(choices.ingressControllers, [
      {
        product: 'ingress-nginx',
        workload: { kind: 'Deployment', namespace: 'ingress-nginx', name: 'ingress-nginx-controller' },
        namespace: 'ingress-nginx',
        labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      },
      {
        product: 'Istio ingress gateway',
        workload: { kind: 'Deployment', namespace: 'istio-system', name: 'istio-ingressgateway' },
        namespace: 'istio-system',
        labels: { istio: 'ingressgateway', app: 'istio-ingressgateway' },
      },
      {
        product: 'Traefik',
        workload: { kind: 'Deployment', namespace: 'traefik', name: 'traefik' },
        namespace: 'traefik',
        labels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
      },
    ]);
  });

  it('finds the controller of the official ingress-nginx manifests (corpus)', (context) => {
    const root = join(import.meta.dirname, '../../../../shared/corpus/ingress-nginx/deploy/static/provider');
    if (!existsSync(root)) return context.skip('the shared corpus is not here');
    const deployFiles = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('deploy.yaml') && statSync(join(root, path)).isFile());
    assert.ok(deployFiles.length > 0);
    for (const path of deployFiles) {
      const { ingressControllers } = choicesOf({ [path]: readFileSync(join(root, path), 'utf8') });
      assert.deepEqual(
        ingressControllers.map((controller) => [controller.product, controller.namespace, controller.labels['app.kubernetes.io/component']]),
        [['ingress-nginx', 'ingress-nginx', 'controller']],
        path,
      );
    }
  });
});
