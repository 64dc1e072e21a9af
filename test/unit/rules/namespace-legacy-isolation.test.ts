import { namespaceLegacyIsolation } from '../../../server/src/engine/rules/policy/namespace-legacy-isolation';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(namespaceLegacyIsolation, {
  valid: [
    {
      name: 'a namespace without the annotation, and the annotation on another kind',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations: {owner: team-shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
          annotations:
            net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
      `,
    },
  ],
  invalid: [
    {
      name: 'DefaultDeny asked for: a warning on the annotation key',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations:
            net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 42,
          severity: 'warning',
          message:
            'Annotation `net.beta.kubernetes.io/network-policy` asks for ingress isolation (DefaultDeny), but Kubernetes removed it in 1.7, when NetworkPolicy became networking.k8s.io/v1: it isolates no pod of namespace "shop". A NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` in the namespace does what it meant.',
        },
      ],
    },
    {
      name: 'compact JSON in a flow map, quoted key',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: billing, annotations: {"net.beta.kubernetes.io/network-policy": '{"ingress":{"isolation":"DefaultDeny"}}'}}
      `,
      findings: [{ line: 3, column: 41, endLine: 3, endColumn: 80, severity: 'warning', message: /isolates no pod of namespace "billing"/ }],
    },
    {
      name: 'DefaultAllow or unreadable JSON: it asked for nothing, info',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: a
          annotations:
            net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultAllow"}}'
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
          annotations:
            net.beta.kubernetes.io/network-policy: DefaultDeny
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 42,
          severity: 'info',
          message:
            'Annotation `net.beta.kubernetes.io/network-policy` does nothing: Kubernetes removed it in 1.7, when NetworkPolicy became networking.k8s.io/v1, and pods are isolated only by the NetworkPolicies that select them.',
        },
        { line: 13, column: 5, endLine: 13, endColumn: 42, severity: 'info' },
      ],
    },
  ],
});
