import { describeRulePorts, effectiveRulesOf, isEmptySelector, networkPolicySpecOf, peersOf } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';

export const netpolNamespaceSelectorAll: ObjectRule = {
  id: 'netpol-namespace-selector-all',
  title: 'NetworkPolicy peer selects every namespace',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    '`namespaceSelector: {}` selects every namespace of the cluster. Without a `podSelector` in the same peer (or ' +
    'with an empty one), the peer therefore matches every pod of every namespace: all tenants, all teams, every ' +
    'compromised workload anywhere in the cluster. It often comes from copying the "allow from all namespaces" ' +
    'recipe where only a monitoring or ingress namespace was meant. A peer that combines `namespaceSelector: {}` with ' +
    'a non-empty `podSelector` (pods with these labels, in any namespace) is not reported: it is the usual way to ' +
    'admit a component whose namespace varies, although anyone allowed to create pods in any namespace can copy the ' +
    'labels.',
  remediation:
    'Select the namespaces that need access, for example `namespaceSelector: {matchLabels: ' +
    '{kubernetes.io/metadata.name: monitoring}}`, and add a `podSelector` in the same peer to narrow it to the client ' +
    'pods.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: metrics-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - port: 9090
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: metrics-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
          podSelector:
            matchLabels: {app.kubernetes.io/name: prometheus}
      ports:
        - port: 9090
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    for (const rule of effectiveRulesOf(spec)) {
      for (const peer of peersOf(rule)) {
        const { namespaceSelector, podSelector } = peer.fields;
        if (!isEmptySelector(namespaceSelector)) continue;
        if (podSelector !== undefined && podSelector !== null && !isEmptySelector(podSelector)) continue;
        const ports = describeRulePorts(rule.fields?.ports);
        const effect = rule.direction === 'Ingress' ? 'admits every pod of every namespace' : 'lets the selected pods reach every pod of every namespace';
        const written = Object.keys(namespaceSelector as object).length === 0 ? '`namespaceSelector: {}`' : 'This empty `namespaceSelector`';
        // The pair when it fits on a line (`namespaceSelector: {}`), else the key of the block.
        const pair = object.rangeOf([...peer.path, 'namespaceSelector']);
        const range = pair.start.line === pair.end.line ? pair : object.rangeOf([...peer.path, 'namespaceSelector'], 'key');
        yield { message: `${written} selects every namespace, so this peer ${effect} (${ports}).`, range };
      }
    }
  },
};
