import { listConnections, type ConnectivityAnalysis } from '../connectivity';
import type { Workload } from '../model/cluster-types';
import type { Workspace } from '../workspace/workspace';
import { diffConnections, type ConnectionChange } from './connection-diff';
import { exposuresOf, type Exposure } from './exposure';

export interface ExposureChange {
  workload: Workload;
  exposure: Exposure;
}

/** What HEAD allows that BASE did not, and the reverse. */
export interface ConnectivityDiff {
  changes: ConnectionChange[];
  /** Workloads only HEAD has (their connections are all `added`), and only BASE has (all `removed`). */
  workloads: { added: Workload[]; removed: Workload[] };
  /** Exposures outside the cluster HEAD has and BASE had not (located in HEAD), and the reverse (in BASE). */
  exposures: { added: ExposureChange[]; removed: ExposureChange[] };
  /** Connections with ports HEAD opens (added or changed), and with ports it closes (removed or changed). */
  opened: number;
  closed: number;
}

/**
 * The connectivity difference between two snapshots of manifests: the connections of
 * `listConnections` compared by workload identity and address, and the exposures of each workload.
 */
export function diffConnectivity(base: Workspace, head: Workspace, analyses?: { base: ConnectivityAnalysis; head: ConnectivityAnalysis }): ConnectivityDiff {
  const changes = diffConnections(listConnections(analyses?.base ?? base.connectivity), listConnections(analyses?.head ?? head.connectivity));
  const baseKeys = base.model.workloadsByKey;
  const headKeys = head.model.workloadsByKey;
  return {
    changes,
    workloads: {
      added: head.model.workloads.filter((workload) => !baseKeys.has(workload.key)),
      removed: base.model.workloads.filter((workload) => !headKeys.has(workload.key)),
    },
    exposures: exposureChanges(base, head),
    opened: changes.filter((change) => hasPorts(change.opened)).length,
    closed: changes.filter((change) => hasPorts(change.closed)).length,
  };
}

function hasPorts(ports: ConnectionChange['closed']): boolean {
  return ports.TCP.length + ports.UDP.length + ports.SCTP.length > 0;
}

function exposureChanges(base: Workspace, head: Workspace): ConnectivityDiff['exposures'] {
  const before = exposuresOf(base);
  const after = exposuresOf(head);
  const missingFrom = (side: Map<string, Exposure[]>, workspace: Workspace, other: Map<string, Exposure[]>): ExposureChange[] =>
    workspace.model.workloads.flatMap((workload) =>
      (side.get(workload.key) ?? [])
        .filter((exposure) => !(other.get(workload.key) ?? []).some((known) => known.description === exposure.description))
        .map((exposure) => ({ workload, exposure })),
    );
  return { added: missingFrom(after, head, before), removed: missingFrom(before, base, after) };
}
