import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';

const web = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: "${image}"}]
`;

const text = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);
const duplicates = (params: PublishDiagnosticsParams): Diagnostic[] => params.diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-object');

describe('language server: related locations (duplicate-object)', () => {
  let root: string;
  const uri = (path: string) => pathToFileURL(join(root, path)).href;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kube-netsec-lsp-related-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('links the replaced definition to the one that takes effect, and follows opens, edits and closes', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(root).href], relatedInformation: true });
    try {
      // Opened only, never saved: base/ comes before overlay/ in path order, so overlay/web.yaml takes effect.
      await session.open(uri('base/web.yaml'), web('web:1'));
      const alone = await session.waitForDiagnostics(uri('base/web.yaml'));
      assert.deepEqual(duplicates(alone), []);

      let mark = session.published.length;
      await session.open(uri('overlay/web.yaml'), web('web:2'));
      const replaced = await session.waitForDiagnostics(uri('base/web.yaml'), (params) => duplicates(params).length > 0, { after: mark });
      const [diagnostic] = duplicates(replaced);
      assert.deepEqual(diagnostic.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } });
      assert.equal(diagnostic.severity, 3);
      assert.match(text(diagnostic.message), /^Deployment "web" in namespace "shop" is defined again in \.\.\/overlay\/web\.yaml at line 4, /);
      assert.deepEqual(diagnostic.relatedInformation, [
        { location: { uri: uri('overlay/web.yaml'), range: { start: { line: 3, character: 2 }, end: { line: 3, character: 11 } } }, message: 'The definition that takes effect' },
      ]);
      // The definition that takes effect is not reported.
      const effective = await session.waitForDiagnostics(uri('overlay/web.yaml'), () => true, { after: mark });
      assert.deepEqual(duplicates(effective), []);

      // Renaming the overlay's object ends the duplicate: the base's finding goes away.
      mark = session.published.length;
      await session.change(uri('overlay/web.yaml'), [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'web-canary' }]);
      await session.waitForDiagnostics(uri('base/web.yaml'), (params) => duplicates(params).length === 0, { after: mark });

      // Named back: the finding returns, and moves with the effective definition's line.
      mark = session.published.length;
      await session.change(uri('overlay/web.yaml'), [{ text: `# overlay\n${web('web:2')}` }]);
      const again = await session.waitForDiagnostics(uri('base/web.yaml'), (params) => duplicates(params).length > 0, { after: mark });
      assert.match(text(duplicates(again)[0].message), /at line 5, /);
      assert.equal(duplicates(again)[0].relatedInformation?.[0].location.range.start.line, 4);

      // Closing the overlay (never saved, so gone from the workspace) ends the duplicate too.
      mark = session.published.length;
      await session.close(uri('overlay/web.yaml'));
      await session.waitForDiagnostics(uri('base/web.yaml'), (params) => duplicates(params).length === 0, { after: mark });
    } finally {
      await session.stop();
    }
  });

  it('takes a kustomize patch on disk for a patch, not for a definition that replaces the base', async () => {
    const settings = '{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: shop}}\n';
    const files: Record<string, string> = {
      'kz/base/web.yaml': `${web('web:1')}---\n${settings}`,
      // No "kind" in it: indexed for its name.
      'kz/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: replicas.yaml\n',
      'kz/overlays/prod/replicas.yaml': '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: shop}, spec: {replicas: 3}}\n',
      // Read last by the index: once its duplicate shows, every other file has been read.
      'kz/zz/settings.yaml': settings,
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(join(root, 'kz')).href], relatedInformation: true });
    try {
      await session.open(uri('kz/base/web.yaml'), files['kz/base/web.yaml']);
      const params = await session.waitForDiagnostics(uri('kz/base/web.yaml'), (published) => duplicates(published).length > 0);
      assert.deepEqual(
        duplicates(params).map((diagnostic) => text(diagnostic.message).replace(/ is defined .*/, '')),
        ['ConfigMap "settings" in namespace "shop"'],
      );
    } finally {
      await session.stop();
    }
  });

  it('sends no related locations to a client that does not declare them', async () => {
    // A folder of its own: the other tests' files define web too, and the cross-file rules see the whole folder.
    mkdirSync(join(root, 'plain'));
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(join(root, 'plain')).href] });
    try {
      await session.open(uri('plain/a.yaml'), `${web('web:1')}---\n${web('web:2')}`);
      const params = await session.waitForDiagnostics(uri('plain/a.yaml'), (published) => duplicates(published).length > 0);
      const [diagnostic] = duplicates(params);
      assert.match(text(diagnostic.message), /is defined again at line 16, /);
      assert.equal(diagnostic.relatedInformation, undefined);
    } finally {
      await session.stop();
    }
  });
});
