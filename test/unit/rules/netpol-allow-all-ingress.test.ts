import { netpolAllowAllIngress } from '../../../server/src/engine/rules/policy/netpol-allow-all-ingress';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolAllowAllIngress, {
  valid: [
    {
      name: 'default deny: no ingress rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
      `,
    },
    {
      name: 'default deny: empty ingress list',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress: []
      `,
    },
    {
      name: 'every rule names its sources',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - podSelector: {matchLabels: {app: api}}
              ports: [{port: 5432}]
            - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
      `,
    },
    {
      name: 'ingress rules of an egress-only policy are ignored by Kubernetes (another rule reports them)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          ingress: [{}]
      `,
    },
    {
      name: 'an egress rule without `to` is not an ingress rule',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{}]
      `,
    },
    {
      name: 'a Calico NetworkPolicy is another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          ingress: [{}]
      `,
    },
  ],
  invalid: [
    {
      name: 'empty rule in flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all}
        spec:
          podSelector: {}
          ingress:
            - {}
      `,
      findings: [{ line: 7, column: 7, endLine: 7, endColumn: 9, message: /This ingress rule is empty, so it admits every source/ }],
    },
    {
      name: 'rule with ports but no from, policyTypes including Ingress',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
            - ports:
                - port: 8080
                - protocol: UDP
                  port: 53
          egress: []
      `,
      findings: [{ line: 8, column: 7, endLine: 8, endColumn: 12, message: /has no `from`, so it admits every source.*\(TCP 8080, UDP 53\)/ }],
    },
    {
      name: 'empty from list, and a second rule that is fine',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from: []
              ports: [{port: 80, endPort: 90}]
            - from: [{podSelector: {}}]
      `,
      findings: [{ line: 6, column: 7, endLine: 6, endColumn: 15, message: /`from: \[\]` is empty.*\(TCP 80-90\)/ }],
    },
    {
      name: 'rule with a null from, in the old extensions API group',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from:
      `,
      findings: [{ line: 6, column: 7, endLine: 6, endColumn: 11, message: /has no `from`/ }],
    },
    {
      name: 'a DNS server open on port 53 admits every source: the egress rule\'s DNS wording does not apply to ingress',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: resolver}
        spec:
          podSelector: {matchLabels: {app: dns}}
          ingress:
            - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
      `,
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 12,
          severity: 'warning',
          message: 'This ingress rule has no `from`, so it admits every source: all pods in all namespaces and any external address (UDP 53, TCP 53).',
        },
      ],
    },
  ],
});
