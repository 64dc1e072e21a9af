import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { workloadNotIsolated } from '../../../server/src/engine/rules/workspace/workload-not-isolated';
import { yaml } from '../../support/dedent';
import { offeredFixes, testFixes } from '../fix-tester';

// The shop: web calls api by its Service name; a policy isolates web's ingress only, so api is the one left open.
const SHOP = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata:
        labels: {app: web, team: shop}
      spec:
        containers:
          - name: web
            image: registry.example.com/shop/web:1.4.2
            env:
              - {name: API_URL, value: "http://api:8080/v1"}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata:
        labels: {app: api, team: shop}
      spec:
        containers:
          - name: api
            image: registry.example.com/shop/api:3.1.0
            ports:
              - {name: http, containerPort: 9000}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop}
  spec:
    selector: {app: api}
    ports:
      - {port: 8080, targetPort: http}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web-ingress, namespace: shop}
  spec:
    podSelector: {matchLabels: {app: web}}
    policyTypes: [Ingress]
`;

const API_INGRESS = yaml`
  # Ingress of Deployment shop/api: least privilege inferred from the manifests by kube-netsec generate.
  # podSelector: the fewest pod labels that select this workload alone.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: api-ingress
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: api
    policyTypes:
      - Ingress
    ingress:
      # From Deployment shop/web:
      #   env API_URL of container web "api:8080" (test.yaml:14)
      #   Service api port 8080 (targetPort http) (test.yaml:33)
      - from:
          - podSelector:
              matchLabels:
                app: web
        ports:
          - protocol: TCP
            port: 9000
`;

// Egress isolated for web only, by a policy whose name the generated one would otherwise take.
const EGRESS_SHOP = SHOP.replace(
  'metadata: {name: web-ingress, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n',
  'metadata: {name: api-egress, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{podSelector: {matchLabels: {app: api}}}]\n    - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]\n',
);

const API_EGRESS = yaml`
  # Egress of Deployment shop/api: least privilege inferred from the manifests by kube-netsec generate.
  # podSelector: the fewest pod labels that select this workload alone.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: api-egress-deployment
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: api
    policyTypes:
      - Egress
    egress:
      # DNS: the cluster DNS (k8s-app: kube-dns in kube-system), UDP and TCP 53.
      - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
        ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
`;

// Both directions isolated for web only: api, open in both, is reported once and offered a policy per direction.
const BOTH_SHOP = `${SHOP}---\n${yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web-egress, namespace: shop}
  spec:
    podSelector: {matchLabels: {app: web}}
    policyTypes: [Egress]
    egress:
      - to: [{podSelector: {matchLabels: {app: api}}}]
      - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`}`;

testFixes(workloadNotIsolated, [
  {
    name: 'ingress: admits the workload that names its Service, on the named target port, appended to the file',
    code: SHOP,
    fixes: [{ title: 'Add a policy for Deployment "api" (ingress)', preferred: false, output: `${SHOP}---\n${API_INGRESS}` }],
  },
  {
    name: 'egress: DNS only for a workload that names no Service, under a name no policy of the namespace has',
    code: EGRESS_SHOP,
    fixes: [{ title: 'Add a policy for Deployment "api" (egress)', preferred: false, output: `${EGRESS_SHOP}---\n${API_EGRESS}` }],
  },
  {
    name: 'open in both directions: one finding, a policy offered per direction',
    code: BOTH_SHOP,
    fixes: [
      { title: 'Add a policy for Deployment "api" (ingress)', preferred: false, output: `${BOTH_SHOP}---\n${API_INGRESS}` },
      { title: 'Add a policy for Deployment "api" (egress)', preferred: false, output: `${BOTH_SHOP}---\n${API_EGRESS.replace('name: api-egress-deployment', 'name: api-egress')}` },
    ],
  },
  {
    name: 'a file without a final line end and with CRLF line ends keeps its style',
    code: SHOP.replace(/\n/g, '\r\n').replace(/\r\n$/, ''),
    fixes: [{ title: 'Add a policy for Deployment "api" (ingress)', output: `${SHOP.replace(/\n/g, '\r\n').replace(/\r\n$/, '')}\r\n---\r\n${API_INGRESS.replace(/\n/g, '\r\n')}` }],
  },
  {
    name: 'no fix for a workload without pod labels: no podSelector can select it alone',
    code: SHOP.replace('labels: {app: api, team: shop}', 'annotations: {owner: shop}'),
    fixes: [],
  },
]);

describe('workload-not-isolated fixes, checked', () => {
  it('the appended policy is offered, not preferred (fix-all never adds it), and its edit is in the finding\'s file only', () => {
    const fixes = offeredFixes(workloadNotIsolated, SHOP).filter((fix) => fix.kind === 'insert-policy');
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].preferred, false);
    assert.deepEqual(fixes[0].edits.map((edit) => edit.uri), ['test.yaml']);
    assert.equal(applyTextEdits(SHOP, fixes[0].edits[0].edits), fixes[0].results.get('test.yaml'));
  });
});


describe('a policy for one of two open directions', () => {
  it('leaves the workload reported for the other direction only, at its severity', () => {
    const config = mergeConfigs({});
    const ingress = offeredFixes(workloadNotIsolated, BOTH_SHOP).find((fix) => fix.title.endsWith('(ingress)'));
    assert.ok(ingress, 'the ingress policy is offered');
    const fixed = parseManifest('test.yaml', ingress.results.get('test.yaml') ?? '');
    const findings = lintWorkspace(buildWorkspace([fixed], config), { rules: [workloadNotIsolated], config }).get('test.yaml') ?? [];
    assert.deepEqual(
      findings.map((finding) => [finding.message, finding.severity]),
      [['Deployment "api" is selected by no NetworkPolicy for egress, although namespace "shop" has egress policies: it may connect to any pod or address.', 'info']],
    );
  });
});
