import { DIRECTIONS, type PolicyDirection } from '../../connectivity';
import { adminDenyCoveringWorkload } from './admin-default-deny';
import { appendDocuments } from '../../fixes/placement';
import { generatePolicies } from '../../generate';
import type { WorkspaceRule } from '../rule';
import { podLabelsRange, usesHostNetwork, workloadName } from './workspace-objects';

export const workloadNotIsolated: WorkspaceRule = {
  id: 'workload-not-isolated',
  title: 'Workload is selected by no NetworkPolicy in a namespace that uses them',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A pod that no NetworkPolicy selects for a direction is not isolated in that direction: it accepts ' +
    'connections from every pod and address (ingress), or may connect anywhere (egress). When other pods of the ' +
    'namespace are restricted by policies for that direction, a workload that no policy selects has usually ' +
    'slipped through: its labels do not match the selectors written for it, or its policy was forgotten. The ' +
    'rule reports a direction only in namespaces with at least one policy for it (a namespace with none is ' +
    'reported by `namespace-no-default-deny` instead of once per workload), and each workload once, naming the ' +
    'directions it is open in. A workload open in egress only is reported as info, as isolating the egress of a ' +
    'few sensitive workloads only is a common and deliberate pattern; one open in ingress is a warning. ' +
    'Host-network pods are left out: Kubernetes leaves the behaviour of NetworkPolicies toward them undefined, ' +
    'and most network plugins do not isolate them. A workload that an AdminNetworkPolicy or the ' +
    'BaselineAdminNetworkPolicy denies by default in a direction (a `Deny` rule from or to every pod, on every port) ' +
    'is isolated in it without a NetworkPolicy.',
  remediation:
    "Select the workload with a policy for the direction: fix the policy's `podSelector` or the pod template's " +
    'labels, add a policy for it, or add a default-deny policy (`podSelector: {}`) to the namespace so that every ' +
    'pod is isolated, then allow what the workload needs.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
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
  name: web-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - port: 8080
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
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: web}
      ports:
        - port: 8080
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    // The namespaces being isolated, per direction: those with a policy affecting it.
    const usedIn: Record<PolicyDirection, Set<string>> = { Ingress: new Set(), Egress: new Set() };
    for (const policy of analysis.policies) {
      for (const direction of DIRECTIONS) if (policy.affects[direction]) usedIn[direction].add(policy.info.namespace);
    }
    for (const workload of workspace.model.workloads) {
      if (usesHostNetwork(workload)) continue;
      const isolating = analysis.isolatedBy.get(workload.key);
      const missing = DIRECTIONS.filter(
        (direction) => usedIn[direction].has(workload.id.namespace) && (isolating?.[direction].length ?? 0) === 0 && !adminDenyCoveringWorkload(analysis, workload, direction),
      );
      if (missing.length === 0) continue;
      const directions = missing.map((direction) => direction.toLowerCase());
      const message =
        `${workloadName(workload)} is selected by no NetworkPolicy for ${directions.join(' or ')}, although namespace ` +
        `"${workload.id.namespace}" has ${directions.join(' and ')} policies: ${missing.map(consequence).join(', and ')}.`;
      // Isolating the egress of a few sensitive workloads only is a common, deliberate pattern.
      const severity = missing.includes('Ingress') ? {} : ({ severity: 'info' } as const);
      // One finding per workload, on the member that defines its pod labels (the first in the input).
      yield { object: workload.members[0].object, range: podLabelsRange(workload.members[0]), message, data: { workload: workload.key, missing }, ...severity };
    }
  },
  *fixes({ report, workspace, text, finding }) {
    const { workload: key, missing } = report.data ?? {};
    const workload = typeof key === 'string' ? workspace?.model.workloadsByKey.get(key) : undefined;
    if (!workspace || !workload || text === undefined || !Array.isArray(missing)) return;
    for (const direction of DIRECTIONS.filter((candidate) => missing.includes(candidate))) {
      // The policy the generator infers from the workspace: the clients or destinations the manifests name, and DNS.
      const [policy] = generatePolicies(workspace, { workload: workload.key, directions: [direction] }).policies;
      if (!policy) continue;
      // Not preferred: the policy allows only what the manifests show (no external client, no
      // connection configured elsewhere), so it is for the author to review, not for fix-all.
      yield {
        title: `Add a policy for ${workloadName(workload)} (${direction.toLowerCase()})`,
        kind: 'insert-policy',
        edits: [appendDocuments(finding.uri, text, policy.yaml)],
        // With both directions missing, one policy leaves the other direction reported.
        ...(missing.length > 1 ? { partial: true } : {}),
      };
    }
  },
};

function consequence(direction: PolicyDirection): string {
  return direction === 'Ingress' ? 'any pod or address may connect to it' : 'it may connect to any pod or address';
}
