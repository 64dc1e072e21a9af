import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, fixtureUri, kubeDiagnostics, openInEditor, plainRange, rangeOfText, waitFor, waitForCode } from './helpers';

/**
 * YAML that is not a manifest. The server checks opened documents in order, so once a manifest opened
 * afterwards has its diagnostics, the earlier file has been checked too: its silence is an answer,
 * not a result that has not arrived yet.
 */
export function skippedFileTests(): void {
  suite('files that are not plain manifests', () => {
    teardown(closeAllEditors);

    test('a GitHub workflow gets no kube-netsec diagnostics', async () => {
      const workflow = await openInEditor(fixtureUri('.github/workflows/ci.yaml'));
      assert.equal(workflow.languageId, 'yaml');
      await openInEditor(fixtureUri('node-agent.yaml'));
      await waitForCode(fixtureUri('node-agent.yaml'), 'host-network');
      assert.deepEqual(kubeDiagnostics(workflow.uri), [], describeDiagnostics(workflow.uri));
    });

    test('a Helm template gets one Information notice, helm-template, at its first {{ }}', async () => {
      const template = await openInEditor(fixtureUri('chart/templates/deployment.yaml'));
      assert.equal(template.languageId, 'yaml');
      await openInEditor(fixtureUri('node-agent.yaml'));
      await waitForCode(fixtureUri('node-agent.yaml'), 'host-network');
      const notices = await waitFor(() => kubeDiagnostics(template.uri).length > 0 && kubeDiagnostics(template.uri), 'the helm-template notice', {
        describe: () => describeDiagnostics(template.uri),
      });
      assert.equal(notices.length, 1, describeDiagnostics(template.uri));
      const [notice] = notices;
      assert.equal(codeOf(notice), 'helm-template');
      assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
      assert.deepEqual(plainRange(notice.range), plainRange(firstTemplateAction(template)));
    });
  });
}

function firstTemplateAction(document: vscode.TextDocument): vscode.Range {
  const start = rangeOfText(document, '{{ include').start;
  return new vscode.Range(start, start.translate(0, 2));
}
