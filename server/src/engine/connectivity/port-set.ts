import { intersectRanges, mergeRanges, type IntegerRange } from '../net/integer-ranges';

/**
 * Sets of (protocol, port) pairs: for each of TCP, UDP and SCTP, sorted, disjoint, non-adjacent
 * inclusive port ranges within 1-65535. Plain data, so answers can carry them as they are.
 */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export type PortRange = IntegerRange;

export type PortSet = Readonly<Record<Protocol, readonly PortRange[]>>;

/** One entry of the JSON output: a port, or the inclusive range `port..endPort`. */
export interface PortEntry {
  protocol: Protocol;
  port: number;
  endPort?: number;
}

export const NO_PORTS: PortSet = { TCP: [], UDP: [], SCTP: [] };
export const ALL_PORTS: PortSet = { TCP: [fullRange()], UDP: [fullRange()], SCTP: [fullRange()] };

function fullRange(): PortRange {
  return { first: MIN_PORT, last: MAX_PORT };
}

export function isProtocol(value: unknown): value is Protocol {
  return value === 'TCP' || value === 'UDP' || value === 'SCTP';
}

/** The ports `first..last` of one protocol; empty when the range is outside 1-65535 or reversed. */
export function portsOf(protocol: Protocol, first: number, last: number = first): PortSet {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < MIN_PORT || last > MAX_PORT || first > last) return NO_PORTS;
  return { ...NO_PORTS, [protocol]: [{ first, last }] };
}

export function allPortsOf(protocol: Protocol): PortSet {
  return portsOf(protocol, MIN_PORT, MAX_PORT);
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  // Shortcuts for the common cases: the analysis unites sets for every pair of workloads.
  if (isEmptyPorts(b) || isAllPorts(a)) return a;
  if (isEmptyPorts(a) || isAllPorts(b)) return b;
  return perProtocol((protocol) => mergeRanges([...a[protocol], ...b[protocol]]));
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  if (isAllPorts(a) || isEmptyPorts(b)) return b;
  if (isAllPorts(b) || isEmptyPorts(a)) return a;
  return perProtocol((protocol) => intersectRanges(a[protocol], b[protocol]));
}

/** The pairs of `a` that are not in `b`. */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (isEmptyPorts(a) || isEmptyPorts(b)) return a;
  if (isAllPorts(b)) return NO_PORTS;
  return perProtocol((protocol) => intersectRanges(a[protocol], complementRanges(b[protocol])));
}

function complementRanges(ranges: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  let next = MIN_PORT;
  for (const range of ranges) {
    if (range.first > next) result.push({ first: next, last: range.first - 1 });
    next = range.last + 1;
  }
  if (next <= MAX_PORT) result.push({ first: next, last: MAX_PORT });
  return result;
}

// Spelled out per protocol: the map asks these of every pair it lists.
export function isEmptyPorts(set: PortSet): boolean {
  return set.TCP.length === 0 && set.UDP.length === 0 && set.SCTP.length === 0;
}

export function isAllPorts(set: PortSet): boolean {
  return set === ALL_PORTS || (isFullRange(set.TCP) && isFullRange(set.UDP) && isFullRange(set.SCTP));
}

function isFullRange(ranges: readonly PortRange[]): boolean {
  return ranges.length === 1 && ranges[0].first === MIN_PORT && ranges[0].last === MAX_PORT;
}

export function samePorts(a: PortSet, b: PortSet): boolean {
  return PROTOCOLS.every(
    (protocol) =>
      a[protocol].length === b[protocol].length &&
      a[protocol].every((range, index) => range.first === b[protocol][index].first && range.last === b[protocol][index].last),
  );
}

export function portSetContains(set: PortSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some((range) => range.first <= port && port <= range.last);
}

/** The set as JSON entries, TCP then UDP then SCTP, ascending; `endPort` only for ranges. */
export function portEntries(set: PortSet): PortEntry[] {
  return PROTOCOLS.flatMap((protocol) =>
    set[protocol].map((range) => (range.first === range.last ? { protocol, port: range.first } : { protocol, port: range.first, endPort: range.last })),
  );
}

/**
 * "All Connections", or "TCP 80,8000-8090,UDP 53": the wording of np-guard's netpol-analyzer, so
 * that its users can compare outputs line by line.
 */
export function describePorts(set: PortSet): string {
  if (isAllPorts(set)) return 'All Connections';
  if (isEmptyPorts(set)) return 'No Connections';
  return PROTOCOLS.filter((protocol) => set[protocol].length > 0)
    .map((protocol) => `${protocol} ${set[protocol].map((range) => (range.first === range.last ? `${range.first}` : `${range.first}-${range.last}`)).join(',')}`)
    .join(',');
}

function perProtocol(ranges: (protocol: Protocol) => PortRange[]): PortSet {
  return { TCP: ranges('TCP'), UDP: ranges('UDP'), SCTP: ranges('SCTP') };
}
