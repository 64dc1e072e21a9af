import { netpolAllowAllEgress } from '../../../server/src/engine/rules/policy/netpol-allow-all-egress';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolAllowAllEgress, {
  valid: [
    {
      name: 'default deny: Egress in policyTypes, no egress rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress}
        spec:
          podSelector: {}
          policyTypes: [Egress]
      `,
    },
    {
      name: 'default deny: empty egress list',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress: []
      `,
    },
    {
      name: 'every rule names its destinations',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Egress]
          egress:
            - to:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: kube-system}
                  podSelector:
                    matchLabels: {k8s-app: kube-dns}
              ports: [{port: 53, protocol: UDP}]
            - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
      `,
    },
    {
      name: 'egress rules of an ingress-only policy are ignored by Kubernetes (another rule reports them)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          egress: [{}]
      `,
    },
    {
      name: 'an ingress rule without `from` is not an egress rule',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress: [{}]
      `,
    },
    {
      name: 'a Calico NetworkPolicy is another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          types: [Egress]
          egress: [{action: Allow}]
      `,
    },
  ],
  invalid: [
    {
      name: 'empty rule in flow style, Egress applying because there are egress rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all-egress}
        spec:
          podSelector: {}
          egress:
            - {}
      `,
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 9,
          message:
            'This egress rule is empty, so it allows every destination: all pods in all namespaces, any external address and the cloud metadata service at 169.254.169.254 on all ports.',
        },
      ],
    },
    {
      name: 'DNS rule without `to`: DNS to any resolver, an info finding',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - ports:
                - port: 53
                  protocol: UDP
                - port: 53
                  protocol: TCP
      `,
      findings: [
        {
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 12,
          severity: 'info',
          message:
            'This egress rule has no `to`, so it allows DNS (port 53) to any destination: any resolver on the internet as well as the cluster DNS, and DNS queries to any server can carry data out of the cluster (UDP 53, TCP 53).',
        },
      ],
    },
    {
      name: 'DNS with `to: []` (TCP by default), and port 53 with another port: every destination, a warning',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: []
              ports: [{port: 53}]
            - ports:
                - {port: 53, protocol: UDP}
                - {port: 5353, protocol: UDP}
            - ports: [{port: 53, protocol: SCTP}]
            - ports: [{port: 53, endPort: 54, protocol: UDP}]
      `,
      findings: [
        { line: 8, column: 7, endLine: 8, endColumn: 13, severity: 'info', message: /^`to: \[\]` is empty, so this rule allows DNS \(port 53\) to any destination: .*\(TCP 53\)\.$/ },
        { line: 10, column: 7, endLine: 10, endColumn: 12, severity: 'warning', message: 'This egress rule has no `to`, so it allows every destination: all pods in all namespaces and any external address (UDP 53, UDP 5353).' },
        { line: 13, column: 7, endLine: 13, endColumn: 12, severity: 'warning', message: /allows every destination: .*\(SCTP 53\)\.$/ },
        { line: 14, column: 7, endLine: 14, endColumn: 12, severity: 'warning', message: /allows every destination: .*\(UDP 53-54\)\.$/ },
      ],
    },
    {
      name: 'empty to list on port 80, and a null to, in a multi-document file',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: fine}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{to: [{podSelector: {}}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: open}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
            - to: []
              ports: [{port: 80}]
            - to:
              ports: [{port: 8000, endPort: 8100}]
      `,
      findings: [
        { line: 16, column: 7, endLine: 16, endColumn: 13, message: /^`to: \[\]` is empty, so this rule allows every destination: .*cloud metadata service .*\(TCP 80\)\.$/ },
        { line: 18, column: 7, endLine: 18, endColumn: 9, message: /^This egress rule has no `to`, .*any external address \(TCP 8000-8100\)\.$/ },
      ],
    },
  ],
});
