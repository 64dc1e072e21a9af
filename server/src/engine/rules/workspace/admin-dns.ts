import { adminRulesFor } from '../../connectivity/admin-analysis';
import { selectionMatches, type CompiledAdminRule } from '../../connectivity/admin-policy';
import { egressToward, type AssumedEndpoint } from '../../connectivity/assumed-endpoint';
import { tieredVerdict, type AdminRuleDecision, type TieredInput } from '../../connectivity/tiered-verdict';
import { portSetContains, resolveRulePorts, type CompiledPolicy, type ConnectivityAnalysis } from '../../connectivity';
import { NO_PORTS, unionPorts, type PortSet } from '../../connectivity/port-set';
import { peerAddresses } from '../../connectivity/rule-peers';
import type { Workload } from '../../model';
import { ipv4SetContains } from '../../net/ipv4-set';
import type { DnsProtocol } from './dns-access';

// A pod's DNS queries through the tiers (admin-policy-semantics.md §6): the admin tier (AdminNetworkPolicies
// and Admin-tier ClusterNetworkPolicies) decides first, and its Allow or Deny is final; what it passes
// or does not match goes to the NetworkPolicies that isolate the pod's egress, or, when none does, to
// the baseline tier, whose Deny is final too; what is left is allowed.

/** Where a pod's queries may go: a DNS pod on one of its ports (after the Service's translation), or a resolver address. */
export type DnsTarget = { kind: 'pod'; endpoint: AssumedEndpoint; port: number } | { kind: 'address'; address: number; port: number };

/** How the tiers decide a pod's queries on one protocol. */
export interface DnsTierOutcome {
  /** Some target gets the queries. */
  reachable: boolean;
  /** The admin or baseline Deny rules that decide some target, in evaluation order. */
  denies: readonly CompiledAdminRule[];
  /** Whether the NetworkPolicies decide some target (the admin tier passes it or matches it not). */
  networkPoliciesDecide: boolean;
}

/**
 * The tiers' outcome for `source`'s queries on `protocol` to `targets`, where `policies` are the
 * NetworkPolicies isolating its egress (none: the baseline is consulted). Undefined when no admin or
 * baseline policy has egress rules for it: the NetworkPolicies alone decide. `targetsKey` names the
 * targets: the outcome is computed once per key, admin and baseline lists and isolating policies
 * (it depends on nothing else of the source: named ports resolve on the DNS pods).
 */
export function dnsThroughTiers(
  analysis: ConnectivityAnalysis,
  source: Workload,
  policies: readonly CompiledPolicy[],
  targets: readonly DnsTarget[],
  protocol: DnsProtocol,
  targetsKey: string,
): DnsTierOutcome | undefined {
  const admin = analysis.admin;
  if (!admin) return undefined;
  const adminRules = adminRulesFor(admin.adminRules, source, 'Egress');
  const baselineRules = policies.length > 0 ? NO_RULES : adminRulesFor(admin.baselineRules, source, 'Egress');
  if (adminRules.length === 0 && baselineRules.length === 0) return undefined;
  const cache = cacheOf(analysis);
  const key = `${protocol}|${targetsKey}|${cache.listId(adminRules)}|${cache.listId(baselineRules)}|${policies.map((policy) => cache.policyId(policy)).join(',')}`;
  let outcome = cache.outcomes.get(key);
  if (!outcome) cache.outcomes.set(key, (outcome = evaluate(analysis, adminRules, baselineRules, policies, targets, protocol)));
  return outcome;
}

// One empty list, so that every isolated source shares its baseline part of the key.
const NO_RULES: readonly CompiledAdminRule[] = [];

interface OutcomeCache {
  outcomes: Map<string, DnsTierOutcome>;
  listId: (list: readonly CompiledAdminRule[]) => number;
  policyId: (policy: CompiledPolicy) => number;
}

const caches = new WeakMap<ConnectivityAnalysis, OutcomeCache>();

function cacheOf(analysis: ConnectivityAnalysis): OutcomeCache {
  let cache = caches.get(analysis);
  if (!cache) {
    // Workloads the same policies select share one rule list (admin-analysis), so lists are known by identity.
    const lists = new Map<readonly CompiledAdminRule[], number>();
    const policies = new Map(analysis.policies.map((policy, index) => [policy, index]));
    const listId = (list: readonly CompiledAdminRule[]) => {
      let id = lists.get(list);
      if (id === undefined) lists.set(list, (id = lists.size));
      return id;
    };
    cache = { outcomes: new Map(), listId, policyId: (policy) => policies.get(policy) ?? -1 };
    caches.set(analysis, cache);
  }
  return cache;
}

function evaluate(
  analysis: ConnectivityAnalysis,
  adminRules: readonly CompiledAdminRule[],
  baselineRules: readonly CompiledAdminRule[],
  policies: readonly CompiledPolicy[],
  targets: readonly DnsTarget[],
  protocol: DnsProtocol,
): DnsTierOutcome {
  const admin = analysis.admin!;
  const ruleOf = (decision: AdminRuleDecision) => admin.policies.find((policy) => policy.info === decision.policy)?.rules.Egress[decision.ruleIndex];
  const denies = new Set<CompiledAdminRule>();
  let reachable = false;
  let networkPoliciesDecide = false;
  for (const target of targets) {
    const outcome = tieredVerdict({ direction: 'Egress', adminRules, baselineRules, ...towardTarget(policies, target) });
    if (portSetContains(outcome.allowed, protocol, target.port)) {
      reachable = true;
      continue;
    }
    const deciding = outcome.decisions.filter((decision) => portSetContains(decision.ports, protocol, target.port));
    const adminDecision = deciding.find((decision) => decision.tier === 'AdminNetworkPolicy');
    const baselineDecision = deciding.find((decision) => decision.tier === 'BaselineAdminNetworkPolicy');
    const deny = adminDecision?.action === 'Deny' ? adminDecision : policies.length === 0 && baselineDecision?.action === 'Deny' ? baselineDecision : undefined;
    const rule = deny && ruleOf(deny);
    if (rule) denies.add(rule);
    else if (policies.length > 0) networkPoliciesDecide = true;
  }
  return { reachable, denies: [...denies], networkPoliciesDecide };
}

/** How the tiers see one target: which admin rules match it, where named ports resolve, what NetworkPolicies allow toward it. */
function towardTarget(policies: readonly CompiledPolicy[], target: DnsTarget): Pick<TieredInput, 'matches' | 'destination' | 'networkPolicies'> {
  const isolated = policies.length > 0;
  if (target.kind === 'address') {
    return {
      matches: (rule) => ipv4SetContains(rule.addresses, target.address),
      destination: 'external',
      ...(isolated ? { networkPolicies: egressTowardAddress(policies, target.address) } : {}),
    };
  }
  const { endpoint } = target;
  const namespaces = new Map([[endpoint.namespace.name, endpoint.namespace]]);
  return {
    matches: (rule) => rule.peers.some((peer) => selectionMatches(peer, endpoint.workload, namespaces)),
    destination: endpoint.workload,
    ...(isolated ? { networkPolicies: egressToward(policies, endpoint) } : {}),
  };
}

/** What the egress rules of `policies` allow toward an external address (named ports allow nothing there). */
export function egressTowardAddress(policies: readonly CompiledPolicy[], address: number): PortSet {
  let allowed = NO_PORTS;
  for (const policy of policies) {
    for (const rule of policy.rules.Egress) {
      if (ipv4SetContains(peerAddresses(rule.peers), address)) allowed = unionPorts(allowed, resolveRulePorts(rule.ports, 'external'));
    }
  }
  return allowed;
}
