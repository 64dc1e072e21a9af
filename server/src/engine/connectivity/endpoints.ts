import type { Workload } from '../model/cluster-types';
import { compareWorkloadIds } from '../model/cluster-model';
import { blockText, ipv4RangeToBlocks, type Ipv4Block, type Ipv4Range } from '../net/ipv4-set';

/** One end of a connection: a workload, or one CIDR block of external IPv4 addresses. */
export type Endpoint = { kind: 'workload'; workload: Workload } | { kind: 'external'; cidr: string; block: Ipv4Block };

export function workloadEndpoint(workload: Workload): Endpoint {
  return { kind: 'workload', workload };
}

/** The fewest CIDR blocks covering `range`, one endpoint each. */
export function externalEndpoints(range: Ipv4Range): Endpoint[] {
  return ipv4RangeToBlocks(range).map((block) => ({ kind: 'external', cidr: blockText(block), block }));
}

/** "namespace/name[Kind]" for a workload (np-guard's notation), the CIDR for external addresses. */
export function endpointName(endpoint: Endpoint): string {
  return endpoint.kind === 'workload' ? endpoint.workload.key : endpoint.cidr;
}

/**
 * The order of reported connections' ends: external blocks first, by address (blocks never
 * overlap), as np-guard's "0.0.0.0-…" lines sort first; then workloads by namespace, name, kind.
 */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  if (a.kind === 'external' && b.kind === 'external') return a.block.first - b.block.first || a.block.prefixLength - b.block.prefixLength;
  if (a.kind === 'external') return -1;
  if (b.kind === 'external') return 1;
  return compareWorkloadIds(a.workload.id, b.workload.id);
}
