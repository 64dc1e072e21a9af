import { gatewayRoutesFromAllNamespaces } from '../../../server/src/engine/rules/service/gateway-routes-from-all-namespaces';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(gatewayRoutesFromAllNamespaces, {
  valid: [
    {
      name: 'default (Same), explicit Same, and a selector with labels or expressions',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          listeners:
            - {name: a, protocol: HTTP, port: 80}
            - {name: b, protocol: HTTP, port: 81, allowedRoutes: {namespaces: {from: Same}}}
            - name: c
              protocol: HTTP
              port: 82
              allowedRoutes:
                namespaces:
                  from: Selector
                  selector:
                    matchLabels: {shared-gateway-access: "true"}
            - name: d
              protocol: HTTP
              port: 83
              allowedRoutes:
                namespaces:
                  from: Selector
                  selector:
                    matchExpressions: [{key: team, operator: In, values: [web]}]
      `,
    },
    {
      name: 'ListenerSet admission (allowedListeners) is not route admission',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        spec:
          allowedListeners:
            namespaces: {from: All}
          listeners: [{name: a, protocol: HTTP, port: 80}]
      `,
    },
    {
      name: 'from: All in an Istio Gateway or another kind',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        spec:
          listeners: [{name: a, allowedRoutes: {namespaces: {from: All}}}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        spec:
          rules: [{allowedRoutes: {namespaces: {from: All}}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'from: All',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: shared, namespace: infra}
        spec:
          gatewayClassName: example
          listeners:
            - name: https
              protocol: HTTPS
              port: 443
              allowedRoutes:
                namespaces:
                  from: All
      `,
      findings: [
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 20,
          message: 'Listener "https" accepts routes from every namespace, so any namespace can take over its traffic.',
        },
      ],
    },
    {
      name: 'empty selectors match every namespace; several listeners, flow style',
      code: yaml`
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: Gateway
        metadata: {name: shared}
        spec:
          listeners:
            - name: http
              protocol: HTTP
              port: 80
              allowedRoutes:
                namespaces:
                  from: Selector
                  selector: {}
            - {name: tcp, protocol: TCP, port: 9000, allowedRoutes: {kinds: [{kind: TCPRoute}], namespaces: {from: All}}}
            - name: grpc
              protocol: HTTPS
              port: 8443
              allowedRoutes:
                namespaces:
                  from: Selector
                  selector:
                    matchLabels: {}
                    matchExpressions: []
      `,
      findings: [
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 23,
          message: 'The empty namespace selector of listener "http" matches every namespace, so any namespace can take over its traffic.',
        },
        { line: 13, column: 102, endLine: 13, endColumn: 111, message: /^Listener "tcp" accepts routes from every namespace/ },
        { line: 20, column: 11, endLine: 22, endColumn: 33, message: /^The empty namespace selector of listener "grpc"/ },
      ],
    },
  ],
});
