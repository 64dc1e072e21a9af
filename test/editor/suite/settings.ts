import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, kubeDiagnostics, openInEditor, plainRange, rangeOfText, waitFor, waitForCode } from './helpers';

export function settingsTests(): void {
  suite('kubeNetsec.enable', () => {
    const setEnabled = (value: boolean | undefined) =>
      vscode.workspace.getConfiguration('kubeNetsec').update('enable', value, vscode.ConfigurationTarget.Global);

    suiteTeardown(async () => {
      await setEnabled(undefined);
      await closeAllEditors();
    });

    test('turning it off clears the diagnostics and checks nothing; turning it on checks again', async () => {
      const document = await openInEditor(fixtureUri('restart-me.yaml'));
      await waitForCode(document.uri, 'host-network');

      await setEnabled(false);
      await waitFor(() => kubeDiagnostics(document.uri).length === 0, 'the diagnostics to be cleared when disabled', {
        describe: () => describeDiagnostics(document.uri),
      });
      // A file opened while disabled stays unchecked. Nothing can announce "no check happened", so
      // the test gives a running server ample time (the server answers an open within ~50 ms here).
      const other = await openInEditor(fixtureUri('node-agent.yaml'));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(kubeDiagnostics(other.uri), [], 'a disabled extension checked a file');

      await setEnabled(true);
      const [diagnostic] = await waitForCode(other.uri, 'host-network', 20_000);
      assert.deepEqual(plainRange(diagnostic.range), plainRange(rangeOfText(other, 'hostNetwork: true')));
      await waitForCode(document.uri, 'host-network', 20_000);
    });
  });
}
