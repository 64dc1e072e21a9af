import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { AdminPolicyInfo, NamespaceInfo, Workload } from '../model/cluster-types';
import { parseCidr } from '../net/cidr';
import { ipv4SetOfCidr, NO_IPV4, unionIpv4, type Ipv4Set } from '../net/ipv4-set';
import type { PolicyDirection } from './compiled-policy';
import { compileLabelSelector, matchesLabels, MATCH_EVERYTHING, type LabelSelector } from './label-selector';
import { isLabelKey, isLabelValue } from './label-syntax';
import { isProtocol, NO_PORTS, portsOf, unionPorts, type PortSet, type Protocol } from './port-set';

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy objects read once into what the tiered
 * evaluation needs (admin-policy-semantics.md §3-§5), with the problems found on the way, each at
 * the field at fault. Anything invalid matches nothing; whether its problem fails the analysis is
 * decided by `adminProblems`.
 */
export type AdminTier = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export interface AdminProblem {
  object: KubeObject;
  /** Relative to the object. */
  path: ObjectPath;
  message: string;
}

export type AdminSelection =
  | { kind: 'namespaces'; namespaces: LabelSelector }
  | { kind: 'pods'; namespaces: LabelSelector; pods: LabelSelector }
  | { kind: 'invalid' };

export type AdminPeer = AdminSelection | { kind: 'networks'; addresses: Ipv4Set } | { kind: 'nodes' };

export type AdminPortEntry = { kind: 'numbers'; ports: PortSet } | { kind: 'named'; name: string; path: ObjectPath };

/** `all` for absent ports; a list (maybe empty: `ports: []` allows nothing) otherwise. */
export type AdminPorts = 'all' | { numbers: PortSet; named: readonly AdminPortEntry[] };

export interface CompiledAdminRule {
  policy: CompiledAdminPolicy;
  direction: PolicyDirection;
  /** Index in `spec.ingress` or `spec.egress`. */
  index: number;
  name?: string;
  /** Undefined for a missing or refused action: the rule decides nothing. */
  action?: AdminAction;
  peers: readonly AdminPeer[];
  /** The external IPv4 addresses the rule's `networks` peers cover. */
  addresses: Ipv4Set;
  ports: AdminPorts;
}

export interface CompiledAdminPolicy {
  info: AdminPolicyInfo;
  tier: AdminTier;
  subject: AdminSelection;
  rules: Readonly<Record<PolicyDirection, readonly CompiledAdminRule[]>>;
  /** Problems of the subject: fatal as soon as the policy is evaluated for any workload. */
  subjectProblems: readonly AdminProblem[];
  /** Problems of the rules: fatal once the policy selects a workload. */
  ruleProblems: readonly AdminProblem[];
  /** Unreadable `networks` entries: fatal whenever the input has a workload. */
  networkProblems: readonly AdminProblem[];
  warnings: readonly AdminProblem[];
}

export function compileAdminPolicy(info: AdminPolicyInfo): CompiledAdminPolicy {
  const tier = info.kind;
  const object = info.object;
  const subjectProblems: AdminProblem[] = [];
  const ruleProblems: AdminProblem[] = [];
  const networkProblems: AdminProblem[] = [];
  const warnings: AdminProblem[] = [];
  const problem = (list: AdminProblem[], path: ObjectPath, message: string) => list.push({ object, path, message });

  const policy: CompiledAdminPolicy = {
    info,
    tier,
    subject: compileSelection(info.spec.subject, ['spec', 'subject'], 'the subject', (path, message) => problem(subjectProblems, path, message)),
    rules: { Ingress: [], Egress: [] },
    subjectProblems,
    ruleProblems,
    networkProblems,
    warnings,
  };
  const actions: readonly string[] = tier === 'AdminNetworkPolicy' ? ['Allow', 'Deny', 'Pass'] : ['Allow', 'Deny'];
  const compileRules = (direction: PolicyDirection): CompiledAdminRule[] => {
    const key = direction === 'Ingress' ? 'ingress' : 'egress';
    const list = info.spec[key];
    if (!Array.isArray(list)) return [];
    return list.map((value, index) => {
      const path = ['spec', key, index];
      const rule: PlainObject = isPlainObject(value) ? value : {};
      const action = typeof rule.action === 'string' && actions.includes(rule.action) ? (rule.action as AdminAction) : undefined;
      if (action === undefined) {
        const written = rule.action === undefined || rule.action === null ? 'has no action' : `has action ${JSON.stringify(rule.action)}`;
        problem(ruleProblems, rule.action === undefined || rule.action === null ? path : [...path, 'action'], `${key} rule ${index + 1} ${written}: ${tier === 'AdminNetworkPolicy' ? 'an' : 'a'} ${tier} rule's action is ${actions.join(', ').replace(/, (\w+)$/, ' or $1')}.`);
      }
      const peers = compilePeers(rule, direction, path, {
        error: (at, message) => problem(ruleProblems, at, message),
        network: (at, message) => problem(networkProblems, at, message),
        warning: (at, message) => problem(warnings, at, message),
      });
      return {
        policy,
        direction,
        index,
        ...(typeof rule.name === 'string' ? { name: rule.name } : {}),
        ...(action ? { action } : {}),
        peers,
        addresses: peers.reduce((set, peer) => (peer.kind === 'networks' ? unionIpv4(set, peer.addresses) : set), NO_IPV4),
        ports: compilePorts(rule.ports, [...path, 'ports'], (at, message) => problem(ruleProblems, at, message)),
      };
    });
  };
  (policy.rules as Record<PolicyDirection, CompiledAdminRule[]>).Ingress = compileRules('Ingress');
  (policy.rules as Record<PolicyDirection, CompiledAdminRule[]>).Egress = compileRules('Egress');
  return policy;
}

type Report = (path: ObjectPath, message: string) => void;

const present = (value: unknown) => value !== undefined && value !== null;

/** A subject or an ingress/egress peer's `namespaces` or `pods` (exactly one of them). */
function compileSelection(value: unknown, path: ObjectPath, what: string, report: Report, extraFields: readonly string[] = []): AdminSelection {
  const fields = isPlainObject(value) ? value : {};
  const written = ['namespaces', 'pods', ...extraFields].filter((key) => present(fields[key]));
  if (written.length !== 1) {
    report(path, `${what} must set exactly one of ${['namespaces', 'pods', ...extraFields].map((key) => `\`${key}\``).join(', ')}; it sets ${written.length === 0 ? 'none' : written.map((key) => `\`${key}\``).join(' and ')}.`);
    return { kind: 'invalid' };
  }
  if (written[0] === 'namespaces') return { kind: 'namespaces', namespaces: checkedSelector(fields.namespaces, [...path, 'namespaces'], report) };
  if (written[0] !== 'pods') return { kind: 'invalid' };
  const pods = isPlainObject(fields.pods) ? fields.pods : {};
  return {
    kind: 'pods',
    namespaces: checkedSelector(pods.namespaceSelector, [...path, 'pods', 'namespaceSelector'], report),
    pods: checkedSelector(pods.podSelector, [...path, 'pods', 'podSelector'], report),
  };
}

/** A label selector; one the API server would refuse (also for its label syntax) matches nothing. */
function checkedSelector(value: unknown, path: ObjectPath, report: Report): LabelSelector {
  if (!present(value)) return MATCH_EVERYTHING;
  const selector = compileLabelSelector(value);
  if (selector.kind === 'malformed') {
    report(path, `invalid label selector: ${selector.reason}.`);
    return selector;
  }
  for (const requirement of selector.requirements) {
    const bad = !isLabelKey(requirement.key)
      ? `"${requirement.key}" is not a valid label key`
      : 'values' in requirement
        ? requirement.values.filter((text) => !isLabelValue(text)).map((text) => `"${text}" is not a valid label value`)[0]
        : undefined;
    if (bad) {
      report(path, `invalid label selector: ${bad}.`);
      return { kind: 'malformed', reason: bad };
    }
  }
  return selector;
}

function compilePeers(rule: PlainObject, direction: PolicyDirection, rulePath: ObjectPath, report: { error: Report; network: Report; warning: Report }): AdminPeer[] {
  const key = direction === 'Ingress' ? 'from' : 'to';
  const list = rule[key];
  if (!Array.isArray(list) || list.length === 0) {
    report.error(present(list) ? [...rulePath, key] : rulePath, `the rule has no \`${key}\` peers: a rule must name at least one.`);
    return [];
  }
  return list.map((value, index): AdminPeer => {
    const path = [...rulePath, key, index];
    const peer = isPlainObject(value) ? value : {};
    if (direction === 'Egress' && present(peer.networks) && !present(peer.namespaces) && !present(peer.pods) && !present(peer.nodes)) {
      return { kind: 'networks', addresses: compileNetworks(peer.networks as unknown[], [...path, 'networks'], report) };
    }
    if (direction === 'Egress' && present(peer.nodes) && !present(peer.namespaces) && !present(peer.pods) && !present(peer.networks)) {
      report.warning([...path, 'nodes'], 'a `nodes` peer matches nothing here: node addresses are not part of the manifests.');
      return { kind: 'nodes' };
    }
    return compileSelection(peer, path, 'a peer', report.error, direction === 'Egress' ? ['nodes', 'networks'] : []);
  });
}

/** IPv4 CIDRs, host bits ignored; IPv6 entries are left out with a warning. */
function compileNetworks(entries: readonly unknown[], path: ObjectPath, report: { network: Report; warning: Report }): Ipv4Set {
  let addresses = NO_IPV4;
  entries.forEach((entry, index) => {
    const cidr = typeof entry === 'string' ? parseCidr(entry) : undefined;
    if (!cidr) report.network([...path, index], `${JSON.stringify(entry ?? '')} is not a CIDR (an address and a prefix length, such as 10.0.0.0/8).`);
    else if (cidr.kind === 'ipv6') report.warning([...path, index], `the IPv6 network ${cidr.text} is ignored: only IPv4 addresses are analysed.`);
    else addresses = unionIpv4(addresses, ipv4SetOfCidr(cidr));
  });
  return addresses;
}

function compilePorts(value: unknown, path: ObjectPath, report: Report): AdminPorts {
  if (!Array.isArray(value)) return 'all';
  let numbers = NO_PORTS;
  const named: AdminPortEntry[] = [];
  value.forEach((entry, index) => {
    const at = [...path, index];
    const fields = isPlainObject(entry) ? entry : {};
    const written = ['portNumber', 'namedPort', 'portRange'].filter((key) => present(fields[key]));
    if (written.length !== 1) {
      report(at, `a ports entry must set exactly one of \`portNumber\`, \`namedPort\`, \`portRange\`; it sets ${written.length === 0 ? 'none' : written.map((key) => `\`${key}\``).join(' and ')}.`);
      return;
    }
    if (written[0] === 'namedPort') {
      named.push({ kind: 'named', name: fields.namedPort as string, path: [...at, 'namedPort'] });
      return;
    }
    const spec = fields[written[0]] as PlainObject;
    const protocol = protocolOf(spec.protocol);
    if (written[0] === 'portNumber') {
      // A protocol or port number the CRD refuses contributes nothing (not fatal upstream).
      if (protocol && typeof spec.port === 'number') numbers = unionPorts(numbers, portsOf(protocol, spec.port));
      return;
    }
    const start = typeof spec.start === 'number' ? spec.start : 0;
    const end = typeof spec.end === 'number' ? spec.end : 0;
    if (start < 1 || start > 65535 || end < 1 || end > 65535 || end < start) {
      report([...at, 'portRange'], `the port range ${start}-${end} is not valid: start and end must be within 1-65535, end not below start.`);
      return;
    }
    if (protocol) numbers = unionPorts(numbers, portsOf(protocol, start, end));
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
