import { unevaluatedPolicies, type AdminProblem, type AdminProblems, type ClusterModel, type KubeObject, type ObjectPath, type UnevaluatedPolicy } from '../engine';
import { usesHostNetwork } from '../engine/rules/workspace/workspace-objects';

/**
 * What the connections printed do not account for, as `FILE:LINE:COL: note: ...` lines: policies of
 * kinds the analysis does not evaluate, and host-network workloads, which NetworkPolicies do not
 * isolate on most network plugins (Kubernetes leaves it undefined) although the analysis applies
 * them as to any pod (../shared/notes/connectivity-semantics.md).
 */
export function connectivityNotes(model: ClusterModel): string[] {
  const policies = unevaluatedPolicies(model.objects).map((policy) => `${at(policy.object, ['kind'])}: note: ${policy.object.kind} "${policy.object.name ?? '<unnamed>'}" (${productOf(policy)}) is not evaluated: the connections listed ignore it.`);
  const hostNetwork = model.workloads.filter(usesHostNetwork).map((workload) => {
    const member = workload.members[0];
    return `${at(member.object, [...member.template, 'spec', 'hostNetwork'])}: note: ${workload.key} uses the host network: NetworkPolicies do not isolate it on most network plugins, although the connections listed apply them to it as to any pod.`;
  });
  return [...policies, ...hostNetwork];
}

/**
 * The problems of AdminNetworkPolicies and the BaselineAdminNetworkPolicy as `FILE:LINE:COL: error: ...`
 * and `FILE:LINE:COL: warning: ...` lines, at the field at fault (admin-policy-semantics.md §2).
 */
export function adminProblemLines(problems: AdminProblems): { errors: string[]; warnings: string[] } {
  const line = (severity: string) => (problem: AdminProblem) => `${at(problem.object, problem.path)}: ${severity}: ${problem.message}`;
  return { errors: problems.fatal.map(line('error')), warnings: problems.warnings.map(line('warning')) };
}

// Other versions of the Kubernetes NetworkPolicy are named by their apiVersion, which is what differs.
function productOf({ object, product }: UnevaluatedPolicy): string {
  return product === 'Kubernetes' && object.apiVersion ? object.apiVersion : product;
}

function at(object: KubeObject, path: ObjectPath): string {
  const { start } = object.rangeOf(path, 'key');
  return `${object.document.uri}:${start.line + 1}:${start.character + 1}`;
}
