import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, buildWorkspace, mergeConfigs, parseManifest } from '../../server/src/engine';
import { defaultDenyInsertion, templateInsertion } from '../../server/src/engine/templates';
import type { TemplateChoicesResult, TemplateInsertionResult } from '../../server/src/lsp/template-protocol';
import { LspSession } from './lsp-session';

const VS_CODE_EDITS = { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] as ('create' | 'rename' | 'delete')[] };

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0
          ports: [{containerPort: 8080}]
`;
const INGRESS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
  template:
    metadata:
      labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/instance: ingress-nginx, app.kubernetes.io/component: controller}
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.11.0
`;
const SHOP_URI = 'file:///workspace/shop/web.yaml';
const INGRESS_URI = 'file:///workspace/ingress.yaml';

function editsOf(changes: TextDocumentEdit[], uri: string): TextEdit[] {
  return changes.filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits as TextEdit[]);
}

describe('NetworkPolicy templates over stdio', () => {
  let session: LspSession;

  before(async () => {
    session = (await LspSession.start(['dist/server.js', '--stdio'], { workspaceEdit: VS_CODE_EDITS })).session;
    await session.open(SHOP_URI, SHOP);
    await session.open(INGRESS_URI, INGRESS);
    await session.waitForDiagnostics(SHOP_URI);
    await session.waitForDiagnostics(INGRESS_URI);
  });
  after(async () => {
    assert.equal(await session.stop(), 0);
  });

  it('serves the catalogue and the workspace\'s namespaces, pod labels and ingress controllers', async () => {
    const result = await session.request<TemplateChoicesResult>('kubeNetsec/templateChoices', { uri: SHOP_URI });
    assert.ok(result.templates.some((template) => template.id === 'default-deny' && template.parameters.some((parameter) => parameter.name === 'namespace' && parameter.required)));
    assert.ok(result.templates.every((template) => !('render' in template)), 'plain data only');
    assert.deepEqual(
      result.choices.namespaces.map((namespace) => namespace.name),
      ['ingress-nginx', 'shop'],
    );
    assert.deepEqual(
      result.choices.namespaces.find((namespace) => namespace.name === 'shop')?.podLabels.map(({ key, value }) => `${key}=${value}`),
      ['app=web', 'tier=front'],
    );
    assert.deepEqual(result.choices.ingressControllers.map(({ product, namespace }) => [product, namespace]), [['ingress-nginx', 'ingress-nginx']]);
    assert.deepEqual(result.documentNamespaces, ['shop']);
  });

  it('inserts a template at the end of the file, with exactly the engine\'s text and the document version', async () => {
    const params = { namespace: 'shop', podLabels: { app: 'web' }, ingressController: { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } } };
    const result = await session.request<TemplateInsertionResult>('kubeNetsec/templateInsertion', { uri: SHOP_URI, templateId: 'allow-from-ingress-controller', params, placement: 'endOfFile' });
    assert.ok('edit' in result, JSON.stringify(result));
    const engine = templateInsertion({ templateId: 'allow-from-ingress-controller', params, uri: SHOP_URI, text: SHOP, placement: 'end-of-file' });
    assert.ok(engine.ok);
    assert.equal(result.uri, SHOP_URI);
    const changes = result.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((change) => change.textDocument), [{ uri: SHOP_URI, version: 1 }]);
    assert.deepEqual(editsOf(changes, SHOP_URI), engine.edits[0].edits);
    assert.ok(applyTextEdits(SHOP, editsOf(changes, SHOP_URI)).endsWith(engine.yaml));
  });

  it('creates networkpolicies/<namespace>.yaml beside the file for the newFile placement', async () => {
    const result = await session.request<TemplateInsertionResult>('kubeNetsec/templateInsertion', { uri: SHOP_URI, templateId: 'default-deny-ingress', params: { namespace: 'shop' }, placement: 'newFile' });
    assert.ok('edit' in result, JSON.stringify(result));
    const target = 'file:///workspace/shop/networkpolicies/shop.yaml';
    assert.equal(result.uri, target);
    const [create, write] = result.edit.documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } });
    assert.deepEqual(write.textDocument, { uri: target, version: null });
    assert.match((write.edits[0] as TextEdit).newText, /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: shop\n/);
  });

  it('refuses a template that would break the workspace, saying why', async () => {
    // Denying all egress without allowing DNS breaks name resolution for the shop's pods.
    const result = await session.request<TemplateInsertionResult>('kubeNetsec/templateInsertion', { uri: SHOP_URI, templateId: 'default-deny', params: { namespace: 'shop' } });
    assert.ok('problems' in result, JSON.stringify(result));
    assert.match(result.problems[0], /netpol-egress-blocks-dns/);
  });

  it('answers problems, not edits, for bad requests, and keeps serving', async () => {
    const ask = (params: unknown) => session.request<TemplateInsertionResult>('kubeNetsec/templateInsertion', params);
    const problems = async (params: unknown) => {
      const result = await ask(params);
      assert.ok('problems' in result && result.problems.length > 0, `problems for ${JSON.stringify(params)}: ${JSON.stringify(result)}`);
      return result.problems;
    };
    assert.match((await problems({ uri: SHOP_URI, templateId: 'no-such-template', params: {} }))[0], /no-such-template/);
    assert.match((await problems({ uri: SHOP_URI, templateId: 'default-deny', params: {} })).join(' '), /namespace/);
    assert.match((await problems({ uri: SHOP_URI, templateId: 'default-deny', params: { namespace: 'Not A Namespace' } })).join(' '), /namespace/);
    assert.match((await problems({ uri: 'file:///workspace/not-open.yaml', templateId: 'default-deny', params: { namespace: 'shop' } }))[0], /not open/);
    await problems({ uri: SHOP_URI, templateId: 'default-deny', params: null });
    await problems(null);
    await problems({ uri: 42, templateId: ['x'] });
    const choices = await session.request<TemplateChoicesResult>('kubeNetsec/templateChoices', null);
    assert.deepEqual(choices.templates, [], 'a malformed choices request gets an empty answer');
    assert.ok((await session.request<TemplateChoicesResult>('kubeNetsec/templateChoices', { uri: SHOP_URI })).templates.length > 0, 'the server still answers');
  });

  it('offers the namespace\'s default deny as a source action, checked, and applying it ends the namespace finding', async () => {
    const { diagnostics } = await session.waitForDiagnostics(SHOP_URI);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'namespace-no-default-deny'), 'the sample lacks a default deny');
    const actions = (await session.codeActions({ textDocument: { uri: SHOP_URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    const workspace = buildWorkspace([parseManifest(SHOP_URI, SHOP), parseManifest(INGRESS_URI, INGRESS)], mergeConfigs({}));
    const engine = defaultDenyInsertion(workspace, SHOP_URI, SHOP, 'shop', 'end-of-file');
    assert.ok(engine);
    assert.equal(engine.title, 'Add default deny for namespace shop (ingress and egress) with DNS allowed');
    const action = actions.find((candidate) => candidate.title === engine.title);
    assert.ok(action, `offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    assert.equal(action.kind, 'source');
    const changes = action.edit?.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((change) => change.textDocument), [{ uri: SHOP_URI, version: 1 }]);
    assert.deepEqual(editsOf(changes, SHOP_URI), engine.edits[0].edits);
    // The unfiltered request (the lightbulb) does not pay for it.
    const unfiltered = (await session.codeActions({ textDocument: { uri: SHOP_URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(unfiltered, []);

    const version = await session.change(SHOP_URI, [{ text: applyTextEdits(SHOP, editsOf(changes, SHOP_URI)) }]);
    const after = await session.waitForDiagnostics(SHOP_URI, (published) => published.version === version);
    assert.ok(!after.diagnostics.some((diagnostic) => diagnostic.code === 'namespace-no-default-deny'), JSON.stringify(after.diagnostics.map((diagnostic) => diagnostic.code)));
    const none = (await session.codeActions({ textDocument: { uri: SHOP_URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    assert.ok(!none.some((candidate) => candidate.title.startsWith('Add default deny for namespace shop')), 'not offered once the namespace has one');
    await session.change(SHOP_URI, [{ text: SHOP }]);
  });

  it('follows kubeNetsec.templates.placement: newFile puts the default deny in networkpolicies/<namespace>.yaml', async () => {
    await session.changeSettings({ templates: { placement: 'newFile' } });
    const uri = 'file:///workspace/placement/web.yaml';
    const text = SHOP.replace('namespace: shop', 'namespace: placed');
    await session.open(uri, text);
    await session.waitForDiagnostics(uri, (published) => published.diagnostics.some((diagnostic) => diagnostic.code === 'namespace-no-default-deny'));
    const actions = (await session.codeActions({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    const action = actions.find((candidate) => candidate.title.startsWith('Add default deny for namespace placed'));
    assert.ok(action, `offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    assert.equal(action.title, 'Add default deny for namespace placed (ingress and egress) with DNS allowed in networkpolicies/placed.yaml');
    const target = 'file:///workspace/placement/networkpolicies/placed.yaml';
    const [create, write] = action.edit?.documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual([create.kind, create.uri, write.textDocument], ['create', target, { uri: target, version: null }]);
    await session.changeSettings({});
  });
});
