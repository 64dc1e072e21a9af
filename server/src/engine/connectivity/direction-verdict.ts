import type { NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { ALL_IPV4, ipv4SetContains, type Ipv4Set } from '../net/ipv4-set';
import { mergeAdjacentBlocks, partitionAddresses, type AddressBlock } from './address-partition';
import { adminRulesFor } from './admin-analysis';
import type { CompiledAdminRule } from './admin-policy';
import type { ConnectivityAnalysis } from './analysis';
import { tieredVerdict, type AdminRuleDecision } from './tiered-verdict';
import type { CompiledPolicy, PolicyDirection } from './compiled-policy';
import { ALL_PORTS, isEmptyPorts, NO_PORTS, samePorts, unionPorts, type PortSet } from './port-set';
import { peerAddresses } from './rule-peers';
import { resolveRulePorts, type CompiledPorts } from './rule-ports';

/** A rule that admits the other endpoint, and the ports it opens toward the destination. */
export interface RuleContribution {
  policy: NetworkPolicyInfo;
  direction: PolicyDirection;
  /** Index in the policy's `spec.ingress` or `spec.egress`. */
  ruleIndex: number;
  ports: PortSet;
}

/** What one side (the egress of the source, or the ingress of the destination) allows, and why. */
export interface DirectionVerdict {
  direction: PolicyDirection;
  /** False when no policy selects the workload for this direction: then everything is allowed. */
  isolated: boolean;
  /** The policies that select the workload for this direction. */
  policies: NetworkPolicyInfo[];
  allowed: PortSet;
  /**
   * The NetworkPolicy rules that admit the other endpoint with at least one port. Without admin
   * policies their union is `allowed`; with them, ports an admin rule decided are not theirs to give.
   */
  rules: RuleContribution[];
  /**
   * The AdminNetworkPolicy and BaselineAdminNetworkPolicy rules that decided some ports, in
   * evaluation order; absent when no admin policy applies. `allowed` is then their outcome
   * combined with the NetworkPolicies' (or, when none isolates, the baseline's and the default's).
   */
  adminRules?: AdminRuleDecision[];
}

/**
 * What `selected`'s `direction` allows with another workload: its ingress from `peer`, or its egress
 * toward `peer`. Named ports resolve on the destination: `selected` for ingress, `peer` for egress.
 */
export function verdictWithWorkload(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection, peer: Workload): DirectionVerdict {
  const verdict = networkPolicyVerdict(analysis, selected, direction, peer);
  const { admin } = analysis;
  if (!admin) return verdict;
  const adminRules = adminRulesFor(admin.adminRules, selected, direction);
  const baselineRules = verdict.isolated ? NO_ADMIN_RULES : adminRulesFor(admin.baselineRules, selected, direction);
  if (adminRules.length === 0 && baselineRules.length === 0) return verdict;
  const outcome = tieredVerdict({
    direction,
    adminRules,
    baselineRules,
    matches: (rule) => admin.admitted.get(rule)?.has(peer.key) ?? false,
    destination: direction === 'Ingress' ? selected : peer,
    ...(verdict.isolated ? { networkPolicies: verdict.allowed } : {}),
  });
  return { ...verdict, allowed: outcome.allowed, adminRules: outcome.decisions };
}

/**
 * `verdictWithWorkload(...).allowed` without the reasons, for the map, which asks it of every pair:
 * with admin policies the reasons would cost more than the answer.
 */
export function allowedWithWorkload(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection, peer: Workload): PortSet {
  return allowedOnSide(analysis, allowedSideOf(analysis, selected, direction), peer);
}

/** What `allowedWithWorkload` needs of the selected workload and direction, gathered once for many peers. */
export interface AllowedSide {
  selected: Workload;
  direction: PolicyDirection;
  /** The rules of the isolating NetworkPolicies; undefined when none isolates. */
  rules?: readonly SideRule[];
  /** When every rule has fixed ports (and there are few): their union by the mask of the admitting rules. */
  unions?: Map<number, PortSet>;
  adminRules: readonly CompiledAdminRule[];
  baselineRules: readonly CompiledAdminRule[];
}

interface SideRule {
  admitted: ReadonlySet<string>;
  ports: CompiledPorts;
  /** The ports when they name no port (the same toward every destination). */
  fixed?: PortSet;
}

export function allowedSideOf(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection): AllowedSide {
  const policies = isolatingPolicies(analysis, selected, direction);
  const rules: SideRule[] | undefined = policies.length > 0 ? [] : undefined;
  for (const policy of policies) {
    for (const rule of policy.rules[direction]) {
      const admitted = analysis.admitted.get(rule);
      if (!admitted || admitted.size === 0) continue;
      const named = rule.ports !== 'all' && rule.ports.some((entry) => entry.kind === 'named');
      rules!.push({ admitted, ports: rule.ports, ...(named ? {} : { fixed: resolveRulePorts(rule.ports, 'external') }) });
    }
  }
  const { admin } = analysis;
  const adminRules = admin ? adminRulesFor(admin.adminRules, selected, direction) : NO_ADMIN_RULES;
  const baselineRules = admin && !rules ? adminRulesFor(admin.baselineRules, selected, direction) : NO_ADMIN_RULES;
  const fixedOnly = rules !== undefined && rules.length <= 30 && rules.every((rule) => rule.fixed !== undefined);
  return { selected, direction, ...(rules ? { rules } : {}), ...(fixedOnly ? { unions: new Map<number, PortSet>() } : {}), adminRules, baselineRules };
}

export function allowedOnSide(analysis: ConnectivityAnalysis, side: AllowedSide, peer: Workload): PortSet {
  const destination = side.direction === 'Ingress' ? side.selected : peer;
  let networkPolicies: PortSet | undefined;
  // Whether `networkPolicies` is the same object for every peer the same rules admit.
  let shared = true;
  if (side.rules) {
    networkPolicies = NO_PORTS;
    const { unions } = side;
    if (unions) {
      // Fixed ports only: the union depends on which rules admit the peer, remembered by that mask.
      let mask = 0;
      for (let index = 0; index < side.rules.length; index++) if (side.rules[index].admitted.has(peer.key)) mask |= 1 << index;
      let union = unions.get(mask);
      if (!union) {
        union = NO_PORTS;
        for (let index = 0; index < side.rules.length; index++) if (mask & (1 << index)) union = unionPorts(union, side.rules[index].fixed!);
        unions.set(mask, union);
      }
      networkPolicies = union;
    } else {
      for (const rule of side.rules) {
        if (!rule.admitted.has(peer.key)) continue;
        if (networkPolicies !== NO_PORTS || rule.fixed === undefined) shared = false;
        networkPolicies = unionPorts(networkPolicies, rule.fixed ?? resolveRulePorts(rule.ports, destination));
      }
    }
  }
  const { adminRules, baselineRules } = side;
  if (adminRules.length === 0 && baselineRules.length === 0) return networkPolicies ?? ALL_PORTS;
  return analysis.admin!.cache.allowed(adminRules, baselineRules, side.direction, peer, destination, networkPolicies, shared);
}

function networkPolicyVerdict(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection, peer: Workload): DirectionVerdict {
  const policies = isolatingPolicies(analysis, selected, direction);
  if (policies.length === 0) return unrestricted(direction);
  const destination = direction === 'Ingress' ? selected : peer;
  const rules: RuleContribution[] = [];
  for (const policy of policies) {
    for (const rule of policy.rules[direction]) {
      if (!analysis.admitted.get(rule)?.has(peer.key)) continue;
      const ports = resolveRulePorts(rule.ports, destination);
      if (!isEmptyPorts(ports)) rules.push({ policy: policy.info, direction, ruleIndex: rule.index, ports });
    }
  }
  return isolatedVerdict(direction, policies, rules);
}

/**
 * What `selected`'s `direction` allows with external addresses, as consecutive address ranges
 * covering all of IPv4 (neighbours with the same verdict joined). Toward external addresses a
 * named port allows nothing; from them, it resolves on `selected`.
 */
export function verdictsWithExternal(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection, withoutReasons = false): AddressBlock<DirectionVerdict>[] {
  // Admin ingress peers never match addresses: only egress toward them goes through the tiers.
  const { admin } = analysis;
  if (admin && direction === 'Egress') {
    const adminRules = adminRulesFor(admin.adminRules, selected, direction);
    const baselineRules = isolatingPolicies(analysis, selected, direction).length > 0 ? NO_ADMIN_RULES : adminRulesFor(admin.baselineRules, selected, direction);
    if (adminRules.length > 0 || baselineRules.length > 0) {
      // Toward addresses nothing depends on the workload itself (named ports allow nothing there):
      // workloads with the same admin lists and isolating NetworkPolicies share one answer.
      const policies = isolatingPolicies(analysis, selected, direction);
      const key = `${withoutReasons}|${policies.map((policy) => analysis.policies.indexOf(policy)).join(',')}`;
      return admin.cache.external(adminRules, baselineRules, key, () => tieredVerdictsWithExternal(analysis, selected, adminRules, baselineRules, withoutReasons));
    }
  }
  return networkPolicyVerdictsWithExternal(analysis, selected, direction);
}

// One empty list, so evaluations cached by list (TierCache) are shared.
const NO_ADMIN_RULES: readonly CompiledAdminRule[] = [];

type ExternalPiece = { kind: 'networkPolicy'; rule: RuleContribution } | { kind: 'admin'; rule: CompiledAdminRule };

/** Egress toward addresses through the tiers: every `networks` CIDR is also a block boundary. */
function tieredVerdictsWithExternal(
  analysis: ConnectivityAnalysis,
  selected: Workload,
  adminRules: readonly CompiledAdminRule[],
  baselineRules: readonly CompiledAdminRule[],
  withoutReasons: boolean,
): AddressBlock<DirectionVerdict>[] {
  const direction: PolicyDirection = 'Egress';
  const policies = isolatingPolicies(analysis, selected, direction);
  const pieces: { addresses: Ipv4Set; item: ExternalPiece }[] = [];
  for (const policy of policies) {
    for (const rule of policy.rules[direction]) {
      const ports = resolveRulePorts(rule.ports, 'external');
      if (!isEmptyPorts(ports)) pieces.push({ addresses: peerAddresses(rule.peers), item: { kind: 'networkPolicy', rule: { policy: policy.info, direction, ruleIndex: rule.index, ports } } });
    }
  }
  for (const rule of [...adminRules, ...baselineRules]) {
    if (rule.addresses.length > 0) pieces.push({ addresses: rule.addresses, item: { kind: 'admin', rule } });
  }
  // Only rules with networks can match an address: the others are left out of each block's walk.
  const adminTowardAddresses = adminRules.filter((rule) => rule.addresses.length > 0);
  const baselineTowardAddresses = baselineRules.filter((rule) => rule.addresses.length > 0);
  const verdicts = partitionAddresses(pieces).map(({ range, value }) => {
    const contributions = value.flatMap((piece) => (piece.kind === 'networkPolicy' ? [piece.rule] : []));
    const verdict = policies.length > 0 ? isolatedVerdict(direction, policies, contributions) : unrestricted(direction);
    const outcome = tieredVerdict({
      direction,
      adminRules: adminTowardAddresses,
      baselineRules: baselineTowardAddresses,
      matches: (rule) => ipv4SetContains(rule.addresses, range.first),
      destination: 'external',
      ...(verdict.isolated ? { networkPolicies: verdict.allowed } : {}),
      withoutReasons,
    });
    return { range, value: { ...verdict, allowed: outcome.allowed, adminRules: outcome.decisions } };
  });
  return mergeAdjacentBlocks(verdicts, sameVerdict);
}

function networkPolicyVerdictsWithExternal(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection): AddressBlock<DirectionVerdict>[] {
  const policies = isolatingPolicies(analysis, selected, direction);
  if (policies.length === 0) return [{ range: ALL_IPV4[0], value: unrestricted(direction) }];
  const destination = direction === 'Ingress' ? selected : 'external';
  const pieces = policies.flatMap((policy) =>
    policy.rules[direction].map((rule) => ({
      addresses: peerAddresses(rule.peers),
      item: { policy: policy.info, direction, ruleIndex: rule.index, ports: resolveRulePorts(rule.ports, destination) },
    })),
  );
  const blocks = partitionAddresses(pieces.filter((piece) => !isEmptyPorts(piece.item.ports)));
  const verdicts = blocks.map(({ range, value }) => ({ range, value: isolatedVerdict(direction, policies, value) }));
  return mergeAdjacentBlocks(verdicts, sameVerdict);
}

function isolatingPolicies(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): readonly CompiledPolicy[] {
  return analysis.isolatedBy.get(workload.key)?.[direction] ?? [];
}

function unrestricted(direction: PolicyDirection): DirectionVerdict {
  return { direction, isolated: false, policies: [], allowed: ALL_PORTS, rules: [] };
}

function isolatedVerdict(direction: PolicyDirection, policies: readonly CompiledPolicy[], rules: RuleContribution[]): DirectionVerdict {
  const allowed = rules.reduce((set, rule) => unionPorts(set, rule.ports), NO_PORTS);
  return { direction, isolated: true, policies: policies.map((policy) => policy.info), allowed, rules };
}

function sameVerdict(a: DirectionVerdict, b: DirectionVerdict): boolean {
  return (
    samePorts(a.allowed, b.allowed) &&
    sameDecisions(a.adminRules ?? [], b.adminRules ?? []) &&
    a.rules.length === b.rules.length &&
    a.rules.every((rule, index) => rule.policy === b.rules[index].policy && rule.ruleIndex === b.rules[index].ruleIndex && samePorts(rule.ports, b.rules[index].ports))
  );
}

function sameDecisions(a: readonly AdminRuleDecision[], b: readonly AdminRuleDecision[]): boolean {
  return a.length === b.length && a.every((decision, index) => decision.policy === b[index].policy && decision.ruleIndex === b[index].ruleIndex && decision.direction === b[index].direction && samePorts(decision.ports, b[index].ports));
}
