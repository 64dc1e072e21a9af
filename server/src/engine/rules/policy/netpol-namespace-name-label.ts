import { effectiveRulesOf, networkPolicySpecOf, selectorKeysOf, selectorsOf } from '../../policy/network-policy';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectRule } from '../rule';

const NAMESPACE_NAME_KEY = 'kubernetes.io/metadata.name';

/** Labels people add by hand to hold a namespace's name, before Kubernetes 1.21 set one itself. */
const HAND_MADE_NAME_KEYS = new Set(['name', 'namespace', 'ns']);

export const netpolNamespaceNameLabel: ObjectRule = {
  id: 'netpol-namespace-name-label',
  title: 'NetworkPolicy selects namespaces by a hand-made name label',
  severity: 'info',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'Selecting a namespace with `namespaceSelector: {matchLabels: {name: kube-system}}` trusts a label that ' +
    'Kubernetes does not set: whoever creates or labels a namespace chooses it, so a tenant allowed to create ' +
    'namespaces (directly, through GitOps or a self-service tool) can label theirs `name: kube-system` and be admitted ' +
    'like the real one; and on clusters where nobody added the label, the peer admits no one. Since Kubernetes 1.21 ' +
    'the API server sets `kubernetes.io/metadata.name` on every namespace to its name, and nobody can change it.',
  remediation:
    'Select namespaces by `kubernetes.io/metadata.name`: `namespaceSelector: {matchLabels: ' +
    '{kubernetes.io/metadata.name: kube-system}}`.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name',
    'https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              name: kube-system
          podSelector:
            matchLabels: {k8s-app: kube-dns}
      ports:
        - {port: 53, protocol: UDP}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels: {k8s-app: kube-dns}
      ports:
        - {port: 53, protocol: UDP}
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    for (const selector of selectorsOf(spec, effectiveRulesOf(spec))) {
      if (selector.kind !== 'peer-namespaces') continue;
      for (const { key, path, values } of selectorKeysOf(selector)) {
        if (!HAND_MADE_NAME_KEYS.has(key)) continue;
        const which = values && values.length > 0 ? ` (${values.join(', ')})` : '';
        yield {
          message:
            `This peer selects namespaces by the \`${key}\` label${which}, which Kubernetes does not set and whoever creates ` +
            'or labels a namespace can choose; `kubernetes.io/metadata.name` always holds the real name.',
          range: object.rangeOf(path),
          path,
          data: { inMatchLabels: path.at(-2) === 'matchLabels' },
        };
      }
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path) return;
    // Not preferred: a hand-made label may group several namespaces under one value, and the real
    // name then selects fewer of them. A key of `matchLabels` is renamed; a requirement's key is a value.
    yield* objectFix(input, `Select by ${NAMESPACE_NAME_KEY}`, (editor) =>
      data?.inMatchLabels === true ? editor.renameKey(path, NAMESPACE_NAME_KEY) : editor.replaceScalar(path, NAMESPACE_NAME_KEY),
    );
  },
};
