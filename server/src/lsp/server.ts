import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkCache, lintManifest, noticesOf, parseManifest } from '../engine';
import { CONFIG_FILE_NAME, parseConfigFile } from '../engine/config/config-file';
import { VERSION } from '../version';
import { isManifestDocument } from './manifest-documents';
import { configProblemToDiagnostic, findingToDiagnostic, noticeToDiagnostic } from './to-diagnostic';
import { ValidationScheduler } from './validation-scheduler';
import { folderPaths, WorkspaceConfig } from './workspace-config';

/** Quiet time after the last keystroke before a document is checked again. */
const VALIDATION_DELAY_MS = 150;

export const SERVER_INFO = { name: 'kube-netsec', version: VERSION };

/**
 * The language server: keeps open YAML documents in sync and publishes kube-netsec findings as
 * diagnostics. All security logic lives in the engine; this layer only adapts it to LSP.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const caches = new Map<string, ChunkCache>();
  const opened = new Set<string>();
  let workspaceConfig = new WorkspaceConfig([], log);
  let canPullSettings = false;
  let ready: Promise<void> = Promise.resolve();

  function log(message: string): void {
    connection.console.log(message);
  }

  const diagnosticsFor = (uri: string, text: string): Diagnostic[] => {
    if (workspaceConfig.isConfigFile(uri)) return parseConfigFile(text).problems.map(configProblemToDiagnostic);
    const { config, excluded } = workspaceConfig.configFor(uri);
    if (excluded) return [];
    let cache = caches.get(uri);
    if (!cache) caches.set(uri, (cache = new ChunkCache()));
    const file = parseManifest(uri, text, cache);
    return [...lintManifest(file, { config }).map(findingToDiagnostic), ...noticesOf(file).map(noticeToDiagnostic)];
  };

  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const diagnostics = diagnosticsFor(uri, document.getText());
      // Never publish for a version that has been superseded or closed in the meantime.
      if (documents.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  const scheduler = new ValidationScheduler((uri) => void ready.then(() => validate(uri)), VALIDATION_DELAY_MS);

  /** Reads settings and configuration files again, then re-checks every open document. */
  const reloadConfiguration = (pushedSettings?: unknown): void => {
    ready = (async () => {
      const settings = canPullSettings ? await connection.workspace.getConfiguration('kubeNetsec') : pushedSettings;
      await workspaceConfig.reload(settings);
    })().catch((error: unknown) => connection.console.error(`Reading the configuration failed: ${String(error)}`));
    for (const uri of opened) scheduler.schedule(uri, true);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceConfig = new WorkspaceConfig(folderPaths(folders), log);
    canPullSettings = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      serverInfo: SERVER_INFO,
    };
  });

  connection.onInitialized(() => {
    reloadConfiguration();
    // Ask to be told about settings changes (VS Code sends them anyway when the client synchronizes).
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeNetsec' }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change) => reloadConfiguration((change.settings as { kubeNetsec?: unknown } | null)?.kubeNetsec));
  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((event) => event.uri.endsWith(`/${CONFIG_FILE_NAME}`))) reloadConfiguration();
  });

  documents.onDidChangeContent(({ document }) => {
    if (!isManifestDocument(document)) return;
    // The first check of a document runs at once; edits wait for a pause in typing.
    const firstTime = !opened.has(document.uri);
    opened.add(document.uri);
    scheduler.schedule(document.uri, firstTime);
  });

  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    caches.delete(document.uri);
    opened.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
  connection.listen();
}
