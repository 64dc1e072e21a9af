import type { ClusterModel, Workload } from '../model/cluster-types';
import { compileAdminPolicy, selectionMatches, type CompiledAdminPolicy, type CompiledAdminRule } from './admin-policy';
import { adminProblems, type AdminProblems } from './admin-problems';
import { DIRECTIONS, type PolicyDirection } from './compiled-policy';

type RulesByDirection = Readonly<Record<PolicyDirection, readonly CompiledAdminRule[]>>;

/**
 * The admin tiers of a model, compiled once: for each workload the AdminNetworkPolicy rules that
 * apply to it as a subject, in evaluation order (ascending priority, then written order), and the
 * BaselineAdminNetworkPolicy rules; for each rule the workloads its peers match.
 */
export interface AdminAnalysis {
  /** AdminNetworkPolicies by ascending priority (input order among equals), then the baseline. */
  policies: readonly CompiledAdminPolicy[];
  adminRules: ReadonlyMap<string, RulesByDirection>;
  baselineRules: ReadonlyMap<string, RulesByDirection>;
  /** For each rule, the keys of the workloads its `namespaces`/`pods` peers match. */
  admitted: ReadonlyMap<CompiledAdminRule, ReadonlySet<string>>;
  /** For each policy, the workloads its subject selects. */
  selected: ReadonlyMap<CompiledAdminPolicy, readonly Workload[]>;
}

const NO_RULES: RulesByDirection = { Ingress: [], Egress: [] };

/** Undefined when the model has no admin policy: the NetworkPolicy-only path stays as it was. */
export function analyzeAdminPolicies(model: ClusterModel): { admin?: AdminAnalysis; problems: AdminProblems } {
  if (model.adminPolicies.length === 0 && model.baselinePolicies.length === 0) return { problems: adminProblems(model, []) };
  const admins = model.adminPolicies.map(compileAdminPolicy).sort((a, b) => a.info.priority - b.info.priority);
  // Of several baselines (an error) the first is evaluated, so the analysis still has an answer.
  const baseline = model.baselinePolicies.slice(0, 1).map(compileAdminPolicy);
  const policies = [...admins, ...baseline];

  const selected = new Map<CompiledAdminPolicy, Workload[]>();
  const admitted = new Map<CompiledAdminRule, Set<string>>();
  for (const policy of policies) {
    selected.set(policy, model.workloads.filter((workload) => selectionMatches(policy.subject, workload, model.namespaces)));
    for (const direction of DIRECTIONS) {
      for (const rule of policy.rules[direction]) {
        const keys = model.workloads.filter((workload) => rule.peers.some((peer) => selectionMatches(peer, workload, model.namespaces))).map((workload) => workload.key);
        admitted.set(rule, new Set(keys));
      }
    }
  }
  const selectedKeys = new Map([...selected].map(([policy, workloads]) => [policy, new Set(workloads.map((workload) => workload.key))]));
  const rulesOf = (tier: readonly CompiledAdminPolicy[]) => {
    const byWorkload = new Map<string, RulesByDirection>();
    for (const workload of model.workloads) {
      const applying = tier.filter((policy) => selectedKeys.get(policy)!.has(workload.key));
      if (applying.length === 0) continue;
      const rules = { Ingress: applying.flatMap((policy) => policy.rules.Ingress), Egress: applying.flatMap((policy) => policy.rules.Egress) };
      if (rules.Ingress.length > 0 || rules.Egress.length > 0) byWorkload.set(workload.key, rules);
    }
    return byWorkload;
  };
  const admin: AdminAnalysis = { policies, adminRules: rulesOf(admins), baselineRules: rulesOf(baseline), admitted, selected };
  return { admin, problems: adminProblems(model, policies, admin) };
}

/** The admin rules of one tier that apply to `workload` in `direction`, in evaluation order. */
export function adminRulesFor(rules: ReadonlyMap<string, RulesByDirection>, workload: Workload, direction: PolicyDirection): readonly CompiledAdminRule[] {
  return (rules.get(workload.key) ?? NO_RULES)[direction];
}
