import type { NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { ALL_IPV4 } from '../net/ipv4-set';
import { mergeAdjacentBlocks, partitionAddresses, type AddressBlock } from './address-partition';
import type { ConnectivityAnalysis } from './analysis';
import type { CompiledPolicy, PolicyDirection } from './compiled-policy';
import { ALL_PORTS, isEmptyPorts, NO_PORTS, samePorts, unionPorts, type PortSet } from './port-set';
import { peerAddresses } from './rule-peers';
import { resolveRulePorts } from './rule-ports';

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
  /** The rules that admit the other endpoint with at least one port; their union is `allowed`. */
  rules: RuleContribution[];
}

/**
 * What `selected`'s `direction` allows with another workload: its ingress from `peer`, or its egress
 * toward `peer`. Named ports resolve on the destination: `selected` for ingress, `peer` for egress.
 */
export function verdictWithWorkload(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection, peer: Workload): DirectionVerdict {
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
export function verdictsWithExternal(analysis: ConnectivityAnalysis, selected: Workload, direction: PolicyDirection): AddressBlock<DirectionVerdict>[] {
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
    a.rules.length === b.rules.length &&
    a.rules.every((rule, index) => rule.policy === b.rules[index].policy && rule.ruleIndex === b.rules[index].ruleIndex && samePorts(rule.ports, b.rules[index].ports))
  );
}
