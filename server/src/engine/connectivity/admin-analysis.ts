import type { ClusterModel, Workload } from '../model/cluster-types';
import { compileAdminPolicy, type AdminPeer, type CompiledAdminPolicy, type CompiledAdminRule } from './admin-policy';
import { matchesLabels, type LabelSelector } from './label-selector';
import { adminProblems, type AdminProblems } from './admin-problems';
import { DIRECTIONS, type PolicyDirection } from './compiled-policy';
import { TierCache } from './tiered-verdict';
import { indexWorkloads, inModelOrder, matchingWorkloadsIn, type WorkloadIndex } from './workload-index';

type RulesByDirection = Readonly<Record<PolicyDirection, readonly CompiledAdminRule[]>>;

/**
 * The admin tiers of a model, compiled once: for each workload the AdminNetworkPolicy rules that
 * apply to it as a subject, in evaluation order (ascending priority, then written order), and the
 * BaselineAdminNetworkPolicy rules; for each rule the workloads its peers match.
 */
export interface AdminAnalysis {
  /** Admin-tier policies by ascending priority (input order among equals), then the baseline ones. */
  policies: readonly CompiledAdminPolicy[];
  adminRules: ReadonlyMap<string, RulesByDirection>;
  baselineRules: ReadonlyMap<string, RulesByDirection>;
  /** For each rule, the keys of the workloads its `namespaces`/`pods` peers match. */
  admitted: ReadonlyMap<CompiledAdminRule, ReadonlySet<string>>;
  /** For each policy, the workloads its subject selects. */
  selected: ReadonlyMap<CompiledAdminPolicy, readonly Workload[]>;
  /** Tier outcomes already computed, shared by the pairs that match the same rules. */
  cache: TierCache;
}

const NO_RULES: RulesByDirection = { Ingress: [], Egress: [] };

/** Undefined when the model has no admin policy: the NetworkPolicy-only path stays as it was. */
export function analyzeAdminPolicies(model: ClusterModel, index: WorkloadIndex = indexWorkloads(model)): { admin?: AdminAnalysis; problems: AdminProblems } {
  if (model.adminPolicies.length === 0 && model.baselinePolicies.length === 0) return { problems: adminProblems(model, []) };
  // At one priority an AdminNetworkPolicy comes before a ClusterNetworkPolicy (docs/cluster-network-policy.md);
  // among equals of one kind, input order.
  const admins = model.adminPolicies.map(compileAdminPolicy).sort((a, b) => a.info.priority - b.info.priority || Number(a.info.clusterTier !== undefined) - Number(b.info.clusterTier !== undefined));
  // Of several BaselineAdminNetworkPolicies (an error) the first is evaluated, so the analysis still has an
  // answer; it comes before the Baseline-tier ClusterNetworkPolicies, which follow by priority.
  const baseline = [
    ...model.baselinePolicies.filter((policy) => policy.clusterTier === undefined).slice(0, 1),
    ...model.baselinePolicies.filter((policy) => policy.clusterTier !== undefined).sort((a, b) => a.priority - b.priority),
  ].map(compileAdminPolicy);
  const policies = [...admins, ...baseline];

  const selected = new Map<CompiledAdminPolicy, Workload[]>();
  const admitted = new Map<CompiledAdminRule, ReadonlySet<string>>();
  // Rules that admit the same workloads (every one, whole namespaces, none) share one set.
  const sets = new Map<string, ReadonlySet<string>>([[String(model.workloads.length), index.allKeys]]);
  for (const policy of policies) {
    selected.set(policy, matchingWorkloads([policy.subject], index).workloads());
    for (const direction of DIRECTIONS) {
      for (const rule of policy.rules[direction]) {
        const { workloads, count, signature } = matchingWorkloads(rule.peers, index);
        const key = count === model.workloads.length ? String(count) : signature;
        let set = sets.get(key);
        if (!set) sets.set(key, (set = new Set(workloads().map((workload) => workload.key))));
        admitted.set(rule, set);
      }
    }
  }
  const rulesOf = (tier: readonly CompiledAdminPolicy[]) => {
    const applying = new Map<string, CompiledAdminPolicy[]>();
    for (const policy of tier) {
      for (const workload of selected.get(policy)!) {
        const list = applying.get(workload.key);
        if (list) list.push(policy);
        else applying.set(workload.key, [policy]);
      }
    }
    const byWorkload = new Map<string, RulesByDirection>();
    // Workloads the same policies select share one list, so evaluations can be shared by list (`cache`).
    const shared = new Map<string, RulesByDirection>();
    const position = new Map(tier.map((policy, at) => [policy, at]));
    for (const [workload, policies] of applying) {
      const key = policies.map((policy) => position.get(policy)).join(',');
      let rules = shared.get(key);
      if (!rules) {
        rules = { Ingress: policies.flatMap((policy) => policy.rules.Ingress), Egress: policies.flatMap((policy) => policy.rules.Egress) };
        shared.set(key, rules);
      }
      if (rules.Ingress.length > 0 || rules.Egress.length > 0) byWorkload.set(workload, rules);
    }
    return byWorkload;
  };
  const admin: AdminAnalysis = { policies, adminRules: rulesOf(admins), baselineRules: rulesOf(baseline), admitted, selected, cache: new TierCache(admitted, portNamesOf(policies), new Map(model.workloads.map((workload, at) => [workload.key, at]))) };
  return { admin, problems: adminProblems(model, policies, admin) };
}

/** The admin rules of one tier that apply to `workload` in `direction`, in evaluation order. */
export function adminRulesFor(rules: ReadonlyMap<string, RulesByDirection>, workload: Workload, direction: PolicyDirection): readonly CompiledAdminRule[] {
  return (rules.get(workload.key) ?? NO_RULES)[direction];
}

function portNamesOf(policies: readonly CompiledAdminPolicy[]): string[] {
  const names = new Set<string>();
  for (const policy of policies) {
    for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
      if (rule.ports !== 'all') for (const entry of rule.ports.named) names.add(entry.name);
    }
  }
  return [...names];
}

/**
 * The workloads any of `selections` matches, namespace by namespace (in the order namespaces first
 * appear), in model order within one. Namespace selectors are matched once per namespace; pod
 * selectors only in the namespaces whose selector matched, once per label class.
 */
function matchingWorkloads(selections: readonly AdminPeer[], index: WorkloadIndex): { workloads: () => Workload[]; count: number; signature: string } {
  const usable = selections.filter((selection) => selection.kind === 'namespaces' || selection.kind === 'pods');
  const parts: (readonly Workload[])[] = [];
  let count = 0;
  // Names the match: whole namespaces by their place, others by their workloads' positions.
  let signature = '';
  for (let at = 0; usable.length > 0 && at < index.namespaces.length; at++) {
    const group = index.namespaces[at];
    let whole = false;
    let pods: LabelSelector[] | undefined;
    for (const selection of usable) {
      if (!matchesLabels(selection.namespaces, group.labels)) continue;
      if (selection.kind === 'namespaces') {
        whole = true;
        break;
      }
      (pods ??= []).push(selection.pods);
    }
    const workloads = whole ? group.workloads : !pods ? [] : pods.length === 1 ? matchingWorkloadsIn(index, group, pods[0]) : inModelOrder(index, [...new Set(pods.flatMap((selector) => matchingWorkloadsIn(index, group, selector)))]);
    if (workloads.length === 0) continue;
    parts.push(workloads);
    count += workloads.length;
    signature += workloads.length === group.workloads.length ? `n${at};` : `p${workloads.map((workload) => index.position.get(workload)).join(',')};`;
  }
  // Most rules share their set with an earlier one: the list is only built when asked.
  return { workloads: () => parts.flat(), count, signature };
}
