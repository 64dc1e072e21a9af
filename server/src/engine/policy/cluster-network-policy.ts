import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/**
 * A v1alpha2 ClusterNetworkPolicy read onto the v1alpha1 model (docs/cluster-network-policy.md): its
 * tier, its priority, and a spec with the AdminNetworkPolicy field names (actions `Accept` → `Allow`,
 * `protocols` → `ports`, `domainNames` peers → a peer that matches nothing). The connectivity analysis
 * evaluates it in the tier it names (model/admin-policies), which the reference analyzer does not.
 */
export interface ClusterNetworkPolicyReading {
  /** `spec.tier`; undefined when missing or not `Admin`/`Baseline` (a problem says so). */
  tier: ClusterNetworkPolicyTier | undefined;
  /** `spec.priority` (0 when missing or not a whole number; a problem says so). Baseline policies have one too. */
  priority: number;
  /**
   * The spec with v1alpha1 names: `subject`, `ingress`, `egress`, and `priority` for the Admin tier.
   * A Baseline-tier rule may keep `action: Pass`, which v1alpha1 baselines lack: it sends the traffic to the
   * Kubernetes default (allowed).
   */
  spec: PlainObject;
  problems: ClusterNetworkPolicyProblem[];
}

export type ClusterNetworkPolicyTier = 'Admin' | 'Baseline';

export interface ClusterNetworkPolicyProblem {
  /** Where, relative to the object (the v1alpha2 path). */
  path: ObjectPath;
  message: string;
  /** `invalid`: the API server rejects the object; `not-modelled`: valid, but the v1alpha1 model cannot express it. */
  kind: 'invalid' | 'not-modelled';
}

export const CLUSTER_NETWORK_POLICY = 'ClusterNetworkPolicy';

const TIERS: readonly string[] = ['Admin', 'Baseline'];
const ACTIONS: Readonly<Record<string, string>> = { Accept: 'Allow', Deny: 'Deny', Pass: 'Pass' };
const PROTOCOLS = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;
const PROTOCOL_FIELDS = ['tcp', 'udp', 'sctp', 'destinationNamedPort'];
const PEER_LIST = { ingress: 'from', egress: 'to' } as const;
/** The v1alpha1 peer that matches nothing: `networks` is set, and no address is in it. */
const MATCHES_NOTHING: PlainObject = { networks: [] };

/** The reading of a ClusterNetworkPolicy (by kind), else undefined. */
export function readClusterNetworkPolicy(object: KubeObject): ClusterNetworkPolicyReading | undefined {
  if (object.kind !== CLUSTER_NETWORK_POLICY) return undefined;
  const problems: ClusterNetworkPolicyProblem[] = [];
  const problem = (path: ObjectPath, message: string, kind: ClusterNetworkPolicyProblem['kind'] = 'invalid') => problems.push({ path, message, kind });
  const rawSpec = object.get(['spec']);
  if (!isPlainObject(rawSpec)) problem(['spec'], rawSpec === undefined || rawSpec === null ? 'a ClusterNetworkPolicy needs a spec' : 'spec must be a map');
  const source = isPlainObject(rawSpec) ? rawSpec : {};

  const tier = typeof source.tier === 'string' && TIERS.includes(source.tier) ? (source.tier as ClusterNetworkPolicyTier) : undefined;
  if (tier === undefined) problem(['spec', 'tier'], source.tier === undefined || source.tier === null ? 'spec needs a tier: Admin or Baseline' : `tier ${JSON.stringify(source.tier)} is not Admin or Baseline (tiers are case-sensitive)`);

  const priority = readPriority(source.priority, problem);
  const spec: PlainObject = {};
  if (tier !== 'Baseline') spec.priority = priority;
  if (source.subject === undefined || source.subject === null) problem(['spec', 'subject'], 'spec needs a subject');
  else spec.subject = source.subject;

  const context = { tier, problem };
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = source[direction];
    if (rules === undefined || rules === null) continue;
    if (!Array.isArray(rules)) {
      problem(['spec', direction], `${direction} must be a list`);
      continue;
    }
    spec[direction] = rules.map((rule, index) => mapRule(direction, rule, ['spec', direction, index], context));
  }
  return { tier, priority, spec, problems };
}

type Report = (path: ObjectPath, message: string, kind?: ClusterNetworkPolicyProblem['kind']) => void;

interface MappingContext {
  tier: ClusterNetworkPolicyTier | undefined;
  problem: Report;
}

function readPriority(value: unknown, problem: Report): number {
  const path = ['spec', 'priority'];
  if (value === undefined || value === null) {
    problem(path, 'spec needs a priority from 0 to 1000');
    return 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problem(path, 'priority must be a whole number from 0 to 1000');
    return 0;
  }
  if (value < 0 || value > 1000) problem(path, `priority ${value} is outside 0..1000`);
  return value;
}

function mapRule(direction: 'ingress' | 'egress', rule: unknown, path: ObjectPath, context: MappingContext): unknown {
  if (!isPlainObject(rule)) {
    context.problem(path, `an ${direction} rule must be a map`);
    return rule;
  }
  const mapped: PlainObject = {};
  if (rule.name !== undefined) mapped.name = rule.name;
  const action = typeof rule.action === 'string' ? ACTIONS[rule.action] : undefined;
  if (action === undefined) {
    context.problem([...path, 'action'], rule.action === undefined || rule.action === null ? 'the rule needs an action: Accept, Deny or Pass' : `action ${JSON.stringify(rule.action)} is not Accept, Deny or Pass (actions are case-sensitive)`);
    if (rule.action !== undefined) mapped.action = rule.action;
  } else mapped.action = action;

  const peerKey = PEER_LIST[direction];
  const peers = rule[peerKey];
  if (Array.isArray(peers)) {
    if (peers.length === 0) context.problem([...path, peerKey], `an ${direction} rule needs at least one peer in ${peerKey}`);
    mapped[peerKey] = peers.map((peer, index) => mapPeer(direction, peer, rule.action, [...path, peerKey, index], context));
  } else {
    context.problem([...path, peerKey], `an ${direction} rule needs at least one peer in ${peerKey}`);
    if (peers !== undefined && peers !== null) mapped[peerKey] = peers;
  }

  const protocols = rule.protocols;
  if (protocols !== undefined && protocols !== null) {
    if (!Array.isArray(protocols)) context.problem([...path, 'protocols'], 'protocols must be a list');
    else {
      // `protocols: []` is refused (at least one entry); in the v1alpha1 model `ports: []` matches nothing.
      if (protocols.length === 0) context.problem([...path, 'protocols'], 'protocols, when set, needs at least one entry');
      mapped.ports = protocols.flatMap((entry, index) => mapProtocol(entry, [...path, 'protocols', index], context.problem));
    }
  }
  return mapped;
}

const PEER_FIELDS = { ingress: ['namespaces', 'pods'], egress: ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'] } as const;

function mapPeer(direction: 'ingress' | 'egress', peer: unknown, action: unknown, path: ObjectPath, context: MappingContext): unknown {
  const fields: readonly string[] = PEER_FIELDS[direction];
  const set = isPlainObject(peer) ? fields.filter((field) => peer[field] !== undefined && peer[field] !== null) : [];
  // The CRD refuses a peer with no field or several (minProperties/maxProperties 1; unknown fields are pruned first).
  if (set.length !== 1 && !(set.length > 1 && set.includes('domainNames'))) {
    context.problem(path, `${an(direction)} peer must set exactly one of ${fields.join(', ')}${set.length > 1 ? `, not ${set.join(' and ')}` : ''}`);
  }
  if (!isPlainObject(peer) || !('domainNames' in peer) || peer.domainNames === null) return peer;
  // Domain names resolve to addresses only at run time: in this model they match no address.
  if (action !== 'Accept') context.problem([...path, 'domainNames'], 'domainNames peers are only supported in Accept rules');
  context.problem([...path, 'domainNames'], 'domainNames match no address in this model: the peer is read as matching nothing', 'not-modelled');
  const others = Object.keys(peer).filter((key) => key !== 'domainNames' && peer[key] !== null && peer[key] !== undefined);
  if (others.length > 0) context.problem(path, `a peer must set exactly one field, not domainNames and ${others.join(' and ')}`);
  return { ...MATCHES_NOTHING };
}

/** One `protocols` entry as v1alpha1 `ports` entries (one per field, though the API allows exactly one). */
function mapProtocol(entry: unknown, path: ObjectPath, problem: Report): PlainObject[] {
  if (!isPlainObject(entry)) {
    problem(path, 'a protocols entry must be a map');
    return [];
  }
  const set = PROTOCOL_FIELDS.filter((field) => entry[field] !== undefined && entry[field] !== null);
  if (set.length !== 1) problem(path, `a protocols entry must set exactly one of tcp, udp, sctp and destinationNamedPort${set.length > 1 ? `, not ${set.join(' and ')}` : ''}`);
  return set.flatMap((field): PlainObject[] => {
    if (field === 'destinationNamedPort') {
      if (typeof entry.destinationNamedPort !== 'string') {
        problem([...path, field], 'destinationNamedPort must be text');
        return [];
      }
      return [{ namedPort: entry.destinationNamedPort }];
    }
    return mapDestinationPort(PROTOCOLS[field as keyof typeof PROTOCOLS], entry[field], [...path, field], problem);
  });
}

function mapDestinationPort(protocol: string, value: unknown, path: ObjectPath, problem: Report): PlainObject[] {
  const destination = isPlainObject(value) ? value.destinationPort : undefined;
  const destinationPath = [...path, 'destinationPort'];
  if (!isPlainObject(destination)) {
    problem(isPlainObject(value) ? destinationPath : path, `${path.at(-1)} needs a destinationPort with a number or a range`);
    return [];
  }
  const hasNumber = destination.number !== undefined && destination.number !== null;
  const hasRange = destination.range !== undefined && destination.range !== null;
  if (hasNumber === hasRange) {
    problem(destinationPath, 'destinationPort must set exactly one of number and range');
    return [];
  }
  if (hasNumber) {
    if (!isPort(destination.number)) problem([...destinationPath, 'number'], 'number must be a port from 1 to 65535');
    return [{ portNumber: { protocol, port: destination.number } }];
  }
  const range = destination.range;
  const rangePath = [...destinationPath, 'range'];
  if (!isPlainObject(range)) {
    problem(rangePath, 'range must be a map with start and end');
    return [];
  }
  for (const bound of ['start', 'end'] as const) {
    if (!isPort(range[bound])) problem([...rangePath, bound], `${bound} must be a port from 1 to 65535`);
  }
  // v1alpha2 refuses start = end, which v1alpha1's reference accepts.
  if (isPort(range.start) && isPort(range.end) && range.start >= range.end) problem([...rangePath, 'end'], `range end ${range.end} must be greater than its start ${range.start}`);
  return [{ portRange: { protocol, start: range.start, end: range.end } }];
}

function an(direction: 'ingress' | 'egress'): string {
  return direction === 'ingress' ? 'an ingress' : 'an egress';
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}
