import { netpolInvalidPort } from '../../../server/src/engine/rules/policy/netpol-invalid-port';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(netpolInvalidPort, [
  {
    name: 'a protocol in the wrong case and a quoted port number, block and flow, the comment kept',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-ingress
      spec:
        podSelector:
          matchLabels: {app: web}
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: gateway}
            ports:
              - protocol: tcp # lower case
                port: 8080
              - {protocol: UDP, port: "8125"}
    `,
    fixes: [
      {
        title: 'Change protocol to TCP',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-ingress
          spec:
            podSelector:
              matchLabels: {app: web}
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: gateway}
                ports:
                  - protocol: TCP # lower case
                    port: 8080
                  - {protocol: UDP, port: "8125"}
        `,
      },
      {
        title: 'Write the port as the number 8125',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-ingress
          spec:
            podSelector:
              matchLabels: {app: web}
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: gateway}
                ports:
                  - protocol: tcp # lower case
                    port: 8080
                  - {protocol: UDP, port: 8125}
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space flush sequences, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: shop\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: api\r\n    namespace: shop\r\nspec:\r\n    podSelector: {}\r\n    ingress:\r\n    -   ports:\r\n        -   protocol: Sctp\r\n            port: 9000\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: settings\r\n    namespace: shop\r\n',
    fixes: [
      {
        title: 'Change protocol to SCTP',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: shop\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: api\r\n    namespace: shop\r\nspec:\r\n    podSelector: {}\r\n    ingress:\r\n    -   ports:\r\n        -   protocol: SCTP\r\n            port: 9000\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: settings\r\n    namespace: shop\r\n',
      },
    ],
  },
  {
    name: 'mistakes that could mean several things get no fix: a backwards range, a port out of range, a zero-padded or unknown protocol',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: ambiguous}
      spec:
        podSelector: {}
        ingress:
          - ports:
              - {port: 8080, endPort: 8000}
              - {port: 70000}
              - {port: "0080"}
              - {port: 53, protocol: ICMP}
    `,
    fixes: [],
  },
  {
    name: 'a protocol through an alias or a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: shared
        annotations: {protocol: &udp udp}
      spec:
        podSelector: {}
        ingress:
          - ports:
              - {port: 53, protocol: *udp}
              - {<<: {protocol: tcp}, port: 53}
    `,
    fixes: [],
  },
]);
