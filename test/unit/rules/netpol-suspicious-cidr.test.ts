import { netpolSuspiciousCidr } from '../../../server/src/engine/rules/policy/netpol-suspicious-cidr';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolSuspiciousCidr, {
  valid: [
    {
      name: 'every address, ordinary blocks, zero-address excepts',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [0.0.0.0/8, 10.0.0.0/8]}
                - ipBlock: {cidr: "::/0"}
                - ipBlock: {cidr: 10.0.0.0/8}
                - ipBlock: {cidr: "2001:db8::/32"}
      `,
    },
    {
      name: 'a deliberate split: 0.0.0.0/1 with 128.0.0.0/1, a list of public ranges, ::/1 with 8000::/1',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/1}
                - ipBlock: {cidr: 128.0.0.0/1}
            - to:
                - ipBlock: {cidr: 0.0.0.0/5}
                - ipBlock: {cidr: 8.0.0.0/7}
                - ipBlock: {cidr: 11.0.0.0/8}
            - to: [{ipBlock: {cidr: "::/1"}}, {ipBlock: {cidr: "8000::/1"}}]
      `,
    },
    {
      name: 'an egress rule of an ingress-only policy does not apply (netpol-ignored-rules reports it); netpol-invalid-cidr reports a malformed text',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from: [{ipBlock: {cidr: 0.0.0.0/08}}]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/8}}]
      `,
    },
    {
      name: 'Calico nets are another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          egress:
            - action: Allow
              destination: {nets: [0.0.0.0/8]}
      `,
    },
  ],
  invalid: [
    {
      name: '0.0.0.0/8, /24 and /32: inside the reserved block, matching no traffic',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: egress}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock:
                    cidr: 0.0.0.0/8
                - ipBlock: {cidr: "0.0.0.0/24"}
                - ipBlock: {cidr: 0.0.0.0/32}
      `,
      findings: [
        {
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 28,
          severity: 'warning',
          message:
            '`cidr` `0.0.0.0/8` is not every address: it covers only 0.0.0.0–0.255.255.255, inside the reserved "this network" block 0.0.0.0/8 that no pod or host has its address in, so this peer matches no traffic. `0.0.0.0/0` is every IPv4 address.',
        },
        { line: 11, column: 27, endLine: 11, endColumn: 39, message: /^`cidr` `0.0.0.0\/24` is not every address: it covers only 0.0.0.0–0.0.0.255, inside the reserved/ },
        { line: 12, column: 27, endLine: 12, endColumn: 37, message: /^`cidr` `0.0.0.0\/32` is not every address: it is the single address 0.0.0.0, inside the reserved/ },
      ],
    },
    {
      name: 'a short prefix alone covers part of the addresses; IPv6 too',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: ingress}
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {cidr: 0.0.0.0/1}
                - ipBlock: {cidr: 0.0.0.0/3, except: [10.0.0.0/8]}
                - ipBlock: {cidr: "::/64"}
                - ipBlock: {cidr: "::/1"}
      `,
      findings: [
        { line: 8, column: 27, endLine: 8, endColumn: 36, message: '`cidr` `0.0.0.0/1` is not every address: it covers only 0.0.0.0–127.255.255.255, half of the IPv4 addresses. `0.0.0.0/0` is every IPv4 address.' },
        { line: 9, column: 27, endLine: 9, endColumn: 36, message: /^`cidr` `0.0.0.0\/3` is not every address: it covers only 0.0.0.0–31.255.255.255, 1\/8 of the IPv4 addresses\./ },
        { line: 10, column: 27, endLine: 10, endColumn: 34, message: '`cidr` `::/64` is not every address: it covers only ::–::ffff:ffff:ffff:ffff, inside the reserved ::/8 block. `::/0` is every IPv6 address.' },
        { line: 11, column: 27, endLine: 11, endColumn: 33, message: /^`cidr` `::\/1` is not every address: it covers only ::–7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, half of the IPv6 addresses\. `::\/0` is every IPv6 address\.$/ },
      ],
    },
  ],
});
