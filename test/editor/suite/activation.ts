import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fixtureUri, openInEditor, waitFor } from './helpers';

// Registered first: nothing else may have opened a YAML file before it runs.
export function activationTests(): void {
  suite('activation', () => {
    suiteTeardown(closeAllEditors);

    test('the extension activates when a YAML file is opened, and not before', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
      assert.equal(extension.isActive, false, 'the extension was active before any YAML file was opened');

      const document = await openInEditor(fixtureUri('node-agent.yaml'));
      assert.equal(document.languageId, 'yaml');
      await waitFor(() => extension.isActive, 'the extension to activate');

      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('kubeNetsec.restartServer'), 'kubeNetsec.restartServer is not registered');
    });
  });
}
