import { ingressWildcardHost } from '../../../server/src/engine/rules/service/ingress-wildcard-host';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressWildcardHost, {
  valid: [
    {
      name: 'every rule has an exact host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        spec:
          tls: [{hosts: ["*.example.com"], secretName: wildcard}]
          rules:
            - host: shop.example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}
      `,
    },
    {
      name: 'a wildcard in a TLS entry or a path is not a wildcard host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        spec:
          tls: [{hosts: ["*.example.com"]}]
          rules:
            - host: a.example.com
              http: {paths: [{path: "/*", pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}]}
      `,
    },
    {
      name: 'an empty rule routes nothing; other kinds with rules are ignored',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        spec:
          rules: [{}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        spec:
          rules: [{matches: [{path: {value: /}}]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'host-less rule, block and flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: minimal}
        spec:
          rules:
            - http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            - {http: {paths: []}}
      `,
      findings: [
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 11,
          message: 'This rule of Ingress "minimal" has no host, so it answers requests for every hostname and for the bare load balancer address.',
        },
        { line: 9, column: 8, endLine: 9, endColumn: 12, message: /has no host/ },
      ],
    },
    {
      name: 'wildcard host and empty host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: tenants}
        spec:
          rules:
            - host: "*.tenants.example.com"
              http: {paths: []}
            - host: ""
              http: {paths: []}
      `,
      findings: [
        {
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 36,
          message: 'Host *.tenants.example.com makes Ingress "tenants" answer for every matching subdomain, including unpublished ones.',
        },
        { line: 8, column: 13, endLine: 8, endColumn: 15, message: /has no host/ },
      ],
    },
    {
      name: 'default backends: v1 defaultBackend and v1beta1 backend',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: catch-all}
        spec:
          defaultBackend:
            service: {name: web, port: {number: 80}}
          rules:
            - host: a.example.com
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: legacy}
        spec:
          backend: {serviceName: web, servicePort: 80}
      `,
      findings: [
        { line: 5, column: 3, endLine: 5, endColumn: 17, message: 'Ingress "catch-all" sends requests for any hostname that no rule matches to its defaultBackend.' },
        { line: 14, column: 3, endLine: 14, endColumn: 10, message: /to its backend\.$/ },
      ],
    },
  ],
});
