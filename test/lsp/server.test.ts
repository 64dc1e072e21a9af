import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { LspSession, PROJECT_ROOT } from './lsp-session';

// Other rules fire on these fixtures too; the protocol tests follow the two they are written for.
const FOLLOWED = new Set(['host-network', 'host-port']);
const followed = <T extends { code?: unknown }>(diagnostics: T[]) => diagnostics.filter((diagnostic) => FOLLOWED.has(String(diagnostic.code)));

const docsUrl = (ruleId: string) => pathToFileURL(join(PROJECT_ROOT, 'docs', 'rules', `${ruleId}.md`)).href;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  containers:\n    - name: shell\n      ports: [{containerPort: 80, hostPort: 80}]\n';

for (const [name, args] of [
  ['bundled server (dist/server.js --stdio)', ['dist/server.js', '--stdio']],
  ['CLI (dist/cli.js lsp --stdio)', ['dist/cli.js', 'lsp', '--stdio']],
] as const) {
  describe(`language server over stdio: ${name}`, () => {
    let session: LspSession;
    let capabilities: Awaited<ReturnType<typeof LspSession.start>>['initializeResult'];

    before(async () => {
      const started = await LspSession.start([...args]);
      session = started.session;
      capabilities = started.initializeResult;
    });
    after(async () => {
      assert.equal(await session.stop(), 0, 'the server exits cleanly after shutdown/exit');
    });

    it('announces incremental sync and its name', () => {
      assert.deepEqual(capabilities.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
      assert.equal(capabilities.serverInfo?.name, 'kube-netsec');
    });

    it('publishes findings with exact ranges, source and rule code on open', async () => {
      const uri = 'file:///workspace/pod.yaml';
      await session.open(uri, POD);
      const params = await session.waitForDiagnostics(uri);
      assert.equal(params.version, 1);
      assert.deepEqual(followed(params.diagnostics), [
        {
          range: { start: { line: 5, character: 2 }, end: { line: 5, character: 19 } },
          severity: DiagnosticSeverity.Warning,
          source: 'kube-netsec',
          code: 'host-network',
          codeDescription: { href: docsUrl('host-network') },
          message: "hostNetwork: true puts this pod in the node's network namespace: it can reach node-local services and bind node ports, and NetworkPolicies do not isolate it.",
        },
        {
          range: { start: { line: 8, character: 34 }, end: { line: 8, character: 46 } },
          severity: DiagnosticSeverity.Warning,
          source: 'kube-netsec',
          code: 'host-port',
          codeDescription: { href: docsUrl('host-port') },
          message: 'Container "shell" binds host port 80 on every node it runs on, outside any Service.',
        },
      ]);
    });

    it('updates diagnostics after an incremental change, at the moved range', async () => {
      const uri = 'file:///workspace/edit.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, (params) => params.version === 1);
      // Remove the host port and push hostNetwork two lines down by inserting a comment block.
      const version = await session.change(uri, [
        { range: { start: { line: 8, character: 26 }, end: { line: 8, character: 39 } }, text: '' },
        { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '  # why:\n  # debugging\n' },
      ]);
      const params = await session.waitForDiagnostics(uri, (published) => published.version === version);
      assert.deepEqual(
        followed(params.diagnostics).map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [['host-network', { start: { line: 7, character: 2 }, end: { line: 7, character: 19 } }]],
      );
    });

    it('debounces a burst of edits and publishes only for the newest version', async () => {
      const uri = 'file:///workspace/burst.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, (params) => params.version === 1);
      const mark = session.published.length;
      let version = 1;
      for (const value of ['false', 'true', 'false', 'true', 'false']) {
        version = await session.change(uri, [{ text: POD.replace('hostNetwork: true', `hostNetwork: ${value}`) }]);
      }
      const final = await session.waitForDiagnostics(uri, (params) => params.version === version, { after: mark });
      assert.deepEqual(
        followed(final.diagnostics).map((diagnostic) => diagnostic.code),
        ['host-port'],
      );
      // Give a stale run the chance to arrive late; none may, and nothing before the last version was published.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const afterBurst = session.published.slice(mark).filter((params) => params.uri === uri);
      assert.deepEqual(
        afterBurst.map((params) => params.version),
        [version],
      );
    });

    it('clears diagnostics when the document is closed', async () => {
      const uri = 'file:///workspace/close.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, (params) => followed(params.diagnostics).length === 2);
      const mark = session.published.length;
      await session.close(uri);
      const cleared = await session.waitForDiagnostics(uri, () => true, { after: mark });
      assert.deepEqual(cleared.diagnostics, []);
    });

    it('reports a Helm template with one information diagnostic, and a syntax error once', async () => {
      const helm = 'file:///workspace/templates/deployment.yaml';
      await session.open(helm, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n{{- if .Values.x }}\n  bad: [\n{{- end }}\n');
      const helmParams = await session.waitForDiagnostics(helm);
      assert.deepEqual(
        helmParams.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start]),
        [['helm-template', DiagnosticSeverity.Information, { line: 3, character: 8 }]],
      );
      const broken = 'file:///workspace/broken.yaml';
      await session.open(broken, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n labels: {a: b}\nspec: [\n');
      const brokenParams = await session.waitForDiagnostics(broken);
      assert.deepEqual(
        brokenParams.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start]),
        [['yaml-syntax', DiagnosticSeverity.Error, { line: 4, character: 0 }]],
      );
    });

    it('leaves documents that are not manifests alone', async () => {
      const text = 'apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true}\n';
      const ignored = 'file:///workspace/notes.txt';
      await session.open(ignored, text, 'plaintext');
      const workflow = 'file:///workspace/.github/workflows/ci.yml';
      await session.open(workflow, 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
      // Publications are in order: once a later document is answered, an earlier one would have been too.
      const marker = 'file:///workspace/marker.yaml';
      await session.open(marker, text);
      await session.waitForDiagnostics(marker);
      assert.deepEqual(
        session.published.filter((params) => params.uri === ignored),
        [],
      );
      const workflowParams = session.published.filter((params) => params.uri === workflow);
      assert.deepEqual(
        workflowParams.flatMap((params) => params.diagnostics),
        [],
      );
    });
  });
}
