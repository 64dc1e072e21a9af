import { isPlainObject } from '../manifest/kube-object';
import type { NetworkPolicyInfo } from '../model/cluster-types';
import { affectsDirection, type PolicyDirection } from '../policy/network-policy';
import { compileLabelSelector, type LabelSelector } from './label-selector';
import { compileRulePeers, type CompiledPeers } from './rule-peers';
import { compileRulePorts, type CompiledPorts } from './rule-ports';

export type { PolicyDirection };
export const DIRECTIONS: readonly PolicyDirection[] = ['Ingress', 'Egress'];

/** One rule of a policy: its peers (`from` for ingress, `to` for egress) and ports. */
export interface CompiledRule {
  direction: PolicyDirection;
  /** Index in `spec.ingress` or `spec.egress`. */
  index: number;
  peers: CompiledPeers;
  ports: CompiledPorts;
}

/** A NetworkPolicy read once into what evaluation needs. */
export interface CompiledPolicy {
  info: NetworkPolicyInfo;
  podSelector: LabelSelector;
  /** The directions the policy isolates (policyTypes, or its defaulting). */
  affects: Readonly<Record<PolicyDirection, boolean>>;
  /** The rules of each direction; empty for a direction the policy does not affect (its rules are ignored). */
  rules: Readonly<Record<PolicyDirection, readonly CompiledRule[]>>;
}

export function compilePolicy(info: NetworkPolicyInfo): CompiledPolicy {
  const { spec } = info;
  // policyTypes, or the API server's defaulting (an empty list counts as absent).
  const affects = { Ingress: affectsDirection(spec, 'Ingress'), Egress: affectsDirection(spec, 'Egress') };
  return {
    info,
    podSelector: compileLabelSelector(spec.podSelector),
    affects,
    rules: {
      Ingress: affects.Ingress ? compileRules(spec.ingress, 'Ingress') : [],
      Egress: affects.Egress ? compileRules(spec.egress, 'Egress') : [],
    },
  };
}

function compileRules(value: unknown, direction: PolicyDirection): CompiledRule[] {
  if (!Array.isArray(value)) return [];
  const peerKey = direction === 'Ingress' ? 'from' : 'to';
  return value.map((rule, index) => {
    // A null rule decodes to the empty rule (everything), as the API server reads `- ` in YAML.
    if (rule === null) return { direction, index, peers: 'everything', ports: 'all' };
    if (!isPlainObject(rule)) return { direction, index, peers: [{ kind: 'invalid', index: 0, reason: 'the rule is not a map' }], ports: 'all' };
    return { direction, index, peers: compileRulePeers(rule[peerKey]), ports: compileRulePorts(rule.ports) };
  });
}
