import { effectiveRulesOf, networkPolicySpecOf, selectorKeysOf, selectorsOf, type PolicySelector } from '../../policy/network-policy';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectRule } from '../rule';
import { didYouMean } from './did-you-mean';

/** Label keys that Kubernetes, its controllers and the recommended-labels convention put on pods and namespaces. */
const WELL_KNOWN_KEYS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
  'kubernetes.io/metadata.name',
  'k8s-app',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-name',
  'pod-template-hash',
  'controller-revision-hash',
];

const NAMESPACE_NAME_KEY = 'kubernetes.io/metadata.name';

export const netpolLabelKeyTypo: ObjectRule = {
  id: 'netpol-label-key-typo',
  title: 'NetworkPolicy selector tests a label key that nothing carries',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'A selector on a label key that no pod carries selects nothing, silently. In the policy\'s own `podSelector` this ' +
    'is a security problem: the policy selects no pods, so the workload it was written for stays unprotected while ' +
    'the manifest looks right. This rule reports keys one or two letters away from the well-known keys ' +
    '(`app.kubernetes.io/name`, `k8s-app`, `kubernetes.io/metadata.name`...) or differing only in case (label keys ' +
    'are case-sensitive), and `kubernetes.io/metadata.name`, a namespace label, used in a `podSelector`, which is the ' +
    'sign of a `namespaceSelector` written as a `podSelector`.',
  remediation:
    'Copy the label key from the pod template (`kubectl get pods --show-labels`) or, for namespaces, use ' +
    '`namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: <namespace>}}`.',
  references: [
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/',
    'https://kubernetes.io/docs/reference/labels-annotations-taints/',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-deny-all
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/nmae: postgres
  policyTypes: [Ingress, Egress]
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-deny-all
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: postgres
  policyTypes: [Ingress, Egress]
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    for (const selector of selectorsOf(spec, effectiveRulesOf(spec))) {
      for (const { key, path } of selectorKeysOf(selector)) {
        const inMatchLabels = path.at(-2) === 'matchLabels';
        const range = object.rangeOf(path, inMatchLabels ? 'key' : 'pair');
        if (key === NAMESPACE_NAME_KEY && selector.kind !== 'peer-namespaces') {
          yield {
            message: `\`${key}\` is a namespace label, which pods do not carry: this \`podSelector\` ${consequence(selector)}.`,
            range,
          };
          continue;
        }
        const meant = didYouMean(key, WELL_KNOWN_KEYS);
        if (!meant || meant === key) continue;
        yield {
          message: `\`${key}\` looks like a misspelling of \`${meant}\`: a selector on a label key nothing carries ${consequence(selector)}.`,
          range,
          path,
          data: { meant, inMatchLabels },
        };
      }
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    const meant = data?.meant;
    if (!path || typeof meant !== 'string') return;
    // Not preferred: label keys are anyone's to choose, so a key near a well-known one may be
    // carried by pods outside the workspace; the rename is a guess to confirm, not to apply in bulk.
    // A key of `matchLabels` is renamed; a requirement's key is the value of its `key` field.
    yield* objectFix(input, `Change the label key to ${meant}`, (editor) => (data?.inMatchLabels === true ? editor.renameKey(path, meant) : editor.replaceScalar(path, meant)));
  },
};

function consequence(selector: PolicySelector): string {
  if (selector.kind === 'policy-pods') return 'selects no pods, so the policy protects nothing';
  return selector.kind === 'peer-pods' ? 'matches no pods, so this peer admits no one' : 'matches no namespaces, so this peer admits no one';
}
