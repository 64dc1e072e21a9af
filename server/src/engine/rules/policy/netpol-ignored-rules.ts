import { objectFix } from '../../fixes/object-fix';
import { networkPolicySpecOf, POLICY_DIRECTIONS, RULES_KEY, type PolicyDirection } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { RULES_ON_POLICY_CONTENTS } from './rules-on-policy-text';

export const netpolIgnoredRules: ObjectRule = {
  id: 'netpol-ignored-rules',
  title: 'NetworkPolicy rules ignored because policyTypes leaves their direction out',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'When `policyTypes` is set, it alone decides which directions a NetworkPolicy governs: `egress` rules of a policy ' +
    'whose `policyTypes` is `[Ingress]` are silently ignored, and so are `ingress` rules when it is `[Egress]`. The ' +
    'author meant to restrict that direction, but the selected pods stay unrestricted in it (unless another policy ' +
    'selects them), and nothing in `kubectl` output says so. An empty list (`[]`) or no `policyTypes` is the ' +
    "API server's default and is not reported.",
  remediation:
    'Add the missing direction to `policyTypes` (`[Ingress, Egress]`), or delete the rules that are not meant to apply.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: payments
spec:
  podSelector:
    matchLabels: {app: payments}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: checkout}
  egress:
    - to:
        - ipBlock:
            cidr: 198.51.100.0/24
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: payments
spec:
  podSelector:
    matchLabels: {app: payments}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: checkout}
  egress:
    - to:
        - ipBlock:
            cidr: 198.51.100.0/24
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    const types = spec?.policyTypes;
    if (!spec || !Array.isArray(types) || types.length === 0) return;
    // An invalid entry makes the API server reject the whole policy: netpol-invalid reports that.
    if (!types.every((type) => type === 'Ingress' || type === 'Egress') || types.length > 2) return;
    for (const direction of POLICY_DIRECTIONS) {
      const key = RULES_KEY[direction];
      const rules = spec[key];
      if (types.includes(direction) || !Array.isArray(rules) || rules.length === 0) continue;
      const count = rules.length === 1 ? `this ${key} rule` : `these ${rules.length} ${key} rules`;
      yield {
        message: `\`policyTypes\` leaves out ${direction}, so Kubernetes ignores ${count}: the policy does not restrict ${key} of the selected pods.`,
        range: object.rangeOf(['spec', key], 'key'),
        path: ['spec', key],
        data: { direction },
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    const direction = data?.direction as PolicyDirection | undefined;
    if (!path || (direction !== 'Ingress' && direction !== 'Egress')) return;
    // Removing the section is preferred: it leaves what the cluster enforces exactly as it is, so
    // fixing all cannot cut traffic. Adding the direction starts enforcing rules that never applied,
    // which may block connections the pods rely on today: a change to review, so it is offered only.
    // What those rules allow was there to see all along; blocking DNS is caused, and still refused.
    yield* objectFix(input, `Remove the ignored ${RULES_KEY[direction]} section`, (editor) => editor.remove(path), { preferred: true });
    yield* objectFix(input, `Add ${direction} to policyTypes`, (editor) => editor.append(['spec', 'policyTypes'], direction), { reveals: RULES_ON_POLICY_CONTENTS });
  },
};
