import { ingressNoTls } from '../../../server/src/engine/rules/service/ingress-no-tls';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressNoTls, {
  valid: [
    {
      name: 'every host is covered, exactly or by a one-label wildcard (case-insensitive)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls
            - hosts: ["*.api.example.com"]
              secretName: api-wildcard
          rules:
            - host: Shop.Example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}
            - host: v1.api.example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}
      `,
    },
    {
      name: 'a TLS entry without hosts applies to every host, host-less rules included',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        spec:
          tls:
            - secretName: default-tls
          rules:
            - host: a.example.com
            - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
      `,
    },
    {
      name: 'TLS set up on the cloud load balancer or passed through',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc"}
        spec:
          rules: [{host: a.example.com}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'}
        spec:
          rules: [{host: b.example.com}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {networking.gke.io/managed-certificates: shop-cert}
        spec:
          rules: [{host: c.example.com}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/ssl-passthrough: "true"}
        spec:
          rules: [{host: d.example.com}]
      `,
    },
    {
      name: 'an Ingress that routes nothing, and an Ingress kind of another group',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: placeholder}
        spec: {ingressClassName: nginx}
        ---
        apiVersion: example.com/v1
        kind: Ingress
        spec:
          rules: [{host: a.example.com}]
      `,
    },
  ],
  invalid: [
    {
      name: 'no spec.tls: reported once, on the rules key',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}
      `,
      findings: [
        {
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
          message: 'Ingress "shop" has no spec.tls, so its traffic is served over plain HTTP unless another Ingress sets up TLS for the same hosts.',
        },
      ],
    },
    {
      name: 'an empty tls list, and an extensions/v1beta1 Ingress with only a default backend',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: empty}
        spec: {tls: [], rules: [{host: a.example.com}]}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: legacy}
        spec:
          backend:
            serviceName: web
            servicePort: 80
      `,
      findings: [
        { line: 4, column: 17, endLine: 4, endColumn: 22, message: /^Ingress "empty" has no spec\.tls/ },
        { line: 10, column: 3, endLine: 10, endColumn: 10, message: /^Ingress "legacy" has no spec\.tls/ },
      ],
    },
    {
      name: 'hosts that no TLS entry covers: wildcard covers one label only',
      code: yaml`
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata: {name: multi}
        spec:
          tls:
            - hosts: ["*.example.com"]
              secretName: wildcard
          rules:
            - host: www.example.com
            - host: example.com
            - host: a.b.example.com
            - {host: other.example.org, http: {paths: []}}
      `,
      findings: [
        {
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 24,
          message: 'Host example.com is not listed in any spec.tls entry of Ingress "multi", so it is served over plain HTTP unless another Ingress sets up TLS for it.',
        },
        { line: 11, column: 13, endLine: 11, endColumn: 28, message: /^Host a\.b\.example\.com is not listed/ },
        { line: 12, column: 14, endLine: 12, endColumn: 31, message: /^Host other\.example\.org is not listed/ },
      ],
    },
    {
      name: 'a host-less rule when TLS is only configured for named hosts',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: mixed}
        spec:
          tls:
            - hosts: [a.example.com]
              secretName: a-tls
          rules:
            - host: a.example.com
            - http:
                paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            - host: ""
      `,
      findings: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 11,
          message: 'This rule of Ingress "mixed" has no host, and TLS is configured only for named hosts, so it is served over plain HTTP.',
        },
        { line: 12, column: 13, endLine: 12, endColumn: 15, message: /has no host, and TLS is configured only for named hosts/ },
      ],
    },
  ],
});
