import type { WorkspaceRule } from '../rule';
import { couldSelectPodsOf } from './pod-selection';
import { judgeableWorkloadsIn } from './workspace-objects';
import { workloadTargets } from './selection-targets';
import { correctSelector } from './selector-correction';
import { correctionReport, selectorCorrectionFixes } from './selector-correction-fix';

export const netpolSelectsNothing: WorkspaceRule = {
  id: 'netpol-selects-nothing',
  title: 'NetworkPolicy selects no workload of its namespace',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    "A NetworkPolicy applies only to the pods of its own namespace that its `podSelector` matches. When it matches " +
    'none of the workloads of that namespace, it isolates nothing and its rules open nothing: the pods it was ' +
    "written for stay unprotected, usually because of a label typo, a label changed in the workload but not in " +
    'the policy, or a policy placed in the wrong namespace. The rule judges only namespaces that have workloads in ' +
    'the workspace, so a policy kept apart from its application is not reported, and never judges system ' +
    'namespaces (kube-system, kube-public, kube-node-lease, openshift-*), which hold more than any repository.',
  remediation:
    "Make the `podSelector` match the pod template labels of the workloads the policy is for (not the " +
    "Deployment's own `metadata.labels`), and check the policy's `metadata.namespace`.",
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  namespace: shop
spec:
  selector:
    matchLabels: {app: postgres}
  template:
    metadata:
      labels: {app: postgres}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: postgress}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  namespace: shop
spec:
  selector:
    matchLabels: {app: postgres}
  template:
    metadata:
      labels: {app: postgres}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: postgres}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    for (const policy of analysis.policies) {
      // A selector Kubernetes would refuse selects nothing too, but netpol-invalid reports it.
      if (policy.podSelector.kind === 'malformed') continue;
      const { namespace, name, object } = policy.info;
      const candidates = judgeableWorkloadsIn(workspace.model, namespace);
      if (candidates.length === 0 || (analysis.selected.get(policy)?.length ?? 0) > 0) continue;
      if (candidates.some((workload) => couldSelectPodsOf(policy.podSelector, workload))) continue;
      const count = candidates.length === 1 ? 'the only workload' : `any of the ${candidates.length} workloads`;
      const correction = correctSelector(
        { path: ['spec', 'podSelector'], value: object.get(['spec', 'podSelector']), form: 'label-selector' },
        workloadTargets(candidates, namespace),
      );
      yield {
        object,
        range: object.rangeOf(['spec', 'podSelector'], 'pair'),
        message: `The podSelector of NetworkPolicy "${name}" does not match ${count} of namespace "${namespace}" in the workspace: the policy isolates and allows nothing.`,
        ...correctionReport(correction),
      };
    }
  },
  fixes: selectorCorrectionFixes,
};
