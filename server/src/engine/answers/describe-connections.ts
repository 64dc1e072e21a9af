import type { DirectionVerdict } from '../connectivity/direction-verdict';
import type { ExplainedConnection } from '../connectivity/explain';
import { intersectPorts, isEmptyPorts, samePorts, type PortSet } from '../connectivity/port-set';
import type { Workload } from '../model/cluster-types';
import { RULES_KEY } from '../policy/network-policy';
import { addressesText } from './describe-addresses';
import { portSetText } from './describe-ports';
import { cappedList, plural, workloadLabel } from './name-lists';
import { sourceLink } from './source-link';
import { adminPolicyKindName, adminPolicyRank } from '../model/admin-policies';

/** One line of a workload's connections: the other end, the ports, and the rules that allow them. */
export interface ConnectionLine {
  peer: string;
  /** The other end is a range of external addresses, not a workload. */
  external: boolean;
  ports: string;
  /** The rules of both sides, as links to where they are written ("" when neither side is isolated). */
  reasons: string;
}

/**
 * A workload's inbound or outbound connections as lines. External blocks that the same rules open on
 * the same ports are joined into one line ("any address except 10.0.0.0/8"), since the analysis
 * splits them into CIDR blocks.
 */
export function connectionLines(workload: Workload, connections: readonly ExplainedConnection[], side: 'inbound' | 'outbound'): ConnectionLine[] {
  const namespace = workload.id.namespace;
  const lines: ConnectionLine[] = [];
  const external = new Map<string, { ranges: { first: number; last: number }[]; ports: string; reasons: string; index: number }>();
  for (const connection of connections) {
    const peer = side === 'inbound' ? connection.from : connection.to;
    const own = side === 'inbound' ? connection.ingress : connection.egress;
    const other = side === 'inbound' ? connection.egress : connection.ingress;
    const ports = portSetText(connection.ports);
    if (peer.kind === 'workload') {
      // Each rule names its direction ("egress rule 1"), which tells the sender's side from the receiver's.
      const reasons = [own, other].flatMap((verdict) => (verdict ? reasonsOf(verdict, connection.ports) : [])).join('; ');
      lines.push({ peer: workloadLabel(peer.workload, namespace), external: false, ports, reasons });
      continue;
    }
    const reasons = own ? reasonsOf(own, connection.ports).join('; ') : '';
    const key = `${ports}\n${reasons}`;
    const group = external.get(key);
    if (group) group.ranges.push(peer.block);
    else {
      external.set(key, { ranges: [peer.block], ports, reasons, index: lines.length });
      lines.push({ peer: '', external: true, ports, reasons });
    }
  }
  for (const group of external.values()) lines[group.index].peer = addressesText(group.ranges);
  return lines;
}

/**
 * Workload lines with the same ports and rules as one line ("6 workloads (a, b, …)"), in the
 * order of their first line: a hover says who is allowed what and why, not one line per peer.
 */
export function groupedLines(lines: readonly ConnectionLine[]): ConnectionLine[] {
  const groups = new Map<string, { line: ConnectionLine; peers: string[] }>();
  const result: { line: ConnectionLine; peers: string[] }[] = [];
  for (const line of lines) {
    const key = `${line.ports}\n${line.reasons}`;
    const group = line.external ? undefined : groups.get(key);
    if (group) {
      group.peers.push(line.peer);
      continue;
    }
    const entry = { line, peers: [line.peer] };
    if (!line.external) groups.set(key, entry);
    result.push(entry);
  }
  return result.map(({ line, peers }) => (peers.length === 1 ? line : { ...line, peer: `${plural(peers.length, 'workload')} (${cappedList(peers)})` }));
}

/**
 * Why one side lets `ports` through: the admin rules that allowed or passed them (an ANP's Allow is
 * final), then the NetworkPolicy rules that open them when policies isolate the side.
 */
function reasonsOf(verdict: DirectionVerdict, ports: PortSet): string[] {
  const admin = adminRulesText(verdict, ports);
  return [...(admin ? [admin] : []), ...(verdict.isolated ? [rulesText(verdict, ports)] : [])];
}

/** "allowed by [guard](file:///x.yaml#L9) AdminNetworkPolicy priority 5 ingress rule 1": the admin rules behind `ports`. */
function adminRulesText(verdict: DirectionVerdict, ports: PortSet): string {
  return (verdict.adminRules ?? [])
    .filter((decision) => decision.action !== 'Deny' && !isEmptyPorts(intersectPorts(decision.ports, ports)))
    .map((decision) => {
      const link = sourceLink(decision.policy.object, ['spec', RULES_KEY[decision.direction], decision.ruleIndex], decision.policy.name);
      const rank = adminPolicyRank(decision.policy);
      const priority = rank ? ` ${rank}` : '';
      const action = decision.action === 'Allow' ? 'allowed by' : 'passed on by';
      return `${action} ${link} ${adminPolicyKindName(decision.policy)}${priority} ${decision.direction.toLowerCase()} rule ${decision.ruleIndex + 1}`;
    })
    .join(', ');
}

/** The rules of one side that open some of `ports`: "[api-in](file:///x.yaml#L12) ingress rule 1". */
function rulesText(verdict: DirectionVerdict, ports: PortSet): string {
  const rules = verdict.rules.filter((rule) => !isEmptyPorts(intersectPorts(rule.ports, ports)));
  return rules
    .map((rule) => {
      const link = sourceLink(rule.policy.object, ['spec', RULES_KEY[rule.direction], rule.ruleIndex], rule.policy.name);
      const narrower = samePorts(intersectPorts(rule.ports, ports), ports) ? '' : ` (${portSetText(intersectPorts(rule.ports, ports))})`;
      return `${link} ${rule.direction.toLowerCase()} rule ${rule.ruleIndex + 1}${narrower}`;
    })
    .join(', ');
}
