import { gatewayListenerNoTls } from '../../../server/src/engine/rules/service/gateway-listener-no-tls';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(gatewayListenerNoTls, {
  valid: [
    {
      name: 'HTTP next to HTTPS for the same hostname, or covered by a wildcard or a hostname-less HTTPS listener',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: web}
        spec:
          gatewayClassName: example
          listeners:
            - {name: http, hostname: shop.example.com, protocol: HTTP, port: 80}
            - {name: http-api, hostname: v1.api.example.com, protocol: HTTP, port: 8080}
            - {name: https, hostname: shop.example.com, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: shop}]}}
            - {name: https-api, hostname: "*.example.com", protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: wildcard}]}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: redirect}
        spec:
          gatewayClassName: example
          listeners:
            - {name: http, protocol: HTTP, port: 80}
            - {name: https, hostname: a.example.com, protocol: HTTPS, port: 443}
      `,
    },
    {
      name: 'a TCP listener on a Gateway that also has a TLS listener',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          listeners:
            - {name: pg, protocol: TCP, port: 5432}
            - {name: tls, protocol: TLS, port: 443, tls: {mode: Passthrough}}
      `,
    },
    {
      name: 'internal Gateways: GatewayClass, infrastructure or metadata annotations, private addresses',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          gatewayClassName: gke-l7-rilb
          listeners: [{name: http, protocol: HTTP, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          gatewayClassName: istio
          infrastructure:
            annotations: {networking.gke.io/load-balancer-type: Internal}
          listeners: [{name: http, protocol: HTTP, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
        spec:
          gatewayClassName: istio
          listeners: [{name: http, protocol: HTTP, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          gatewayClassName: cilium
          addresses: [{type: IPAddress, value: 10.20.0.10}, {value: "fd00::10"}]
          listeners: [{name: http, protocol: HTTP, port: 80}]
      `,
    },
    {
      name: 'UDP and TLS-only listeners, and an Istio Gateway (another API)',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          listeners:
            - {name: dns, protocol: UDP, port: 53}
            - {name: tls, protocol: HTTPS, port: 443}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        spec:
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
          listeners: [{name: http, protocol: HTTP, port: 80}]
      `,
    },
  ],
  invalid: [
    {
      name: 'HTTP-only Gateway',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public}
        spec:
          gatewayClassName: example
          listeners:
            - name: web
              hostname: shop.example.com
              protocol: HTTP
              port: 80
      `,
      findings: [
        {
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 21,
          message: 'Listener "web" (HTTP, port 80) accepts unencrypted connections, and Gateway "public" has no HTTPS or TLS listener at all.',
        },
      ],
    },
    {
      name: 'TCP-only v1beta1 Gateway, flow style',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: Gateway
        metadata: {name: tcp}
        spec: {gatewayClassName: example, listeners: [{name: foo, protocol: TCP, port: 8080}, {name: bar, protocol: TCP, port: 8090}]}
      `,
      findings: [
        { line: 4, column: 59, endLine: 4, endColumn: 72, message: /^Listener "foo" \(TCP, port 8080\) accepts unencrypted connections/ },
        { line: 4, column: 99, endLine: 4, endColumn: 112, message: /^Listener "bar" \(TCP, port 8090\)/ },
      ],
    },
    {
      name: 'an HTTP hostname that no encrypted listener serves; a public address among private ones',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: mixed}
        spec:
          gatewayClassName: example
          addresses: [{value: 10.0.0.5}, {value: 203.0.113.5}]
          listeners:
            - {name: https, hostname: a.example.com, protocol: HTTPS, port: 443}
            - name: legacy
              hostname: example.com
              protocol: HTTP
              port: 80
      `,
      findings: [
        {
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 21,
          message: 'Listener "legacy" (HTTP, port 80) accepts unencrypted connections, and no HTTPS or TLS listener of Gateway "mixed" serves example.com.',
        },
      ],
    },
    {
      name: 'Gateway without apiVersion, internal annotation explicitly false',
      code: yaml`
        kind: Gateway
        metadata:
          name: azure
          annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}
        spec:
          listeners:
            - {name: http, protocol: HTTP, port: 80}
      `,
      findings: [{ line: 7, column: 20, endLine: 7, endColumn: 34, message: /^Listener "http" \(HTTP, port 80\)/ }],
    },
  ],
});
