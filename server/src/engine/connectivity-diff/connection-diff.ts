import type { Connection, Endpoint } from '../connectivity';
import { compareConnections } from '../connectivity/connections';
import { isEmptyPorts, NO_PORTS, samePorts, subtractPorts, type PortSet } from '../connectivity/port-set';
import { LAST_IPV4, blockText, ipv4RangeToBlocks, type Ipv4Range } from '../net/ipv4-set';
import type { Workload } from '../model/cluster-types';

export type ChangeStatus = 'added' | 'removed' | 'changed';

/**
 * A connection whose ports differ between BASE and HEAD: `added` when BASE allowed none of them,
 * `removed` when HEAD allows none, else `changed`. `opened` are the ports HEAD allows and BASE did
 * not, `closed` the reverse; at least one is non-empty.
 */
export interface ConnectionChange {
  from: Endpoint;
  to: Endpoint;
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
 * different blocks: for each workload and direction, the addresses whose ports differ are grouped
 * into ranges with the same BASE and HEAD ports, each reported as its fewest CIDR blocks. Sorted as
 * `listConnections` sorts.
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
    const after = headExternal.get(key);
    const before = baseExternal.get(key);
    const { workload, direction } = (after ?? before)!;
    for (const part of differingRanges(before?.blocks ?? [], after?.blocks ?? [])) {
      for (const block of ipv4RangeToBlocks(part.range)) {
        const external: Endpoint = { kind: 'external', cidr: blockText(block), block };
        const self: Endpoint = { kind: 'workload', workload };
        if (direction === 'Ingress') pushChange(changes, external, self, part.base, part.head);
        else pushChange(changes, self, external, part.base, part.head);
      }
    }
  }
  return changes.sort(compareConnections);
}

function pushChange(changes: ConnectionChange[], from: Endpoint, to: Endpoint, base: PortSet, head: PortSet): void {
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

/** The address ranges where the two maps give different ports, neighbours with the same pair of sets joined. */
function differingRanges(base: readonly AddressPorts[], head: readonly AddressPorts[]): { range: Ipv4Range; base: PortSet; head: PortSet }[] {
  const cuts = new Set<number>([0, LAST_IPV4 + 1]);
  for (const { range } of [...base, ...head]) cuts.add(range.first).add(range.last + 1);
  const starts = [...cuts].sort((a, b) => a - b);
  const baseAt = pointer(base);
  const headAt = pointer(head);
  const parts: { range: Ipv4Range; base: PortSet; head: PortSet }[] = [];
  for (let index = 0; index + 1 < starts.length; index++) {
    const range = { first: starts[index], last: starts[index + 1] - 1 };
    const before = baseAt(range.first);
    const after = headAt(range.first);
    if (samePorts(before, after)) continue;
    const previous = parts[parts.length - 1];
    if (previous && previous.range.last + 1 === range.first && samePorts(previous.base, before) && samePorts(previous.head, after)) previous.range = { first: previous.range.first, last: range.last };
    else parts.push({ range, base: before, head: after });
  }
  return parts;
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

