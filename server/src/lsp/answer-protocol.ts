// The custom request behind the workload CodeLens, shared by the server and the VS Code client.
// Only types, request types and the command id: the client bundle takes nothing else from the server.
import { RequestType } from 'vscode-languageserver-protocol';

/** The command a workload's lens runs, with the workload's key (the engine's lenses name it). */
export { SHOW_WORKLOAD_CONNECTIONS as SHOW_WORKLOAD_CONNECTIONS_COMMAND } from '../engine/answers/commands';

export interface WorkloadConnectionsParams {
  /** The workload's key, "namespace/name[Kind]", as the lens gives it. */
  workloadKey: string;
}

/** The workload's inbound and outbound connections as a Markdown document; null before the first check. */
export type WorkloadConnectionsResult = { markdown: string } | null;

export const WorkloadConnectionsRequest = new RequestType<WorkloadConnectionsParams, WorkloadConnectionsResult, void>('kubeNetsec/workloadConnections');
