import type { ClusterModel, NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { analyzeAdminPolicies, type AdminAnalysis } from './admin-analysis';
import type { AdminProblems } from './admin-problems';
import { compilePolicy, DIRECTIONS, type CompiledPolicy, type CompiledRule, type PolicyDirection } from './compiled-policy';
import { matchesLabels } from './label-selector';
import type { CompiledPeers } from './rule-peers';
import { indexWorkloads, inModelOrder, matchingWorkloadsIn, type WorkloadIndex } from './workload-index';

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
  // Selectors are matched per namespace and per distinct label set, never against every workload:
  // the cost grows with what the rules select (docs/connectivity.md, "Cost").
  const index = indexWorkloads(model);
  const isolatedBy = new Map<string, { Ingress: CompiledPolicy[]; Egress: CompiledPolicy[] }>(
    model.workloads.map((workload) => [workload.key, { Ingress: [], Egress: [] }]),
  );
  const selected = new Map<CompiledPolicy, Workload[]>();
  const admitted = new Map<CompiledRule, ReadonlySet<string>>();
  for (const policy of policies) {
    const group = index.byNamespace.get(policy.info.namespace);
    const matches = group ? matchingWorkloadsIn(index, group, policy.podSelector) : [];
    selected.set(policy, matches);
    for (const direction of DIRECTIONS) {
      if (!policy.affects[direction]) continue;
      for (const workload of matches) isolatedBy.get(workload.key)![direction].push(policy);
      for (const rule of policy.rules[direction]) admitted.set(rule, admittedKeys(index, rule.peers, policy.info.namespace));
    }
  }
  const { admin, problems } = analyzeAdminPolicies(model, index);
  return { model, policies, isolatedBy, admitted, selected, ...(admin ? { admin } : {}), adminProblems: problems };
}

/** The keys of the workloads a rule's peers match, in model order (rule-peers.ts `peersMatchWorkload`). */
function admittedKeys(index: WorkloadIndex, peers: CompiledPeers, policyNamespace: string): ReadonlySet<string> {
  if (peers === 'everything') return index.allKeys;
  const matched = new Set<Workload>();
  for (const peer of peers) {
    if (peer.kind !== 'selectors') continue;
    const { namespaceSelector, podSelector } = peer;
    const groups = namespaceSelector ? index.namespaces.filter((group) => matchesLabels(namespaceSelector, group.labels)) : [index.byNamespace.get(policyNamespace)].filter((group) => group !== undefined);
    for (const group of groups) for (const workload of matchingWorkloadsIn(index, group, podSelector)) matched.add(workload);
  }
  if (matched.size === index.allKeys.size) return index.allKeys;
  return new Set(inModelOrder(index, [...matched]).map((workload) => workload.key));
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
