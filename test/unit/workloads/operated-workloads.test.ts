import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClusterModel, mayCreateUnknownPods, operatedPodsOf, parseManifest, podCreatingKindOf, POD_CREATING_KINDS } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

function modelOf(files: Record<string, string>) {
  return buildClusterModel(Object.entries(files).map(([path, text]) => parseManifest(path, text)));
}

function objectOf(text: string) {
  return parseManifest('x.yaml', text).objects[0];
}

describe('pod-creating kinds', () => {
  it('names each kind once per API group, with its source', () => {
    const keys = POD_CREATING_KINDS.flatMap((entry) => entry.groups.map((group) => `${group}/${entry.kind}`));
    assert.equal(new Set(keys).size, keys.length);
    for (const entry of POD_CREATING_KINDS) assert.notEqual(entry.source, '', entry.kind);
  });

  it('finds a kind by kind and API group, not by kind alone', () => {
    assert.equal(podCreatingKindOf(objectOf('apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s}\n'))?.kind, 'Prometheus');
    assert.equal(podCreatingKindOf(objectOf('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\n'))?.groups[0], 'serving.knative.dev');
    assert.equal(podCreatingKindOf(objectOf('apiVersion: v1\nkind: Service\nmetadata: {name: web}\n')), undefined);
    assert.equal(podCreatingKindOf(objectOf('apiVersion: example.com/v1\nkind: Prometheus\nmetadata: {name: k8s}\n')), undefined);
  });
});

describe('mayCreateUnknownPods', () => {
  const cases: [string, boolean][] = [
    ['apiVersion: redis.redis.opstreelabs.in/v1beta2\nkind: RedisCluster', true],
    ['apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor', false],
    ['apiVersion: monitoring.coreos.com/v1\nkind: Prometheus', false],
    ['apiVersion: networking.istio.io/v1\nkind: VirtualService', false],
    ['apiVersion: cert-manager.io/v1\nkind: Certificate', false],
    ['apiVersion: argoproj.io/v1alpha1\nkind: Application', false],
    ['apiVersion: argoproj.io/v1alpha1\nkind: Workflow', true],
    ['apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy', false],
    ['apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute', false],
    ['apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition', false],
    ['apiVersion: apps/v1\nkind: Deployment', false],
    ['apiVersion: v1\nkind: ConfigMap', false],
    ['kind: RedisCluster', false],
  ];
  for (const [text, expected] of cases) {
    it(`${text.replace('\n', ' ')}: ${expected}`, () => {
      assert.equal(mayCreateUnknownPods(objectOf(`${text}\nmetadata: {name: x}\n`)), expected);
    });
  }
});

describe('operatedPodsOf', () => {
  it("reads a Prometheus object's pod labels: spec.podMetadata and those the operator adds", () => {
    const model = modelOf({
      'prometheus.yaml': yaml`
        apiVersion: monitoring.coreos.com/v1
        kind: Prometheus
        metadata: {name: k8s, namespace: monitoring}
        spec:
          podMetadata:
            labels: {team: observability, app.kubernetes.io/name: overridden}
      `,
    });
    const [workload] = operatedPodsOf(model).workloads;
    assert.deepEqual(workload.id, { kind: 'Prometheus', namespace: 'monitoring', name: 'k8s' });
    assert.deepEqual(workload.podLabels, {
      team: 'observability',
      'app.kubernetes.io/name': 'prometheus',
      'app.kubernetes.io/instance': 'k8s',
      prometheus: 'k8s',
      'operator.prometheus.io/name': 'k8s',
      'app.kubernetes.io/managed-by': 'prometheus-operator',
      app: 'prometheus',
    });
    assert.deepEqual(workload.members, []);
    assert.equal(workload.portsKnown, false);
    assert.ok(workload.runtimeLabels.includes('operator.prometheus.io/shard'));
    assert.deepEqual(model.workloads, [], 'the connectivity model keeps to the built-in kinds');
  });

  it("reads a Rollout's template, and a workloadRef Rollout's from the Deployment it names", () => {
    const model = modelOf({
      'rollouts.yaml': yaml`
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: canary}
            spec:
              containers:
                - name: app
                  image: registry.example.com/canary:1.0.0
                  ports: [{name: http, containerPort: 8080}]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: by-ref, namespace: shop}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: dangling, namespace: shop}
        spec:
          workloadRef: {apiVersion: apps/v1, kind: Deployment, name: missing}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 0
          template:
            metadata:
              labels: {app: web}
      `,
    });
    const { workloads, unknownCreators } = operatedPodsOf(model);
    assert.deepEqual(
      workloads.map((workload) => [workload.id.name, workload.podLabels, workload.containerPorts.map((port) => port.name), workload.portsKnown]),
      [
        ['by-ref', { app: 'web' }, [], true],
        ['canary', { app: 'canary' }, ['http'], true],
      ],
    );
    assert.equal(workloads[0].members[0].object.kind, 'Deployment');
    assert.deepEqual(workloads[1].members[0].template, ['spec', 'template']);
    assert.deepEqual(
      unknownCreators.map((object) => object.name),
      ['dangling'],
    );
  });

  it('adds the name labels of a Knative Service and collects unknown custom resources', () => {
    const model = modelOf({
      'app.yaml': yaml`
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: hello, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: hello}
        ---
        apiVersion: redis.redis.opstreelabs.in/v1beta2
        kind: RedisCluster
        metadata: {name: cache, namespace: shop}
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: hello, namespace: shop}
      `,
    });
    const { workloads, unknownCreators } = operatedPodsOf(model);
    assert.deepEqual(workloads[0].podLabels, { app: 'hello', 'serving.knative.dev/service': 'hello', 'serving.knative.dev/configuration': 'hello' });
    assert.deepEqual(
      unknownCreators.map((object) => object.kind),
      ['RedisCluster'],
    );
    assert.equal(operatedPodsOf(model), operatedPodsOf(model), 'computed once per model');
  });
  it("reads the labels of a Strimzi Kafka cluster's components, with the cluster's name and kind", () => {
    const model = modelOf({
      'kafka.yaml': yaml`
        apiVersion: kafka.strimzi.io/v1beta2
        kind: Kafka
        metadata: {name: events, namespace: streaming}
        spec:
          kafka:
            template:
              pod:
                metadata:
                  labels: {tier: brokers}
          entityOperator:
            template:
              pod:
                metadata:
                  labels: {tier: operators}
      `,
    });
    const [workload] = operatedPodsOf(model).workloads;
    const added = { 'strimzi.io/cluster': 'events', 'strimzi.io/kind': 'Kafka' };
    assert.deepEqual(workload.podLabelSets, [{ tier: 'brokers', ...added }, added, { tier: 'operators', ...added }]);
    assert.ok(workload.runtimeLabels.includes('strimzi.io/name'));
  });
});
