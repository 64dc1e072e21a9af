import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspSession } from './lsp-session';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
`;
const policySelecting = (app: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-ingress, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: ${app}}
  policyTypes: [Ingress]
`;

const text = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);

/** The workload-not-isolated findings of a publication, as "line:direction". */
function notIsolated(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === 'workload-not-isolated').map((diagnostic) => `${diagnostic.range.start.line}:${/ingress/i.test(text(diagnostic.message)) ? 'ingress' : 'egress'}`);
}

describe('language server: the workspace index and cross-file findings', () => {
  let root: string;
  let session: LspSession;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kube-netsec-lsp-workspace-'));
    // On disk only, never opened: the server must find it by indexing the folder.
    writeFileSync(join(root, 'policy.yaml'), policySelecting('db'));
    writeFileSync(join(root, 'web.yaml'), WEB);
    ({ session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(root).href] }));
  });
  after(async () => {
    await session.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports on an open workload what a policy in an unopened file implies', async () => {
    await session.open(uri('web.yaml'), WEB);
    // The namespace has an ingress policy that does not select web: web slipped through.
    const params = await session.waitForDiagnostics(uri('web.yaml'), (published) => notIsolated(published).length > 0);
    assert.deepEqual(notIsolated(params), ['6:ingress']);
    assert.match(text(params.diagnostics.find((diagnostic) => diagnostic.code === 'workload-not-isolated')!.message), /ingress/i);
  });

  it('updates the workload when the policy is edited in another open document', async () => {
    await session.open(uri('policy.yaml'), policySelecting('db'));
    const mark = session.published.length;
    await session.change(uri('policy.yaml'), [{ text: policySelecting('web') }]);
    const params = await session.waitForDiagnostics(uri('web.yaml'), (published) => notIsolated(published).length === 0, { after: mark });
    assert.deepEqual(notIsolated(params), []);
  });

  it('follows files changed on disk once their editor is closed', async () => {
    const closing = session.published.length;
    await session.close(uri('policy.yaml'));
    // The saved file still selects db: closing the unsaved edit brings the finding back.
    const back = await session.waitForDiagnostics(uri('web.yaml'), (published) => notIsolated(published).length === 1, { after: closing });
    assert.deepEqual(notIsolated(back), ['6:ingress']);
    const saving = session.published.length;
    writeFileSync(join(root, 'policy.yaml'), policySelecting('web'));
    await session.fileChanged(uri('policy.yaml'));
    const fixed = await session.waitForDiagnostics(uri('web.yaml'), (published) => notIsolated(published).length === 0, { after: saving });
    assert.deepEqual(notIsolated(fixed), []);
  });
});
