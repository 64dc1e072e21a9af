import type { ConnectivityDiff, DiffEndpoint, ExposureChange } from '../engine/connectivity-diff';
import { blockText } from '../engine/net/ipv4-set';
import { jsonEndpoint, jsonPorts } from './connectivity-report';

/**
 * The diff as JSON: a summary, the changed connections (ends and ports written as `connectivity
 * --format json` writes them, except that external addresses are a list of CIDR blocks; no port is []), the workloads only one side has, and the exposure changes with the
 * file and 1-based line that creates them.
 */
export function formatDiffJson(diff: ConnectivityDiff): string {
  const workloadId = ({ id }: { id: { kind: string; namespace: string; name: string } }) => ({ kind: id.kind, namespace: id.namespace, name: id.name });
  const exposure = ({ workload, exposure }: ExposureChange) => ({
    workload: workloadId(workload),
    kind: exposure.kind,
    description: exposure.description,
    file: exposure.object.document.uri,
    line: exposure.object.rangeOf(exposure.path, 'key').start.line + 1,
  });
  const report = {
    summary: {
      opened: diff.opened,
      closed: diff.closed,
      added: diff.changes.filter((change) => change.status === 'added').length,
      removed: diff.changes.filter((change) => change.status === 'removed').length,
      changed: diff.changes.filter((change) => change.status === 'changed').length,
    },
    connections: diff.changes.map((change) => ({
      status: change.status,
      from: diffJsonEndpoint(change.from),
      to: diffJsonEndpoint(change.to),
      base: jsonPorts(change.base),
      head: jsonPorts(change.head),
      opened: jsonPorts(change.opened),
      closed: jsonPorts(change.closed),
    })),
    workloads: { added: diff.workloads.added.map(workloadId), removed: diff.workloads.removed.map(workloadId) },
    exposures: { added: diff.exposures.added.map(exposure), removed: diff.exposures.removed.map(exposure) },
  };
  return JSON.stringify(report, null, 2);
}


function diffJsonEndpoint(endpoint: DiffEndpoint) {
  return endpoint.kind === 'workload' ? jsonEndpoint(endpoint) : { cidrs: endpoint.blocks.map(blockText) };
}
