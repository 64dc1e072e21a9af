import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openInEditor, plainRange, rangeOfText, waitForCode, withCode } from './helpers';

/** Diagnostics of a freshly opened manifest: rule, source, severity and the exact range. */
export function diagnosticsTests(): void {
  suite('diagnostics on open', () => {
    suiteTeardown(closeAllEditors);

    test('host-network covers the whole `hostNetwork: true` pair', async () => {
      const document = await openInEditor(fixtureUri('node-agent.yaml'));
      const [diagnostic, ...others] = await waitForCode(document.uri, 'host-network');
      assert.equal(others.length, 0, 'more than one host-network diagnostic');
      assert.equal(diagnostic.source, 'kube-netsec');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(plainRange(diagnostic.range), plainRange(rangeOfText(document, 'hostNetwork: true')));
      assert.match(diagnostic.message, /hostNetwork/);
    });

    test('host-port covers the `hostPort: 9100` pair', async () => {
      const document = await openInEditor(fixtureUri('node-agent.yaml'));
      const [diagnostic, ...others] = await waitForCode(document.uri, 'host-port');
      assert.equal(others.length, 0, 'more than one host-port diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(plainRange(diagnostic.range), plainRange(rangeOfText(document, 'hostPort: 9100')));
      // Each diagnostic links to its rule page, which ships with the extension.
      const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
      assert.ok(target, 'host-port has no documentation link (codeDescription)');
      assert.match(target.path, /\/docs\/rules\/host-port\.md$/);
      assert.ok((await vscode.workspace.fs.stat(target)).size > 0, `${target.toString()} is missing`);
    });

    test('netpol-allow-all-ingress points at the empty ingress rule', async () => {
      const document = await openInEditor(fixtureUri('policies/allow-everything.yaml'));
      const [diagnostic, ...others] = await waitForCode(document.uri, 'netpol-allow-all-ingress');
      assert.equal(others.length, 0);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(plainRange(diagnostic.range), plainRange(emptyRuleRange(document)));
      assert.equal(withCode(document.uri, 'host-network').length, 0);
    });
  });
}

// The `{}` of `- {}` (the value of the first ingress item), not the `podSelector: {}` above it.
function emptyRuleRange(document: vscode.TextDocument): vscode.Range {
  const item = rangeOfText(document, '- {}');
  return new vscode.Range(item.start.translate(0, 2), item.end);
}
