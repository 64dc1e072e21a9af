import { selectsEverything, type ConnectivityAnalysis, type PolicyDirection } from '../../connectivity';
import type { CompiledPolicy } from '../../connectivity';

/**
 * Whether a policy selects every pod of its namespace (an empty or absent podSelector) for a
 * direction: the only kind that also covers workloads added later. Its rules do not matter here.
 */
export function selectsWholeNamespace(policy: CompiledPolicy, direction: PolicyDirection): boolean {
  return policy.affects[direction] && selectsEverything(policy.podSelector);
}

/** The policies of a namespace that isolate all its pods for a direction. */
export function namespaceWidePolicies(analysis: ConnectivityAnalysis, namespace: string, direction: PolicyDirection): CompiledPolicy[] {
  return analysis.policies.filter((policy) => policy.info.namespace === namespace && selectsWholeNamespace(policy, direction));
}
