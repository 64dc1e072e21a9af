import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  RegistrationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const PROJECT_ROOT = join(__dirname, '../..');

/**
 * A real language server process (the built bundle) and an LSP connection to it over stdio,
 * recording every publishDiagnostics notification.
 */
export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly connection: ProtocolConnection;
  private readonly versions = new Map<string, number>();
  stderr = '';
  /** What the server gets when it asks for the `kubeNetsec` settings (workspace/configuration). */
  settings: Record<string, unknown> = {};
  /** How many workspace/codeLens/refresh requests the server sent. */
  lensRefreshes = 0;
  /** Every window/logMessage the server sent (its output channel), in order. */
  readonly logs: string[] = [];
  /** Every publication and log message, in the order they arrived (which came first matters). */
  readonly events: ({ kind: 'diagnostics'; params: PublishDiagnosticsParams } | { kind: 'log'; message: string })[] = [];

  private constructor(private readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.events.push({ kind: 'diagnostics', params });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.logs.push(message);
      this.events.push({ kind: 'log', message });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'kubeNetsec' ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.lensRefreshes++;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.listen();
  }

  /**
   * Starts `node <args>` (the bundled server or the CLI's `lsp --stdio`) and initializes it, as a
   * client that answers workspace/configuration with `settings`.
   */
  static async start(
    args: string[],
    options: {
      workspaceFolders?: string[];
      settings?: Record<string, unknown>;
      workspaceEdit?: NonNullable<ClientCapabilities['workspace']>['workspaceEdit'];
      /** Whether the client supports workspace/codeLens/refresh. */
      codeLensRefresh?: boolean;
      /** Whether the client shows the related locations of a diagnostic. */
      relatedInformation?: boolean;
      initializationOptions?: unknown;
    } = {},
  ): Promise<{ session: LspSession; initializeResult: InitializeResult }> {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const session = new LspSession(child);
    session.settings = options.settings ?? {};
    const folders = options.workspaceFolders ?? [];
    const initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true, ...(options.relatedInformation ? { relatedInformation: true } : {}) } },
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          ...(options.workspaceEdit ? { workspaceEdit: options.workspaceEdit } : {}),
          ...(options.codeLensRefresh ? { codeLens: { refreshSupport: true } } : {}),
        },
      },
      initializationOptions: options.initializationOptions,
      workspaceFolders: folders.length > 0 ? folders.map((uri, index) => ({ uri, name: `folder-${index}` })) : null,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return { session, initializeResult };
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one change (full text, or ranged edits) and returns the new version number. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Changes the settings the client reports and tells the server, as VS Code does. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { kubeNetsec: settings } });
  }

  /** Tells the server that a watched file changed on disk. */
  async fileChanged(uri: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  }

  async codeActions(params: CodeActionParams, token?: CancellationToken): Promise<(CodeAction | Command)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, params, token);
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  }

  async completion(uri: string, position: Position, token?: CancellationToken): Promise<CompletionItem[] | CompletionList | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, token);
  }

  /** Waits until the server has sent more than `count` lens refreshes. */
  async waitForLensRefresh(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lensRefreshes <= count) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no workspace/codeLens/refresh after ${count}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The server's process id (to read its memory in /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits for a log message matching `pattern` (counting only those after `after`). */
  async waitForLog(pattern: RegExp, options: { after?: number; timeoutMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const match = this.logs.slice(options.after ?? 0).find((message) => pattern.test(message));
      if (match) return match;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no log message matching ${pattern}; got ${JSON.stringify(this.logs)}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Any request, custom ones included. */
  async request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Any notification, as sent: malformed params included (the robustness tests send those on purpose). */
  async notify(method: string, params?: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
  }

  /** The server's exit code once its process has ended; undefined while it runs. */
  get exitCode(): number | null | undefined {
    return this.child.exitCode ?? (this.child.signalCode ? null : undefined);
  }

  /** The version of an open document as this client last sent it. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for a publication for `uri` that satisfies `accept` (counting only those after `after`). */
  async waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, options: { after?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const match = this.published.slice(options.after ?? 0).find((params) => params.uri === uri && accept(params));
      if (match) return match;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.published.filter((params) => params.uri === uri))}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down politely and waits for the process to exit; returns its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
