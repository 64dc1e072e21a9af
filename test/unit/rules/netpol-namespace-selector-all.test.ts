import { netpolNamespaceSelectorAll } from '../../../server/src/engine/rules/policy/netpol-namespace-selector-all';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolNamespaceSelectorAll, {
  valid: [
    {
      name: 'namespaces selected by name',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: monitoring}
      `,
    },
    {
      name: 'every namespace, but only pods with these labels (documented as not reported)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector: {}
                  podSelector:
                    matchLabels: {app.kubernetes.io/name: prometheus}
      `,
    },
    {
      name: 'a null namespaceSelector is no namespace selector, and a direction that does not apply',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from:
                - podSelector: {}
                  namespaceSelector:
          egress:
            - to: [{namespaceSelector: {}}]
      `,
    },
    {
      name: 'a namespaceSelector at the spec level of a Calico GlobalNetworkPolicy is another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          ingress: [{action: Allow, source: {namespaceSelector: all()}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'the "allow from all namespaces" recipe',
      code: yaml`
        kind: NetworkPolicy
        apiVersion: networking.k8s.io/v1
        metadata:
          namespace: default
          name: web-allow-all-namespaces
        spec:
          podSelector:
            matchLabels:
              app: web
          ingress:
            - from:
                - namespaceSelector: {}
              ports:
                - port: 8082
      `,
      findings: [
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 32,
          message: '`namespaceSelector: {}` selects every namespace, so this peer admits every pod of every namespace (TCP 8082).',
        },
      ],
    },
    {
      name: 'egress with an empty podSelector beside it, and an empty matchLabels',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: egress}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - podSelector: {}
                  namespaceSelector: {}
                - namespaceSelector:
                    matchLabels: {}
      `,
      findings: [
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 32,
          message: '`namespaceSelector: {}` selects every namespace, so this peer lets the selected pods reach every pod of every namespace (all ports).',
        },
        { line: 11, column: 11, endLine: 11, endColumn: 28, message: /^This empty `namespaceSelector` selects every namespace/ },
      ],
    },
  ],
});
