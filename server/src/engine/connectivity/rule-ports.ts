import { isPlainObject } from '../manifest/kube-object';
import type { Workload } from '../model/cluster-types';
import { policyPortProtocol } from '../model/port-defaults';
import { ALL_PORTS, allPortsOf, isEmptyPorts, isProtocol, NO_PORTS, portsOf, unionPorts, type PortSet, type Protocol } from './port-set';

/**
 * One entry of a rule's `ports`: numbers known in advance, or a named port that each destination
 * resolves on its own containers. An entry Kubernetes would refuse (unknown protocol, port outside
 * 1-65535, `endPort` below `port` or without a numeric `port`) is `invalid` and allows nothing.
 */
export type CompiledPortEntry =
  | { kind: 'numbers'; ports: PortSet }
  | { kind: 'named'; protocol: Protocol; name: string }
  | { kind: 'invalid'; reason: string };

/** A rule's `ports`: absent, null or [] mean every protocol and port. */
export type CompiledPorts = 'all' | readonly CompiledPortEntry[];

export function compileRulePorts(value: unknown): CompiledPorts {
  if (value === undefined || value === null) return 'all';
  if (!Array.isArray(value)) return [{ kind: 'invalid', reason: 'ports is not a list' }];
  if (value.length === 0) return 'all';
  return value.map(compilePortEntry);
}

function compilePortEntry(entry: unknown): CompiledPortEntry {
  // A null entry decodes to the zero value, as the API server reads it: every TCP port.
  const fields = entry === null ? {} : entry;
  if (!isPlainObject(fields)) return { kind: 'invalid', reason: 'the entry is not a map' };
  const protocol = policyPortProtocol(fields.protocol);
  if (!isProtocol(protocol)) return { kind: 'invalid', reason: `unknown protocol ${JSON.stringify(protocol)}` };
  const { port, endPort } = fields;
  const hasEnd = endPort !== undefined && endPort !== null;
  if (port === undefined || port === null) {
    return hasEnd ? { kind: 'invalid', reason: 'endPort needs a numeric port' } : { kind: 'numbers', ports: allPortsOf(protocol) };
  }
  if (typeof port === 'string') {
    return hasEnd ? { kind: 'invalid', reason: 'endPort needs a numeric port' } : { kind: 'named', protocol, name: port };
  }
  if (typeof port !== 'number' || (hasEnd && typeof endPort !== 'number')) return { kind: 'invalid', reason: 'port is not a number or a name' };
  const ports = portsOf(protocol, port, hasEnd ? (endPort as number) : port);
  return isEmptyPorts(ports) ? { kind: 'invalid', reason: 'the port range is not within 1-65535' } : { kind: 'numbers', ports };
}

/**
 * What a rule's ports allow toward `destination`: named ports resolve on the destination workload's
 * containers (same name and protocol); toward external addresses they allow nothing.
 */
export function resolveRulePorts(ports: CompiledPorts, destination: Workload | 'external'): PortSet {
  if (ports === 'all') return ALL_PORTS;
  let result = numericPortsOf(ports);
  if (destination === 'external') return result;
  for (const entry of ports) {
    if (entry.kind === 'named') result = unionPorts(result, resolveNamedPort(destination, entry.protocol, entry.name));
  }
  return result;
}

// The numeric part of a rule's ports is the same for every destination: computed once per rule.
const numericCache = new WeakMap<readonly CompiledPortEntry[], PortSet>();

function numericPortsOf(entries: readonly CompiledPortEntry[]): PortSet {
  let result = numericCache.get(entries);
  if (!result) {
    result = entries.reduce((set, entry) => (entry.kind === 'numbers' ? unionPorts(set, entry.ports) : set), NO_PORTS);
    numericCache.set(entries, result);
  }
  return result;
}

export function resolveNamedPort(destination: Workload, protocol: Protocol, name: string): PortSet {
  let result = NO_PORTS;
  for (const declared of destination.containerPorts) {
    if (declared.name === name && declared.protocol === protocol) result = unionPorts(result, portsOf(protocol, declared.port));
  }
  return result;
}
