import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, kubeDiagnostics, openInEditor, plainRange, rangeOfText, waitFor, waitForCode, withCode } from './helpers';

/** Suppressions written in manifests, the kubeNetsec.rules setting, and the workspace's .kube-netsec.yaml. */
export function configurationTests(): void {
  suite('suppressions and configuration', () => {
    teardown(closeAllEditors);

    test('suppression comments and annotations hide findings; a missing reason is a hint', async () => {
      const document = await openInEditor(fixtureUri('suppressed.yaml'));
      const [hint] = await waitForCode(document.uri, 'suppression-missing-reason');
      assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
      assert.deepEqual(plainRange(hint.range), plainRange(rangeOfText(document, '# kube-netsec-disable-next-line host-network')));
      assert.deepEqual(withCode(document.uri, 'host-network'), [], describeDiagnostics(document.uri));
      assert.deepEqual(withCode(document.uri, 'host-port'), [], describeDiagnostics(document.uri));
    });

    test('kubeNetsec.rules changes severities and turns rules off, without a restart', async () => {
      const settings = vscode.workspace.getConfiguration('kubeNetsec');
      const document = await openInEditor(fixtureUri('node-agent.yaml'));
      await waitForCode(document.uri, 'host-port');
      try {
        await settings.update('rules', { 'host-network': 'error', 'host-port': 'off' }, vscode.ConfigurationTarget.Global);
        await waitFor(
          () => withCode(document.uri, 'host-port').length === 0 && withCode(document.uri, 'host-network')[0]?.severity === vscode.DiagnosticSeverity.Error,
          'host-network as an error and no host-port',
          { describe: () => describeDiagnostics(document.uri) },
        );
      } finally {
        await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor(() => withCode(document.uri, 'host-network')[0]?.severity === vscode.DiagnosticSeverity.Warning && withCode(document.uri, 'host-port').length === 1, 'the default severities back', {
        describe: () => describeDiagnostics(document.uri),
      });
    });

    test('.kube-netsec.yaml excludes files, and an edit to it on disk applies at once', async () => {
      const configUri = fixtureUri('.kube-netsec.yaml');
      const original = await vscode.workspace.fs.readFile(configUri);
      const excluded = await openInEditor(fixtureUri('excluded/pod.yaml'));
      const policy = await openInEditor(fixtureUri('policies/allow-everything.yaml'));
      await waitForCode(policy.uri, 'netpol-allow-all-ingress');
      // Opened before the policy, so checked (and found excluded) before it was.
      assert.deepEqual(kubeDiagnostics(excluded.uri), [], describeDiagnostics(excluded.uri));
      try {
        await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode('rules:\n  netpol-allow-all-ingress: "off"\n'));
        await waitFor(() => withCode(policy.uri, 'netpol-allow-all-ingress').length === 0, 'netpol-allow-all-ingress to be turned off by the file', {
          timeoutMs: 20_000,
          describe: () => describeDiagnostics(policy.uri),
        });
        // The new file no longer excludes anything.
        await waitForCode(excluded.uri, 'host-network', 20_000);
      } finally {
        await vscode.workspace.fs.writeFile(configUri, original);
      }
      await waitForCode(policy.uri, 'netpol-allow-all-ingress', 20_000);
      await waitFor(() => kubeDiagnostics(excluded.uri).length === 0, 'the excluded file to be excluded again', { timeoutMs: 20_000 });
    });
  });
}
