import { netpolIpblockInternal } from '../../../server/src/engine/rules/policy/netpol-ipblock-internal';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolIpblockInternal, {
  valid: [
    {
      name: 'public ranges, the whole internet, private ranges in except',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
            - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
          egress:
            - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
                - ipBlock: {cidr: "::/0", except: ["fd00::/8"]}
      `,
    },
    {
      name: 'blocks wider than a private range, ambiguous or malformed blocks (netpol-invalid-cidr), ignored directions',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from:
                - ipBlock: {cidr: 10.0.0.0/7}
                - ipBlock: {cidr: 10.1.2.3/16}
                - ipBlock: {cidr: " 10.0.0.0/8"}
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a pod range as a source, the documentation example',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock:
                    cidr: 172.17.0.0/16
                    except:
                      - 172.17.1.0/24
      `,
      findings: [
        {
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 32,
          message:
            '`172.17.0.0/16` lies in the private range 172.16.0.0/12: if it stands for pods, Services or nodes of the cluster, it breaks when addresses change and Service IPs never match, so selectors are the reliable way.',
        },
      ],
    },
    {
      name: 'a Service IP, the shared range and IPv6 ULA as destinations',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock: {cidr: 10.96.0.10/32}
                - ipBlock: {cidr: 100.64.0.0/16}
                - ipBlock: {cidr: "fd12:3456::/32"}
                - ipBlock: {cidr: 192.168.0.0/16}
      `,
      findings: [
        { line: 9, column: 27, endLine: 9, endColumn: 40, message: /^`10.96.0.10\/32` lies in the private range 10.0.0.0\/8:/ },
        { line: 10, column: 27, endLine: 10, endColumn: 40, message: /^`100.64.0.0\/16` lies in the private range 100.64.0.0\/10:/ },
        { line: 11, column: 27, endLine: 11, endColumn: 43, message: /^`fd12:3456::\/32` lies in the private range fc00::\/7:/ },
        { line: 12, column: 27, endLine: 12, endColumn: 41, message: /^`192.168.0.0\/16` lies in the private range 192.168.0.0\/16:/ },
      ],
    },
  ],
});
