// kubeNetsec/networkMap: the network map of a scope (or one edge's explanation, or the scope as dot),
// answered from the workspace of the last check: nothing is parsed or analysed again per request.
import { RequestType, type Connection } from 'vscode-languageserver';
import type { Workspace } from '../engine';
import { explainMapEdge, networkMap, scopedConnections, type EdgeExplanation, type MapScope, type NetworkMap } from '../engine/answers/network-map';
import { formatConnectionsDot } from '../cli/connectivity-dot';
import { guarded } from './guarded';

export interface NetworkMapParams {
  scope: MapScope;
  /** An edge id of the map: answer its explanation instead. */
  explainEdge?: string;
  /** Answer the scope's connections as a Graphviz digraph (`connectivity --format dot`'s). */
  dot?: boolean;
}

/** null before the first check, or for a malformed request. */
export type NetworkMapResult = { map: NetworkMap } | { explanation: EdgeExplanation | null } | { dot: string } | null;

export const NetworkMapRequest = new RequestType<NetworkMapParams, NetworkMapResult, void>('kubeNetsec/networkMap');

export function networkMapOf(params: NetworkMapParams, workspace: Workspace | undefined): NetworkMapResult {
  const scope = validScope(params?.scope);
  if (!workspace || !scope) return null;
  if (typeof params.explainEdge === 'string') return { explanation: explainMapEdge(workspace, params.explainEdge) ?? null };
  if (params.dot === true) {
    const connections = scopedConnections(workspace, scope);
    const ends = new Set(connections.flatMap((connection) => [connection.from, connection.to]).flatMap((end) => (end.kind === 'workload' ? [end.workload.key] : [])));
    return { dot: formatConnectionsDot(connections, workspace.model.workloads.filter((workload) => ends.has(workload.key))) };
  }
  return { map: networkMap(workspace, scope) };
}

export function registerNetworkMapRequest(connection: Connection, lastWorkspace: () => Workspace | undefined, logError: (message: string) => void): void {
  connection.onRequest(NetworkMapRequest, guarded(NetworkMapRequest.method, (params: NetworkMapParams) => networkMapOf(params, lastWorkspace()), null, logError));
}

function validScope(scope: unknown): MapScope | undefined {
  if (typeof scope !== 'object' || scope === null) return undefined;
  const { kind, uri } = scope as { kind?: unknown; uri?: unknown };
  if (kind === 'workspace') return { kind };
  if ((kind === 'file' || kind === 'folder') && typeof uri === 'string') return { kind, uri };
  return undefined;
}
