import { isAllPorts, isEmptyPorts, NO_PORTS, PROTOCOLS, unionPorts, type PortSet } from '../connectivity/port-set';
import { resolveNamedPort, type CompiledPorts } from '../connectivity/rule-ports';
import type { Workload } from '../model/cluster-types';
import { cappedList, workloadLabel } from './name-lists';

/** "all ports", "TCP 80, 8000-8090 and UDP 53", "all TCP ports", "nothing". */
export function portSetText(set: PortSet): string {
  if (isAllPorts(set)) return 'all ports';
  if (isEmptyPorts(set)) return 'nothing';
  const parts = PROTOCOLS.filter((protocol) => set[protocol].length > 0).map((protocol) => {
    const ranges = set[protocol];
    if (ranges.length === 1 && ranges[0].first === 1 && ranges[0].last === 65535) return `all ${protocol} ports`;
    return `${protocol} ${ranges.map((range) => (range.first === range.last ? `${range.first}` : `${range.first}-${range.last}`)).join(', ')}`;
  });
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export interface RulePortsTarget {
  /** The workloads named ports resolve on: the selected pods for ingress, the admitted peers for egress. */
  destinations: readonly Workload[];
  /** The rule also reaches external addresses, toward which a named port allows nothing. */
  toAddresses: boolean;
  /** The namespace the text is about (workloads elsewhere are named with theirs). */
  namespace: string;
}

/**
 * A rule's `ports` in words: the numbers, each named port with what it resolves to on each
 * destination, and the entries Kubernetes would refuse (they allow nothing).
 */
export function rulePortsText(ports: CompiledPorts, target: RulePortsTarget): string {
  if (ports === 'all') return 'all ports';
  const numbers = ports.reduce((set, entry) => (entry.kind === 'numbers' ? unionPorts(set, entry.ports) : set), NO_PORTS);
  const parts = isEmptyPorts(numbers) ? [] : [portSetText(numbers)];
  for (const entry of ports) {
    if (entry.kind === 'named') parts.push(namedPortText(entry.protocol, entry.name, target));
    if (entry.kind === 'invalid') parts.push(`an invalid entry that allows nothing (${entry.reason})`);
  }
  return parts.join('; ');
}

function namedPortText(protocol: 'TCP' | 'UDP' | 'SCTP', name: string, target: RulePortsTarget): string {
  const byPort = new Map<string, string[]>();
  const undeclared: string[] = [];
  for (const workload of target.destinations) {
    const resolved = resolveNamedPort(workload, protocol, name);
    const label = workloadLabel(workload, target.namespace);
    if (isEmptyPorts(resolved)) undeclared.push(label);
    else byPort.set(portSetText(resolved), [...(byPort.get(portSetText(resolved)) ?? []), label]);
  }
  const notes = [...byPort].map(([port, names]) => `${port} on ${cappedList(names, 4)}`);
  if (undeclared.length > 0) notes.push(`not declared by ${cappedList(undeclared, 4)}`);
  if (target.toAddresses) notes.push('nothing toward addresses');
  return `${protocol === 'TCP' ? '' : `${protocol} `}port \`${name}\`${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
