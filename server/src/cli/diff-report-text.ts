import { describePorts } from '../engine';
import { diffEndpointName as endpointName, type ConnectionChange, type ConnectivityDiff, type ExposureChange } from '../engine/connectivity-diff';

/** "This change opens 2 and closes 1 connections." (a connection whose ports both grow and shrink counts in both). */
export function diffSummary(diff: ConnectivityDiff): string {
  return `This change opens ${diff.opened} and closes ${diff.closed} connections.`;
}

/**
 * The summary, then one line per connection (`+` added, `-` removed, `~` changed, with the ports
 * before and after and what opens and closes), the workloads only one side has, and the exposures
 * outside the cluster HEAD adds or drops.
 */
export function formatDiffText(diff: ConnectivityDiff): string {
  if (diff.changes.length === 0 && diff.exposures.added.length === 0 && diff.exposures.removed.length === 0) {
    return 'No connectivity difference: both sides allow the same connections and expose the same workloads.';
  }
  const lines = [diffSummary(diff)];
  if (diff.changes.length > 0) lines.push('', ...diff.changes.map(changeLine));
  for (const workload of diff.workloads.added) lines.push('', `Workload added: ${workload.key} (its connections are listed as added).`);
  for (const workload of diff.workloads.removed) lines.push('', `Workload removed: ${workload.key} (its connections are listed as removed).`);
  if (diff.exposures.added.length + diff.exposures.removed.length > 0) {
    lines.push('', ...diff.exposures.added.map((change) => exposureLine('+', 'now exposed outside the cluster by', change)), ...diff.exposures.removed.map((change) => exposureLine('-', 'no longer exposed by', change)));
  }
  return lines.join('\n');
}

function changeLine(change: ConnectionChange): string {
  const ends = `${endpointName(change.from)} => ${endpointName(change.to)}`;
  switch (change.status) {
    case 'added':
      return `+ ${ends} : ${describePorts(change.head)}`;
    case 'removed':
      return `- ${ends} : ${describePorts(change.base)}`;
    case 'changed':
      return `~ ${ends} : ${describePorts(change.base)} -> ${describePorts(change.head)} (${portChanges(change)})`;
  }
}

/** "opens TCP 8080, closes TCP 80". */
export function portChanges(change: ConnectionChange): string {
  const parts: string[] = [];
  if (!isNone(change.opened)) parts.push(`opens ${describePorts(change.opened)}`);
  if (!isNone(change.closed)) parts.push(`closes ${describePorts(change.closed)}`);
  return parts.join(', ');
}

function isNone(ports: ConnectionChange['opened']): boolean {
  return ports.TCP.length + ports.UDP.length + ports.SCTP.length === 0;
}

function exposureLine(sign: string, words: string, { workload, exposure }: ExposureChange): string {
  const { start } = exposure.object.rangeOf(exposure.path, 'key');
  return `${sign} ${workload.key} ${words} ${exposure.description} (${exposure.object.document.uri}:${start.line + 1})`;
}
