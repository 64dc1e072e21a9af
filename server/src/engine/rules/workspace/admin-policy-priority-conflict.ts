import type { KubeObject } from '../../manifest/kube-object';
import type { ClusterModel, Workload } from '../../model';
import { adminPolicyPriority, adminPolicyProblems, isSkipped, MAX_PRIORITY, MIN_PRIORITY, ADMIN_NETWORK_POLICY } from '../../policy/admin-policy-validation';
import { subjectWorkloads } from '../../policy/admin-policy-subject';
import type { SourceRange } from '../../text/range';
import type { RelatedLocation, WorkspaceRule } from '../rule';
import { listNames, nameRange, workloadName, workloadsIn } from './workspace-objects';

export const adminPolicyPriorityConflict: WorkspaceRule = {
  id: 'admin-policy-priority-conflict',
  title: 'AdminNetworkPolicies with the same priority',
  severity: 'error',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'AdminNetworkPolicies are checked in ascending `spec.priority` (absent means 0), and the first matching rule ' +
    'decides. When two policies share a priority, the API accepts both but leaves their order undefined: if both ' +
    'could match a connection, the implementation may apply either, so a `Deny` of one and an `Allow` of the ' +
    'other decide differently from one cluster, or one restart, to the next. The finding says whether their ' +
    'subjects select common workloads of these manifests, where the ambiguity can bite; policies whose subjects ' +
    'share nothing here may still meet on pods created later.\n\n' +
    '`kube-netsec connectivity` follows the reference analyzer, which refuses equal priorities outright: it stops ' +
    'with this error whether or not the policies overlap.',
  remediation:
    'Give each AdminNetworkPolicy a priority of its own, lower numbers for the rules that must win. Leave gaps ' +
    '(10, 20, 30) so that a policy can be inserted later without renumbering.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
  ],
  examples: {
    insecure: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: deny-from-sandbox
spec:
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
        - namespaces:
            matchLabels: {zone: sandbox}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: allow-monitoring
spec:
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - action: Allow
      from:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: monitoring}
`,
    fixed: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: deny-from-sandbox
spec:
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
        - namespaces:
            matchLabels: {zone: sandbox}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: allow-monitoring
spec:
  priority: 20
  subject:
    namespaces: {}
  ingress:
    - action: Allow
      from:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: monitoring}
`,
  },
  *check(workspace) {
    for (const group of samePriorityGroups(workspace.objectsOfKind(ADMIN_NETWORK_POLICY))) {
      const subjects = new Map(group.policies.map((policy) => [policy, subjectWorkloads(policy.get(['spec', 'subject']), workspace.model)]));
      for (const policy of group.policies) {
        const others = group.policies.filter((other) => other !== policy);
        const related: RelatedLocation[] = others.map((other) => ({ uri: other.document.uri, range: priorityRange(other), message: `AdminNetworkPolicy "${other.name ?? ''}", also priority ${group.priority}` }));
        const common = commonWorkloads(subjects.get(policy)!, others.map((other) => subjects.get(other)!));
        const names = listNames(others.map((other) => `"${other.name ?? ''}"`));
        const which = others.length === 1 ? `AdminNetworkPolicy ${names}` : `AdminNetworkPolicies ${names}`;
        yield {
          object: policy,
          range: priorityRange(policy),
          message:
            `${which} also ${others.length === 1 ? 'has' : 'have'} priority ${group.priority}: the order between them is undefined, and \`kube-netsec connectivity\` stops with this error. ` +
            overlapSentence(common, others.length, workspace.model),
          related,
        };
      }
    }
  },
};

/**
 * AdminNetworkPolicies grouped by priority, groups of two or more only. Objects the API server would
 * refuse for their priority (not a whole number, outside 0..1000) or a field's type take no part.
 */
function samePriorityGroups(policies: readonly KubeObject[]): { priority: number; policies: KubeObject[] }[] {
  const byPriority = new Map<number, KubeObject[]>();
  for (const policy of policies) {
    const priority = adminPolicyPriority(policy);
    if (priority === undefined || priority < MIN_PRIORITY || priority > MAX_PRIORITY || isSkipped(adminPolicyProblems(policy))) continue;
    byPriority.set(priority, [...(byPriority.get(priority) ?? []), policy]);
  }
  return [...byPriority].filter(([, group]) => group.length > 1).map(([priority, group]) => ({ priority, policies: group }));
}

function commonWorkloads(own: readonly Workload[], others: readonly (readonly Workload[])[]): Workload[] {
  const theirs = new Set(others.flat());
  return own.filter((workload) => theirs.has(workload));
}

/** "Both select the pods of namespace shop.", "Both select Deployment "web" in namespace shop.", or that they share none. */
function overlapSentence(common: readonly Workload[], otherCount: number, model: ClusterModel): string {
  if (common.length === 0) return `In these manifests, ${otherCount === 1 ? 'their subjects select' : 'its subject selects'} no workload in common${otherCount === 1 ? '' : ' with theirs'}.`;
  const who = otherCount === 1 ? 'Both select' : 'Its subject and theirs select';
  const namespaces = [...new Set(common.map((workload) => workload.id.namespace))];
  const wholeNamespaces = namespaces.every((namespace) => workloadsIn(model, namespace).every((workload) => common.includes(workload)));
  if (wholeNamespaces) return `${who} the pods of ${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${listNames(namespaces)}.`;
  return `${who} ${listNames(common.map((workload) => `${workloadName(workload)} in namespace ${workload.id.namespace}`))}.`;
}

/** The priority's value, else the `spec` key (priority 0 by default), else the name. */
function priorityRange(policy: KubeObject): SourceRange {
  const priority = policy.get(['spec', 'priority']);
  if (priority !== undefined) return policy.rangeOf(['spec', 'priority'], priority === null ? 'key' : 'value');
  if (policy.get(['spec']) !== undefined) return policy.rangeOf(['spec'], 'key');
  return nameRange(policy);
}
