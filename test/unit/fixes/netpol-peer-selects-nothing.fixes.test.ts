import { netpolPeerSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-peer-selects-nothing';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

function namespace(name: string, team: string): string {
  return yaml`
    apiVersion: v1
    kind: Namespace
    metadata: {name: ${name}, labels: {team: ${team}}}
  `;
}

function deployment(name: string, namespaceName: string, app: string): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: ${name}, namespace: ${namespaceName}}
    spec:
      selector: {matchLabels: {app: ${app}}}
      template:
        metadata: {labels: {app: ${app}}}
        spec: {containers: [{name: main, image: registry.example.com/${name}:1.0}]}
  `;
}

const CLUSTER = [namespace('shop', 'shop'), namespace('payments', 'payments'), deployment('web', 'shop', 'web'), deployment('api', 'shop', 'api'), deployment('ledger', 'payments', 'ledger')].join('---\n');

testFixes(netpolPeerSelectsNothing, [
  {
    name: "a peer's misspelled pod label value, in the policy's namespace; the workloads are in another file",
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-ingress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    app: wbe # the storefront
    `,
    otherFiles: { 'cluster.yaml': CLUSTER },
    fixes: [
      {
        title: 'Change app: wbe to web (selects 1 workload: web)',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api-ingress, namespace: shop}
          spec:
            podSelector: {matchLabels: {app: api}}
            ingress:
              - from:
                  - podSelector:
                      matchLabels:
                        app: web # the storefront
        `,
      },
    ],
  },
  {
    name: 'a podSelector under a namespaceSelector by name is judged on that namespace, whose workloads are named with it',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-egress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}
                podSelector: {matchLabels: {app: "leger"}}
    `,
    otherFiles: { 'cluster.yaml': CLUSTER },
    fixes: [
      {
        title: 'Change app: leger to ledger (selects 1 workload: payments/ledger)',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api-egress, namespace: shop}
          spec:
            podSelector: {matchLabels: {app: api}}
            policyTypes: [Egress]
            egress:
              - to:
                  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}
                    podSelector: {matchLabels: {app: "ledger"}}
        `,
      },
    ],
  },
  {
    name: "the misspelled values of two namespaceSelectors, flow style, CRLF, in the middle of a multi-document file",
    code:
      CLUSTER.replace(/\n/g, '\r\n') +
      '---\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: ledger, namespace: payments}\r\n' +
      'spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: shpo}}}, {namespaceSelector: {matchLabels: {team: paymnts}}}]}]}\r\n' +
      '---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: payments}\r\n',
    fixes: [
      {
        title: 'Change team: shpo to shop (selects 1 namespace: shop)',
        output:
          CLUSTER.replace(/\n/g, '\r\n') +
          '---\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: ledger, namespace: payments}\r\n' +
          'spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}}, {namespaceSelector: {matchLabels: {team: paymnts}}}]}]}\r\n' +
          '---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: payments}\r\n',
      },
      {
        title: 'Change team: paymnts to payments (selects 1 namespace: payments)',
        output:
          CLUSTER.replace(/\n/g, '\r\n') +
          '---\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: ledger, namespace: payments}\r\n' +
          'spec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: shpo}}}, {namespaceSelector: {matchLabels: {team: payments}}}]}]}\r\n' +
          '---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: payments}\r\n',
      },
    ],
  },
  {
    name: 'no fix when two namespaces are equally close, or no workload is close',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-ingress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from:
              - namespaceSelector: {matchLabels: {team: shap}}
              - podSelector: {matchLabels: {app: frontend}}
    `,
    otherFiles: { 'cluster.yaml': CLUSTER, 'ship.yaml': namespace('ship', 'ship') },
    fixes: [],
  },
  {
    name: 'a peer selector through a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: api-ingress
        namespace: shop
        labels: &web {app: wbe}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    <<: *web
    `,
    otherFiles: { 'cluster.yaml': CLUSTER },
    fixes: [],
  },
]);
