import { DIRECTIONS } from '../../connectivity';
import type { WorkspaceRule } from '../rule';
import { selectionFault } from './admin-selection-faults';
import { correctionReport, selectorCorrectionFixes } from './selector-correction-fix';

export const adminPolicyPeerSelectsNothing: WorkspaceRule = {
  id: 'admin-policy-peer-selects-nothing',
  title: 'AdminNetworkPolicy peer matches no workload or namespace of the workspace',
  severity: 'info',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A `from` or `to` entry of an AdminNetworkPolicy, a BaselineAdminNetworkPolicy or a ClusterNetworkPolicy whose ' +
    'selectors match nothing makes its rule match nothing through it: an `Allow` or `Accept` opens nothing, a ' +
    '`Deny` blocks nothing, and a `Pass` hands nothing over. This is often a label typo, or labels that changed on ' +
    'one side only. Peers often name namespaces and pods that live outside the repository (the ingress controller, ' +
    'monitoring, the cluster DNS), so the rule reports only what the workspace can judge, as ' +
    '`netpol-peer-selects-nothing` does for NetworkPolicies: a `namespaces` selector or a `pods.namespaceSelector` ' +
    'that matches none of the namespaces when the workspace defines Namespace objects and every label it requires ' +
    'appears on one of them (so the value is what is wrong), and a `pods.podSelector` that matches no workload of ' +
    'the namespaces its `namespaceSelector` names by `kubernetes.io/metadata.name`, when the workspace has ' +
    'workloads in each of them. Workloads include the pods that known operators create from custom resources ' +
    '(Prometheus, Alertmanager, ThanosRuler, Argo Rollouts, OpenKruise, Knative, CloudNativePG, Strimzi), with the ' +
    'labels they add; when a custom resource of another kind that may create pods is in the same folder as the ' +
    'policy, the message says the peer may select its pods. `networks` and `nodes` peers are not judged here, and ' +
    'system namespaces (kube-system, kube-public, kube-node-lease, openshift-*) never are.',
  remediation:
    'Make the selector match the labels of the Namespace objects (for `namespaces` and `pods.namespaceSelector`) or ' +
    'of the pod templates (for `pods.podSelector`) it is meant for.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:3.1.0
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: shop-api
spec:
  priority: 20
  subject:
    pods:
      namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: shop}
      podSelector:
        matchLabels: {app: api}
  ingress:
    - action: Deny
      from:
        - pods:
            namespaceSelector:
              matchLabels: {kubernetes.io/metadata.name: shop}
            podSelector:
              matchLabels: {app: batch}
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:3.1.0
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: batch
  namespace: shop
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {app: batch}
        spec:
          restartPolicy: OnFailure
          containers:
            - name: batch
              image: registry.example.com/shop/batch:1.2.0
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: shop-api
spec:
  priority: 20
  subject:
    pods:
      namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: shop}
      podSelector:
        matchLabels: {app: api}
  ingress:
    - action: Deny
      from:
        - pods:
            namespaceSelector:
              matchLabels: {kubernetes.io/metadata.name: shop}
            podSelector:
              matchLabels: {app: batch}
`,
  },
  *check(workspace) {
    const admin = workspace.connectivity.admin;
    if (!admin) return;
    for (const policy of admin.policies) {
      const { object } = policy.info;
      const context = { model: workspace.model, object, owner: '', doubtfulNamespaces: false };
      for (const direction of DIRECTIONS) {
        const [key, list] = direction === 'Ingress' ? (['ingress', 'from'] as const) : (['egress', 'to'] as const);
        for (const rule of policy.rules[direction]) {
          for (const [index, peer] of rule.peers.entries()) {
            if (peer.kind !== 'namespaces' && peer.kind !== 'pods') continue;
            const fault = selectionFault(peer, ['spec', key, rule.index, list, index], context);
            if (!fault) continue;
            const consequence = `this ${list} entry matches nothing`;
            yield {
              object,
              range: object.rangeOf(fault.path, 'pair'),
              message: fault.doubt ? `${fault.mismatch}, ${fault.doubt}; if not, ${consequence}.` : `${fault.mismatch}: ${consequence}.`,
              ...(fault.doubt ? {} : correctionReport(fault.correction)),
            };
          }
        }
      }
    }
  },
  fixes: selectorCorrectionFixes,
};
