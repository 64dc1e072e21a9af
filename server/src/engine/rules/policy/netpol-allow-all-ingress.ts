import { affectsDirection, networkPolicySpecOf, policyRulesOf } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { openRuleReport } from './open-rule';

export const netpolAllowAllIngress: ObjectRule = {
  id: 'netpol-allow-all-ingress',
  title: 'NetworkPolicy ingress rule admits every source',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'An ingress rule matches a connection when any of its `from` peers matches the source. A rule that is empty ' +
    '(`{}`), has no `from`, or has an empty `from: []` matches every source: all pods in all namespaces and every ' +
    'external address. A policy that looks like isolation then allows everything to the pods it selects, on the ' +
    "rule's ports.",
  remediation:
    'List the allowed sources in `from`: a `podSelector` for pods of the same namespace, a `namespaceSelector` ' +
    '(with a `podSelector` in the same entry to narrow it) for other namespaces, or an `ipBlock` for external ' +
    'addresses. To deny all ingress, use `ingress: []` or omit `ingress` with `policyTypes: [Ingress]`.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - port: 8080
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: frontend}
      ports:
        - port: 8080
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec || !affectsDirection(spec, 'Ingress')) return;
    for (const rule of policyRulesOf(spec, 'Ingress')) {
      const report = openRuleReport(object, rule);
      if (report) yield report;
    }
  },
};
