import { describePorts } from '../engine';
import { diffEndpointName as endpointName, type ConnectionChange, type ConnectivityDiff, type ExposureChange } from '../engine/connectivity-diff';
import { diffSummary } from './diff-report-text';

/** Rows past this are counted, not listed: a pull-request comment holds 65,536 characters. */
export const MARKDOWN_ROW_LIMIT = 200;

const STATUS: Record<ConnectionChange['status'], string> = { added: '🟢 added', removed: '🔴 removed', changed: '🟡 changed' };

/**
 * A pull-request comment: a heading, the one-line summary, a table of the changed connections
 * (what each opens and closes), then the workloads only one side has and the exposure changes.
 */
export function formatDiffMarkdown(diff: ConnectivityDiff): string {
  const lines = ['### Connectivity diff', ''];
  if (diff.changes.length === 0 && diff.exposures.added.length === 0 && diff.exposures.removed.length === 0) {
    lines.push('This change opens and closes no connection, and exposes no workload.');
    return lines.join('\n');
  }
  lines.push(diffSummary(diff));
  if (diff.changes.length > 0) {
    lines.push('', '| Change | From | To | Opens | Closes |', '|---|---|---|---|---|');
    for (const change of diff.changes.slice(0, MARKDOWN_ROW_LIMIT)) {
      lines.push(row([STATUS[change.status], code(endpointName(change.from)), code(endpointName(change.to)), ports(change.opened), ports(change.closed)]));
    }
    if (diff.changes.length > MARKDOWN_ROW_LIMIT) lines.push('', `… and ${diff.changes.length - MARKDOWN_ROW_LIMIT} more (see \`kube-netsec diff --format json\`).`);
  }
  const workloads = [
    ...diff.workloads.added.map((workload) => `- Workload added: ${code(workload.key)} (its connections are listed as added)`),
    ...diff.workloads.removed.map((workload) => `- Workload removed: ${code(workload.key)} (its connections are listed as removed)`),
  ];
  if (workloads.length > 0) lines.push('', ...workloads);
  if (diff.exposures.added.length + diff.exposures.removed.length > 0) {
    lines.push('', '**Exposure outside the cluster**', '', '| Change | Workload | Exposed by |', '|---|---|---|');
    for (const change of diff.exposures.added) lines.push(exposureRow('🟢 added', change));
    for (const change of diff.exposures.removed) lines.push(exposureRow('🔴 removed', change));
  }
  return lines.join('\n');
}

function exposureRow(status: string, { workload, exposure }: ExposureChange): string {
  return row([status, code(workload.key), escape(exposure.description)]);
}

function ports(set: ConnectionChange['opened']): string {
  return set.TCP.length + set.UDP.length + set.SCTP.length === 0 ? '' : escape(describePorts(set));
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

// Inline code keeps names as written; a backtick inside would end it early.
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
