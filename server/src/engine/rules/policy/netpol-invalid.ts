import { objectFix } from '../../fixes/object-fix';
import { isCoreNetworkPolicy } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { structureProblems } from './policy-structure';
import { RULES_ON_POLICY_CONTENTS, RULES_ON_POLICY_STRUCTURE } from './rules-on-policy-text';

export const netpolInvalid: ObjectRule = {
  id: 'netpol-invalid',
  title: 'NetworkPolicy is not well-formed',
  severity: 'error',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'A NetworkPolicy the API server refuses does not exist in the cluster: the pods it was meant to isolate stay open, ' +
    'and the failure is easy to miss in a pipeline that applies many objects. Worse, clients that drop unknown fields ' +
    '(rather than refuse them, as `kubectl apply` does) apply a policy without the misspelled part: a `podSelecter` ' +
    'that is dropped leaves a policy for every pod of the namespace, labels written straight under `podSelector` ' +
    'leave an empty selector that matches everything. This rule checks the structure against the networking.k8s.io/v1 ' +
    'OpenAPI schema, as compiled by kubernetes-models (types, missing `apiVersion` or `cidr`, removed API versions), ' +
    "unknown fields with a suggestion, and the API server's shape checks (a peer must name something, an `ipBlock` " +
    'cannot share a peer with a selector, selector operators and their values). Wrong values of the right type are ' +
    'reported by netpol-invalid-port (`port`, `endPort`, `protocol`) and netpol-invalid-cidr (`cidr`, `except`), so ' +
    'one mistake gives one finding. Empty values the API server takes are not reported: a missing `podSelector` ' +
    '(always defaulted to `{}`, every pod of the namespace, and optional in the schema since 2025), a rule or port ' +
    'entry with nothing after its `-`, a label without a value.',
  remediation:
    'Fix the field the finding points at: use `apiVersion: networking.k8s.io/v1`, correct the misspelled or ' +
    'misplaced field, quote label values that YAML reads as numbers or booleans (`"true"`, `"8080"`), put labels ' +
    'under `matchLabels`, and write one list entry per peer. `kubectl apply --dry-run=server -f policy.yaml` shows ' +
    "what the API server thinks of the result.",
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
    'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
    'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#networkpolicy-v116',
  ],
  examples: {
    insecure: `kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelecter:
    matchLabels:
      app: db
      tier: 1
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: [5432, 5433]
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: db
      tier: "1"
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: 5432
        - port: 5433
`,
  },
  *check(object) {
    if (object.kind !== 'NetworkPolicy') return;
    // A core-group NetworkPolicy (`v1`) or a version-less group is a mistake worth reporting, not another API.
    if (!isCoreNetworkPolicy(object) && object.apiVersion !== 'v1' && object.apiVersion !== 'networking.k8s.io') return;
    yield* structureProblems(object);
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || !data) return;
    // Field names, policy types and operators are closed sets and a label value is text by
    // definition: each correction has one meaning, so it is the preferred fix. The corrected text
    // is read at last, and its own mistakes (left unreported under a misspelled field, or in rules
    // an invalid policy type left out) are revealed.
    const options = { preferred: true, reveals: [...RULES_ON_POLICY_STRUCTURE, ...RULES_ON_POLICY_CONTENTS] };
    if (typeof data.key === 'string') {
      const key = data.key;
      yield* objectFix(input, `Rename ${String(path.at(-1))} to ${key}`, (editor) => editor.renameKey(path, key), options);
    } else if (typeof data.value === 'string') {
      const value = data.value;
      const field = path.at(-1);
      yield* objectFix(input, typeof field === 'string' ? `Change ${field} to ${value}` : `Change to ${value}`, (editor) => editor.replaceScalar(path, value), options);
    } else if (typeof data.quoted === 'string') {
      const text = data.quoted;
      yield* objectFix(input, `Quote the value: "${text}"`, (editor) => editor.replaceScalar(path, text), options);
    }
  },
};
