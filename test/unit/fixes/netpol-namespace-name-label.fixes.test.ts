import { netpolNamespaceNameLabel } from '../../../server/src/engine/rules/policy/netpol-namespace-name-label';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const TITLE = 'Select by kubernetes.io/metadata.name';

testFixes(netpolNamespaceNameLabel, [
  {
    name: 'a matchLabels key is renamed, a requirement gets its key value changed in its quotes; neither is preferred',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-dns
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector:
                  matchLabels:
                    name: kube-system # set by hand
                podSelector:
                  matchLabels: {k8s-app: kube-dns}
              - namespaceSelector:
                  matchExpressions: [{key: 'ns', operator: In, values: [monitoring]}]
            ports:
              - {port: 53, protocol: UDP}
              - {port: 53, protocol: TCP}
    `,
    fixes: [
      {
        title: TITLE,
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: allow-dns
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: kube-system # set by hand
                    podSelector:
                      matchLabels: {k8s-app: kube-dns}
                  - namespaceSelector:
                      matchExpressions: [{key: 'ns', operator: In, values: [monitoring]}]
                ports:
                  - {port: 53, protocol: UDP}
                  - {port: 53, protocol: TCP}
        `,
      },
      {
        title: TITLE,
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: allow-dns
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - namespaceSelector:
                      matchLabels:
                        name: kube-system # set by hand
                    podSelector:
                      matchLabels: {k8s-app: kube-dns}
                  - namespaceSelector:
                      matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: In, values: [monitoring]}]
                ports:
                  - {port: 53, protocol: UDP}
                  - {port: 53, protocol: TCP}
        `,
      },
    ],
  },
  {
    name: 'a flow selector, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: shop}\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: from-monitoring, namespace: shop}\r\nspec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {"namespace": monitoring}}}]}]}\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n',
    fixes: [
      {
        title: TITLE,
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: shop}\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: from-monitoring, namespace: shop}\r\nspec: {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {"kubernetes.io/metadata.name": monitoring}}}]}]}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n',
      },
    ],
  },
  {
    name: 'a selector that already has the real name, or labels from an alias, gets no rename',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: from-monitoring
        labels: &ns {name: monitoring}
      spec:
        podSelector: {}
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {name: monitoring, kubernetes.io/metadata.name: monitoring}
              - namespaceSelector:
                  matchLabels: *ns
    `,
    fixes: [],
  },
]);
