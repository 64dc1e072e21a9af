import { istioAuthzAllowAll } from '../../../server/src/engine/rules/platform/istio-authz-allow-all';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(istioAuthzAllowAll, {
  valid: [
    {
      name: 'allow-nothing: spec {}',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-nothing, namespace: shop}
        spec: {}
      `,
    },
    {
      name: 'allow-nothing: ALLOW without rules, and with an empty rules list',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-by-default}
        spec:
          action: ALLOW
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-by-default-2}
        spec:
          rules: []
      `,
    },
    {
      name: 'DENY, AUDIT and CUSTOM policies with an empty rule',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-all}
        spec:
          action: DENY
          rules: [{}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: audit-all}
        spec:
          action: AUDIT
          rules: [{}]
        ---
        apiVersion: security.istio.io/v1beta1
        kind: AuthorizationPolicy
        metadata: {name: ext-authz}
        spec:
          action: CUSTOM
          provider: {name: my-ext-authz}
          rules: [{}]
      `,
    },
    {
      name: 'rules that name sources, operations or conditions',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: orders}
        spec:
          rules:
            - from:
                - source: {principals: [cluster.local/ns/shop/sa/frontend]}
            - to:
                - operation: {methods: [GET]}
            - when:
                - key: request.auth.claims[iss]
                  values: [https://accounts.example.com]
      `,
    },
    {
      name: "Linkerd's AuthorizationPolicy is another API",
      code: yaml`
        apiVersion: policy.linkerd.io/v1alpha1
        kind: AuthorizationPolicy
        metadata: {name: web}
        spec:
          targetRef: {group: policy.linkerd.io, kind: Server, name: web}
          requiredAuthenticationRefs: []
          rules: [{}]
      `,
    },
    {
      name: 'unreadable rules are skipped',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        spec:
          rules: [null, "all", []]
      `,
    },
  ],
  invalid: [
    {
      name: 'explicit ALLOW with an empty rule, selector',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: orders
          namespace: shop
        spec:
          selector:
            matchLabels: {app: orders}
          action: ALLOW
          rules:
            - {}
      `,
      findings: [
        { line: 11, column: 7, endLine: 11, endColumn: 9, message: 'This rule has no from, to or when, so the ALLOW policy allows every request to the workloads it selects, from any source, overriding the other ALLOW policies.' },
      ],
    },
    {
      name: 'action absent means ALLOW; mesh-wide in the root namespace; rule with empty lists among others',
      code: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: AuthorizationPolicy
        metadata: {name: allow-all, namespace: istio-system}
        spec:
          rules:
            - from:
                - source: {namespaces: [shop]}
            - from: []
              to: []
              when: []
      `,
      findings: [
        { line: 8, column: 7, endLine: 8, endColumn: 11, message: 'This rule has no from, to or when, so the ALLOW policy allows every request to every workload in the mesh (no selector in the root namespace istio-system), from any source, overriding the other ALLOW policies.' },
      ],
    },
    {
      name: 'flow style in a second document, lowercase action',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        {apiVersion: security.istio.io/v1, kind: AuthorizationPolicy, metadata: {name: open, namespace: shop}, spec: {action: allow, rules: [{}]}}
      `,
      findings: [
        { line: 5, column: 134, endLine: 5, endColumn: 136, message: 'This rule has no from, to or when, so the ALLOW policy allows every request to every workload in namespace "shop", from any source, overriding the other ALLOW policies.' },
      ],
    },
  ],
});
