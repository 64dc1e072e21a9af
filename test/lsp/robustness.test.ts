import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type PublishDiagnosticsParams, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LOST_SYNC_MESSAGE } from '../../server/src/lsp/document-sync';
import { ServerInfoRequest, type ServerInfoResult } from '../../server/src/lsp/server-info-protocol';
import { LspSession, PROJECT_ROOT } from './lsp-session';

// Hostile input over stdio: URIs that are not local files, malformed change events, watcher events
// and methods the server does not know. The server must log, keep every other document checked,
// and never exit. Each case was a crash (exit code 1) or a silently corrupted text before.

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  containers:\n    - name: shell\n      image: busybox\n';
const hasHostNetwork = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === 'host-network');
const isLostNotice = (params: PublishDiagnosticsParams) => params.diagnostics.length === 1 && params.diagnostics[0].message === LOST_SYNC_MESSAGE;

describe('language server robustness: hostile URIs and messages', () => {
  let session: LspSession;
  const good = 'file:///workspace/good.yaml';

  /** The server is alive and still checks a well-behaved document: a new full text gets its diagnostics. */
  async function assertServing(): Promise<void> {
    assert.equal(session.exitCode, undefined, `the server exited; stderr: ${session.stderr}`);
    const version = await session.change(good, [{ text: POD.replace('debug', `debug-${session.published.length}`) }]);
    await session.waitForDiagnostics(good, (params) => params.version === version && hasHostNetwork(params));
  }

  before(async () => {
    ({ session } = await LspSession.start(['dist/server.js', '--stdio']));
    await session.open(good, POD);
    await session.waitForDiagnostics(good, hasHostNetwork);
  });
  after(async () => {
    assert.equal(await session.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });

  describe('a URI that is not a local file is an in-memory document', () => {
    for (const [name, uri] of [
      ['a malformed percent escape', 'file:///tmp/a%ZZ.yaml'],
      ['a UNC host', 'file://server/share/a.yaml'],
      ['an encoded slash', 'file:///tmp/a%2Fb.yaml'],
      ['an encoded NUL', 'file:///tmp/a%00b.yaml'],
      ['the untitled scheme', 'untitled:Untitled-1'],
    ] as const) {
      it(`${name} (${uri}): checked on open and on edit, answered, cleared on close`, async () => {
        await session.open(uri, POD);
        const opened = await session.waitForDiagnostics(uri, hasHostNetwork);
        const hostNetwork = opened.diagnostics.find((diagnostic) => diagnostic.code === 'host-network')!;
        assert.deepEqual(hostNetwork.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 19 } });

        // hostNetwork: true → false removes the finding: the ranged edit was applied to the right text.
        const version = await session.change(uri, [{ range: { start: { line: 5, character: 15 }, end: { line: 5, character: 19 } }, text: 'false' }]);
        await session.waitForDiagnostics(uri, (params) => params.version === version && !hasHostNetwork(params));
        const hover = await session.hover(uri, { line: 3, character: 9 });
        assert.ok(hover === null || typeof hover === 'object', 'a hover request is answered');

        const before = session.published.length;
        await session.close(uri);
        await session.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, { after: before });
        await assertServing();
      });
    }
  });

  describe('a didOpen that is not well-formed is ignored with a warning', () => {
    for (const [name, params] of [
      ['a number URI', { textDocument: { uri: 42, languageId: 'yaml', version: 1, text: POD } }],
      ['a null URI', { textDocument: { uri: null, languageId: 'yaml', version: 1, text: POD } }],
      ['an object URI', { textDocument: { uri: { path: '/a.yaml' }, languageId: 'yaml', version: 1, text: POD } }],
      ['no textDocument', {}],
      ['no params at all', undefined],
      ['a null text', { textDocument: { uri: 'file:///workspace/null-text.yaml', languageId: 'yaml', version: 1, text: null } }],
      ['a version that is not a number', { textDocument: { uri: 'file:///workspace/bad-version.yaml', languageId: 'yaml', version: 'one', text: POD } }],
    ] as const) {
      it(name, async () => {
        const logged = session.logs.length;
        await session.notify('textDocument/didOpen', params);
        await session.waitForLog(/^Ignoring textDocument\/didOpen/, { after: logged });
        await assertServing();
      });
    }
  });

  describe('a malformed didChange is rejected, and the document resynced from its next full text', () => {
    const cases: [string, unknown][] = [
      ['a range of null', [{ range: null, text: 'x' }]],
      ['a range without end', [{ range: { start: { line: 0, character: 0 } }, text: 'x' }]],
      ['a negative position', [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }]],
      ['a position that is not a number', [{ range: { start: { line: 'NaN', character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }]],
      ['a fractional position', [{ range: { start: { line: 0.5, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }]],
      ['a position beyond LSP uinteger', [{ range: { start: { line: 1e12, character: 0 }, end: { line: 1e15, character: 0 } }, text: 'x' }]],
      ['a full text that is a number', [{ text: 5 }]],
      ['a ranged text that is null', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: null }]],
      ['a rangeLength without a range', [{ rangeLength: 3, text: 'x' }]],
      ['a change that is null', [null]],
      ['contentChanges that is not a list', { text: 'x' }],
      ['a sound change followed by a bad one (none of the batch applies)', [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } }, text: 'other' }, { range: null, text: 'x' }]],
    ];
    for (const [index, [name, contentChanges]] of cases.entries()) {
      it(name, async () => {
        const uri = `file:///workspace/change-${index}.yaml`;
        await session.open(uri, POD);
        await session.waitForDiagnostics(uri, hasHostNetwork);

        const published = session.published.length;
        const logged = session.logs.length;
        await session.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
        await session.waitForLog(/^Ignoring textDocument\/didChange for "file:\/\/\/workspace\/change-\d+\.yaml": /, { after: logged });
        const notice = await session.waitForDiagnostics(uri, isLostNotice, { after: published });
        assert.equal(notice.diagnostics[0].severity, DiagnosticSeverity.Information);

        // Ranged edits apply to a text the server no longer has: dropped, nothing published.
        const afterNotice = session.published.length;
        await session.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 5, character: 15 }, end: { line: 5, character: 19 } }, text: 'false' }] });
        // A full text brings the document back, with the ranged edits after it applied on top.
        await session.notify('textDocument/didChange', {
          textDocument: { uri, version: 4 },
          contentChanges: [{ text: POD.replace('debug', 'resynced') }, { range: { start: { line: 5, character: 15 }, end: { line: 5, character: 19 } }, text: 'false' }],
        });
        const resynced = await session.waitForDiagnostics(uri, (params) => params.version === 4, { after: afterNotice });
        assert.ok(!hasHostNetwork(resynced) && !isLostNotice(resynced), `the full text, then the edit after it: ${JSON.stringify(resynced.diagnostics.map((diagnostic) => diagnostic.code))}`);
        assert.ok(!session.published.slice(afterNotice).some((params) => params.uri === uri && params.version === 3), 'the dropped edit published nothing');
        await assertServing();
      });
    }

    it('a change without a version is rejected the same way', async () => {
      const uri = 'file:///workspace/no-version.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, hasHostNetwork);
      const published = session.published.length;
      await session.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: POD }] });
      await session.waitForDiagnostics(uri, isLostNotice, { after: published });
      await assertServing();
    });

    it('closing a document the server lost clears its notice, and reopening checks it again', async () => {
      const uri = 'file:///workspace/lost-then-closed.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, hasHostNetwork);
      let published = session.published.length;
      await session.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: null, text: '' }] });
      await session.waitForDiagnostics(uri, isLostNotice, { after: published });
      published = session.published.length;
      await session.close(uri);
      await session.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, { after: published });
      published = session.published.length;
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, (params) => params.version === 1 && hasHostNetwork(params), { after: published });
    });

    it('positions past the end of a line or of the text are sound (LSP clamps them) and applied', async () => {
      const uri = 'file:///workspace/clamped.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, hasHostNetwork);
      const end = 2 ** 31 - 1;
      const version = await session.change(uri, [{ range: { start: { line: end, character: end }, end: { line: end, character: end } }, text: '---\nkind: Namespace\n' }]);
      const params = await session.waitForDiagnostics(uri, (candidate) => candidate.version === version);
      assert.ok(hasHostNetwork(params) && !isLostNotice(params));
    });
  });

  describe('other notifications and requests', () => {
    it('a file watcher event with a malformed URI or type is ignored with a log line', async () => {
      for (const params of [
        { changes: [{ uri: 'file:///tmp/a%ZZ.yaml', type: 2 }, { uri: 5, type: 1 }, { uri: 'file://server/share/a.yaml', type: 3 }, { uri: 'file:///tmp/x.yaml', type: 9 }] },
        { changes: null },
        {},
      ]) {
        const logged = session.logs.length;
        await session.notify('workspace/didChangeWatchedFiles', params);
        await session.waitForLog(/^Ignoring (file watcher events|a file watcher notification)/, { after: logged });
      }
      await assertServing();
    });

    it('a didClose, didSave or willSave without a document is ignored', async () => {
      const logged = session.logs.length;
      await session.notify('textDocument/didClose', { textDocument: { uri: 7 } });
      await session.waitForLog(/^Ignoring textDocument\/didClose/, { after: logged });
      await session.notify('textDocument/didSave', {});
      await session.notify('textDocument/willSave', { textDocument: null, reason: 1 });
      await assertServing();
    });

    it('an unknown request gets MethodNotFound, an unknown notification is ignored', async () => {
      await assert.rejects(session.request('kubeNetsec/noSuchRequest', { any: 'thing' }), (error: { code?: number }) => error.code === -32601);
      await session.notify('kubeNetsec/noSuchNotification', [1, 2, 3]);
      await session.notify('$/noSuchNotification', null);
      await assertServing();
    });

    it('requests with malformed params are answered (with nothing), not fatal', async () => {
      assert.equal(await session.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/a%ZZ.yaml' }, position: null }), null);
      // Params of the wrong structure are refused by the protocol library itself, with InvalidParams.
      await assert.rejects(session.request('textDocument/hover', null), (error: { code?: number }) => error.code === -32602);
      assert.deepEqual(await session.request('textDocument/codeAction', { textDocument: 3 }), []);
      assert.deepEqual(await session.request('textDocument/codeLens', {}), []);
      await assertServing();
    });

    it('kubeNetsec/serverInfo names the server process', async () => {
      const info = await session.request<ServerInfoResult>(ServerInfoRequest.method, undefined);
      assert.equal(info.name, 'kube-netsec');
      assert.equal(info.pid, session.pid);
    });
  });
});

describe('language server robustness: workspace folders that are not local folders', () => {
  it('are logged and left out; the server initializes and checks documents', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: ['file:///tmp/folder%ZZ', 'file://server/share', 'untitled:folder'] });
    try {
      await session.waitForLog(/^Workspace folder "file:\/\/\/tmp\/folder%ZZ" is not a local folder/);
      const uri = 'file:///tmp/folder%ZZ/pod.yaml';
      await session.open(uri, POD);
      await session.waitForDiagnostics(uri, hasHostNetwork);
    } finally {
      assert.equal(await session.stop(), 0);
    }
  });
});

describe('language server robustness: an in-memory document has no folder for a new file', () => {
  it('with kubeNetsec.templates.placement newFile, its default deny goes at its own end', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:1.0\n';
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], {
      settings: { templates: { placement: 'newFile' } },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    });
    try {
      for (const uri of ['untitled:Untitled-2', 'file:///tmp/a%ZZ/web.yaml']) {
        await session.open(uri, deployment);
        await session.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'namespace-no-default-deny'));
        const actions = (await session.codeActions({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
        const action = actions.find((candidate) => candidate.title.startsWith('Add default deny for namespace shop'));
        assert.ok(action, `offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
        assert.equal(action.title, 'Add default deny for namespace shop (ingress and egress) with DNS allowed');
        const changes = action.edit?.documentChanges as TextDocumentEdit[];
        assert.deepEqual(changes.map((change) => change.textDocument.uri), [uri], 'the policy is appended to the document itself');
        await session.close(uri);
      }
    } finally {
      assert.equal(await session.stop(), 0);
    }
  });
});

describe('language server process guard', () => {
  it('logs an uncaught exception and an unhandled rejection, and keeps running', async () => {
    // The guard as the server installs it, in a process of its own: a timer throws, a promise rejects.
    const script = [
      "const { logUncaughtErrors } = require('./server/src/lsp/process-guard.ts');",
      "logUncaughtErrors((message) => console.log('LOGGED ' + message.split('\\n')[0]));",
      "setTimeout(() => { throw new Error('boom in a timer'); }, 0);",
      "setTimeout(() => { Promise.reject(new Error('nobody awaits me')); }, 10);",
      "setTimeout(() => console.log('STILL RUNNING'), 100);",
    ].join('\n');
    const child = spawn(process.execPath, ['--conditions=import', '--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, stdout);
    assert.deepEqual(stdout.trim().split('\n'), [
      'LOGGED Uncaught exception in the kube-netsec language server (it keeps running): Error: boom in a timer',
      'LOGGED Unhandled promise rejection in the kube-netsec language server (it keeps running): Error: nobody awaits me',
      'STILL RUNNING',
    ]);
  });
});
