import { isPlainObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { AdminPolicyInfo, NamespaceInfo, Workload } from '../model/cluster-types';
import { parseCidr } from '../net/cidr';
import { ipv4SetOfCidr, NO_IPV4, unionIpv4, type Ipv4Set } from '../net/ipv4-set';
import type { PolicyDirection } from './compiled-policy';
import { compileLabelSelector, matchesLabels, MATCH_EVERYTHING, type LabelSelector } from './label-selector';
import { isProtocol, NO_PORTS, portsOf, unionPorts, type PortSet, type Protocol } from './port-set';

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy objects read once into what the tiered
 * evaluation needs (admin-policy-semantics.md §3-§5). Anything the API server would refuse matches
 * or allows nothing here; `policy/admin-policy-validation` says what it is and `adminProblems`
 * whether it fails the analysis.
 */
export type AdminTier = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export type AdminSelection =
  | { kind: 'namespaces'; namespaces: LabelSelector }
  | { kind: 'pods'; namespaces: LabelSelector; pods: LabelSelector }
  | { kind: 'invalid' };

export type AdminPeer = AdminSelection | { kind: 'networks'; addresses: Ipv4Set } | { kind: 'nodes' };

export interface NamedPortEntry {
  name: string;
  /** Of the `namedPort` field, relative to the object. */
  path: ObjectPath;
}

/** `all` for absent ports; otherwise the numbers and the names (both empty for `ports: []`: nothing). */
export type AdminPorts = 'all' | { numbers: PortSet; named: readonly NamedPortEntry[] };

export interface CompiledAdminRule {
  policy: CompiledAdminPolicy;
  direction: PolicyDirection;
  /** Index in `spec.ingress` or `spec.egress`. */
  index: number;
  name?: string;
  /** Undefined for a missing or refused action: the rule decides nothing. */
  action?: AdminAction;
  peers: readonly AdminPeer[];
  /** The external IPv4 addresses the rule's `networks` peers cover (IPv6 entries ignored). */
  addresses: Ipv4Set;
  ports: AdminPorts;
}

export interface CompiledAdminPolicy {
  info: AdminPolicyInfo;
  tier: AdminTier;
  subject: AdminSelection;
  rules: Readonly<Record<PolicyDirection, readonly CompiledAdminRule[]>>;
}

const ACTIONS: Readonly<Record<AdminTier, readonly string[]>> = { AdminNetworkPolicy: ['Allow', 'Deny', 'Pass'], BaselineAdminNetworkPolicy: ['Allow', 'Deny'] };
// A Baseline-tier ClusterNetworkPolicy may Pass: the pair goes on to the Kubernetes default (allowed).
const CLUSTER_NETWORK_POLICY_ACTIONS: readonly string[] = ['Allow', 'Deny', 'Pass'];

export function compileAdminPolicy(info: AdminPolicyInfo): CompiledAdminPolicy {
  const rules: Record<PolicyDirection, CompiledAdminRule[]> = { Ingress: [], Egress: [] };
  const policy: CompiledAdminPolicy = { info, tier: info.kind, subject: compileSelection(info.spec.subject), rules };
  for (const direction of ['Ingress', 'Egress'] as const) {
    const key = direction === 'Ingress' ? 'ingress' : 'egress';
    const list = info.spec[key];
    if (!Array.isArray(list)) continue;
    rules[direction] = list.map((value, index) => {
      const rule: PlainObject = isPlainObject(value) ? value : {};
      const actions = info.clusterTier ? CLUSTER_NETWORK_POLICY_ACTIONS : ACTIONS[info.kind];
      const action = typeof rule.action === 'string' && actions.includes(rule.action) ? (rule.action as AdminAction) : undefined;
      const peers = compilePeers(rule, direction);
      return {
        policy,
        direction,
        index,
        ...(typeof rule.name === 'string' ? { name: rule.name } : {}),
        ...(action ? { action } : {}),
        peers,
        addresses: peers.reduce((set, peer) => (peer.kind === 'networks' ? unionIpv4(set, peer.addresses) : set), NO_IPV4),
        ports: compilePorts(rule.ports, ['spec', key, index, 'ports'], info.clusterTier ? namedPortPathInProtocols(info, key, index) : undefined),
      };
    });
  }
  return policy;
}

const present = (value: unknown) => value !== undefined && value !== null;

/** A subject, or a peer's `namespaces` or `pods`: exactly one of them, else invalid. */
function compileSelection(value: unknown, extraFields: readonly string[] = []): AdminSelection {
  const fields = isPlainObject(value) ? value : {};
  const written = ['namespaces', 'pods', ...extraFields].filter((key) => present(fields[key]));
  if (written.length !== 1) return { kind: 'invalid' };
  if (written[0] === 'namespaces') return { kind: 'namespaces', namespaces: selectorOf(fields.namespaces) };
  if (written[0] !== 'pods') return { kind: 'invalid' };
  const pods = isPlainObject(fields.pods) ? fields.pods : {};
  return { kind: 'pods', namespaces: selectorOf(pods.namespaceSelector), pods: selectorOf(pods.podSelector) };
}

function selectorOf(value: unknown): LabelSelector {
  return present(value) ? compileLabelSelector(value) : MATCH_EVERYTHING;
}

function compilePeers(rule: PlainObject, direction: PolicyDirection): AdminPeer[] {
  const list = rule[direction === 'Ingress' ? 'from' : 'to'];
  if (!Array.isArray(list)) return [];
  return list.map((value): AdminPeer => {
    const peer = isPlainObject(value) ? value : {};
    if (direction === 'Ingress') return compileSelection(peer);
    const written = ['namespaces', 'pods', 'nodes', 'networks'].filter((key) => present(peer[key]));
    if (written.length === 1 && written[0] === 'networks' && Array.isArray(peer.networks)) return { kind: 'networks', addresses: networkAddresses(peer.networks) };
    if (written.length === 1 && written[0] === 'nodes') return { kind: 'nodes' };
    return compileSelection(peer, ['nodes', 'networks']);
  });
}

/** IPv4 CIDRs with host bits ignored; IPv6 and unreadable entries add nothing. */
function networkAddresses(entries: readonly unknown[]): Ipv4Set {
  return entries.reduce<Ipv4Set>((set, entry) => {
    const cidr = typeof entry === 'string' ? parseCidr(entry) : undefined;
    return cidr?.kind === 'ipv4' ? unionIpv4(set, ipv4SetOfCidr(cidr)) : set;
  }, NO_IPV4);
}

/** Where a ClusterNetworkPolicy writes a named port: its mapped `ports` entry has no place in the object. */
function namedPortPathInProtocols(info: AdminPolicyInfo, key: string, index: number): (name: string) => ObjectPath | undefined {
  const rulePath = ['spec', key, index, 'protocols'];
  return (name) => {
    const protocols = info.object.get(rulePath);
    const at = Array.isArray(protocols) ? protocols.findIndex((entry) => isPlainObject(entry) && entry.destinationNamedPort === name) : -1;
    return at === -1 ? undefined : [...rulePath, at, 'destinationNamedPort'];
  };
}

function compilePorts(value: unknown, path: ObjectPath, namedPortPath?: (name: string) => ObjectPath | undefined): AdminPorts {
  if (!Array.isArray(value)) return 'all';
  let numbers = NO_PORTS;
  const named: NamedPortEntry[] = [];
  value.forEach((entry, index) => {
    const fields = isPlainObject(entry) ? entry : {};
    const written = ['portNumber', 'namedPort', 'portRange'].filter((key) => present(fields[key]));
    if (written.length !== 1) return;
    if (written[0] === 'namedPort') {
      if (typeof fields.namedPort === 'string') named.push({ name: fields.namedPort, path: namedPortPath?.(fields.namedPort) ?? [...path, index, 'namedPort'] });
      return;
    }
    const spec = isPlainObject(fields[written[0]]) ? (fields[written[0]] as PlainObject) : {};
    const protocol = protocolOf(spec.protocol);
    if (!protocol) return; // The CRD refuses other protocols: the entry contributes nothing.
    // portsOf is empty for a port or range outside 1-65535 or reversed.
    if (written[0] === 'portNumber' && typeof spec.port === 'number') numbers = unionPorts(numbers, portsOf(protocol, spec.port));
    if (written[0] === 'portRange' && typeof spec.start === 'number' && typeof spec.end === 'number') numbers = unionPorts(numbers, portsOf(protocol, spec.start, spec.end));
  });
  return { numbers, named };
}

function protocolOf(value: unknown): Protocol | undefined {
  if (value === undefined || value === null || value === '') return 'TCP';
  return isProtocol(value) ? value : undefined;
}

/** Whether a subject or a `namespaces`/`pods` peer matches a workload (never an external address). */
export function selectionMatches(selection: AdminPeer, workload: Workload, namespaces: ReadonlyMap<string, NamespaceInfo>): boolean {
  if (selection.kind !== 'namespaces' && selection.kind !== 'pods') return false;
  if (!matchesLabels(selection.namespaces, namespaces.get(workload.id.namespace)?.labels ?? {})) return false;
  return selection.kind === 'namespaces' || matchesLabels(selection.pods, workload.podLabels);
}
