import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, kubeDiagnostics, openInEditor, waitFor, waitForCode } from './helpers';

// VS Code may keep a document alive for a while after its editor closes; the document only counts as
// closed (and the client only sends didClose) when onDidCloseTextDocument fires.
const CLOSE_TIMEOUT_MS = 60_000;

export function closeTests(): void {
  suite('closing a document', () => {
    suiteTeardown(closeAllEditors);

    test("closing the document clears its diagnostics (the server's didClose answer)", async function () {
      this.timeout(CLOSE_TIMEOUT_MS + 20_000);
      const uri = fixtureUri('close-me.yaml');
      const document = await openInEditor(uri);
      await waitForCode(uri, 'host-network');

      // Record the order of events: the clearing must come after the close, not from anything else.
      const events: string[] = [];
      const subscriptions = [
        vscode.workspace.onDidCloseTextDocument((closed) => {
          if (closed.uri.toString() === uri.toString()) events.push('closed');
        }),
        vscode.languages.onDidChangeDiagnostics((change) => {
          if (change.uris.some((changed) => changed.toString() === uri.toString()) && kubeDiagnostics(uri).length === 0) {
            events.push('cleared');
          }
        }),
      ];
      try {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await waitFor(() => events.includes('closed'), 'onDidCloseTextDocument for close-me.yaml', {
          timeoutMs: CLOSE_TIMEOUT_MS,
          describe: () => `open documents: ${vscode.workspace.textDocuments.map((d) => d.uri.path).join(', ')}`,
        });
        assert.ok(document.isClosed, 'the TextDocument is not marked closed');
        // onDidChangeDiagnostics is debounced: wait for the event itself, not only the new state.
        await waitFor(() => events.includes('cleared'), 'the diagnostics of the closed document to be cleared', {
          describe: () => describeDiagnostics(uri),
        });
        assert.deepEqual(events.slice(0, 2), ['closed', 'cleared'], `events in order: ${events.join(', ')}`);
        assert.deepEqual(kubeDiagnostics(uri), []);
      } finally {
        subscriptions.forEach((subscription) => subscription.dispose());
      }
    });
  });
}
