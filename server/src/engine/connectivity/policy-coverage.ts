import type { NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { ipv4SetToCidrs } from '../net/ipv4-set';
import { compiledPolicyOf, type ConnectivityAnalysis } from './analysis';
import { DIRECTIONS, type CompiledRule, type PolicyDirection } from './compiled-policy';
import { ALL_PORTS, NO_PORTS, unionPorts, type PortSet, type Protocol } from './port-set';
import { peerAddresses, peerMatchesWorkload, type CompiledPeer } from './rule-peers';

/** What a policy does: whom it selects per direction, and what each of its rules admits. */
export interface PolicyCoverage {
  policy: NetworkPolicyInfo;
  /** The directions the policy affects (policyTypes or its defaulting). */
  affects: Record<PolicyDirection, boolean>;
  /** The workloads of its namespace its podSelector matches. */
  selected: Workload[];
  /** `selected` for each affected direction, [] for the others: the workloads it isolates. */
  isolates: Record<PolicyDirection, Workload[]>;
  /** Why the podSelector matches nothing, when Kubernetes would refuse it. */
  podSelectorProblem?: string;
  /** The rules of the affected directions (rules of other directions are ignored and not listed). */
  rules: RuleCoverage[];
}

export interface RuleCoverage {
  direction: PolicyDirection;
  index: number;
  /** An absent or empty peer list: every workload and every external address. */
  admitsEverything: boolean;
  /** The workloads any peer matches. */
  workloads: Workload[];
  /** The external addresses admitted, as the fewest CIDR blocks. */
  external: string[];
  peers: PeerCoverage[];
  /** The numeric ports (every port when the rule lists none). */
  ports: PortSet;
  /** Named ports, resolved per destination workload. */
  namedPorts: { protocol: Protocol; name: string }[];
  /** Entries of `ports` Kubernetes would refuse; they allow nothing. */
  portProblems: string[];
}

export interface PeerCoverage {
  /** Index in the rule's `from` or `to`. */
  index: number;
  workloads: Workload[];
  external: string[];
  /** Why the peer matches nothing, when Kubernetes would refuse it. */
  problem?: string;
}

export function policyCoverage(analysis: ConnectivityAnalysis, policy: NetworkPolicyInfo): PolicyCoverage | undefined {
  const compiled = compiledPolicyOf(analysis, policy);
  if (!compiled) return undefined;
  const selected = [...(analysis.selected.get(compiled) ?? [])];
  const workloadsOf = (keys: ReadonlySet<string> | undefined) => analysis.model.workloads.filter((workload) => keys?.has(workload.key));
  return {
    policy,
    affects: { ...compiled.affects },
    selected,
    isolates: { Ingress: compiled.affects.Ingress ? selected : [], Egress: compiled.affects.Egress ? selected : [] },
    ...(compiled.podSelector.kind === 'malformed' ? { podSelectorProblem: compiled.podSelector.reason } : {}),
    rules: DIRECTIONS.flatMap((direction) =>
      compiled.rules[direction].map((rule) => ruleCoverage(analysis, policy.namespace, rule, workloadsOf(analysis.admitted.get(rule)))),
    ),
  };
}

function ruleCoverage(analysis: ConnectivityAnalysis, policyNamespace: string, rule: CompiledRule, workloads: Workload[]): RuleCoverage {
  const entries = rule.ports === 'all' ? [] : rule.ports;
  return {
    direction: rule.direction,
    index: rule.index,
    admitsEverything: rule.peers === 'everything',
    workloads,
    external: ipv4SetToCidrs(peerAddresses(rule.peers)),
    peers: rule.peers === 'everything' ? [] : rule.peers.map((peer) => peerCoverage(analysis, policyNamespace, peer)),
    ports: rule.ports === 'all' ? ALL_PORTS : entries.reduce((set, entry) => (entry.kind === 'numbers' ? unionPorts(set, entry.ports) : set), NO_PORTS),
    namedPorts: entries.flatMap((entry) => (entry.kind === 'named' ? [{ protocol: entry.protocol, name: entry.name }] : [])),
    portProblems: entries.flatMap((entry) => (entry.kind === 'invalid' ? [entry.reason] : [])),
  };
}

function peerCoverage(analysis: ConnectivityAnalysis, policyNamespace: string, peer: CompiledPeer): PeerCoverage {
  const { workloads, namespaces } = analysis.model;
  const problem = peerProblem(peer);
  return {
    index: peer.index,
    workloads: workloads.filter((workload) => peerMatchesWorkload(peer, policyNamespace, workload, namespaces)),
    external: peer.kind === 'ipBlock' ? ipv4SetToCidrs(peer.addresses) : [],
    ...(problem ? { problem } : {}),
  };
}

function peerProblem(peer: CompiledPeer): string | undefined {
  if (peer.kind === 'invalid') return peer.reason;
  if (peer.kind !== 'selectors') return undefined;
  if (peer.namespaceSelector?.kind === 'malformed') return `namespaceSelector: ${peer.namespaceSelector.reason}`;
  if (peer.podSelector?.kind === 'malformed') return `podSelector: ${peer.podSelector.reason}`;
  return undefined;
}
