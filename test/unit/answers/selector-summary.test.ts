import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest } from '../../../server/src/engine';
import { selectorSummary } from '../../../server/src/engine/answers/selector-summary';
import { yaml } from '../../support/dedent';

const manifests = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: monitoring, labels: {team: ops}}
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: logging, labels: {team: ops}}
  ---
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: prometheus, namespace: monitoring}
  spec: {template: {metadata: {labels: {app: prometheus}}, spec: {containers: [{name: prometheus}]}}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec: {template: {metadata: {labels: {tier: backend, app: api}}, spec: {containers: [{name: api}]}}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker}
  spec: {template: {metadata: {labels: {tier: backend}}, spec: {containers: [{name: worker}]}}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec: {template: {metadata: {labels: {tier: frontend}}, spec: {containers: [{name: web}]}}}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: backend}
  spec:
    podSelector: {matchLabels: {tier: backend}}
    ingress:
      - from:
          - podSelector: {matchLabels: {tier: frontend}}
          - namespaceSelector: {matchLabels: {team: ops}}
            podSelector: {matchLabels: {app: prometheus}}
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: nothing}
  spec:
    podSelector: {matchExpressions: [{key: tier, operator: In, values: [db, cache]}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api}
  spec: {selector: {app: api}, ports: [{port: 80}]}
`;

describe('selectorSummary', () => {
  const file = parseManifest('file:///w/all.yaml', manifests);
  const workspace = buildWorkspace([file]);
  const object = (kind: string, name: string) => file.objects.find((candidate) => candidate.kind === kind && candidate.name === name)!;
  const backend = object('NetworkPolicy', 'backend');

  it("counts and names the workloads a policy's podSelector selects: many", () => {
    assert.equal(selectorSummary(workspace, backend, ['spec', 'podSelector']), '**podSelector**: pods with `tier=backend` in namespace `default` — 2 workloads: api, worker.');
  });

  it('says when a selector selects no workload, and reads matchExpressions', () => {
    assert.equal(
      selectorSummary(workspace, object('NetworkPolicy', 'nothing'), ['spec', 'podSelector', 'matchExpressions', 0, 'key']),
      '**podSelector**: pods with `tier in (db, cache)` in namespace `default` — no workload of the workspace.',
    );
  });

  it("reads a peer's podSelector in the policy's namespace: one workload", () => {
    assert.equal(
      selectorSummary(workspace, backend, ['spec', 'ingress', 0, 'from', 0, 'podSelector', 'matchLabels']),
      '**podSelector**: pods with `tier=frontend` in namespace `default` — 1 workload: web.',
    );
  });

  it("reads a peer's podSelector within the namespaces of its namespaceSelector", () => {
    assert.equal(
      selectorSummary(workspace, backend, ['spec', 'ingress', 0, 'from', 1, 'podSelector']),
      "**podSelector**: pods with `app=prometheus` in namespaces with `team=ops` (this peer's namespaceSelector) — 1 workload: monitoring/prometheus.",
    );
  });

  it('lists the namespaces a namespaceSelector matches, with their workloads and the peer as a whole', () => {
    assert.equal(
      selectorSummary(workspace, backend, ['spec', 'ingress', 0, 'from', 1, 'namespaceSelector']),
      "**namespaceSelector**: namespaces with `team=ops` — 2 namespaces: monitoring (1 workload), logging (no workload). With this peer's podSelector (pods with `app=prometheus`): 1 workload: monitoring/prometheus.",
    );
  });

  it('says when a namespaceSelector names a namespace the workspace does not define', () => {
    assert.equal(
      selectorSummary(workspace, backend, ['spec', 'ingress', 0, 'from', 2, 'namespaceSelector']),
      '**namespaceSelector**: namespace `kube-system` — `kube-system` is not defined in the workspace (the cluster may have it).',
    );
  });

  it("reads a Service's selector", () => {
    assert.equal(selectorSummary(workspace, object('Service', 'api'), ['spec', 'selector', 'app']), '**selector**: pods with `app=api` in namespace `default` — 1 workload: api.');
  });

  it("says when a Service's selector selects no pods at all", () => {
    const services = parseManifest(
      'file:///w/services.yaml',
      'apiVersion: v1\nkind: Service\nmetadata: {name: alias}\nspec: {type: ExternalName, externalName: db.example.com, selector: {app: api}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: manual}\nspec: {selector: {}}\n',
    );
    const withServices = buildWorkspace([file, services]);
    assert.equal(selectorSummary(withServices, services.objects[0], ['spec', 'selector']), '**selector**: ignored: an ExternalName Service is a DNS alias and has no pods.');
    assert.equal(selectorSummary(withServices, services.objects[1], ['spec', 'selector']), '**selector**: none, so the Service has no pods: its endpoints are managed by hand.');
  });

  it('counts the pods an operator creates from a custom resource, as the rules do', () => {
    const stack = parseManifest(
      'file:///w/monitoring-stack.yaml',
      yaml`
        apiVersion: monitoring.coreos.com/v1
        kind: Prometheus
        metadata: {name: main, namespace: metrics}
        spec: {podMetadata: {labels: {team: ops}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: prometheus, namespace: metrics}
        spec:
          podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}
          egress:
            - to: [{podSelector: {matchLabels: {team: ops}}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: prometheus, namespace: metrics}
        spec: {selector: {prometheus: main}, ports: [{port: 9090}]}
      `,
    );
    const withStack = buildWorkspace([stack]);
    const [, policy, service] = stack.objects;
    assert.equal(selectorSummary(withStack, policy, ['spec', 'podSelector']), '**podSelector**: pods with `app.kubernetes.io/name=prometheus` in namespace `metrics` — 1 workload: main.');
    assert.equal(selectorSummary(withStack, policy, ['spec', 'egress', 0, 'to', 0, 'podSelector']), '**podSelector**: pods with `team=ops` in namespace `metrics` — 1 workload: main.');
    assert.equal(selectorSummary(withStack, service, ['spec', 'selector']), '**selector**: pods with `prometheus=main` in namespace `metrics` — 1 workload: main.');
  });

  it('answers nothing off a selector', () => {
    assert.equal(selectorSummary(workspace, backend, ['spec', 'ingress', 0]), undefined);
    assert.equal(selectorSummary(workspace, object('Deployment', 'api'), ['spec', 'selector']), undefined);
  });
});
