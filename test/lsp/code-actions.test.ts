import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Command, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, FixChecker, fixAllOfFile, lintWorkspaceLocated, mergeConfigs, parseManifest } from '../../server/src/engine';
import { LspSession } from './lsp-session';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  containers:\n    - name: shell\n      ports: [{containerPort: 80, hostPort: 80}]\n';
const FIX_ALL = 'source.fixAll.kubeNetsec';
// VS Code's client capabilities for workspace edits.
const VS_CODE_EDITS = { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] as ('create' | 'rename' | 'delete')[] };

const line = (start: [number, number], end: [number, number]) => ({ start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } });

function isCodeAction(action: CodeAction | Command): action is CodeAction {
  return typeof (action as Command).command !== 'string';
}

function codeActionsOnly(actions: (CodeAction | Command)[] | null): CodeAction[] {
  assert.ok(actions, 'the server answered null');
  assert.ok(actions.every(isCodeAction), 'every answer is a CodeAction literal');
  return actions as CodeAction[];
}

/** The text edits of `uri` in a workspace edit (documentChanges or changes). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) return (edit.documentChanges.filter((change) => 'textDocument' in change && change.textDocument.uri === uri) as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}

describe('code actions over stdio', () => {
  let session: LspSession;
  let codeActionProvider: unknown;

  before(async () => {
    const started = await LspSession.start(['dist/server.js', '--stdio'], { workspaceEdit: VS_CODE_EDITS });
    session = started.session;
    codeActionProvider = started.initializeResult.capabilities.codeActionProvider;
  });
  after(async () => {
    assert.equal(await session.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });

  /** Opens `text` and returns the published diagnostic of `ruleId` (waiting for it). */
  async function openWith(uri: string, text: string, ruleId: string): Promise<{ diagnostic: Diagnostic; all: Diagnostic[] }> {
    await session.open(uri, text);
    const params = await session.waitForDiagnostics(uri, (published) => published.diagnostics.some((diagnostic) => diagnostic.code === ruleId));
    return { diagnostic: params.diagnostics.find((diagnostic) => diagnostic.code === ruleId)!, all: params.diagnostics };
  }

  it('advertises quick fixes, source actions and its fix-all kind', () => {
    assert.deepEqual(codeActionProvider, { codeActionKinds: ['quickfix', 'source', FIX_ALL] });
  });

  it('offers the host-network fixes, then suppressions, then the rule documentation, with exact edits', async (t) => {
    const uri = 'file:///workspace/host-network.yaml';
    const { diagnostic } = await openWith(uri, POD, 'host-network');
    const started = performance.now();
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    t.diagnostic(`first code action request: ${(performance.now() - started).toFixed(0)} ms`);
    const version = { uri, version: 1 };
    assert.deepEqual(actions, [
      {
        title: 'Remove hostNetwork: true',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { documentChanges: [{ textDocument: version, edits: [{ range: line([5, 0], [6, 0]), newText: '' }] }] },
      },
      {
        title: 'Set hostNetwork: false',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: false,
        edit: { documentChanges: [{ textDocument: version, edits: [{ range: line([5, 15], [5, 19]), newText: 'false' }] }] },
      },
      {
        title: 'Suppress host-network on this line',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: false,
        edit: { documentChanges: [{ textDocument: version, edits: [{ range: line([5, 0], [5, 0]), newText: '  # kube-netsec-disable-next-line host-network -- reason\n' }] }] },
      },
      {
        title: 'Suppress host-network in this document',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: false,
        edit: { documentChanges: [{ textDocument: version, edits: [{ range: line([0, 0], [0, 0]), newText: '# kube-netsec-disable host-network -- reason\n' }] }] },
      },
      {
        title: 'Show documentation for host-network',
        kind: 'quickfix',
        command: { title: 'Show documentation for host-network', command: 'kubeNetsec.showRuleDocumentation', arguments: ['host-network'] },
      },
    ]);
    const again = performance.now();
    await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    t.diagnostic(`same request again (fixes kept until the next check): ${(performance.now() - again).toFixed(0)} ms`);
  });

  it('applying the preferred fix removes the diagnostic; applying a suppression hides it', async () => {
    const uri = 'file:///workspace/apply.yaml';
    const { diagnostic } = await openWith(uri, POD, 'host-network');
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    for (const title of ['Remove hostNetwork: true', 'Suppress host-network on this line']) {
      const action = actions.find((candidate) => candidate.title === title);
      assert.ok(action, `"${title}" is offered`);
      const fixed = applyTextEdits(POD, editsOf(action.edit, uri));
      const version = await session.change(uri, [{ text: fixed }]);
      const params = await session.waitForDiagnostics(uri, (published) => published.version === version);
      assert.deepEqual(params.diagnostics.filter((published) => published.code === 'host-network'), [], `host-network is gone after "${title}"`);
      await session.change(uri, [{ text: POD }]);
    }
  });

  it('answers nothing for a diagnostic of an older version, then again once re-checked', async () => {
    const uri = 'file:///workspace/stale.yaml';
    const { diagnostic } = await openWith(uri, POD, 'host-network');
    const version = await session.change(uri, [{ range: line([0, 0], [0, 0]), text: '# a comment\n' }]);
    // The change is not re-checked yet (the server waits for a pause in typing).
    assert.deepEqual(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }), []);
    const params = await session.waitForDiagnostics(uri, (published) => published.version === version);
    const moved = params.diagnostics.find((published) => published.code === 'host-network')!;
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: moved.range, context: { diagnostics: [moved] } }));
    assert.equal(actions[0].title, 'Remove hostNetwork: true');
    assert.deepEqual((actions[0].edit?.documentChanges?.[0] as TextDocumentEdit).textDocument, { uri, version });
  });

  it('survives a cancelled request and answers the next one in full', async () => {
    const uri = 'file:///workspace/cancelled.yaml';
    const { diagnostic } = await openWith(uri, POD, 'host-network');
    const source = new CancellationTokenSource();
    const pending = session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, source.token);
    source.cancel();
    // Whether the cancellation arrives before the server's check depends on the pipe's timing: the
    // answer may be [], the protocol's cancellation error or the full list (code-actions-cancellation
    // tests that a request no longer wanted checks no fix). What must hold is that the server goes on.
    const answer = await pending.catch((error: { code?: number }) => error.code);
    assert.ok(Array.isArray(answer) || answer === -32800, `answer: ${JSON.stringify(answer)}`);
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    assert.equal(actions[0].title, 'Remove hostNetwork: true', 'the next request is answered in full');
  });

  it('fix-all answers the engine\'s combined preferred fixes, only when its kind is asked for', async () => {
    const uri = 'file:///workspace/fix-all.yaml';
    const { diagnostic, all } = await openWith(uri, POD, 'host-network');
    const engine = engineFixAll(uri, POD);
    assert.ok(engine.edits.length > 0, 'the sample has something to fix');

    for (const only of [[FIX_ALL], ['source.fixAll'], ['source']]) {
      const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: line([0, 0], [0, 0]), context: { diagnostics: [], only } }));
      const fixAll = actions.filter((action) => action.kind === FIX_ALL);
      assert.equal(fixAll.length, 1, `one fix-all action for only=${JSON.stringify(only)}`);
      assert.equal(fixAll[0].title, `Fix ${engine.fixed.length} kube-netsec problem${engine.fixed.length === 1 ? '' : 's'} in this file`);
      assert.deepEqual(editsOf(fixAll[0].edit, uri), engine.edits);
      assert.equal(applyTextEdits(POD, editsOf(fixAll[0].edit, uri)), engine.text);
    }
    const quickFixes = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: all, only: ['quickfix'] } }));
    assert.ok(quickFixes.length > 0 && quickFixes.every((action) => action.kind === 'quickfix'), 'a quickfix request gets quick fixes only');
    const unfiltered = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: all } }));
    assert.ok(!unfiltered.some((action) => action.kind?.startsWith('source')), 'an unfiltered request (the lightbulb) gets no source actions');

    const version = await session.change(uri, [{ text: engine.text! }]);
    const params = await session.waitForDiagnostics(uri, (published) => published.version === version);
    for (const fixed of engine.fixed) assert.ok(!params.diagnostics.some((published) => published.code === fixed.ruleId && published.message === fixed.message), `${fixed.ruleId} is fixed`);
  });

  it('documents each rule once however many of its diagnostics a request carries', async () => {
    const uri = 'file:///workspace/two-ports.yaml';
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n    - name: a\n      ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 81}]\n';
    await session.open(uri, text);
    const params = await session.waitForDiagnostics(uri, (published) => published.diagnostics.filter((diagnostic) => diagnostic.code === 'host-port').length === 2);
    const hostPorts = params.diagnostics.filter((diagnostic) => diagnostic.code === 'host-port');
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: line([7, 0], [8, 0]), context: { diagnostics: hostPorts } }));
    assert.deepEqual(actions.filter((action) => action.command).map((action) => action.title), ['Show documentation for host-port']);
    assert.equal(actions.filter((action) => action.title === 'Suppress host-port on this line').length, 2);
  });

  it('answers [] for unknown documents, foreign or altered diagnostics and malformed requests, and keeps working', async () => {
    const uri = 'file:///workspace/robust.yaml';
    const { diagnostic } = await openWith(uri, POD, 'host-network');
    const ask = (params: unknown) => session.request<unknown>('textDocument/codeAction', params);
    assert.deepEqual(await ask({ textDocument: { uri: 'file:///workspace/never-opened.yaml' }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }), []);
    assert.deepEqual(await ask({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, source: 'yaml' }] } }), []);
    assert.deepEqual(await ask({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, message: 'edited by someone' }] } }), []);
    assert.deepEqual(await ask({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, code: 'no-such-rule' }] } }), []);
    assert.deepEqual(await ask({ textDocument: { uri }, range: diagnostic.range, context: null }), []);
    assert.deepEqual(await ask({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [null] } }), []);

    const version = await session.change(uri, [{ range: line([5, 15], [5, 19]), text: 'false' }]);
    const params = await session.waitForDiagnostics(uri, (published) => published.version === version);
    assert.ok(!params.diagnostics.some((published) => published.code === 'host-network'), 'the server still checks documents');
    assert.match(session.stderr, /^$/, 'nothing on stderr');
  });
});

describe('code actions for a client without documentChanges', () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start(['dist/server.js', '--stdio'])).session;
  });
  after(async () => {
    assert.equal(await session.stop(), 0);
  });

  it('sends plain changes', async () => {
    const uri = 'file:///workspace/changes.yaml';
    await session.open(uri, POD);
    const params = await session.waitForDiagnostics(uri, (published) => published.diagnostics.some((diagnostic) => diagnostic.code === 'host-network'));
    const diagnostic = params.diagnostics.find((published) => published.code === 'host-network')!;
    const actions = codeActionsOnly(await session.codeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: line([5, 0], [6, 0]), newText: '' }] } });
  });
});

/** What the engine itself answers for fixing all of a lone file: the adapter must carry exactly this. */
function engineFixAll(uri: string, text: string) {
  const config = mergeConfigs({});
  const checker = new FixChecker({ files: [parseManifest(uri, text)], textOf: (candidate) => (candidate === uri ? text : undefined), config });
  const located = lintWorkspaceLocated(checker.workspace, { config }).get(uri) ?? [];
  return fixAllOfFile(uri, located, checker);
}
