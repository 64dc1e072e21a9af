import type { WorkspaceRule } from '../rule';
import { couldSelectPodsOf } from './pod-selection';
import { selectableWorkloadsIn, unknownPodCreatorKindsNear, unknownPodsClause } from './workspace-objects';
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
    'the policy, or a policy placed in the wrong namespace. Workloads are the Deployments, StatefulSets, ' +
    'DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and Pods of the namespace, and the pods that ' +
    'known operators create from custom resources (Prometheus, Alertmanager and ThanosRuler, Argo Rollouts, ' +
    'OpenKruise CloneSets and Advanced StatefulSets and DaemonSets, Knative Services and Configurations, ' +
    'CloudNativePG Clusters and Poolers, Strimzi Kafka resources), with the labels those controllers add. When ' +
    'a custom resource of another kind that may create pods is in the same folder as the policy (or below it), ' +
    'the finding is only informational, as its pods may be the ones meant. The rule judges only namespaces that have workloads in ' +
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
      const candidates = selectableWorkloadsIn(workspace.model, namespace);
      if (candidates.length === 0 || (analysis.selected.get(policy)?.length ?? 0) > 0) continue;
      if (candidates.some((workload) => couldSelectPodsOf(policy.podSelector, workload))) continue;
      const count = candidates.length === 1 ? 'the only workload' : `any of the ${candidates.length} workloads`;
      const range = object.rangeOf(['spec', 'podSelector'], 'pair');
      const mismatch = `The podSelector of NetworkPolicy "${name}" does not match ${count} of namespace "${namespace}" in the workspace`;
      // Pods of a custom resource defined alongside may be what the policy is for: say so, and offer no correction.
      const creators = unknownPodCreatorKindsNear(workspace.model, namespace, object);
      if (creators.length > 0) {
        yield {
          object,
          range,
          severity: 'info',
          message: `${mismatch}, ${unknownPodsClause(creators)}; if not, the policy isolates and allows nothing.`,
        };
        continue;
      }
      const correction = correctSelector(
        { path: ['spec', 'podSelector'], value: object.get(['spec', 'podSelector']), form: 'label-selector' },
        workloadTargets(candidates, namespace),
      );
      yield {
        object,
        range,
        message: `${mismatch}: the policy isolates and allows nothing.`,
        ...correctionReport(correction),
      };
    }
  },
  fixes: selectorCorrectionFixes,
};
