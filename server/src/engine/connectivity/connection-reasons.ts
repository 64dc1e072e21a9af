import ipaddr from 'ipaddr.js';
import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Workload } from '../model/cluster-types';
import { parseAddress, parseCidr } from '../net/cidr';
import { intersectIpv4, ipv4RangeToCidrs, ipv4SetOfCidr, ipv4ToNumber, type Ipv4Range } from '../net/ipv4-set';
import { RULES_KEY } from '../policy/network-policy';
import type { AddressBlock } from './address-partition';
import type { AdminAction } from './admin-policy';
import type { ConnectivityAnalysis } from './analysis';
import type { PolicyDirection } from './compiled-policy';
import { portsBetween, type Connection } from './connections';
import { verdictsWithExternal, type DirectionVerdict } from './direction-verdict';
import { endpointName, externalEndpoints, workloadEndpoint, type Endpoint } from './endpoints';
import { adminReasons, adminReasonText, explainConnection } from './explain';
import { ALL_PORTS, intersectPorts, isEmptyPorts, NO_PORTS, subtractPorts, unionPorts, type PortSet } from './port-set';

// The reasons behind connections (`connectivity --explain`), as plain data the CLI only formats.

/** Where something is written: the file as read and a 1-based line. */
export interface SourceLine {
  file: string;
  line: number;
}

export interface PolicyRef {
  kind: 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  /** NetworkPolicies only (admin policies are cluster-scoped). */
  namespace?: string;
  name: string;
  /** AdminNetworkPolicies only. */
  priority?: number;
  at: SourceLine;
}

/** One reason for what a side allows or denies, with the ports it is about. */
export type SideReason =
  | {
      /** An AdminNetworkPolicy or BaselineAdminNetworkPolicy rule decided (or, Pass, handed on) these ports. */
      kind: 'adminRule';
      policy: PolicyRef;
      /** Index in the policy's `spec.ingress` or `spec.egress` (0-based; the text says rule N+1). */
      ruleIndex: number;
      ruleName?: string;
      action: AdminAction;
      ports: PortSet;
      /** NetworkPolicies whose rules would have given some of these ports but are not consulted. */
      notConsulted: PolicyRef[];
      /** `adminReasonText`: "denied by AdminNetworkPolicy `guard` (priority 5) ingress rule 2; ...". */
      text: string;
      at: SourceLine;
    }
  | {
      /** A rule of an isolating NetworkPolicy admits the other end on these ports (no admin rule took them). */
      kind: 'networkPolicyRule';
      policy: PolicyRef;
      ruleIndex: number;
      ports: PortSet;
      at: SourceLine;
    }
  | {
      /** The side is isolated and no rule of its NetworkPolicies admits the other end on these ports. */
      kind: 'noRuleAdmits';
      ports: PortSet;
    }
  | {
      /** No NetworkPolicy isolates the side and no admin rule decided these ports: allowed by default. */
      kind: 'default';
      ports: PortSet;
    };

/** What one side allows toward (or from) the other end, and why. */
export interface VerdictExplanation {
  /**
   * The other end's addresses this verdict covers, as CIDRs, when the other end is a block of external
   * addresses that different rules decide; absent otherwise.
   */
  addresses?: string[];
  allowed: PortSet;
  isolated: boolean;
  /** The NetworkPolicies that select the workload for this direction. */
  isolatedBy: PolicyRef[];
  reasons: SideReason[];
}

/** The egress side of a connection's source, or the ingress side of its destination. */
export type SideExplanation =
  | { direction: PolicyDirection; endpoint: string; external: true }
  | { direction: PolicyDirection; endpoint: string; external: false; verdicts: VerdictExplanation[] };

export interface ConnectionExplanation {
  egress: SideExplanation;
  ingress: SideExplanation;
}

export interface ExplainedPair {
  connection: Connection;
  explanation: ConnectionExplanation;
}

/**
 * The reasons behind connections, as plain data (names, rule indexes, ports, files and 1-based lines).
 * Verdicts toward external addresses are computed once per workload and direction.
 */
export class ConnectionExplainer {
  private readonly external = new Map<string, AddressBlock<DirectionVerdict>[]>();

  constructor(private readonly analysis: ConnectivityAnalysis) {}

  /** Why a connection of `listConnections` is allowed. */
  explain(connection: Connection): ConnectionExplanation {
    const { from, to } = connection;
    if (from.kind === 'workload' && to.kind === 'workload') {
      const explained = explainConnection(this.analysis, from.workload, to.workload);
      return { egress: workloadSide(from, 'Egress', [explainVerdict(explained.egress!)]), ingress: workloadSide(to, 'Ingress', [explainVerdict(explained.ingress!)]) };
    }
    if (from.kind === 'external' && to.kind === 'workload') {
      return { egress: externalSide(from, 'Egress'), ingress: workloadSide(to, 'Ingress', this.externalVerdicts(to.workload, 'Ingress', from.block)) };
    }
    if (from.kind === 'workload' && to.kind === 'external') {
      return { egress: workloadSide(from, 'Egress', this.externalVerdicts(from.workload, 'Egress', to.block)), ingress: externalSide(to, 'Ingress') };
    }
    throw new Error('external → external connections are never reported');
  }

  /**
   * One ordered pair, allowed or not: for two workloads one entry; with a range of external addresses,
   * one entry per CIDR block of it that the same rules decide (so each names its own reasons).
   */
  explainPair(from: Workload | Ipv4Range, to: Workload | Ipv4Range): ExplainedPair[] {
    if (isWorkload(from) && isWorkload(to)) {
      const connection = { from: workloadEndpoint(from), to: workloadEndpoint(to), ports: portsBetween(this.analysis, from, to) };
      return [{ connection, explanation: this.explain(connection) }];
    }
    if (!isWorkload(from) && !isWorkload(to)) throw new Error('external → external connections are never analysed');
    const workload = isWorkload(from) ? from : (to as Workload);
    const range = isWorkload(from) ? (to as Ipv4Range) : from;
    const direction: PolicyDirection = isWorkload(from) ? 'Egress' : 'Ingress';
    return this.blocks(workload, direction).flatMap(({ range: block, value }) =>
      intersectIpv4([block], [range]).flatMap((part) =>
        externalEndpoints(part).map((external) => {
          const connection = direction === 'Egress' ? { from: workloadEndpoint(workload), to: external, ports: value.allowed } : { from: external, to: workloadEndpoint(workload), ports: value.allowed };
          return { connection, explanation: this.explain(connection) };
        }),
      ),
    );
  }

  private blocks(workload: Workload, direction: PolicyDirection): AddressBlock<DirectionVerdict>[] {
    const key = `${direction}|${workload.key}`;
    let blocks = this.external.get(key);
    if (!blocks) this.external.set(key, (blocks = verdictsWithExternal(this.analysis, workload, direction)));
    return blocks;
  }

  // A reported block joins neighbours with the same ports, which different rules may open.
  private externalVerdicts(workload: Workload, direction: PolicyDirection, range: Ipv4Range): VerdictExplanation[] {
    const parts = this.blocks(workload, direction).flatMap(({ range: block, value }) => intersectIpv4([block], [range]).map((part) => ({ part, value })));
    if (parts.length === 1) return [explainVerdict(parts[0].value)];
    return parts.map(({ part, value }) => ({ addresses: ipv4RangeToCidrs(part), ...explainVerdict(value) }));
  }
}

function isWorkload(value: Workload | Ipv4Range): value is Workload {
  return 'key' in value;
}

function workloadSide(endpoint: Endpoint, direction: PolicyDirection, verdicts: VerdictExplanation[]): SideExplanation {
  return { direction, endpoint: endpointName(endpoint), external: false, verdicts };
}

function externalSide(endpoint: Endpoint, direction: PolicyDirection): SideExplanation {
  return { direction, endpoint: endpointName(endpoint), external: true };
}

/**
 * A verdict as reasons, in evaluation order: the admin rules (an Allow or a Deny is final, a Pass hands
 * on), then, when NetworkPolicies isolate the side, their rules for the ports left (or that none
 * admits the other end), else what the default allows.
 */
export function explainVerdict(verdict: DirectionVerdict): VerdictExplanation {
  const reasons: SideReason[] = [];
  let decided = NO_PORTS;
  for (const reason of adminReasons(verdict)) {
    const { decision } = reason;
    if (decision.action !== 'Pass') decided = unionPorts(decided, decision.ports);
    reasons.push({
      kind: 'adminRule',
      policy: {
        kind: decision.tier,
        name: decision.policy.name,
        ...(decision.tier === 'AdminNetworkPolicy' ? { priority: decision.policy.priority } : {}),
        at: lineOf(decision.policy.object, ['kind']),
      },
      ruleIndex: decision.ruleIndex,
      ...(decision.ruleName !== undefined ? { ruleName: decision.ruleName } : {}),
      action: decision.action,
      ports: decision.ports,
      notConsulted: uniqueBy(reason.notConsulted.map((rule) => networkPolicyRef(rule.policy)), (ref) => `${ref.namespace}/${ref.name}`),
      text: adminReasonText(reason),
      at: lineOf(decision.policy.object, ['spec', RULES_KEY[decision.direction], decision.ruleIndex]),
    });
  }
  const undecided = subtractPorts(ALL_PORTS, decided);
  if (verdict.isolated) {
    let opened = NO_PORTS;
    for (const rule of verdict.rules) {
      const ports = intersectPorts(rule.ports, undecided);
      if (isEmptyPorts(ports)) continue;
      opened = unionPorts(opened, ports);
      reasons.push({ kind: 'networkPolicyRule', policy: networkPolicyRef(rule.policy), ruleIndex: rule.ruleIndex, ports, at: lineOf(rule.policy.object, ['spec', RULES_KEY[rule.direction], rule.ruleIndex]) });
    }
    if (isEmptyPorts(opened) && !isEmptyPorts(undecided)) reasons.push({ kind: 'noRuleAdmits', ports: undecided });
  } else if (reasons.length > 0 && !isEmptyPorts(undecided)) {
    reasons.push({ kind: 'default', ports: undecided });
  }
  return { allowed: verdict.allowed, isolated: verdict.isolated, isolatedBy: verdict.policies.map(networkPolicyRef), reasons };
}

function networkPolicyRef(policy: { namespace: string; name: string; object: KubeObject }): PolicyRef {
  return { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name, at: lineOf(policy.object, ['kind']) };
}

function lineOf(object: KubeObject, path: ObjectPath): SourceLine {
  return { file: object.document.uri, line: object.rangeOf(path, 'pair').start.line + 1 };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && (seen.add(key(item)), true));
}

/**
 * A connection end as `connectivity` prints it: a workload key ("shop/web[Deployment]"), or external
 * IPv4 addresses as a CIDR or a single address. A text naming neither gives the reason why.
 */
export function endpointNamed(analysis: ConnectivityAnalysis, text: string): Workload | Ipv4Range | { problem: string } {
  const workload = analysis.model.workloads.find((candidate) => candidate.key === text);
  if (workload) return workload;
  const cidr = text.includes('/') ? parseCidr(text) : undefined;
  const address = cidr ? undefined : parseAddress(text);
  if (cidr?.kind === 'ipv4') return ipv4SetOfCidr(cidr)[0];
  if (address?.kind() === 'ipv4' && ipaddr.IPv4.isValidFourPartDecimal(text.trim())) {
    const value = ipv4ToNumber(address as ipaddr.IPv4);
    return { first: value, last: value };
  }
  if (cidr || address) return { problem: `"${text}" is an IPv6 address: the connectivity analysis covers IPv4 only` };
  if (/^[^/\s]+\/[^/\s]+\[[^\]]+\]$/.test(text)) return { problem: `no workload "${text}" in the manifests read` };
  return { problem: `"${text}" is neither a workload (namespace/name[Kind], as the connections name them) nor an IPv4 address or CIDR` };
}
