import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkloadConnectionsRequest } from '../../server/src/lsp/answer-protocol';

/** The scheme of the read-only Markdown documents that hold a workload's connections. */
export const CONNECTIONS_SCHEME = 'kube-netsec-connections';

/**
 * The workload lens's command: asks the server for the workload's inbound and outbound connections
 * (Markdown the engine writes) and shows them as a rendered preview. The text lives in a virtual
 * document, so nothing is left to save and showing it again shows the server's current answer.
 */
export class WorkloadConnections implements vscode.TextDocumentContentProvider {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly reports = new Map<string, string>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(this.changes, vscode.workspace.registerTextDocumentContentProvider(CONNECTIONS_SCHEME, this));
  }

  /** The report the command fetched; else (a preview restored with the window) the server's current one. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const shown = this.reports.get(uri.toString());
    if (shown !== undefined) return shown;
    const client = this.client();
    const result = client?.isRunning() ? await client.sendRequest(WorkloadConnectionsRequest, { workloadKey: uri.query }) : null;
    return result?.markdown ?? `# Connections of ${uri.query}\n\nThe language server has not checked the workspace yet.\n`;
  }

  /** Resolves to whether the preview was shown. */
  async show(workloadKey: unknown): Promise<boolean> {
    if (typeof workloadKey !== 'string' || workloadKey === '') {
      void vscode.window.showErrorMessage(`Kubernetes Network Security: "${String(workloadKey)}" is not a workload.`);
      return false;
    }
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('The Kubernetes Network Security language server is not running (kubeNetsec.enable).');
      return false;
    }
    const result = await client.sendRequest(WorkloadConnectionsRequest, { workloadKey });
    if (!result) {
      void vscode.window.showWarningMessage('Kubernetes Network Security: the workspace is not checked yet; try again in a moment.');
      return false;
    }
    const uri = connectionsUri(workloadKey);
    this.reports.set(uri.toString(), result.markdown);
    this.changes.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return true;
  }
}

/** `kube-netsec-connections:/<name> connections.md?<key>`: the preview's tab names the workload. */
export function connectionsUri(workloadKey: string): vscode.Uri {
  const name = /^[^/]*\/([^[]+)/.exec(workloadKey)?.[1] ?? workloadKey;
  return vscode.Uri.from({ scheme: CONNECTIONS_SCHEME, path: `/${name.replace(/[/\\]/g, '_')} connections.md`, query: workloadKey });
}
