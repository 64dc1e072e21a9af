import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeNetsecApi } from '../../../client/src/api';
import { closeAllEditors, describeDiagnostics, EXTENSION_ID, fixtureUri, kubeDiagnostics, openInEditor, plainRange, rangeOfText, waitFor, waitForCode, withCode } from './helpers';

export function restartTests(): void {
  suite('kubeNetsec.restartServer', () => {
    suiteTeardown(closeAllEditors);

    test('restarting the server clears the diagnostics and the new server publishes them again', async () => {
      const document = await openInEditor(fixtureUri('restart-me.yaml'));
      await waitForCode(document.uri, 'host-network');

      // The old client drops its diagnostics when it stops; seeing them vanish and come back proves
      // that the new server checked the document, rather than the old results lingering.
      let clearedDuringRestart = false;
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        if (kubeDiagnostics(document.uri).length === 0) clearedDuringRestart = true;
      });
      try {
        await vscode.commands.executeCommand('kubeNetsec.restartServer');
        await waitFor(() => clearedDuringRestart, 'the diagnostics to be cleared by the restart', {
          describe: () => describeDiagnostics(document.uri),
        });
        const [diagnostic] = await waitForCode(document.uri, 'host-network', 20_000);
        assert.deepEqual(plainRange(diagnostic.range), plainRange(rangeOfText(document, 'hostNetwork: true')));
      } finally {
        subscription.dispose();
      }

      // The restarted server also checks documents opened after the restart.
      const later = await openInEditor(fixtureUri('node-agent.yaml'));
      await waitForCode(later.uri, 'host-port');
      await waitFor(() => withCode(later.uri, 'host-network').length === 1, 'host-network on a file opened after the restart');
    });
  });

  suite('a crashed language server', () => {
    suiteTeardown(closeAllEditors);

    test('is restarted by the client, and the open document gets its diagnostics again', async () => {
      const api = vscode.extensions.getExtension<KubeNetsecApi>(EXTENSION_ID)?.exports;
      assert.ok(api, 'the extension exports its API');
      const document = await openInEditor(fixtureUri('restart-me.yaml'));
      await waitForCode(document.uri, 'host-network');
      const before = await waitFor(() => api.serverInfo(), 'the server to answer kubeNetsec/serverInfo');
      assert.equal(before.name, 'kube-netsec');

      let clearedByTheCrash = false;
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        if (kubeDiagnostics(document.uri).length === 0) clearedByTheCrash = true;
      });
      try {
        // What an out-of-memory kill or a native crash does: no shutdown, no exit notification.
        process.kill(before.pid, 'SIGKILL');
        await waitFor(() => clearedByTheCrash, 'the diagnostics of the killed server to be cleared', { describe: () => describeDiagnostics(document.uri) });
        const after = await waitFor(async () => {
          const info = await api.serverInfo().catch(() => undefined);
          return info && info.pid !== before.pid ? info : undefined;
        }, 'a new server process', { timeoutMs: 20_000 });
        assert.notEqual(after.pid, before.pid);
        const [diagnostic] = await waitForCode(document.uri, 'host-network', 20_000);
        assert.deepEqual(plainRange(diagnostic.range), plainRange(rangeOfText(document, 'hostNetwork: true')));
      } finally {
        subscription.dispose();
      }
    });
  });
}
