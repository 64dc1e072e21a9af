import { adminPolicyKindName } from '../../model/admin-policies';
import type { WorkspaceRule } from '../rule';
import { selectionFault } from './admin-selection-faults';
import { correctionReport, selectorCorrectionFixes } from './selector-correction-fix';

export const adminPolicySelectsNothing: WorkspaceRule = {
  id: 'admin-policy-selects-nothing',
  title: 'AdminNetworkPolicy subject selects no workload of the workspace',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'An AdminNetworkPolicy, a BaselineAdminNetworkPolicy or a ClusterNetworkPolicy applies only to the pods its ' +
    '`spec.subject` selects: the pods of the namespaces that `namespaces` matches, or those that `pods.podSelector` ' +
    'matches in the namespaces `pods.namespaceSelector` matches. A subject that selects nothing makes every rule of ' +
    'the policy dead, so the `Deny` rules written to guard the cluster deny nothing, usually because of a label ' +
    'typo or labels changed on the namespaces or the pods but not in the policy.\n\n' +
    'These policies are cluster-scoped and often select namespaces managed elsewhere, so the rule reports only what ' +
    'the workspace can judge: a namespace selector that matches none of the Namespace objects when the workspace ' +
    'defines some and each label it requires appears on one of them, and a `pods.podSelector` that matches no ' +
    'workload of the namespaces its `namespaceSelector` names by `kubernetes.io/metadata.name`, when the workspace ' +
    'has workloads in each of them. A namespace selector is a warning when respelling one of its labels makes it ' +
    'match a Namespace (a typo), and information otherwise, as Namespaces defined elsewhere may carry the value; so ' +
    'is one that requires labels when the workspace defines no Namespace object at all (its namespaces then have ' +
    'only their name label here). Workloads include the pods that known operators create from custom ' +
    'resources (Prometheus, Alertmanager, ThanosRuler, Argo Rollouts, OpenKruise, Knative, CloudNativePG, Strimzi), ' +
    'with the labels they add; when a custom resource of another kind that may create pods is in the same folder as ' +
    'the policy, the finding says the subject may select its pods. Selectors by namespace name alone are judged only ' +
    'against the workloads of those namespaces, and system namespaces (kube-system, kube-public, kube-node-lease, ' +
    'openshift-*) are never judged.',
  remediation:
    'Make the selector match the labels of the Namespace objects (for `namespaces` and `pods.namespaceSelector`) or ' +
    'of the pod templates (for `pods.podSelector`) the policy is meant for.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels: {tier: restricted}
---
apiVersion: v1
kind: Namespace
metadata:
  name: sandbox
  labels: {tier: sandbox}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: payments
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: ledger
          image: registry.example.com/payments/ledger:2.4.1
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: isolate-restricted
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels: {tier: restriced}
  ingress:
    - action: Deny
      from:
        - namespaces:
            matchLabels: {tier: sandbox}
`,
    fixed: `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels: {tier: restricted}
---
apiVersion: v1
kind: Namespace
metadata:
  name: sandbox
  labels: {tier: sandbox}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: payments
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: ledger
          image: registry.example.com/payments/ledger:2.4.1
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: isolate-restricted
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels: {tier: restricted}
  ingress:
    - action: Deny
      from:
        - namespaces:
            matchLabels: {tier: sandbox}
`,
  },
  *check(workspace) {
    const admin = workspace.connectivity.admin;
    if (!admin) return;
    for (const policy of admin.policies) {
      if ((admin.selected.get(policy)?.length ?? 0) > 0) continue;
      const { object } = policy.info;
      const owner = ` of ${adminPolicyKindName(policy.info)} "${policy.info.name}"`;
      const fault = selectionFault(policy.subject, ['spec', 'subject'], { model: workspace.model, object, owner, doubtfulNamespaces: true });
      if (!fault) continue;
      const consequence = 'the policy applies to nothing';
      yield {
        object,
        range: object.rangeOf(fault.path, 'pair'),
        ...(fault.doubt
          ? { severity: 'info' as const, message: `${fault.mismatch}, ${fault.doubt}; if not, ${consequence}.` }
          : { message: `${fault.mismatch}: ${consequence}.`, ...correctionReport(fault.correction) }),
      };
    }
  },
  fixes: selectorCorrectionFixes,
};
