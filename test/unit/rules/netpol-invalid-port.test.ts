import { netpolInvalidPort } from '../../../server/src/engine/rules/policy/netpol-invalid-port';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolInvalidPort, {
  valid: [
    {
      name: 'numbers, names, ranges and the three protocols',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - ports:
                - {port: 1}
                - {port: 65535, protocol: UDP}
                - {port: http}
                - {port: grpc-web-2, protocol: SCTP}
                - {port: 32000, endPort: 32768}
                - {port: 8080, endPort: 8080}
                - {protocol: TCP}
                - {port: null, protocol: null}
      `,
    },
    {
      name: 'wrong types are netpol-invalid findings, not these',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - ports:
                - {port: [80, 443]}
                - {port: 1.5}
                - {port: 80, endPort: "90"}
                - {protocol: 6}
      `,
    },
    {
      name: 'a Calico policy with lowercase protocols is another API',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          ingress:
            - action: Allow
              protocol: tcp
              ports: [{port: 0}]
      `,
    },
  ],
  invalid: [
    {
      name: 'lowercase and unsupported protocols, in both directions and whatever policyTypes says',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: protocols}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - ports:
                - protocol: tcp
                  port: 443
          egress:
            - ports: [{protocol: ICMP}]
      `,
      findings: [
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 24,
          message: '`protocol: tcp` is refused: protocols are case-sensitive, so the API server rejects the policy unless it is `TCP`.',
        },
        {
          line: 12,
          column: 16,
          endLine: 12,
          endColumn: 30,
          message: '`protocol: ICMP` is not supported: NetworkPolicy ports take TCP, UDP or SCTP, so the API server rejects the policy.',
        },
      ],
    },
    {
      name: 'port numbers out of range and a quoted number',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: numbers}
        spec:
          podSelector: {}
          ingress:
            - ports:
                - port: 0
                - port: 70000
                - port: "8080"
      `,
      findings: [
        { line: 8, column: 11, endLine: 8, endColumn: 18, message: '`port: 0` is out of range: ports are 1-65535, so the API server rejects the policy.' },
        { line: 9, column: 11, endLine: 9, endColumn: 22, message: '`port: 70000` is out of range: ports are 1-65535, so the API server rejects the policy.' },
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 23,
          message: '`port: "8080"` is quoted, so it is a port name, and a name needs a letter: the API server rejects the policy.',
        },
      ],
    },
    {
      name: 'port names that are not IANA service names',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: names}
        spec:
          podSelector: {}
          egress:
            - to: [{podSelector: {}}]
              ports:
                - {port: Http}
                - {port: metrics_port}
                - {port: prometheus-metrics}
                - {port: -http}
                - {port: grpc--web}
                - {port: ""}
      `,
      findings: [
        { line: 9, column: 12, endLine: 9, endColumn: 22, message: 'Port name `Http` may only have lowercase letters, digits and dashes, so the API server rejects the policy.' },
        { line: 10, column: 12, endLine: 10, endColumn: 30, message: /^Port name `metrics_port` may only have lowercase letters, digits and dashes/ },
        { line: 11, column: 12, endLine: 11, endColumn: 36, message: 'Port name `prometheus-metrics` is longer than 15 characters, so the API server rejects the policy.' },
        { line: 12, column: 12, endLine: 12, endColumn: 23, message: /^Port name `-http` may not start or end with a dash, or have two in a row/ },
        { line: 13, column: 12, endLine: 13, endColumn: 27, message: /^Port name `grpc--web` may not start or end with a dash, or have two in a row/ },
        { line: 14, column: 12, endLine: 14, endColumn: 20, message: '`port: ""` is an empty port name, so the API server rejects the policy.' },
      ],
    },
    {
      name: 'endPort below port, after a named port, without port, out of range',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: ranges}
        spec:
          podSelector: {}
          ingress:
            - ports:
                - port: 8080
                  endPort: 8000
                - {port: http, endPort: 8090}
                - {endPort: 9000, protocol: UDP}
                - {port: 30000, endPort: 70000}
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 24, message: '`endPort: 8000` is below `port: 8080`, so the range is empty and the API server rejects the policy.' },
        { line: 10, column: 24, endLine: 10, endColumn: 37, message: '`endPort` cannot follow the named port `http`, so the API server rejects the policy.' },
        { line: 11, column: 12, endLine: 11, endColumn: 25, message: '`endPort: 9000` has no `port` to start the range, so the API server rejects the policy.' },
        { line: 12, column: 25, endLine: 12, endColumn: 39, message: '`endPort: 70000` is out of range: ports are 1-65535, so the API server rejects the policy.' },
      ],
    },
  ],
});
