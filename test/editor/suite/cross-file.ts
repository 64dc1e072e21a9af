import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, openInEditor, plainRange, rangeOfText, waitFor, waitForCode, withCode } from './helpers';

/** Findings that depend on other files: the server indexes the workspace and re-checks on every edit. */
export function crossFileTests(): void {
  suite('cross-file findings', () => {
    teardown(closeAllEditors);

    test('editing a policy in one file updates the findings of a workload in another', async () => {
      const workload = await openInEditor(fixtureUri('shop/web.yaml'));
      // The namespace has an ingress policy (in db-policy.yaml, not open) that does not select web.
      const [finding] = await waitForCode(workload.uri, 'workload-not-isolated');
      assert.match(finding.message, /ingress/i);
      assert.equal(plainRange(finding.range).start[0], rangeOfText(workload, 'labels:').start.line);

      const policy = await openInEditor(fixtureUri('shop/db-policy.yaml'));
      try {
        const edit = new vscode.WorkspaceEdit();
        const value = rangeOfText(policy, 'app: db');
        edit.replace(policy.uri, new vscode.Range(value.end.translate(0, -2), value.end), 'web');
        assert.equal(await vscode.workspace.applyEdit(edit), true);
        await waitFor(() => withCode(workload.uri, 'workload-not-isolated').length === 0, 'web to be isolated by the edited policy', {
          describe: () => describeDiagnostics(workload.uri),
        });
      } finally {
        await vscode.window.showTextDocument(policy);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      // Reverting the policy brings the finding back, in the other file again.
      await waitForCode(workload.uri, 'workload-not-isolated');
    });

    test('editing the BaselineAdminNetworkPolicy in one file updates the namespace finding in another', async () => {
      const namespace = await openInEditor(fixtureUri('vault/namespace.yaml'));
      // The baseline (cluster-policies/baseline.yaml, not open) denies ingress only: egress is what is missing.
      const [finding] = await waitForCode(namespace.uri, 'namespace-no-default-deny');
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Information);
      assert.match(finding.message, /for egress:/);

      const baseline = await openInEditor(fixtureUri('cluster-policies/baseline.yaml'));
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(baseline.uri, new vscode.Position(baseline.lineCount, 0), '  egress:\n    - name: deny-to-cluster\n      action: Deny\n      to:\n        - namespaces: {}\n');
        assert.equal(await vscode.workspace.applyEdit(edit), true);
        await waitFor(() => withCode(namespace.uri, 'namespace-no-default-deny').length === 0, 'the baseline to deny egress by default too', {
          describe: () => describeDiagnostics(namespace.uri),
        });
      } finally {
        await vscode.window.showTextDocument(baseline);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await waitForCode(namespace.uri, 'namespace-no-default-deny');
    });
  });
}
