import { istioGatewayNoTls } from '../../../server/src/engine/rules/service/istio-gateway-no-tls';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(istioGatewayNoTls, {
  valid: [
    {
      name: 'HTTP server redirecting to HTTPS',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        spec:
          selector: {istio: ingressgateway}
          servers:
            - port: {number: 80, name: http, protocol: HTTP}
              hosts: [shop.example.com]
              tls: {httpsRedirect: true}
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: [shop.example.com]
              tls: {mode: SIMPLE, credentialName: shop}
      `,
    },
    {
      name: 'plaintext servers whose hosts an HTTPS or TLS server of the Gateway serves (namespace prefixes, wildcards, "*")',
      code: yaml`
        apiVersion: networking.istio.io/v1beta1
        kind: Gateway
        spec:
          servers:
            - port: {number: 80, name: http, protocol: HTTP}
              hosts: ["prod/shop.example.com", "v1.api.example.com"]
            - port: {number: 8080, name: http-any, protocol: HTTP}
              hosts: ["*"]
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: ["shop.example.com", "prod/*.example.com"]
              tls: {mode: SIMPLE, credentialName: shop}
      `,
    },
    {
      name: 'encrypted and TCP servers, and a Gateway API Gateway',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        spec:
          servers:
            - port: {number: 443, name: tls, protocol: TLS}
              hosts: ["*"]
              tls: {mode: PASSTHROUGH}
            - port: {number: 31400, name: tcp, protocol: TCP}
              hosts: ["*"]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Bookinfo-style catch-all HTTP server',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: bookinfo-gateway}
        spec:
          selector:
            istio: ingressgateway
          servers:
            - port:
                number: 8080
                name: http
                protocol: HTTP
              hosts:
                - "*"
      `,
      findings: [
        {
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 23,
          message: 'This HTTP server of Gateway "bookinfo-gateway" accepts unencrypted requests for any host and does not redirect them to HTTPS (tls.httpsRedirect).',
        },
      ],
    },
    {
      name: 'a host that only the plaintext server serves; redirect explicitly false; HTTP2 in lower case',
      code: yaml`
        apiVersion: networking.istio.io/v1alpha3
        kind: Gateway
        metadata: {name: mixed}
        spec:
          servers:
            - port: {number: 80, name: http, protocol: HTTP}
              hosts: ["prod/shop.example.com", "legacy.example.org"]
              tls: {httpsRedirect: false}
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: [shop.example.com]
              tls: {mode: SIMPLE, credentialName: shop}
            - {port: {number: 8081, name: h2c, protocol: http2}, hosts: [grpc.example.org]}
      `,
      findings: [
        { line: 6, column: 38, endLine: 6, endColumn: 52, message: /^This HTTP server of Gateway "mixed" accepts unencrypted requests for legacy\.example\.org and/ },
        { line: 12, column: 40, endLine: 12, endColumn: 55, message: /^This HTTP2 server .* for grpc\.example\.org / },
      ],
    },
    {
      name: 'Gateway without apiVersion, read by its shape',
      code: yaml`
        kind: Gateway
        metadata: {name: plain}
        spec:
          servers:
            - port: {number: 80, name: grpc-web, protocol: GRPC-WEB}
              hosts: [app.example.com]
      `,
      findings: [{ line: 5, column: 42, endLine: 5, endColumn: 60, message: /^This GRPC-WEB server of Gateway "plain"/ }],
    },
  ],
});
