import { isCoreNetworkPolicy } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { structureProblems } from './policy-structure';

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
};
