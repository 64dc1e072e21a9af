import type { AdminPolicyInfo, Workload } from '../model/cluster-types';
import type { AdminAction, AdminPorts, AdminTier, CompiledAdminRule } from './admin-policy';
import type { PolicyDirection } from './compiled-policy';
import { ALL_PORTS, intersectPorts, isEmptyPorts, isProtocol, NO_PORTS, portsOf, subtractPorts, unionPorts, type PortSet } from './port-set';

/** An admin rule that decided some (protocol, port) pairs of one direction, and which. */
export interface AdminRuleDecision {
  tier: AdminTier;
  policy: AdminPolicyInfo;
  direction: PolicyDirection;
  /** Index in the policy's `spec.ingress` or `spec.egress`. */
  ruleIndex: number;
  ruleName?: string;
  action: AdminAction;
  /** The pairs this rule decided (no earlier rule had). */
  ports: PortSet;
}

export interface TieredInput {
  direction: PolicyDirection;
  /** The admin rules of the subject, in evaluation order, and the baseline's. */
  adminRules: readonly CompiledAdminRule[];
  baselineRules: readonly CompiledAdminRule[];
  /** Whether a rule's peers match the other endpoint. */
  matches: (rule: CompiledAdminRule) => boolean;
  /** Where named ports resolve. */
  destination: Workload | 'external';
  /** What NetworkPolicies allow, when one selects the subject for this direction. */
  networkPolicies?: PortSet;
}

export interface TieredOutcome {
  allowed: PortSet;
  decisions: AdminRuleDecision[];
}

/**
 * One direction through the tiers (admin-policy-semantics.md §6): the first matching AdminNetworkPolicy
 * rule decides each pair (Pass hands it on); then NetworkPolicies decide, if one selects the subject,
 * and the baseline is not consulted; else the baseline's first matching rule; else allowed.
 */
export function tieredVerdict(input: TieredInput): TieredOutcome {
  const decisions: AdminRuleDecision[] = [];
  const admin = firstMatch(input.adminRules, input, ALL_PORTS, decisions);
  const undecided = unionPorts(admin.remaining, admin.passed);
  if (input.networkPolicies) return { allowed: unionPorts(admin.allowed, intersectPorts(input.networkPolicies, undecided)), decisions };
  if (isEmptyPorts(undecided)) return { allowed: admin.allowed, decisions };
  const baseline = firstMatch(input.baselineRules, input, undecided, decisions);
  return { allowed: unionPorts(unionPorts(admin.allowed, baseline.allowed), unionPorts(baseline.remaining, baseline.passed)), decisions };
}

function firstMatch(rules: readonly CompiledAdminRule[], input: TieredInput, start: PortSet, decisions: AdminRuleDecision[]) {
  let remaining = start;
  let allowed = NO_PORTS;
  let passed = NO_PORTS;
  for (const rule of rules) {
    if (isEmptyPorts(remaining)) break;
    if (rule.action === undefined || !input.matches(rule)) continue;
    const ports = intersectPorts(adminRulePorts(rule.ports, input.destination), remaining);
    if (isEmptyPorts(ports)) continue;
    remaining = subtractPorts(remaining, ports);
    if (rule.action === 'Allow') allowed = unionPorts(allowed, ports);
    else if (rule.action === 'Pass') passed = unionPorts(passed, ports);
    decisions.push({
      tier: rule.policy.tier,
      policy: rule.policy.info,
      direction: rule.direction,
      ruleIndex: rule.index,
      ...(rule.name !== undefined ? { ruleName: rule.name } : {}),
      action: rule.action,
      ports,
    });
  }
  return { remaining, allowed, passed };
}

/**
 * What a rule's ports cover toward `destination`. A named port takes the port and the protocol of the
 * destination's first container port with that name; toward addresses it covers nothing.
 */
export function adminRulePorts(ports: AdminPorts, destination: Workload | 'external'): PortSet {
  if (ports === 'all') return ALL_PORTS;
  if (destination === 'external' || ports.named.length === 0) return ports.numbers;
  let result = ports.numbers;
  for (const entry of ports.named) {
    const declared = destination.containerPorts.find((port) => port.name === entry.name);
    if (declared && isProtocol(declared.protocol)) result = unionPorts(result, portsOf(declared.protocol, declared.port));
  }
  return result;
}
