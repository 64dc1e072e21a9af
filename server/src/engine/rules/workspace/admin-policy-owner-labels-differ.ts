import { labelValueText, memberName, ownerLabelConflictsOf } from '../../connectivity/owner-label-conflicts';
import type { WorkspaceRule } from '../rule';
import { podLabelsRange, workloadName } from './workspace-objects';

export const adminPolicyOwnerLabelsDiffer: WorkspaceRule = {
  id: 'admin-policy-owner-labels-differ',
  title: 'Admin policy selector tells apart pods kube-netsec counts as one workload',
  severity: 'info',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'kube-netsec counts the pods of one owner as one workload: a StatefulSet and the pods `kubectl get pods -o yaml` ' +
    'lists for it, or the pods of one Job, all evaluated with the labels of the first of them. The cluster itself ' +
    'evaluates each pod with its own labels, so a pod selector of an AdminNetworkPolicy, BaselineAdminNetworkPolicy ' +
    'or ClusterNetworkPolicy that picks some of those pods (one StatefulSet replica by ' +
    '`statefulset.kubernetes.io/pod-name`, one Job index) is applied to all of them or to none in kube-netsec\'s ' +
    'answers: the connectivity view, the hovers and the isolation findings of that workload may be wrong for the ' +
    'others. The policy itself may be right; this says that the analysis of these pods is approximate.\n\n' +
    'A selector tells two pods apart when a `matchLabels` value is the value of the differing label on one of them, ' +
    'or when an `In` or `NotIn` list contains the value of one of them and not the other (as a substring of a listed ' +
    'value; a missing label counts as the empty text, which every list contains). Only `pods` subjects and peers ' +
    'whose `namespaceSelector` matches the namespace of the pods are examined. `kube-netsec connectivity` prints the ' +
    'same warning: the reference analyzer refuses such input.',
  remediation:
    'Nothing needs to change for the cluster: the finding says that kube-netsec\'s answers about these pods are ' +
    'approximate. They are exact when the pods a policy must tell apart have owners of their own (a StatefulSet for ' +
    'the primary and one for the replicas, say), or when policies select them by labels all pods of one owner share.',
  references: ['https://network-policy-api.sigs.k8s.io/reference/spec/', 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-name-label'],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: db-0
  namespace: data
  labels: {app: db, statefulset.kubernetes.io/pod-name: db-0}
  ownerReferences:
    - {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: 5f0c1a2e-7d3b-4c11-9a51-2b8d6e4f7a10, controller: true}
spec:
  containers:
    - name: postgres
      image: postgres:16.4
---
apiVersion: v1
kind: Pod
metadata:
  name: db-1
  namespace: data
  labels: {app: db, statefulset.kubernetes.io/pod-name: db-1}
  ownerReferences:
    - {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: 5f0c1a2e-7d3b-4c11-9a51-2b8d6e4f7a10, controller: true}
spec:
  containers:
    - name: postgres
      image: postgres:16.4
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: isolate-primary
spec:
  priority: 10
  subject:
    pods:
      namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: data}
      podSelector:
        matchLabels: {statefulset.kubernetes.io/pod-name: db-0}
  ingress:
    - action: Deny
      from:
        - namespaces: {}
`,
    fixed: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-primary
  namespace: data
spec:
  serviceName: db-primary
  selector:
    matchLabels: {app: db, role: primary}
  template:
    metadata:
      labels: {app: db, role: primary}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-replica
  namespace: data
spec:
  serviceName: db-replica
  selector:
    matchLabels: {app: db, role: replica}
  template:
    metadata:
      labels: {app: db, role: replica}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: isolate-primary
spec:
  priority: 10
  subject:
    pods:
      namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: data}
      podSelector:
        matchLabels: {role: primary}
  ingress:
    - action: Deny
      from:
        - namespaces: {}
`,
  },
  *check(workspace) {
    const admin = workspace.connectivity.admin;
    if (!admin) return;
    for (const { policy, path, workload, key, first, other } of ownerLabelConflictsOf(workspace.model, admin.policies)) {
      const { object } = policy.info;
      yield {
        object,
        range: object.rangeOf(path, 'pair'),
        message:
          `This selector tells apart pods that kube-netsec counts as one workload, ${workloadName(workload)} of namespace "${workload.id.namespace}": ` +
          `label "${key}" is ${labelValueText(first, key)} on ${memberName(first)} and ${labelValueText(other, key)} on ${memberName(other)}. ` +
          `Its answers give them all the labels of ${memberName(first)}, so they may be wrong for the others.`,
        related: [first, other].map((member) => ({ uri: member.object.document.uri, range: podLabelsRange(member), message: `the labels of ${memberName(member)}` })),
      };
    }
  },
};
