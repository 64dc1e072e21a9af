import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkCache, lintManifest, noticesOf, parseManifest } from '../engine';
import { findingToDiagnostic, noticeToDiagnostic } from './to-diagnostic';
import { ValidationScheduler } from './validation-scheduler';
import { isManifestDocument } from './manifest-documents';
import { VERSION } from '../version';

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

  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      let cache = caches.get(uri);
      if (!cache) caches.set(uri, (cache = new ChunkCache()));
      const file = parseManifest(uri, document.getText(), cache);
      const diagnostics = [...lintManifest(file).map(findingToDiagnostic), ...noticesOf(file).map(noticeToDiagnostic)];
      // Never publish for a version that has been superseded or closed in the meantime.
      if (documents.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  const scheduler = new ValidationScheduler(validate, VALIDATION_DELAY_MS);

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      serverInfo: SERVER_INFO,
    }),
  );

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
