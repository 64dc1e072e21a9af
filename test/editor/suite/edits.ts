import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, openInEditor, plainRange, rangeOfText, waitFor, waitForCode, withCode } from './helpers';

/** Diagnostics follow edits (the server re-checks ~150 ms after the last change). */
export function editTests(): void {
  suite('diagnostics after edits', () => {
    let document: vscode.TextDocument;

    setup(async () => {
      document = await openInEditor(fixtureUri('edit-me.yaml'));
      await waitForCode(document.uri, 'host-network');
    });

    // Undo the in-memory edits so that closing the editor does not ask to save.
    teardown(async () => {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => !document.isDirty, 'the edited fixture to be reverted');
      await closeAllEditors();
    });

    test('setting hostNetwork to false removes the host-network diagnostic', async () => {
      const pair = rangeOfText(document, 'hostNetwork: true');
      const value = new vscode.Range(pair.end.translate(0, -'true'.length), pair.end);
      await applyEdit((edit) => edit.replace(document.uri, value, 'false'));
      assert.ok(document.getText().includes('hostNetwork: false'));

      // host-port must stay: the diagnostics were re-published, not just dropped.
      await waitFor(
        () => withCode(document.uri, 'host-network').length === 0 && withCode(document.uri, 'host-port').length === 1,
        'host-network to disappear while host-port stays',
        { describe: () => describeDiagnostics(document.uri) },
      );
      assert.deepEqual(plainRange(withCode(document.uri, 'host-port')[0].range), plainRange(rangeOfText(document, 'hostPort: 9100')));
    });

    test('inserting lines above moves the diagnostics to the new exact ranges', async () => {
      const before = rangeOfText(document, 'hostNetwork: true');
      await applyEdit((edit) => edit.insert(document.uri, new vscode.Position(0, 0), '# added line one\n# added line two\n'));
      const expected = rangeOfText(document, 'hostNetwork: true');
      assert.equal(expected.start.line, before.start.line + 2);

      const [moved] = await waitFor(
        () => {
          const found = withCode(document.uri, 'host-network');
          return found.length === 1 && found[0].range.isEqual(expected) ? found : undefined;
        },
        `host-network to move to ${JSON.stringify(plainRange(expected))}`,
        { describe: () => describeDiagnostics(document.uri) },
      );
      assert.deepEqual(plainRange(moved.range), plainRange(expected));
      const [hostPort] = withCode(document.uri, 'host-port');
      assert.ok(hostPort, 'host-port disappeared after the insertion');
      assert.deepEqual(plainRange(hostPort.range), plainRange(rangeOfText(document, 'hostPort: 9100')));
    });
  });
}

async function applyEdit(build: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  build(edit);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the workspace edit was refused');
}
