import {
  DiagnosticSeverity,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type Disposable,
  type NotificationHandler,
  type TextDocumentContentChangeEvent,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { changeEnvelopeProblem, contentChangesProblem, documentIdProblem, lastFullTextChange, openProblem, quoted, uriOf } from './change-validation';

/** What `TextDocuments.listen` registers its handlers on. */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/** What the user sees on a document whose text the server lost track of. */
export const LOST_SYNC_MESSAGE =
  'kube-netsec stopped checking this document: the editor sent a change it could not apply, so its text here is no longer known. Close and reopen the document to check it again.';

/**
 * Feeds `documents` only the document notifications that are well-formed, so that a malformed one
 * is a logged warning instead of a handler crash or a silently corrupted text.
 *
 * A change that cannot be applied leaves the server without the client's text, and LSP has no
 * request to ask for it again. The document is then closed on this side (its diagnostics replaced
 * by one saying so, and its file on disk standing for it in the workspace); the next didOpen, or
 * a didChange carrying the full text, opens it again. Ranged changes in between are dropped: they
 * apply to a text the server does not have.
 */
export function listenValidated(documents: TextDocuments<TextDocument>, connection: Connection, warn: (message: string) => void): Disposable {
  /** Documents closed here because a change could not be applied, with their language id. */
  const lost = new Map<string, string>();
  let openHandler: NotificationHandler<DidOpenTextDocumentParams> = () => undefined;
  let closeHandler: NotificationHandler<DidCloseTextDocumentParams> = () => undefined;

  const reject = (method: string, params: unknown, problem: string) => warn(`Ignoring ${method} for ${quoted(uriOf(params) ?? 'no document')}: ${problem}.`);

  function loseSync(uri: string, problem: string): void {
    const document = documents.get(uri);
    warn(`Ignoring textDocument/didChange for ${quoted(uri)}: ${problem}.${document ? ' The document is no longer checked until it is reopened or its full text is sent.' : ''}`);
    if (!document) return;
    lost.set(uri, document.languageId);
    void closeHandler({ textDocument: { uri } });
    void connection.sendDiagnostics({ uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'kube-netsec', message: LOST_SYNC_MESSAGE }] });
  }

  /** A full text of a lost document: open it again from there, then apply the changes after it. */
  function regainSync(params: DidChangeTextDocumentParams, apply: NotificationHandler<DidChangeTextDocumentParams>): void {
    const { uri, version } = params.textDocument;
    const changes = params.contentChanges;
    const full = lastFullTextChange(changes);
    if (full === -1) return;
    const languageId = lost.get(uri) ?? '';
    lost.delete(uri);
    void openHandler({ textDocument: { uri, languageId, version, text: changes[full].text } });
    const rest: TextDocumentContentChangeEvent[] = changes.slice(full + 1);
    if (rest.length > 0) void apply({ textDocument: { uri, version }, contentChanges: rest });
  }

  const validated: TextDocumentConnection = {
    onDidOpenTextDocument: (handler) => {
      openHandler = handler;
      return connection.onDidOpenTextDocument((params) => {
        const problem = openProblem(params);
        if (problem) return reject('textDocument/didOpen', params, problem);
        lost.delete(params.textDocument.uri);
        return handler(params);
      });
    },
    onDidChangeTextDocument: (handler) =>
      connection.onDidChangeTextDocument((params) => {
        const problem = changeEnvelopeProblem(params) ?? contentChangesProblem(params.contentChanges);
        const uri = uriOf(params);
        if (problem) return uri === undefined ? reject('textDocument/didChange', params, problem) : loseSync(uri, problem);
        if (lost.has(params.textDocument.uri)) return regainSync(params, handler);
        return handler(params);
      }),
    onDidCloseTextDocument: (handler) => {
      closeHandler = handler;
      return connection.onDidCloseTextDocument((params) => {
        const problem = documentIdProblem(params);
        if (problem) return reject('textDocument/didClose', params, problem);
        if (lost.delete(params.textDocument.uri)) return void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
        return handler(params);
      });
    },
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument((params) => (documentIdProblem(params) ? undefined : handler(params))),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil((params, token) => (documentIdProblem(params) ? [] : handler(params, token))),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument((params) => (documentIdProblem(params) ? undefined : handler(params))),
  };
  return documents.listen(validated);
}
