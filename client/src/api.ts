import type * as vscode from 'vscode';
import type { ServerInfoResult } from '../../server/src/lsp/server-info-protocol';
import type { TemplateChoicesResult } from '../../server/src/lsp/template-protocol';

/**
 * What the extension returns from `activate` for other extensions: the server's answer to what a
 * NetworkPolicy can be built from in a document's workspace (templates, namespaces, pod labels,
 * ingress controllers), the data behind the Insert NetworkPolicy quick picks.
 */
export interface KubeNetsecApi {
  /** Undefined while the language server is not running. */
  templateChoices(document: vscode.Uri): Promise<TemplateChoicesResult | undefined>;
  /** The running server's name, version and process id; undefined while none runs. */
  serverInfo(): Promise<ServerInfoResult | undefined>;
}
