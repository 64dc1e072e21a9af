import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';

const POD = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  containers: [{name: a, ports: [{hostPort: 80}]}]\n';

describe('language server configuration: .kube-netsec.yaml and settings', () => {
  let root: string;
  let session: LspSession;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;
  // Only the two rules the configuration names are followed; others may fire on the fixture too.
  const summary = (params: { diagnostics: { code?: unknown; severity?: number }[] }) =>
    params.diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('host-')).map((diagnostic) => `${String(diagnostic.code)}:${diagnostic.severity}`).sort();

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kube-netsec-lsp-config-'));
    mkdirSync(join(root, 'generated'));
    writeFileSync(join(root, '.kube-netsec.yaml'), 'rules:\n  host-network: error\n  host-port: info\nexclude: [generated]\n');
    ({ session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(root).href], settings: { rules: { 'host-port': 'off' } } }));
  });
  after(async () => {
    await session.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('applies the file, with the editor settings on top, and skips excluded files', async () => {
    await session.open(uri('pod.yaml'), POD);
    const params = await session.waitForDiagnostics(uri('pod.yaml'));
    assert.deepEqual(summary(params), [`host-network:${DiagnosticSeverity.Error}`]);
    await session.open(uri('generated/pod.yaml'), POD);
    assert.deepEqual((await session.waitForDiagnostics(uri('generated/pod.yaml'))).diagnostics, []);
  });

  it('re-checks open documents when the settings change, without a restart', async () => {
    const mark = session.published.length;
    await session.changeSettings({ rules: { 'host-network': 'hint' } });
    const expected = [`host-network:${DiagnosticSeverity.Hint}`, `host-port:${DiagnosticSeverity.Information}`];
    const params = await session.waitForDiagnostics(uri('pod.yaml'), (published) => summary(published).join() === expected.join(), { after: mark });
    assert.deepEqual(summary(params), expected);
  });

  it('re-reads .kube-netsec.yaml when it changes on disk', async () => {
    writeFileSync(join(root, '.kube-netsec.yaml'), 'rules:\n  host-port: error\n');
    const mark = session.published.length;
    await session.fileChanged(uri('.kube-netsec.yaml'));
    const expected = [`host-network:${DiagnosticSeverity.Hint}`, `host-port:${DiagnosticSeverity.Error}`];
    const params = await session.waitForDiagnostics(uri('pod.yaml'), (published) => summary(published).join() === expected.join(), { after: mark });
    assert.deepEqual(summary(params), expected);
    // generated/ is no longer excluded.
    const generated = await session.waitForDiagnostics(uri('generated/pod.yaml'), (published) => published.diagnostics.length > 0, { after: mark });
    assert.deepEqual(summary(generated), [`host-network:${DiagnosticSeverity.Hint}`, `host-port:${DiagnosticSeverity.Error}`]);
  });

  it('reports problems of an open .kube-netsec.yaml on the file itself', async () => {
    await session.open(uri('.kube-netsec.yaml'), 'rules:\n  host-netwrok: error\n');
    const params = await session.waitForDiagnostics(uri('.kube-netsec.yaml'));
    assert.deepEqual(
      params.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range.start]),
      [['config', '"host-netwrok" is not a kube-netsec rule.', { line: 1, character: 2 }]],
    );
  });
});
