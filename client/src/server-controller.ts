import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerInfoRequest, type ServerInfoResult } from '../../server/src/lsp/server-info-protocol';
import { CrashRestartPolicy } from './restart-policy';

/** Owns the language client: starts, stops and restarts the server as settings and commands ask. */
export class ServerController {
  private client: LanguageClient | undefined;
  private fileWatcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The running client, for commands that ask the server. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  /** Starts or stops the server to match `kubeNetsec.enable`. */
  async applySettings(): Promise<void> {
    const enabled = vscode.workspace.getConfiguration('kubeNetsec').get<boolean>('enable', true);
    if (enabled && !this.client) await this.start();
    if (!enabled && this.client) {
      this.output.info('kubeNetsec.enable is off: stopping the language server.');
      await this.stop();
    }
  }

  /** The running server's name, version and process id; undefined while none runs. */
  async serverInfo(): Promise<ServerInfoResult | undefined> {
    const client = this.client;
    return client?.isRunning() ? client.sendRequest(ServerInfoRequest) : undefined;
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the language server.');
    await this.stop();
    await this.applySettings();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.fileWatcher?.dispose();
    this.fileWatcher = undefined;
    // stop() fails when the server is already gone; there is nothing left to clean up then.
    await client?.stop().catch((error: unknown) => this.output.warn(`Stopping the server: ${String(error)}`));
  }

  private async start(): Promise<void> {
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.ipc },
      debug: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'yaml' }],
      outputChannel: this.output,
      // Hovers link to rule pages through this one command (rendered, offline); nothing else in them runs.
      initializationOptions: { commandLinks: true },
      markdown: { isTrusted: { enabledCommands: ['kubeNetsec.showRuleDocumentation'] } },
      errorHandler: this.crashHandler(),
      // The server indexes every manifest of the workspace: it hears of files created, changed and
      // deleted on disk (.kube-netsec.yaml included), and of settings changes, and re-checks at once.
      synchronize: {
        configurationSection: 'kubeNetsec',
        fileEvents: (this.fileWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}')),
      },
    };
    const client = new LanguageClient('kubeNetsec', 'Kubernetes Network Security', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      this.output.info('Language server started.');
    } catch (error) {
      this.output.error(`The language server did not start: ${String(error)}`);
      this.client = undefined;
    }
  }

  /**
   * A server that stops by itself is restarted a few times in a row, saying so in the output; after
   * that the user is asked. Each client gets a fresh count: a restart by command starts over.
   */
  private crashHandler(): ErrorHandler {
    const policy = new CrashRestartPolicy();
    return {
      // As the library's default: a few write errors in a row are survivable, more mean the server is gone.
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = policy.afterCrash();
        // The client writes the message to the output channel; `handled` keeps it from popping up as well.
        if (decision.restart) return { action: CloseAction.Restart, message: decision.message, handled: true };
        void vscode.window.showErrorMessage(decision.message, 'Restart').then((choice) => (choice === 'Restart' ? this.restart() : undefined));
        return { action: CloseAction.DoNotRestart, message: decision.message, handled: true };
      },
    };
  }
}
