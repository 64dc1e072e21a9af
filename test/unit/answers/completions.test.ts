import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, DEFAULT_CONFIG, parseManifest } from '../../../server/src/engine';
import type { CompletionAnswer } from '../../../server/src/engine/answers/answer';
import { completionsAt } from '../../../server/src/engine/answers/completions';
import { yaml } from '../../support/dedent';

const workloads = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop, labels: {team: payments}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: api, tier: backend, version: "1", pod-template-hash: 5d9c7}}
      spec:
        containers:
          - name: api
            ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: worker, tier: backend}}
      spec:
        containers:
          - name: worker
            ports: [{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP, name: dns}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: web, tier: frontend}}
      spec:
        containers: [{name: web, ports: [{containerPort: 80}]}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: probe, namespace: monitoring, labels: {app: probe}}
  spec:
    containers: [{name: probe}]
`;

/**
 * Completions at the "|" of `text`, a manifest edited next to the workloads above. The cursor
 * mark is removed before parsing, as an editor holds the text without it.
 */
function complete(text: string): CompletionAnswer[] {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes('|'));
  const character = lines[line].indexOf('|');
  const file = parseManifest('edited.yaml', text.replace('|', ''));
  const workspace = buildWorkspace([file, parseManifest('workloads.yaml', workloads)]);
  return completionsAt({ file, workspace, findings: [], config: DEFAULT_CONFIG }, { line, character });
}

const summary = (answers: CompletionAnswer[]) => answers.map((answer) => `${answer.label} (${answer.detail})`);

describe('completionsAt: label selectors', () => {
  it('offers the label keys of the namespace\'s pods on an empty line under matchLabels, never controller-added ones', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels:
            |
    `);
    assert.deepEqual(summary(answers), ['app (matches 3 workloads)', 'tier (matches 3 workloads)', 'version (matches 1 workload)']);
    assert.equal(answers[0].kind, 'label-key');
    assert.equal(answers[0].insertText, 'app: ');
    assert.equal(answers[0].documentation, 'Values: api, web, worker');
    assert.equal(answers[0].range, undefined);
  });

  it('offers keys for a half-typed key, replacing the word, and leaves out keys already written', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels:
            tier: backend
            ap|
    `);
    assert.deepEqual(summary(answers), ['app (matches 3 workloads)', 'version (matches 1 workload)']);
    assert.deepEqual(answers[0].range, { start: { line: 7, character: 6 }, end: { line: 7, character: 8 } });
  });

  it('offers the values of the key at a value position, quoting one YAML would read as a number', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels:
            tier: |
            version: 1
    `);
    assert.deepEqual(summary(answers), ['backend (matches 2 workloads)', 'frontend (matches 1 workload)']);
    assert.equal(answers[0].documentation, 'api, worker');
    assert.equal(answers[0].kind, 'label-value');

    const version = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels: {}
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    version: 1|
    `);
    assert.deepEqual(
      version.map((answer) => [answer.label, answer.insertText, answer.range]),
      [['1', '"1"', { start: { line: 10, character: 23 }, end: { line: 10, character: 24 } }]],
    );
  });

  it('offers the labels of a Service\'s namespace in its selector', () => {
    const keys = complete(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: monitoring}
      spec:
        selector:
          |
    `);
    assert.deepEqual(summary(keys), ['app (matches 1 workload)']);
    const values = complete(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: shop}
      spec:
        selector:
          app: w|
        ports: [{port: 80}]
    `);
    assert.deepEqual(summary(values), ['api (matches 1 workload)', 'web (matches 1 workload)', 'worker (matches 1 workload)']);
  });

  it('offers namespace labels in a namespaceSelector, with the namespaces\' names', () => {
    const keys = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-payments, namespace: shop}
      spec:
        podSelector: {}
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                |
    `);
    assert.deepEqual(summary(keys), ['kubernetes.io/metadata.name (matches 2 namespaces)', 'team (matches 1 namespace)']);
    const names = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-payments, namespace: shop}
      spec:
        podSelector: {}
        ingress:
        - from:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: |
    `);
    assert.deepEqual(summary(names), ['monitoring (matches 1 namespace)', 'shop (matches 1 namespace)']);
    assert.equal(names[0].kind, 'namespace');
  });

  it('offers the pods of the namespaces a peer\'s namespaceSelector matches', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-probe, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                podSelector:
                  matchLabels:
                    app: |
    `);
    assert.deepEqual(
      answers.map((answer) => [answer.label, answer.documentation]),
      [['probe', 'monitoring/probe']],
    );
  });

  it('offers keys at matchExpressions key and the key\'s values at its values, block or flow', () => {
    const keys = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - key: t|
              operator: In
    `);
    assert.deepEqual(summary(keys), ['app (matches 3 workloads)', 'tier (matches 3 workloads)', 'version (matches 1 workload)']);
    assert.equal(keys[0].insertText, undefined);

    const blockValues = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: tier, operator: Exists}
            - key: app
              operator: In
              values:
                - api
                - |
    `);
    assert.deepEqual(summary(blockValues), ['web (matches 1 workload)', 'worker (matches 1 workload)']);

    const flowValues = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - key: tier
              operator: NotIn
              values: [frontend, b|]
    `);
    assert.deepEqual(summary(flowValues), ['backend (matches 2 workloads)']);
  });
});

describe('completionsAt: flow style and typing in progress', () => {
  it('reads one-line flow maps and sequences', () => {
    const value = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector: {matchLabels: {tier: backend, app: w|}}
    `);
    assert.deepEqual(
      value.map((answer) => [answer.label, answer.range]),
      [
        ['api', { start: { line: 4, character: 50 }, end: { line: 4, character: 51 } }],
        ['web', { start: { line: 4, character: 50 }, end: { line: 4, character: 51 } }],
        ['worker', { start: { line: 4, character: 50 }, end: { line: 4, character: 51 } }],
      ],
    );
    const key = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector: {}
        ingress:
          - from: [{podSelector: {matchLabels: {tier: frontend, |}}}]
    `);
    assert.deepEqual(
      key.map((answer) => [answer.label, answer.insertText]),
      [
        ['app', 'app: '],
        ['version', 'version: '],
      ],
    );
  });

  it('in a List item of another document, puts a space after a colon typed without one', () => {
    const answers = complete(yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: shop}
      ---
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector:
            tier:|
    `);
    assert.deepEqual(
      answers.map((answer) => [answer.label, answer.insertText]),
      [
        ['backend', ' backend'],
        ['frontend', ' frontend'],
      ],
    );
  });

  it('offers nothing once a value is written and the cursor is past it', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels:
            tier: backend |
    `);
    assert.deepEqual(answers, []);
  });
});

describe('completionsAt: rule ports', () => {
  it('offers the selected pods\' container ports and names for an ingress rule', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          matchLabels: {tier: backend}
        ingress:
          - from: [{podSelector: {matchLabels: {tier: frontend}}}]
            ports:
              - port: |
    `);
    // The entry writes no protocol, so it is TCP: a UDP port needs `protocol`.
    assert.deepEqual(summary(answers), [
      '53 (UDP 53 on worker, needs protocol: UDP)',
      '8080 (TCP 8080 on api, worker)',
      '9090 (TCP 9090 on api)',
      'dns (UDP 53 on worker, needs protocol: UDP)',
      'http (TCP 8080 on api, worker)',
      'metrics (TCP 9090 on api)',
    ]);
    assert.ok(answers.every((answer) => answer.kind === 'port'));

    const flow = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: frontend, namespace: shop}
      spec:
        podSelector: {matchLabels: {tier: frontend}}
        ingress: [{ports: [{protocol: TCP, port: |}]}]
    `);
    assert.deepEqual(summary(flow), ['80 (TCP 80 on web)']);

    // A protocol the API server refuses matches no declared port.
    const lower = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: frontend, namespace: shop}
      spec:
        podSelector: {matchLabels: {tier: frontend}}
        ingress: [{ports: [{protocol: tcp, port: |}]}]
    `);
    assert.deepEqual(summary(lower), []);
  });

  it('offers the peers\' ports for an egress rule, of the protocol the entry names', () => {
    const answers = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Egress]
        egress:
          - to:
              - podSelector: {matchLabels: {tier: backend}}
            ports:
              - protocol: UDP
                port: d|
    `);
    assert.deepEqual(summary(answers), ['53 (UDP 53 on worker)', 'dns (UDP 53 on worker)']);
    assert.deepEqual(answers[1].range, { start: { line: 11, character: 16 }, end: { line: 11, character: 17 } });
  });
});

describe('completionsAt: elsewhere', () => {
  it('offers nothing outside selectors and rule ports', () => {
    const policy = (line: string) =>
      complete(yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: backend
          namespace: shop
          labels:
            ${line}
        spec:
          podSelector:
            matchLabels: {app: api}
          policyTypes: [Ingress]
      `);
    assert.deepEqual(policy('|'), []);
    assert.deepEqual(policy('app: |'), []);
    const deployment = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        selector:
          matchLabels:
            |
    `);
    assert.deepEqual(deployment, []);
    const podSelectorField = complete(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend, namespace: shop}
      spec:
        podSelector:
          |
    `);
    assert.deepEqual(podSelectorField, []);
  });
});
