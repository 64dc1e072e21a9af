import { netpolLabelKeyTypo } from '../../../server/src/engine/rules/policy/netpol-label-key-typo';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolLabelKeyTypo, {
  valid: [
    {
      name: 'well-known and custom keys, the namespace name label in a namespaceSelector',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: db, app.kubernetes.io/component: primary, role: db, tier: backend}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: shop}
                  podSelector:
                    matchExpressions:
                      - {key: k8s-app, operator: In, values: [api]}
                      - {key: app.kubernetes.io/role, operator: Exists}
      `,
    },
    {
      name: 'a direction that does not apply, and a Calico policy',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Egress]
          ingress:
            - from: [{podSelector: {matchLabels: {k8s-ap: api}}}]
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          selector: app.kubernetes.io/nmae == 'db'
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelled key in the policy podSelector: the policy protects nothing',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-deny-all}
        spec:
          podSelector:
            matchLabels:
              app.kubernetes.io/nmae: postgres
          policyTypes: [Ingress, Egress]
      `,
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 29,
          message:
            '`app.kubernetes.io/nmae` looks like a misspelling of `app.kubernetes.io/name`: a selector on a label key nothing carries selects no pods, so the policy protects nothing.',
        },
      ],
    },
    {
      name: 'keys in peers and expressions, a case difference, and the namespace label in a podSelector',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec:
          podSelector: {}
          egress:
            - to:
                - podSelector:
                    matchLabels: {kubernetes.io/metadata.name: kube-system}
                - namespaceSelector:
                    matchExpressions:
                      - {key: kubernetes.io/metadata-name, operator: In, values: [monitoring]}
                  podSelector:
                    matchLabels: {K8s-app: kube-dns}
      `,
      findings: [
        {
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 54,
          message: '`kubernetes.io/metadata.name` is a namespace label, which pods do not carry: this `podSelector` matches no pods, so this peer admits no one.',
        },
        { line: 12, column: 18, endLine: 12, endColumn: 50, message: /^`kubernetes.io\/metadata-name` looks like a misspelling of `kubernetes.io\/metadata.name`: .* matches no namespaces/ },
        { line: 14, column: 27, endLine: 14, endColumn: 34, message: /^`K8s-app` looks like a misspelling of `k8s-app`: .* matches no pods, so this peer admits no one\.$/ },
      ],
    },
  ],
});
