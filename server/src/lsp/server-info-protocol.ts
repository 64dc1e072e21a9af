// The custom request naming the server process, shared by the server and the VS Code client.
// Only types and the request type: the client bundle takes nothing else from the server.
import { RequestType0 } from 'vscode-languageserver-protocol';

export interface ServerInfoResult {
  name: string;
  version: string;
  /** The server's process id: what a "restart after a crash" test kills, and what a bug report names. */
  pid: number;
}

export const ServerInfoRequest = new RequestType0<ServerInfoResult, void>('kubeNetsec/serverInfo');
