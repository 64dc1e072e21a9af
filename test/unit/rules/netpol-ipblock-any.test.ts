import { netpolIpblockAny } from '../../../server/src/engine/rules/policy/netpol-ipblock-any';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolIpblockAny, {
  valid: [
    {
      name: 'a narrow external range',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
      `,
    },
    {
      name: '"internet but not the cluster": private ranges in except, both directions',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}
                - ipBlock: {cidr: "::/0", except: ["fc00::/7"]}
      `,
    },
    {
      name: 'egress to the whole internet on port 80 is reported by netpol-metadata-egress instead',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
      `,
    },
    {
      name: 'an ingress rule of an egress-only policy is ignored (netpol-ignored-rules), a broad but not whole block',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          ingress:
            - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/1}}]
              ports: [{port: 443}]
      `,
    },
    {
      name: 'an except entry of 0.0.0.0/0 is not an allow, and a Calico policy is another API',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [0.0.0.0/0]}}]
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          ingress: [{action: Allow, source: {nets: [0.0.0.0/0]}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'ingress from the whole internet',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: admin}
        spec:
          podSelector:
            matchLabels: {app: admin}
          ingress:
            - from:
                - ipBlock:
                    cidr: 0.0.0.0/0
              ports:
                - port: 8443
      `,
      findings: [
        {
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 28,
          message: '`0.0.0.0/0` admits every IPv4 address: the whole internet and, with many CNIs, every pod and node of the cluster (TCP 8443).',
        },
      ],
    },
    {
      name: 'egress to every IPv4 and IPv6 address on HTTPS, an except that is not a private range',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [198.51.100.0/24]}
                - ipBlock: {cidr: "::/0"}
              ports: [{port: 443}]
      `,
      findings: [
        { line: 9, column: 27, endLine: 9, endColumn: 36, message: /^`0.0.0.0\/0` lets the selected pods reach every IPv4 address: the whole internet .*\(TCP 443\)\.$/ },
        { line: 10, column: 27, endLine: 10, endColumn: 33, message: /^`::\/0` lets the selected pods reach every IPv6 address/ },
      ],
    },
  ],
});
