import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { policyPortProtocol } from '../model/port-defaults';

export type PolicyDirection = 'Ingress' | 'Egress';

export const POLICY_DIRECTIONS: readonly PolicyDirection[] = ['Ingress', 'Egress'];

/** The spec key holding a direction's rules, and the rule key holding its peers. */
export const RULES_KEY = { Ingress: 'ingress', Egress: 'egress' } as const;
export const PEERS_KEY = { Ingress: 'from', Egress: 'to' } as const;

/** Whether an object is a core NetworkPolicy (networking.k8s.io, the old extensions group, or no apiVersion). */
export function isCoreNetworkPolicy(object: KubeObject): boolean {
  if (object.kind !== 'NetworkPolicy') return false;
  const group = object.apiGroup;
  return group === undefined || group === 'networking.k8s.io' || group === 'extensions';
}

/** The spec of a core NetworkPolicy (networking.k8s.io, or the old extensions group), else undefined. */
export function networkPolicySpecOf(object: KubeObject): PlainObject | undefined {
  if (!isCoreNetworkPolicy(object)) return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/**
 * Whether a policy affects a direction: `policyTypes` when present and not empty; otherwise Ingress
 * always and Egress only when the policy has egress rules (the API server's defaulting, which also
 * treats `policyTypes: []` as absent).
 */
export function affectsDirection(spec: PlainObject, direction: PolicyDirection): boolean {
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.includes(direction);
  if (direction === 'Ingress') return true;
  return Array.isArray(spec.egress) && spec.egress.length > 0;
}

/** One ingress or egress rule of a policy, with its path from the object root. */
export interface PolicyRule {
  direction: PolicyDirection;
  path: ObjectPath;
  /** The rule as written: usually a map; `null` for an empty list item. */
  value: unknown;
  /** The rule's fields, `{}` for a null item, undefined when the item is not a map at all. */
  fields: PlainObject | undefined;
}

/** The rules of one direction, whether or not the policy affects that direction. */
export function policyRulesOf(spec: PlainObject, direction: PolicyDirection): PolicyRule[] {
  const rules = spec[RULES_KEY[direction]];
  if (!Array.isArray(rules)) return [];
  return rules.map((value, index) => ({
    direction,
    path: ['spec', RULES_KEY[direction], index],
    value,
    fields: value === null || value === undefined ? {} : isPlainObject(value) ? value : undefined,
  }));
}

/** The rules of every direction the policy affects. */
export function effectiveRulesOf(spec: PlainObject): PolicyRule[] {
  return POLICY_DIRECTIONS.filter((direction) => affectsDirection(spec, direction)).flatMap((direction) => policyRulesOf(spec, direction));
}

/** The rules of both directions, for checks the API server applies whatever `policyTypes` says. */
export function allRulesOf(spec: PlainObject): PolicyRule[] {
  return POLICY_DIRECTIONS.flatMap((direction) => policyRulesOf(spec, direction));
}

/** One `from`/`to` entry of a rule. */
export interface PolicyPeer {
  rule: PolicyRule;
  path: ObjectPath;
  fields: PlainObject;
}

/** The peers of a rule that are maps (other entries are a structure problem, reported elsewhere). */
export function peersOf(rule: PolicyRule): PolicyPeer[] {
  const key = PEERS_KEY[rule.direction];
  const peers = rule.fields?.[key];
  if (!Array.isArray(peers)) return [];
  return peers.flatMap((fields, index) => (isPlainObject(fields) ? [{ rule, path: [...rule.path, key, index], fields }] : []));
}

/** An `ipBlock` of a peer, with its `cidr` when it is text. */
export interface IpBlockPeer {
  peer: PolicyPeer;
  path: ObjectPath;
  fields: PlainObject;
  cidr: string | undefined;
  /** The `except` entries that are text, with their index in the list. */
  except: { index: number; text: string }[];
}

export function ipBlockOf(peer: PolicyPeer): IpBlockPeer | undefined {
  const fields = peer.fields.ipBlock;
  if (!isPlainObject(fields)) return undefined;
  const except = Array.isArray(fields.except)
    ? fields.except.flatMap((text, index) => (typeof text === 'string' ? [{ index, text }] : []))
    : [];
  return { peer, path: [...peer.path, 'ipBlock'], fields, cidr: typeof fields.cidr === 'string' ? fields.cidr : undefined, except };
}

/** The ipBlocks of the given rules. */
export function ipBlocksOf(rules: readonly PolicyRule[]): IpBlockPeer[] {
  return rules.flatMap((rule) => peersOf(rule).flatMap((peer) => ipBlockOf(peer) ?? []));
}

/** One `ports` entry of a rule. */
export interface PolicyPort {
  rule: PolicyRule;
  path: ObjectPath;
  fields: PlainObject;
}

export function portsOf(rule: PolicyRule): PolicyPort[] {
  const ports = rule.fields?.ports;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((fields, index) => (isPlainObject(fields) ? [{ rule, path: [...rule.path, 'ports', index], fields }] : []));
}

/**
 * Whether a rule's `ports` let traffic to a numbered port of an address through: no ports means all;
 * a named port never matches an address outside the cluster (names resolve against pod container ports).
 */
export function rulePortsAllow(rule: PolicyRule, protocol: string, port: number): boolean {
  const ports = rule.fields?.ports;
  if (!Array.isArray(ports) || ports.length === 0) return true;
  return ports.some((entry) => {
    if (entry === null || entry === undefined) return protocol === 'TCP';
    if (!isPlainObject(entry)) return false;
    const entryProtocol = policyPortProtocol(entry.protocol);
    if (entryProtocol !== protocol) return false;
    // No port is every port of the protocol, unless an endPort makes the entry refused.
    if (entry.port === undefined || entry.port === null) return entry.endPort === undefined || entry.endPort === null;
    if (typeof entry.port !== 'number') return false;
    const end = typeof entry.endPort === 'number' ? entry.endPort : entry.port;
    return entry.port <= port && port <= end;
  });
}

/** "TCP 80, UDP 53, TCP 8000-8080, TCP http" for a rule's `ports`, or "all ports" when absent. */
export function describeRulePorts(ports: unknown): string {
  if (!Array.isArray(ports) || ports.length === 0) return 'all ports';
  return ports
    .map((entry) => {
      if (!isPlainObject(entry)) return 'all ports';
      const protocol = policyPortProtocol(entry.protocol) ?? 'TCP';
      if (entry.port === undefined || entry.port === null) return `all ${protocol} ports`;
      const end = typeof entry.endPort === 'number' ? `-${entry.endPort}` : '';
      return `${protocol} ${String(entry.port)}${end}`;
    })
    .join(', ');
}

/** Whether a label selector is present and empty (`{}`), which selects everything. */
export function isEmptySelector(selector: unknown): boolean {
  if (!isPlainObject(selector)) return false;
  const { matchLabels, matchExpressions } = selector;
  const noLabels = matchLabels === undefined || matchLabels === null || (isPlainObject(matchLabels) && Object.keys(matchLabels).length === 0);
  const noExpressions = matchExpressions === undefined || matchExpressions === null || (Array.isArray(matchExpressions) && matchExpressions.length === 0);
  return noLabels && noExpressions;
}

/** A label selector of a policy: the spec's podSelector, or a peer's podSelector or namespaceSelector. */
export interface PolicySelector {
  kind: 'policy-pods' | 'peer-pods' | 'peer-namespaces';
  path: ObjectPath;
  fields: PlainObject;
}

/** The selectors of the policy and of the peers of the given rules that are maps. */
export function selectorsOf(spec: PlainObject, rules: readonly PolicyRule[]): PolicySelector[] {
  const selectors: PolicySelector[] = [];
  if (isPlainObject(spec.podSelector)) selectors.push({ kind: 'policy-pods', path: ['spec', 'podSelector'], fields: spec.podSelector });
  for (const peer of rules.flatMap(peersOf)) {
    const { podSelector, namespaceSelector } = peer.fields;
    if (isPlainObject(podSelector)) selectors.push({ kind: 'peer-pods', path: [...peer.path, 'podSelector'], fields: podSelector });
    if (isPlainObject(namespaceSelector)) selectors.push({ kind: 'peer-namespaces', path: [...peer.path, 'namespaceSelector'], fields: namespaceSelector });
  }
  return selectors;
}

/** The label keys a selector tests, with the path of the key (matchLabels) or of the requirement's `key`. */
export function selectorKeysOf(selector: PolicySelector): { key: string; path: ObjectPath; values: string[] | undefined }[] {
  const keys: { key: string; path: ObjectPath; values: string[] | undefined }[] = [];
  const { matchLabels, matchExpressions } = selector.fields;
  if (isPlainObject(matchLabels)) {
    for (const [key, value] of Object.entries(matchLabels)) {
      keys.push({ key, path: [...selector.path, 'matchLabels', key], values: typeof value === 'string' ? [value] : undefined });
    }
  }
  if (Array.isArray(matchExpressions)) {
    matchExpressions.forEach((requirement, index) => {
      if (!isPlainObject(requirement) || typeof requirement.key !== 'string') return;
      const values = requirement.operator === 'In' && Array.isArray(requirement.values) ? requirement.values.filter((value): value is string => typeof value === 'string') : undefined;
      keys.push({ key: requirement.key, path: [...selector.path, 'matchExpressions', index, 'key'], values });
    });
  }
  return keys;
}
