import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';

// Behaviour, not timings (those are in `npm run bench`): the order of what the server sends.

const deployment = (name: string, namespace: string, hostNetwork = false) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      hostNetwork: ${hostNetwork}
      containers: [{name: main, image: registry.example.com/${name}:1}]
`;
// An ingress policy of the namespace that does not select web: web is not isolated (a cross-file finding).
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-ingress, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: db}
  policyTypes: [Ingress]
`;
const WEB = deployment('web', 'shop');
const text = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);
const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code);

/** `count` files of other namespaces, then the policy last in path order (zz/): the index reads it at the end. */
function writeLargeWorkspace(root: string, count: number): void {
  mkdirSync(join(root, 'apps'));
  for (let i = 0; i < count; i++) writeFileSync(join(root, 'apps', `app-${String(i).padStart(5, '0')}.yaml`), deployment(`app-${i}`, `team-${i % 10}`));
  mkdirSync(join(root, 'zz'));
  writeFileSync(join(root, 'zz', 'policy.yaml'), POLICY);
  writeFileSync(join(root, 'web.yaml'), WEB);
}

describe('language server: the background index and the time budget', () => {
  let root: string;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-netsec-lsp-index-'));
    writeLargeWorkspace(root, 2000);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('publishes an opened document before the index of a large workspace completes, and again with the cross-file findings once it does', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(root).href] });
    try {
      await session.open(uri('web.yaml'), WEB);
      await session.waitForLog(/^Indexed/, { timeoutMs: 60_000 });
      const final = await session.waitForDiagnostics(uri('web.yaml'), (params) => codes(params).includes('workload-not-isolated'), { timeoutMs: 30_000 });
      const order = session.events.map((event) => (event.kind === 'log' ? (event.message.startsWith('Indexed') ? 'indexed' : 'log') : event.params.uri === uri('web.yaml') ? 'web' : 'other'));
      const firstWeb = order.indexOf('web');
      assert.ok(firstWeb >= 0 && firstWeb < order.indexOf('indexed'), `the first diagnostics of web.yaml came after the index: ${order.join(' ')}`);
      // On part of the workspace the cross-file rules stay silent (the policy was not read yet): no finding to take back later.
      const [early] = session.published.filter((params) => params.uri === uri('web.yaml'));
      assert.ok(codes(early).includes('net-raw-not-dropped'), JSON.stringify(codes(early)));
      assert.ok(!codes(early).includes('workload-not-isolated'), JSON.stringify(codes(early)));
      assert.equal(final.version, 1);
    } finally {
      await session.stop();
    }
  });

  it('logs "Indexed" once when the settings arrive several times while indexing', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(root).href] });
    try {
      // As VS Code does at start: the settings are pushed right after initialization, each push re-reading the configuration.
      const started = Date.now();
      await session.changeSettings({});
      await session.changeSettings({});
      await session.waitForLog(/^Indexed/, { timeoutMs: 60_000 });
      // A scan of a superseded configuration that went on would end about as late: give it that long to show.
      await new Promise((resolve) => setTimeout(resolve, (Date.now() - started) / 2 + 500));
      await session.open(uri('web.yaml'), WEB);
      await session.waitForDiagnostics(uri('web.yaml'), (params) => codes(params).includes('workload-not-isolated'), { timeoutMs: 30_000 });
      assert.equal(session.logs.filter((message) => message.startsWith('Indexed')).length, 1, session.logs.join('\n'));
    } finally {
      await session.stop();
    }
  });

  it('says the results may be partial when the cross-file rules run out of their time budget', async () => {
    const small = mkdtempSync(join(tmpdir(), 'kube-netsec-lsp-budget-'));
    writeFileSync(join(small, 'policy.yaml'), POLICY);
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(small).href], initializationOptions: { analysisBudgetMs: 0 } });
    try {
      const web = pathToFileURL(join(small, 'web.yaml')).href;
      await session.open(web, deployment('web', 'shop', true));
      await session.waitForLog(/^Indexed/, { timeoutMs: 30_000 });
      const params = await session.waitForDiagnostics(web, (published) => codes(published).includes('analysis-partial'), { timeoutMs: 30_000 });
      const notice = params.diagnostics.find((diagnostic) => diagnostic.code === 'analysis-partial')!;
      assert.match(text(notice.message), /analysis took too long; results may be partial/);
      assert.match(text(notice.message), /workload-not-isolated/);
      // The document's own rules ran: only the cross-file ones were skipped.
      assert.ok(codes(params).includes('host-network'), JSON.stringify(codes(params)));
      assert.ok(!codes(params).includes('workload-not-isolated'));
    } finally {
      await session.stop();
      rmSync(small, { recursive: true, force: true });
    }
  });

  it('checks a large pasted document', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio']);
    try {
      const pasted = pathToFileURL(join(root, 'pasted.yaml')).href;
      await session.open(pasted, '');
      await session.waitForDiagnostics(pasted, (params) => params.version === 1);
      // About 2 MB: every seventh Deployment uses the host's network.
      const text = Array.from({ length: 6000 }, (_, i) => deployment(`app-${i}`, `team-${i % 10}`, i % 7 === 0)).join('---\n');
      const version = await session.change(pasted, [{ text }]);
      const params = await session.waitForDiagnostics(pasted, (published) => published.version === version, { timeoutMs: 60_000 });
      assert.equal(params.diagnostics.filter((diagnostic) => diagnostic.code === 'host-network').length, Math.ceil(6000 / 7));
    } finally {
      await session.stop();
    }
  });
});
