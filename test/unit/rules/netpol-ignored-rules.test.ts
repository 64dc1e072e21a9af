import { netpolIgnoredRules } from '../../../server/src/engine/rules/policy/netpol-ignored-rules';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolIgnoredRules, {
  valid: [
    {
      name: 'both directions listed',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress: [{from: [{podSelector: {}}]}]
          egress: [{to: [{podSelector: {}}]}]
      `,
    },
    {
      name: 'no policyTypes, or an empty list: the defaults cover the rules written',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress: [{from: [{podSelector: {}}]}]
          egress: [{to: [{podSelector: {}}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: []
          egress: [{to: [{podSelector: {}}]}]
      `,
    },
    {
      name: 'empty rule lists of the other direction',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          ingress: []
          egress: []
      `,
    },
    {
      name: 'invalid policy types make the API server reject the policy: netpol-invalid reports that',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [ingress]
          egress: [{}]
      `,
    },
    {
      name: 'Calico types are another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          policyTypes: [Ingress]
          egress: [{action: Allow}]
      `,
    },
  ],
  invalid: [
    {
      name: 'egress rules of an ingress-only policy',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: payments}
        spec:
          podSelector:
            matchLabels: {app: payments}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: checkout}}}]
          egress:
            - to: [{ipBlock: {cidr: 198.51.100.0/24}}]
            - to: [{podSelector: {matchLabels: {app: db}}}]
      `,
      findings: [
        {
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 9,
          message: '`policyTypes` leaves out Egress, so Kubernetes ignores these 2 egress rules: the policy does not restrict egress of the selected pods.',
        },
      ],
    },
    {
      name: 'ingress rules of an egress-only policy, in flow style',
      code: yaml`
        {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: x},
         spec: {podSelector: {}, policyTypes: [Egress], ingress: [{}], egress: []}}
      `,
      findings: [
        {
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 56,
          message: '`policyTypes` leaves out Ingress, so Kubernetes ignores this ingress rule: the policy does not restrict ingress of the selected pods.',
        },
      ],
    },
  ],
});
