import type { CompiledRule } from '../../connectivity';
import type { ObjectPath } from '../../manifest/yaml-path';
import { PEERS_KEY, RULES_KEY } from '../../policy/network-policy';

// Paths (from the policy object's root) of the parts of a compiled rule, for ranges. Compiled peers
// carry their index in `from`/`to`, and compiled ports keep the order of `ports`.

export function rulePath(rule: CompiledRule): ObjectPath {
  return ['spec', RULES_KEY[rule.direction], rule.index];
}

export function peerPath(rule: CompiledRule, peerIndex: number): ObjectPath {
  return [...rulePath(rule), PEERS_KEY[rule.direction], peerIndex];
}

export function portPath(rule: CompiledRule, portIndex: number): ObjectPath {
  return [...rulePath(rule), 'ports', portIndex];
}
