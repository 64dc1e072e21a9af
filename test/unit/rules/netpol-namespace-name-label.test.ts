import { netpolNamespaceNameLabel } from '../../../server/src/engine/rules/policy/netpol-namespace-name-label';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolNamespaceNameLabel, {
  valid: [
    {
      name: 'namespaces selected by kubernetes.io/metadata.name or by attribute labels',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: monitoring}
                - namespaceSelector:
                    matchLabels: {purpose: production}
      `,
    },
    {
      name: 'a `name` label on pods is not about namespaces; an ignored direction',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {matchLabels: {name: web}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {name: gateway}}}]
          egress:
            - to: [{namespaceSelector: {matchLabels: {name: kube-system}}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'DNS egress to the namespace labelled name: kube-system',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - namespaceSelector:
                    matchLabels:
                      name: kube-system
                  podSelector:
                    matchLabels: {k8s-app: kube-dns}
      `,
      findings: [
        {
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 32,
          message:
            'This peer selects namespaces by the `name` label (kube-system), which Kubernetes does not set and whoever creates or labels a namespace can choose; `kubernetes.io/metadata.name` always holds the real name.',
        },
      ],
    },
    {
      name: 'a matchExpressions requirement on `namespace`, ingress',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: metrics}
        spec:
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector:
                    matchExpressions:
                      - key: namespace
                        operator: In
                        values: [monitoring, observability]
      `,
      findings: [{ line: 10, column: 17, endLine: 10, endColumn: 31, message: /^This peer selects namespaces by the `namespace` label \(monitoring, observability\)/ }],
    },
  ],
});
