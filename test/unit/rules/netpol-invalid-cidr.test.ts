import { netpolInvalidCidr } from '../../../server/src/engine/rules/policy/netpol-invalid-cidr';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolInvalidCidr, {
  valid: [
    {
      name: 'network addresses, single hosts, IPv6, excepts strictly inside',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {cidr: 172.17.0.0/16, except: [172.17.1.0/24, 172.17.2.7/32]}
                - ipBlock: {cidr: 203.0.113.10/32}
                - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}
      `,
    },
    {
      name: 'a missing cidr or one that is not text is a netpol-invalid finding',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock: {except: [10.0.0.0/8]}
                - ipBlock: {cidr: [10.0.0.0/8], except: [300]}
      `,
    },
    {
      name: 'a Calico NetworkPolicy with nets is another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          egress:
            - action: Allow
              destination: {nets: [10.1.2.3/8]}
      `,
    },
  ],
  invalid: [
    {
      name: 'host bits set: the whole network, not the host; in an egress rule of an ingress-only policy too',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: backup}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          egress:
            - to:
                - ipBlock:
                    cidr: 203.0.113.10/24
                - ipBlock: {cidr: "2001:db8::1/64"}
      `,
      findings: [
        {
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 34,
          message:
            '`cidr` `203.0.113.10/24` has bits set after its /24 prefix: Kubernetes reads it as the whole 203.0.113.0/24, not 203.0.113.10/32, and strict IP validation rejects it.',
          severity: 'warning',
        },
        { line: 11, column: 27, endLine: 11, endColumn: 43, message: /^`cidr` `2001:db8::1\/64` has bits set after its \/64 prefix: .* whole 2001:db8::\/64, not 2001:db8::1\/128/ },
      ],
    },
    {
      name: 'malformed texts: no prefix, bad address, spaces, leading zeros, a zone, an IPv4-mapped block',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: texts}
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {cidr: 10.0.0.1}
                - ipBlock: {cidr: 10.0.0/8}
                - ipBlock: {cidr: " 10.0.0.0/8"}
                - ipBlock: {cidr: 010.0.0.0/8}
                - ipBlock: {cidr: "fe80::%eth0/64"}
                - ipBlock: {cidr: "::ffff:10.0.0.0/104"}
                - ipBlock: {cidr: ""}
      `,
      findings: [
        { line: 8, column: 27, endLine: 8, endColumn: 35, message: '`cidr` `10.0.0.1` has no prefix length (`/32` for a single IPv4 address), so the API server rejects the policy.' },
        { line: 9, column: 27, endLine: 9, endColumn: 35, message: '`cidr` `10.0.0/8` is not a valid CIDR, so the API server rejects the policy.' },
        { line: 10, column: 27, endLine: 10, endColumn: 40, message: '`cidr` ` 10.0.0.0/8` has spaces around it, so the API server rejects the policy.' },
        { line: 11, column: 27, endLine: 11, endColumn: 38, message: /^`cidr` `010.0.0.0\/8` has leading zeros, which some tools read as octal/ },
        { line: 12, column: 27, endLine: 12, endColumn: 43, message: /^`cidr` `fe80::%eth0\/64` has an interface zone/ },
        { line: 13, column: 27, endLine: 13, endColumn: 48, message: /^`cidr` `::ffff:10.0.0.0\/104` is an IPv4-mapped IPv6 block/ },
        { line: 14, column: 27, endLine: 14, endColumn: 29, message: '`cidr` is empty, so the API server rejects the policy.' },
      ],
    },
    {
      name: 'except entries outside the cidr, of the other family, equal to it, malformed or with host bits',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: excepts}
        spec:
          podSelector: {}
          egress:
            - to:
                - ipBlock:
                    cidr: 192.168.1.0/24
                    except:
                      - 192.168.0.0/16
                      - fd00::/8
                      - 192.168.1.0/24
                      - 192.168.1.300/32
                      - 192.168.1.130/25
                      - 192.168.1.8/29
      `,
      findings: [
        { line: 11, column: 17, endLine: 11, endColumn: 31, message: '`except` entry `192.168.0.0/16` is not inside `cidr` 192.168.1.0/24, so the API server rejects the policy.' },
        {
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 25,
          message: '`except` entry `fd00::/8` is IPv6 but `cidr` 192.168.1.0/24 is IPv4, so it is not inside it and the API server rejects the policy.',
        },
        {
          line: 13,
          column: 17,
          endLine: 13,
          endColumn: 31,
          message: '`except` entry `192.168.1.0/24` is the whole `cidr`: an except must be strictly smaller, so the API server rejects the policy.',
        },
        { line: 14, column: 17, endLine: 14, endColumn: 33, message: '`except` entry `192.168.1.300/32` is not a valid CIDR, so the API server rejects the policy.', severity: 'error' },
        { line: 15, column: 17, endLine: 15, endColumn: 33, message: /^`except` entry `192.168.1.130\/25` has bits set after its \/25 prefix: Kubernetes reads it as the whole 192.168.1.128\/25/, severity: 'warning' },
      ],
    },
    {
      name: 'an invalid cidr: its excepts are still checked for syntax, not for containment',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: both}
        spec:
          podSelector: {}
          ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/33, except: [11.0.0.0/8, 10.0.0.0]}}]
      `,
      findings: [
        { line: 7, column: 31, endLine: 7, endColumn: 42, message: '`cidr` `10.0.0.0/33` is not a valid CIDR, so the API server rejects the policy.' },
        { line: 7, column: 65, endLine: 7, endColumn: 73, message: /^`except` entry `10.0.0.0` has no prefix length/ },
      ],
    },
  ],
});
