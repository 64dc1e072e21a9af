import type { Workload } from '../model/cluster-types';
import { mergeAdjacentBlocks } from './address-partition';
import type { ConnectivityAnalysis } from './analysis';
import type { PolicyDirection } from './compiled-policy';
import { VerdictClasses } from './verdict-classes';
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
 *
 * Only the pairs that can be allowed are evaluated (`VerdictClasses`): from a source that egress
 * policies isolate, the peers its rules admit; toward a destination that ingress policies isolate,
 * the peers its rules admit; all pairs only between unisolated ends, which are all allowed anyway.
 * Each side is evaluated once per class of workloads that decide alike. The answer is `portsBetween`
 * for every pair (test/unit/connectivity/connection-listing.test.ts compares them).
 */
export function listConnections(analysis: ConnectivityAnalysis): Connection[] {
  const { workloads } = analysis.model;
  const classes = new VerdictClasses(analysis);
  const connections: Connection[] = [];
  const endpoints = workloads.map(workloadEndpoint);
  const openIngress: number[] = [];
  // For each source, the isolated destinations whose ingress rules may admit it.
  const admittedBy: number[][] = workloads.map(() => []);
  for (let destination = 0; destination < workloads.length; destination++) {
    if (classes.isOpen(destination, 'Ingress')) openIngress.push(destination);
    else for (const source of classes.allowedPeers(destination, 'Ingress')) admittedBy[source].push(destination);
  }
  const seen = new Int32Array(workloads.length).fill(-1);
  for (let source = 0; source < workloads.length; source++) {
    const visit = (destination: number) => {
      if (destination === source || seen[destination] === source) return;
      seen[destination] = source;
      const egress = classes.allowed(source, 'Egress', destination);
      if (isEmptyPorts(egress)) return;
      const ports = intersectPorts(egress, classes.allowed(destination, 'Ingress', source));
      if (!isEmptyPorts(ports)) connections.push({ from: endpoints[source], to: endpoints[destination], ports });
    };
    if (classes.isOpen(source, 'Egress')) {
      for (const destination of openIngress) visit(destination);
      for (const destination of admittedBy[source]) visit(destination);
    } else {
      for (const destination of classes.allowedPeers(source, 'Egress')) visit(destination);
    }
  }
  // External addresses are decided per class as well (egress toward them never depends on the workload).
  const external = new Map<string, { endpoint: Endpoint; ports: PortSet }[]>();
  workloads.forEach((workload, index) => {
    for (const direction of ['Ingress', 'Egress'] as const) {
      const key = `${direction}|${classes.classOf(index, direction)}`;
      let blocks = external.get(key);
      if (!blocks) external.set(key, (blocks = externalPorts(analysis, workload, direction)));
      for (const { endpoint, ports } of blocks) connections.push(direction === 'Ingress' ? { from: endpoint, to: endpoints[index], ports } : { from: endpoints[index], to: endpoint, ports });
    }
  });
  return connections.sort(compareConnections);
}

/** egress(source → destination) ∩ ingress(destination ← source). */
export function portsBetween(analysis: ConnectivityAnalysis, source: Workload, destination: Workload): PortSet {
  const egress = allowedWithWorkload(analysis, source, 'Egress', destination);
  if (isEmptyPorts(egress)) return egress;
  return intersectPorts(egress, allowedWithWorkload(analysis, destination, 'Ingress', source));
}

/** A workload's ports with external addresses in one direction, one entry per CIDR block. */
export function externalPorts(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): { endpoint: Endpoint; ports: PortSet }[] {
  // The map needs no reasons: with admin policies, naming the deciding rules per block costs more than the answer.
  const blocks = verdictsWithExternal(analysis, workload, direction, true).map(({ range, value }) => ({ range, value: value.allowed }));
  return mergeAdjacentBlocks(blocks, samePorts)
    .filter((block) => !isEmptyPorts(block.value))
    .flatMap((block) => externalEndpoints(block.range).map((endpoint) => ({ endpoint, ports: block.value })));
}

export function compareConnections(a: { from: Endpoint; to: Endpoint }, b: { from: Endpoint; to: Endpoint }): number {
  return compareEndpoints(a.from, b.from) || compareEndpoints(a.to, b.to);
}
