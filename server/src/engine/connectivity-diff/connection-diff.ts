import type { Connection } from '../connectivity';
import { compareWorkloadIds } from '../model/cluster-model';
import { isEmptyPorts, NO_PORTS, samePorts, subtractPorts, type PortSet } from '../connectivity/port-set';
import { LAST_IPV4, blockText, complementIpv4, ipv4RangeToBlocks, type Ipv4Block, type Ipv4Range } from '../net/ipv4-set';
import type { Workload } from '../model/cluster-types';

export type ChangeStatus = 'added' | 'removed' | 'changed';

/**
 * One end of a changed connection: a workload, or the external addresses (disjoint ranges, in
 * address order, with their fewest CIDR blocks) for which the same ports changed the same way.
 */
export type DiffEndpoint = { kind: 'workload'; workload: Workload } | { kind: 'external'; ranges: readonly Ipv4Range[]; blocks: readonly Ipv4Block[] };

/**
 * A connection whose ports differ between BASE and HEAD: `added` when BASE allowed none of them,
 * `removed` when HEAD allows none, else `changed`. `opened` are the ports HEAD allows and BASE did
 * not, `closed` the reverse; at least one is non-empty.
 */
export interface ConnectionChange {
  from: DiffEndpoint;
  to: DiffEndpoint;
  status: ChangeStatus;
  base: PortSet;
  head: PortSet;
  opened: PortSet;
  closed: PortSet;
}

/**
 * What changed between two lists of `listConnections`. Workload ends are matched by identity (kind,
 * namespace, name: the workload key); the HEAD workload is reported when both sides have it. External
 * ends are compared address by address, not by CIDR text, because the two sides split 0.0.0.0/0 into
 * different blocks: for each workload and direction, the addresses whose ports changed the same way
 * (the same BASE and the same HEAD ports) make one change, however many blocks they take to write.
 * Sorted by `from`, then `to`: external addresses first, then workloads by namespace, name, kind.
 */
export function diffConnections(base: readonly Connection[], head: readonly Connection[]): ConnectionChange[] {
  const changes: ConnectionChange[] = [];
  const basePairs = workloadPairs(base);
  const headPairs = workloadPairs(head);
  for (const [key, after] of headPairs) {
    const before = basePairs.get(key);
    pushChange(changes, after.from, after.to, before?.ports ?? NO_PORTS, after.ports);
  }
  for (const [key, before] of basePairs) if (!headPairs.has(key)) pushChange(changes, before.from, before.to, before.ports, NO_PORTS);
  const baseExternal = externalMaps(base);
  const headExternal = externalMaps(head);
  for (const key of new Set([...headExternal.keys(), ...baseExternal.keys()])) {
    const { workload, direction } = (headExternal.get(key) ?? baseExternal.get(key))!;
    const self: DiffEndpoint = { kind: 'workload', workload };
    for (const group of changedAddresses(baseExternal.get(key)?.blocks ?? [], headExternal.get(key)?.blocks ?? [])) {
      const external: DiffEndpoint = { kind: 'external', ranges: group.ranges, blocks: group.ranges.flatMap(ipv4RangeToBlocks) };
      if (direction === 'Ingress') pushChange(changes, external, self, group.base, group.head);
      else pushChange(changes, self, external, group.base, group.head);
    }
  }
  return changes.sort((a, b) => compareDiffEndpoints(a.from, b.from) || compareDiffEndpoints(a.to, b.to));
}

/** A workload's key; external addresses as their CIDR blocks, or "0.0.0.0/0 except ..." when that is shorter. */
export function diffEndpointName(endpoint: DiffEndpoint): string {
  if (endpoint.kind === 'workload') return endpoint.workload.key;
  const cidrs = endpoint.blocks.map(blockText);
  const missing = complementIpv4(endpoint.ranges).flatMap(ipv4RangeToBlocks).map(blockText);
  return cidrs.length > 1 && missing.length < cidrs.length ? `0.0.0.0/0 except ${missing.join(', ')}` : cidrs.join(', ');
}

export function compareDiffEndpoints(a: DiffEndpoint, b: DiffEndpoint): number {
  if (a.kind === 'external' && b.kind === 'external') return a.ranges[0].first - b.ranges[0].first || a.ranges[0].last - b.ranges[0].last;
  if (a.kind === 'external') return -1;
  if (b.kind === 'external') return 1;
  return compareWorkloadIds(a.workload.id, b.workload.id);
}

function pushChange(changes: ConnectionChange[], from: DiffEndpoint, to: DiffEndpoint, base: PortSet, head: PortSet): void {
  if (samePorts(base, head)) return;
  const status: ChangeStatus = isEmptyPorts(base) ? 'added' : isEmptyPorts(head) ? 'removed' : 'changed';
  changes.push({ from, to, status, base, head, opened: subtractPorts(head, base), closed: subtractPorts(base, head) });
}

type WorkloadConnection = Connection & { from: { kind: 'workload' }; to: { kind: 'workload' } };

function workloadPairs(connections: readonly Connection[]): Map<string, WorkloadConnection> {
  const pairs = new Map<string, WorkloadConnection>();
  for (const connection of connections) {
    if (connection.from.kind !== 'workload' || connection.to.kind !== 'workload') continue;
    pairs.set(`${connection.from.workload.key}\n${connection.to.workload.key}`, connection as WorkloadConnection);
  }
  return pairs;
}

interface AddressPorts {
  range: Ipv4Range;
  ports: PortSet;
}

/** Per workload and direction, the external blocks it exchanges traffic with (disjoint), in address order. */
function externalMaps(connections: readonly Connection[]): Map<string, { workload: Workload; direction: 'Ingress' | 'Egress'; blocks: AddressPorts[] }> {
  const maps = new Map<string, { workload: Workload; direction: 'Ingress' | 'Egress'; blocks: AddressPorts[] }>();
  for (const { from, to, ports } of connections) {
    const inbound = from.kind === 'external' && to.kind === 'workload';
    const outbound = from.kind === 'workload' && to.kind === 'external';
    if (!inbound && !outbound) continue;
    const workload = inbound ? (to as { workload: Workload }).workload : (from as { workload: Workload }).workload;
    const external = (inbound ? from : to) as { block: Ipv4Range };
    const direction = inbound ? 'Ingress' : 'Egress';
    const key = `${direction}|${workload.key}`;
    let entry = maps.get(key);
    if (!entry) maps.set(key, (entry = { workload, direction, blocks: [] }));
    entry.blocks.push({ range: { first: external.block.first, last: external.block.last }, ports });
  }
  for (const entry of maps.values()) entry.blocks.sort((a, b) => a.range.first - b.range.first);
  return maps;
}

/**
 * The addresses where the two maps give different ports, grouped by the pair of port sets (BASE,
 * HEAD), neighbouring ranges joined; groups in the order of their first address.
 */
function changedAddresses(base: readonly AddressPorts[], head: readonly AddressPorts[]): { ranges: Ipv4Range[]; base: PortSet; head: PortSet }[] {
  const cuts = new Set<number>([0, LAST_IPV4 + 1]);
  for (const { range } of [...base, ...head]) cuts.add(range.first).add(range.last + 1);
  const starts = [...cuts].sort((a, b) => a - b);
  const baseAt = pointer(base);
  const headAt = pointer(head);
  const groups: { ranges: Ipv4Range[]; base: PortSet; head: PortSet }[] = [];
  for (let index = 0; index + 1 < starts.length; index++) {
    const range = { first: starts[index], last: starts[index + 1] - 1 };
    const before = baseAt(range.first);
    const after = headAt(range.first);
    if (samePorts(before, after)) continue;
    const group = groups.find((candidate) => samePorts(candidate.base, before) && samePorts(candidate.head, after));
    if (!group) {
      groups.push({ ranges: [range], base: before, head: after });
      continue;
    }
    const last = group.ranges[group.ranges.length - 1];
    if (last.last + 1 === range.first) group.ranges[group.ranges.length - 1] = { first: last.first, last: range.last };
    else group.ranges.push(range);
  }
  return groups;
}

// Asked for ascending addresses only, so one pass over the sorted blocks answers every question.
function pointer(blocks: readonly AddressPorts[]): (address: number) => PortSet {
  let index = 0;
  return (address) => {
    while (index < blocks.length && blocks[index].range.last < address) index++;
    const block = blocks[index];
    return block && block.range.first <= address ? block.ports : NO_PORTS;
  };
}

