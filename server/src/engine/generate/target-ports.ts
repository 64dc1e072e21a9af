import type { Workload } from '../model';
import { servicePortsOf } from '../rules/workspace/pod-selection';
import type { ServicePortEntry } from './workspace-services';

/** A port a policy opens: a protocol and a number (generated policies never use names). */
export interface PolicyPort {
  protocol: string;
  port: number;
}

/**
 * The container port a Service port forwards to on a workload's pods: `targetPort` when it is a
 * number, the port of that name and protocol when it is a name, `port` when it defaulted to it
 * (see workspace-services). Undefined when the name is not declared: the pods are no endpoints.
 */
export function targetPortOn(entry: ServicePortEntry, workload: Workload): PolicyPort | undefined {
  const { targetPort, protocol } = entry;
  if (targetPort === undefined) return { protocol, port: entry.port };
  if (typeof targetPort === 'number') return { protocol, port: targetPort };
  const declared = servicePortsOf(workload).find((port) => port.name === targetPort && port.protocol === protocol);
  return declared && { protocol, port: declared.port };
}

export function samePort(a: PolicyPort, b: PolicyPort): boolean {
  return a.protocol === b.protocol && a.port === b.port;
}

/** Ports in a stable order: by protocol, then number, without duplicates. */
export function sortedPorts(ports: readonly PolicyPort[]): PolicyPort[] {
  const unique = ports.filter((port, index) => ports.findIndex((other) => samePort(other, port)) === index);
  return unique.sort((a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : a.port - b.port));
}
