import type { Workload } from '../model/cluster-types';
import { mergeAdjacentBlocks } from './address-partition';
import type { ConnectivityAnalysis } from './analysis';
import type { PolicyDirection } from './compiled-policy';
import { allowedWithWorkload, verdictsWithExternal } from './direction-verdict';
import { compareEndpoints, externalEndpoints, workloadEndpoint, type Endpoint } from './endpoints';
import { intersectPorts, isEmptyPorts, samePorts, type PortSet } from './port-set';

/** An allowed connection: from one end to the other, on these (non-empty) ports. */
export interface Connection {
  from: Endpoint;
  to: Endpoint;
  ports: PortSet;
}

/**
 * Every allowed connection: each ordered pair of different workloads with a non-empty set, and for
 * each workload what it accepts from and sends to external addresses, as CIDR blocks (neighbouring
 * addresses with the same set joined, then split into the fewest blocks). Sorted by `from`, then
 * `to` (see `compareEndpoints`); one entry per pair.
 */
export function listConnections(analysis: ConnectivityAnalysis): Connection[] {
  const { workloads } = analysis.model;
  const connections: Connection[] = [];
  for (const source of workloads) {
    for (const destination of workloads) {
      if (source === destination) continue;
      const ports = portsBetween(analysis, source, destination);
      if (!isEmptyPorts(ports)) connections.push({ from: workloadEndpoint(source), to: workloadEndpoint(destination), ports });
    }
  }
  for (const workload of workloads) {
    for (const { endpoint, ports } of externalPorts(analysis, workload, 'Ingress')) connections.push({ from: endpoint, to: workloadEndpoint(workload), ports });
    for (const { endpoint, ports } of externalPorts(analysis, workload, 'Egress')) connections.push({ from: workloadEndpoint(workload), to: endpoint, ports });
  }
  return connections.sort(compareConnections);
}

/** egress(source → destination) ∩ ingress(destination ← source). */
export function portsBetween(analysis: ConnectivityAnalysis, source: Workload, destination: Workload): PortSet {
  const egress = allowedWithWorkload(analysis, source, 'Egress', destination);
  if (isEmptyPorts(egress)) return egress;
  return intersectPorts(egress, allowedWithWorkload(analysis, destination, 'Ingress', source));
}

/** A workload's ports with external addresses in one direction, one entry per CIDR block. */
function externalPorts(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): { endpoint: Endpoint; ports: PortSet }[] {
  // The map needs no reasons: with admin policies, naming the deciding rules per block costs more than the answer.
  const blocks = verdictsWithExternal(analysis, workload, direction, true).map(({ range, value }) => ({ range, value: value.allowed }));
  return mergeAdjacentBlocks(blocks, samePorts)
    .filter((block) => !isEmptyPorts(block.value))
    .flatMap((block) => externalEndpoints(block.range).map((endpoint) => ({ endpoint, ports: block.value })));
}

export function compareConnections(a: { from: Endpoint; to: Endpoint }, b: { from: Endpoint; to: Endpoint }): number {
  return compareEndpoints(a.from, b.from) || compareEndpoints(a.to, b.to);
}
