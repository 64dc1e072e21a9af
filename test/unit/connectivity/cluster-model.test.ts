import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildClusterModel, parseManifest } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';
import { analysisOf, connectionLines } from './scenario';

const modelOf = (text: string, defaultNamespace?: string) => buildClusterModel([parseManifest('m.yaml', text)], { defaultNamespace });
const keys = (text: string) => modelOf(text).workloads.map((workload) => workload.key);

describe('cluster model: workloads', () => {
  it('makes one workload of each controller object, whatever its replicas', () => {
    assert.deepEqual(
      keys(yaml`
        {apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: shop}, spec: {replicas: 0}}
        ---
        {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: db, namespace: shop}}
        ---
        {apiVersion: apps/v1, kind: DaemonSet, metadata: {name: agent, namespace: kube-system}}
        ---
        {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web-5d9c7, namespace: shop}}
        ---
        {apiVersion: v1, kind: ReplicationController, metadata: {name: legacy}}
        ---
        {apiVersion: batch/v1, kind: Job, metadata: {name: migrate, namespace: shop}}
        ---
        {apiVersion: batch/v1, kind: CronJob, metadata: {name: report, namespace: shop}}
        ---
        {apiVersion: v1, kind: PodTemplate, metadata: {name: not-a-workload}}
        ---
        {apiVersion: example.com/v1, kind: Deployment, metadata: {name: a-crd}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop}}
      `),
      ['default/legacy[ReplicationController]', 'kube-system/agent[DaemonSet]', 'shop/db[StatefulSet]', 'shop/migrate[Job]', 'shop/report[CronJob]', 'shop/web[Deployment]', 'shop/web-5d9c7[ReplicaSet]'],
    );
  });

  it('reads pod labels and container ports from the template (CronJob: the jobTemplate), not the object', () => {
    const model = modelOf(yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, labels: {app: wrong}}
      spec:
        jobTemplate:
          spec:
            template:
              metadata: {labels: {app: report, version: 2}}
              spec:
                initContainers: [{name: init, ports: [{containerPort: 9000, name: init}]}]
                containers:
                  - name: main
                    ports: [{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP}, {containerPort: 0}]
    `);
    const [workload] = model.workloads;
    assert.deepEqual(workload.podLabels, { app: 'report', version: '2' });
    assert.deepEqual(
      workload.containerPorts.map(({ port, protocol, name }) => ({ port, protocol, name })),
      [
        { port: 8080, protocol: 'TCP', name: 'http' },
        { port: 53, protocol: 'UDP', name: undefined },
      ],
    );
    assert.deepEqual(workload.containerPorts[0].path, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'ports', 0]);
  });

  it('takes pod owners literally: controller ownerReference, no kind, Node, controller false', () => {
    assert.deepEqual(
      keys(yaml`
        {apiVersion: v1, kind: Pod, metadata: {name: web-5d9c7-abcde, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c7, controller: true}]}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: x-1, ownerReferences: [{name: some-owner, controller: true}]}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: kube-apiserver-node1, namespace: kube-system, ownerReferences: [{apiVersion: v1, kind: Node, name: node1, controller: true}]}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: adopted, ownerReferences: [{kind: ReplicaSet, name: rs, controller: false}]}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: second-ref, ownerReferences: [{kind: ConfigMap, name: cm}, {kind: StatefulSet, name: db, controller: true}]}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: plain}}
      `),
      ['default/adopted[Pod]', 'default/db[StatefulSet]', 'default/plain[Pod]', 'default/some-owner[Pod]', 'kube-system/kube-apiserver-node1[Pod]', 'shop/web-5d9c7[ReplicaSet]'],
    );
  });

  it('merges the pods of one owner, and the owner object with them; the first member gives the labels', () => {
    const model = modelOf(yaml`
      {apiVersion: v1, kind: Pod, metadata: {name: web-1, labels: {app: web, pod-template-hash: a}, ownerReferences: [{kind: Deployment, name: web, controller: true}]}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: web-2, labels: {app: web, pod-template-hash: b}, ownerReferences: [{kind: Deployment, name: web, controller: true}]}}
      ---
      {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {template: {metadata: {labels: {app: web}}}}}
    `);
    assert.deepEqual(
      model.workloads.map((workload) => [workload.key, workload.members.map((member) => `${member.role} ${member.object.name}`), workload.podLabels]),
      [['default/web[Deployment]', ['owned-pod web-1', 'owned-pod web-2', 'controller web'], { app: 'web', 'pod-template-hash': 'a' }]],
    );
  });

  it('puts objects without a namespace, or with "", in the default namespace (configurable)', () => {
    const text = yaml`
      {apiVersion: v1, kind: Pod, metadata: {name: a}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: ""}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: c, namespace: default}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: ""}}
    `;
    assert.deepEqual(keys(text), ['default/a[Pod]', 'default/b[Pod]', 'default/c[Pod]']);
    assert.deepEqual(
      modelOf(text, 'team').workloads.map((workload) => workload.key),
      ['default/c[Pod]', 'team/a[Pod]', 'team/b[Pod]'],
    );
  });

  it('ignores pod status, host network and node name; every Pod counts', () => {
    assert.deepEqual(
      keys(yaml`
        {apiVersion: v1, kind: Pod, metadata: {name: host}, spec: {hostNetwork: true, nodeName: n1}, status: {phase: Failed}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: pending}, status: {}}
      `),
      ['default/host[Pod]', 'default/pending[Pod]'],
    );
  });

  it('leaves out objects of documents that do not parse', () => {
    assert.deepEqual(keys('apiVersion: v1\nkind: Pod\nmetadata: {name: broken\n---\n{apiVersion: v1, kind: Pod, metadata: {name: ok}}\n'), ['default/ok[Pod]']);
  });
});

describe('cluster model: namespaces and policies', () => {
  it('labels namespaces from their objects plus kubernetes.io/metadata.name; implicit ones have only that label', () => {
    const model = modelOf(yaml`
      {apiVersion: v1, kind: Namespace, metadata: {name: prod, labels: {env: prod, kubernetes.io/metadata.name: wrong}}}
      ---
      {apiVersion: v1, kind: Namespace, metadata: {name: empty}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: prod}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: implied}}
    `);
    assert.deepEqual(
      [...model.namespaces.values()].map(({ name, labels, object }) => ({ name, labels, fromObject: object !== undefined })),
      [
        { name: 'prod', labels: { env: 'prod', 'kubernetes.io/metadata.name': 'prod' }, fromObject: true },
        { name: 'empty', labels: { 'kubernetes.io/metadata.name': 'empty' }, fromObject: true },
        { name: 'implied', labels: { 'kubernetes.io/metadata.name': 'implied' }, fromObject: false },
      ],
    );
  });

  it('keeps networking.k8s.io/v1 NetworkPolicies only, namespaced like everything else', () => {
    const model = modelOf(yaml`
      {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: p1}, spec: {podSelector: {}}}
      ---
      {apiVersion: extensions/v1beta1, kind: NetworkPolicy, metadata: {name: old}, spec: {podSelector: {}}}
      ---
      {apiVersion: projectcalico.org/v3, kind: NetworkPolicy, metadata: {name: calico}, spec: {selector: all()}}
      ---
      {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: p2, namespace: shop}}
    `);
    assert.deepEqual(
      model.policies.map((policy) => policy.key),
      ['default/p1', 'shop/p2'],
    );
  });

  it('produces nothing without workloads, even with policies and namespaces', () => {
    assert.deepEqual(
      connectionLines(yaml`
        {apiVersion: v1, kind: Namespace, metadata: {name: prod}}
        ---
        {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: p, namespace: prod}, spec: {podSelector: {}}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: s, namespace: prod}, spec: {selector: {app: x}}}
      `),
      [],
    );
    assert.equal(analysisOf('').model.workloads.length, 0);
  });
});
