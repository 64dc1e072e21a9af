import { ingressAllowlistOpen } from '../../../server/src/engine/rules/service/ingress-allowlist-open';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressAllowlistOpen, {
  valid: [
    {
      name: 'restricted lists, current and deprecated annotation',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/allowlist-source-range: "10.0.0.0/8,192.168.0.0/16"
            nginx.ingress.kubernetes.io/whitelist-source-range: 203.0.113.0/24
        spec: {rules: [{host: a.example.com}]}
      `,
    },
    {
      name: 'look-alikes: 0.0.0.0/8, a single address 0.0.0.0, a deny-list with 0.0.0.0/0',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/allowlist-source-range: "0.0.0.0/8, 0.0.0.0"
            nginx.ingress.kubernetes.io/denylist-source-range: 0.0.0.0/0
        spec: {rules: [{host: a.example.com}]}
      `,
    },
    {
      name: 'the same annotation on a Service is not read by ingress-nginx',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {nginx.ingress.kubernetes.io/allowlist-source-range: 0.0.0.0/0}
      `,
    },
  ],
  invalid: [
    {
      name: 'an open entry among restricted ones',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: admin
          annotations:
            nginx.ingress.kubernetes.io/allowlist-source-range: "10.0.0.0/8, 0.0.0.0/0"
        spec: {rules: [{host: admin.example.com}]}
      `,
      findings: [
        {
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 80,
          message: 'nginx.ingress.kubernetes.io/allowlist-source-range contains 0.0.0.0/0, so the allow-list admits every IPv4 address.',
        },
      ],
    },
    {
      name: 'both families in the deprecated annotation, flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: legacy, annotations: {nginx.ingress.kubernetes.io/whitelist-source-range: "0.0.0.0/0,::/0"}}
        spec: {rules: [{host: legacy.example.com}]}
      `,
      findings: [
        {
          line: 3,
          column: 92,
          endLine: 3,
          endColumn: 108,
          message: 'nginx.ingress.kubernetes.io/whitelist-source-range contains 0.0.0.0/0 and ::/0, so the allow-list admits every IPv4 and IPv6 address.',
        },
      ],
    },
  ],
});
