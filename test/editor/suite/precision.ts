import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, kubeDiagnostics, openInEditor, plainRange, rangeOfText, waitForCode, withCode } from './helpers';

/**
 * What real-world stacks need to be read right (test/fixtures/editor-workspace/precision): pods an
 * operator creates, an object defined twice, a Go template inside an argument.
 */
export function precisionTests(): void {
  suite('real-world manifests', () => {
    teardown(closeAllEditors);

    test("a policy and a Service that select a Prometheus object's pods are not reported as selecting nothing", async () => {
      // Grafana's isolation finding needs the policy of monitoring.yaml, read from disk: the workspace is indexed.
      await openInEditor(fixtureUri('precision/overlay/grafana.yaml'));
      await waitForCode(fixtureUri('precision/overlay/grafana.yaml'), 'workload-not-isolated');
      const stack = await openInEditor(fixtureUri('precision/monitoring.yaml'));
      // The NodePort finding says the file has been checked: the silence below is an answer.
      await waitForCode(stack.uri, 'service-nodeport');
      for (const code of ['netpol-selects-nothing', 'netpol-peer-selects-nothing', 'service-selects-nothing']) {
        assert.deepEqual(withCode(stack.uri, code), [], `${code}: ${describeDiagnostics(stack.uri)}`);
      }
    });

    test('a Deployment defined in two files: the replaced one is reported, with the one that takes effect as related information', async () => {
      const base = await openInEditor(fixtureUri('precision/base/grafana.yaml'));
      const [finding] = await waitForCode(base.uri, 'duplicate-object');
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Information);
      // On the metadata.name pair (line 4 of the file), not the container's name.
      assert.deepEqual(plainRange(finding.range), { start: [3, 2], end: [3, 15] });
      assert.equal(base.lineAt(3).text, '  name: grafana');
      assert.match(finding.message, /defined again in \.\.\/overlay\/grafana\.yaml at line 5/);
      const related = finding.relatedInformation ?? [];
      assert.equal(related.length, 1, 'one related location');
      assert.equal(related[0].location.uri.toString(), fixtureUri('precision/overlay/grafana.yaml').toString());
      assert.equal(related[0].location.range.start.line, 4);
      // Only the later definition counts for the namespace: its findings are shown there, not here.
      assert.deepEqual(withCode(base.uri, 'workload-not-isolated'), [], describeDiagnostics(base.uri));
    });

    test('a Go template inside a plain argument does not make the file a Helm template: its host-network Pod is reported', async () => {
      const pod = await openInEditor(fixtureUri('precision/go-template-arg.yaml'));
      const [finding] = await waitForCode(pod.uri, 'host-network');
      assert.deepEqual(plainRange(finding.range), plainRange(rangeOfText(pod, 'hostNetwork: true')));
      assert.equal(kubeDiagnostics(pod.uri).filter((diagnostic) => diagnostic.code === 'helm-template').length, 0, describeDiagnostics(pod.uri));
    });
  });
}
