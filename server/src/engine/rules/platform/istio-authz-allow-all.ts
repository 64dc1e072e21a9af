import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { customResourceSpecOf, upperString } from './custom-resource';
import { istioPolicyScope } from './istio-scope';
import { itemStartRange } from './item-range';

// The parts of a rule that narrow what it matches; a rule without any of them matches every request.
const CONDITIONS = ['from', 'to', 'when'] as const;

export const istioAuthzAllowAll: ObjectRule = {
  id: 'istio-authz-allow-all',
  title: 'Istio AuthorizationPolicy allows every request',
  severity: 'warning',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    'An ALLOW AuthorizationPolicy (the default action) allows a request when any of its rules matches it, and a rule ' +
    'without `from`, `to` and `when` (written `{}`) matches every request. Such a policy allows all traffic to the ' +
    'workloads it applies to, from any source and for any operation, which cancels the restrictions of every other ' +
    'ALLOW policy on them. Only DENY and CUSTOM policies still apply. (An ALLOW policy with no rules at all, or ' +
    '`spec: {}`, is the opposite: it allows nothing.)',
  remediation:
    'Replace the empty rule with rules that name the allowed sources (`from.source.principals` or `namespaces`) and ' +
    'operations (`to.operation`). If the policy is meant to deny everything by default, remove the `rules` list: ' +
    'an ALLOW policy without rules allows nothing.',
  references: [
    'https://istio.io/latest/docs/reference/config/security/authorization-policy/',
    'https://istio.io/latest/docs/concepts/security/#authorization',
    'https://istio.io/latest/docs/ops/best-practices/security/',
  ],
  examples: {
    insecure: `apiVersion: security.istio.io/v1
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
    fixed: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: orders
  namespace: shop
spec:
  selector:
    matchLabels: {app: orders}
  action: ALLOW
  rules:
    - from:
        - source:
            principals: [cluster.local/ns/shop/sa/frontend]
      to:
        - operation:
            methods: [GET, POST]
`,
  },
  *check(object) {
    const spec = customResourceSpecOf(object, ['AuthorizationPolicy'], ['security.istio.io']);
    if (!spec || !Array.isArray(spec.rules)) return;
    const action = spec.action === undefined || spec.action === null ? 'ALLOW' : upperString(spec.action);
    if (action !== 'ALLOW') return;
    const scope = istioPolicyScope(object, spec);
    for (const [index, rule] of spec.rules.entries()) {
      if (!isPlainObject(rule) || !CONDITIONS.every((key) => isEmptyCondition(rule[key]))) continue;
      yield {
        message: `This rule has no from, to or when, so the ALLOW policy allows every request to ${scope}, from any source, overriding the other ALLOW policies.`,
        range: itemStartRange(object, ['spec', 'rules', index]),
      };
    }
  },
};

// An absent or empty list narrows nothing (Istio reads both as "not set").
function isEmptyCondition(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
