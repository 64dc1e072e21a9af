import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { affectsDirection, describeRulePorts, networkPolicySpecOf } from '../../policy/network-policy';
import type { ObjectRule, Report } from '../rule';

const EVERY_SOURCE = 'every source: all pods in all namespaces and any external address';

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
    if (!spec || !affectsDirection(spec, 'Ingress') || !Array.isArray(spec.ingress)) return;
    for (const [index, rule] of spec.ingress.entries()) {
      const report = reportOpenRule(object, ['spec', 'ingress', index], rule);
      if (report) yield report;
    }
  },
};

function reportOpenRule(object: KubeObject, path: ObjectPath, rule: unknown): Report | undefined {
  if (rule !== null && rule !== undefined && !isPlainObject(rule)) return undefined;
  const fields = isPlainObject(rule) ? rule : {};
  const from = fields.from;
  const ports = describeRulePorts(fields.ports);
  if (Array.isArray(from) && from.length === 0) {
    return { message: `\`from: []\` is empty, so this rule admits ${EVERY_SOURCE} (${ports}).`, range: object.rangeOf([...path, 'from']) };
  }
  if (from !== undefined && from !== null) return undefined;
  const keys = Object.keys(fields);
  if (keys.length === 0) {
    return { message: `This ingress rule is empty, so it admits ${EVERY_SOURCE} on all ports.`, range: object.rangeOf(path, 'value') };
  }
  // The rule itself is the problem; its first key is where it starts on screen.
  return {
    message: `This ingress rule has no \`from\`, so it admits ${EVERY_SOURCE} (${ports}).`,
    range: object.rangeOf([...path, keys[0]], 'key'),
  };
}
