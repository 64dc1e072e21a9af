import { DIRECTIONS, matchesLabels } from '../../connectivity';
import { peerMatchesWorkload } from '../../connectivity';
import type { KubeObject } from '../../manifest/kube-object';
import { operatedPodsOf } from '../../model';
import { PEERS_KEY } from '../../policy/network-policy';
import type { Report, WorkspaceRule } from '../rule';
import { couldSelectPodsOf } from './pod-selection';
import { namespaceMismatchIsJudgeable, namespacesNamedBy } from './namespace-selectors';
import { peerPath } from './policy-locations';
import { namespaceTargets, workloadTargets } from './selection-targets';
import { correctSelector, type SelectorCorrection } from './selector-correction';
import { correctionReport, selectorCorrectionFixes } from './selector-correction-fix';
import { selectableWorkloadsIn, unknownPodCreatorKindsNear, unknownPodsClause } from './workspace-objects';

export const netpolPeerSelectsNothing: WorkspaceRule = {
  id: 'netpol-peer-selects-nothing',
  title: 'NetworkPolicy peer matches no workload or namespace of the workspace',
  severity: 'info',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A `from` or `to` entry whose selectors match nothing admits nothing: the traffic it was written for is ' +
    'denied, often because of a label typo or labels that changed on one side only. Peers often name pods and ' +
    'namespaces that live outside the repository (kube-system, the ingress controller, monitoring), so the rule ' +
    'reports only what the workspace can judge: a `podSelector` that matches no workload of a namespace the ' +
    "workspace has workloads in (the policy's own namespace, or namespaces a `namespaceSelector` names with " +
    '`kubernetes.io/metadata.name`), and a `namespaceSelector` that matches none of the namespaces when the ' +
    'workspace defines Namespace objects and every label it requires appears on one of them (so the value is ' +
    'what is wrong). Workloads include the pods that known operators create from custom resources (Prometheus, ' +
    'Alertmanager, ThanosRuler, Argo Rollouts, OpenKruise, Knative, CloudNativePG, Strimzi), with the labels they add; ' +
    'when a custom resource of another kind that may create pods is in the same folder as the policy, the message ' +
    'says the peer may select its pods. Selectors on `kubernetes.io/metadata.name` alone are never reported, as ' +
    'they usually name a namespace managed elsewhere, and pods of system namespaces (kube-system, kube-public, ' +
    'kube-node-lease, openshift-*) are never judged: the cluster DNS, for one, is rarely in a repository.',
  remediation:
    'Make the selector match the labels of the pod templates (for `podSelector`) or of the Namespace objects ' +
    '(for `namespaceSelector`) it is meant for. Remember that a `podSelector` without `namespaceSelector` only ' +
    "matches pods in the policy's own namespace.",
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
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
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: frontend}
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
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: shop
spec:
  selector:
    matchLabels: {app: frontend}
  template:
    metadata:
      labels: {app: frontend}
    spec:
      containers:
        - name: frontend
          image: registry.example.com/shop/frontend:2.0.1
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: frontend}
`,
  },
  *check(workspace) {
    const { model } = workspace;
    const analysis = workspace.connectivity;
    for (const policy of analysis.policies) {
      const { namespace, object } = policy.info;
      for (const direction of DIRECTIONS) {
        for (const rule of policy.rules[direction]) {
          if (rule.peers === 'everything') continue;
          for (const peer of rule.peers) {
            if (peer.kind !== 'selectors') continue;
            const { podSelector, namespaceSelector } = peer;
            // Selectors Kubernetes would refuse match nothing, but netpol-invalid reports them.
            if (podSelector?.kind === 'malformed' || namespaceSelector?.kind === 'malformed') continue;
            const path = peerPath(rule, peer.index);
            const entry = `this ${PEERS_KEY[direction]} entry admits nothing`;
            const report = (key: 'podSelector' | 'namespaceSelector', message: string, correction: SelectorCorrection | undefined): Report & { object: KubeObject } => ({
              object,
              range: object.rangeOf([...path, key], 'pair'),
              message,
              ...correctionReport(correction),
            });
            const written = (key: 'podSelector' | 'namespaceSelector') => ({ path: [...path, key], value: object.get([...path, key]), form: 'label-selector' as const });

            // The namespaces whose workloads the podSelector is judged against, when the workspace has all of them.
            let judgedNamespaces: readonly string[] | undefined;
            if (!namespaceSelector) {
              judgedNamespaces = [namespace];
            } else {
              const matching = [...model.namespaces.values()].filter((candidate) => matchesLabels(namespaceSelector, candidate.labels));
              if (matching.length === 0) {
                if (namespaceMismatchIsJudgeable(namespaceSelector, model)) {
                  const correction = correctSelector(written('namespaceSelector'), namespaceTargets(model));
                  yield report('namespaceSelector', `The namespaceSelector matches none of the Namespaces defined in the workspace: ${entry}.`, correction);
                }
                continue;
              }
              judgedNamespaces = namespacesNamedBy(namespaceSelector);
            }
            if (!podSelector || !judgedNamespaces || judgedNamespaces.length === 0) continue;
            if (judgedNamespaces.some((name) => selectableWorkloadsIn(model, name).length === 0)) continue;
            // The workloads (and operated pods) in the peer's namespaces, judged with the labels their controllers add too.
            const namespacePart = { ...peer, podSelector: undefined };
            const candidates = [...model.workloads, ...operatedPodsOf(model).workloads].filter((workload) => peerMatchesWorkload(namespacePart, namespace, workload, model.namespaces));
            if (candidates.some((workload) => couldSelectPodsOf(podSelector, workload))) continue;
            const where = judgedNamespaces.length === 1 ? `namespace "${judgedNamespaces[0]}"` : `namespaces ${judgedNamespaces.map((name) => `"${name}"`).join(', ')}`;
            const mismatch = `The podSelector matches no workload of ${where} in the workspace`;
            const creators = [...new Set(judgedNamespaces.flatMap((name) => unknownPodCreatorKindsNear(model, name, object)))].sort();
            if (creators.length > 0) {
              yield report('podSelector', `${mismatch}, ${unknownPodsClause(creators)}; if not, ${entry}.`, undefined);
              continue;
            }
            const correction = correctSelector(written('podSelector'), workloadTargets(candidates, namespace));
            yield report('podSelector', `${mismatch}: ${entry}.`, correction);
          }
        }
      }
    }
  },
  fixes: selectorCorrectionFixes,
};
