import type { ClusterModel, NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { analyzeAdminPolicies, type AdminAnalysis } from './admin-analysis';
import type { AdminProblems } from './admin-problems';
import { compilePolicy, DIRECTIONS, type CompiledPolicy, type CompiledRule, type PolicyDirection } from './compiled-policy';
import { matchesLabels } from './label-selector';
import { peersMatchWorkload } from './rule-peers';

export type PoliciesByDirection = Readonly<Record<PolicyDirection, readonly CompiledPolicy[]>>;

/**
 * A cluster model with its policies compiled and the facts every question needs computed once:
 * which policies isolate each workload, and which workloads each rule admits.
 */
export interface ConnectivityAnalysis {
  model: ClusterModel;
  policies: readonly CompiledPolicy[];
  /** For each workload key, the policies that select it, per direction they affect. */
  isolatedBy: ReadonlyMap<string, PoliciesByDirection>;
  /** For each rule, the keys of the workloads its peers match. */
  admitted: ReadonlyMap<CompiledRule, ReadonlySet<string>>;
  /** For each policy, the workloads its podSelector matches (in its namespace). */
  selected: ReadonlyMap<CompiledPolicy, readonly Workload[]>;
  /** The AdminNetworkPolicy and BaselineAdminNetworkPolicy tiers; undefined when the model has none. */
  admin?: AdminAnalysis;
  /** What is wrong with the admin policies: fatal problems mean the connections cannot be trusted. */
  adminProblems: AdminProblems;
}

export function analyzeConnectivity(model: ClusterModel): ConnectivityAnalysis {
  const policies = model.policies.map(compilePolicy);
  const byNamespace = new Map<string, Workload[]>();
  for (const workload of model.workloads) {
    const list = byNamespace.get(workload.id.namespace);
    if (list) list.push(workload);
    else byNamespace.set(workload.id.namespace, [workload]);
  }

  const isolatedBy = new Map<string, { Ingress: CompiledPolicy[]; Egress: CompiledPolicy[] }>(
    model.workloads.map((workload) => [workload.key, { Ingress: [], Egress: [] }]),
  );
  const selected = new Map<CompiledPolicy, Workload[]>();
  const admitted = new Map<CompiledRule, Set<string>>();
  for (const policy of policies) {
    const matches = (byNamespace.get(policy.info.namespace) ?? []).filter((workload) => matchesLabels(policy.podSelector, workload.podLabels));
    selected.set(policy, matches);
    for (const direction of DIRECTIONS) {
      if (!policy.affects[direction]) continue;
      for (const workload of matches) isolatedBy.get(workload.key)![direction].push(policy);
      for (const rule of policy.rules[direction]) {
        admitted.set(
          rule,
          new Set(model.workloads.filter((workload) => peersMatchWorkload(rule.peers, policy.info.namespace, workload, model.namespaces)).map((workload) => workload.key)),
        );
      }
    }
  }
  const { admin, problems } = analyzeAdminPolicies(model);
  return { model, policies, isolatedBy, admitted, selected, ...(admin ? { admin } : {}), adminProblems: problems };
}

/** The policies that isolate a workload, per direction (empty lists: unrestricted in that direction). */
export function policiesIsolating(analysis: ConnectivityAnalysis, workload: Workload): Record<PolicyDirection, NetworkPolicyInfo[]> {
  const isolating = analysis.isolatedBy.get(workload.key);
  return {
    Ingress: (isolating?.Ingress ?? []).map((policy) => policy.info),
    Egress: (isolating?.Egress ?? []).map((policy) => policy.info),
  };
}

/** The compiled form of a policy of the model (matched by identity). */
export function compiledPolicyOf(analysis: ConnectivityAnalysis, policy: NetworkPolicyInfo): CompiledPolicy | undefined {
  return analysis.policies.find((compiled) => compiled.info === policy);
}
