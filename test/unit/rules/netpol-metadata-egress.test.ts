import { netpolMetadataEgress } from '../../../server/src/engine/rules/policy/netpol-metadata-egress';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolMetadataEgress, {
  valid: [
    {
      name: 'the metadata address removed with except, in both families',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}
                - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.0.0/16]}
                - ipBlock: {cidr: "::/0", except: ["fc00::/7"]}
      `,
    },
    {
      name: 'ports that the metadata service does not answer on, or named ports (never an external address)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
              ports: [{port: 443}, {port: 80, protocol: UDP}, {port: http}, {port: 81, endPort: 8080}]
      `,
    },
    {
      name: 'egress that does not apply, ingress from the metadata range, blocks without the address',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from: [{ipBlock: {cidr: 169.254.0.0/16}}]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          egress:
            - to: [{ipBlock: {cidr: 203.0.113.0/24}}, {ipBlock: {cidr: 169.254.0.0/24}}]
      `,
    },
    {
      name: 'an egress rule without `to` is netpol-allow-all-egress business',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: [{}]
      `,
    },
  ],
  invalid: [
    {
      name: '"internet but not the cluster" that forgets the link-local range',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-internet}
        spec:
          podSelector:
            matchLabels: {app: web}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
      `,
      findings: [
        {
          line: 11,
          column: 19,
          endLine: 11,
          endColumn: 28,
          message:
            "`0.0.0.0/0` lets the selected pods reach every IPv4 address, the cloud metadata service at 169.254.169.254 included: a compromised pod can fetch the node's cloud credentials.",
        },
      ],
    },
    {
      name: 'the link-local range, the metadata host itself, IPv6 (AWS), a port range over 80; Egress applying by default',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: agent}
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock: {cidr: 169.254.0.0/16}
                - ipBlock: {cidr: 169.254.169.254/32}
                - ipBlock: {cidr: "fd00:ec2::/32"}
              ports: [{port: 1, endPort: 1024}]
      `,
      findings: [
        { line: 8, column: 27, endLine: 8, endColumn: 41, message: "`169.254.0.0/16` lets the selected pods reach the cloud metadata service at 169.254.169.254: a compromised pod can fetch the node's cloud credentials." },
        { line: 9, column: 27, endLine: 9, endColumn: 45, message: /^`169.254.169.254\/32` lets the selected pods reach the cloud metadata service at 169.254.169.254:/ },
        { line: 10, column: 27, endLine: 10, endColumn: 42, message: /^`fd00:ec2::\/32` lets the selected pods reach the cloud metadata service at fd00:ec2::254:/ },
      ],
    },
  ],
});
