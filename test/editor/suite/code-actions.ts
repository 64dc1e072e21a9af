import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeNetsecApi } from '../../../client/src/api';
import { ingressControllerItems, labelItems, namespaceItems, templateItems } from '../../../client/src/template-picks';
import { templateInsertion } from '../../../server/src/engine/templates';
import { closeAllEditors, describeDiagnostics, EXTENSION_ID, fixtureUri, openInEditor, rangeOfText, waitFor, waitForCode, withCode } from './helpers';

const FIX_ALL = 'source.fixAll.kubeNetsec';
const INGRESS_CONTROLLER = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } };

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

/** The fixture's text without its `hostNetwork: true` line: what removing it must yield, exactly. */
function withoutHostNetworkLine(text: string): string {
  return text.replace(/^ {2}hostNetwork: true\n/m, '');
}

/** Reverts every edited document (so that closing asks nothing) and closes the editors. */
async function revertAndCloseAll(documents: readonly vscode.TextDocument[]): Promise<void> {
  for (const document of documents) {
    if (document.isClosed || !document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, `${document.uri.path} to be reverted`);
  }
  await closeAllEditors();
}

export function codeActionTests(): void {
  suite('code actions', () => {
    let document: vscode.TextDocument;
    let original: string;

    setup(async () => {
      document = await openInEditor(fixtureUri('fix-me.yaml'));
      original = document.getText();
      await waitForCode(document.uri, 'host-network');
    });
    teardown(() => revertAndCloseAll([document]));

    test('the host-network diagnostic offers its fixes (preferred first), suppressions and its documentation', async () => {
      const [diagnostic] = withCode(document.uri, 'host-network');
      const actions = await codeActions(document.uri, diagnostic.range);
      const ours = actions.filter((action) => /host-network|hostNetwork/.test(action.title));
      assert.deepEqual(
        ours.map((action) => [action.title, action.kind?.value, action.isPreferred === true]),
        [
          ['Remove hostNetwork: true', 'quickfix', true],
          ['Set hostNetwork: false', 'quickfix', false],
          ['Suppress host-network on this line', 'quickfix', false],
          ['Suppress host-network in this document', 'quickfix', false],
          ['Show documentation for host-network', 'quickfix', false],
        ],
      );
      assert.deepEqual(ours[4].command && [ours[4].command.command, ours[4].command.arguments], ['kubeNetsec.showRuleDocumentation', ['host-network']]);
    });

    test('applying "Remove hostNetwork: true" removes exactly that line, and the diagnostic disappears', async () => {
      const [diagnostic] = withCode(document.uri, 'host-network');
      const remove = (await codeActions(document.uri, diagnostic.range)).find((action) => action.title === 'Remove hostNetwork: true');
      assert.ok(remove?.edit, 'the fix carries its edit');
      assert.equal(await vscode.workspace.applyEdit(remove.edit), true);
      assert.equal(document.getText(), withoutHostNetworkLine(original));
      await waitFor(() => withCode(document.uri, 'host-network').length === 0, 'host-network to disappear', { describe: () => describeDiagnostics(document.uri) });
    });

    test('"Show documentation for host-network" opens the shipped rule page as a Markdown preview', async () => {
      const [diagnostic] = withCode(document.uri, 'host-network');
      const show = (await codeActions(document.uri, diagnostic.range)).find((action) => action.title === 'Show documentation for host-network');
      assert.ok(show?.command);
      assert.equal(await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? [])), true);
      await waitFor(
        () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.includes('host-network')),
        'a Markdown preview of host-network.md',
        { describe: () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => `${tab.label} (${tab.input?.constructor.name})`).join(', ') },
      );
    });

    test('source.fixAll.kubeNetsec applies the preferred fixes of the file, as on save', async () => {
      const whole = new vscode.Range(document.positionAt(0), document.positionAt(original.length));
      const actions = await codeActions(document.uri, whole, FIX_ALL);
      assert.deepEqual(actions.map((action) => [action.title, action.kind?.value]), [['Fix 1 kube-netsec problem in this file', FIX_ALL]]);
      assert.ok(actions[0].edit);
      assert.equal(await vscode.workspace.applyEdit(actions[0].edit), true);
      assert.equal(document.getText(), withoutHostNetworkLine(original));
      await waitFor(() => withCode(document.uri, 'host-network').length === 0, 'host-network to disappear', { describe: () => describeDiagnostics(document.uri) });
    });

    test('editor.codeActionsOnSave runs the fix-all on an explicit save', async () => {
      const settings = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
      await settings.update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Global, true);
      try {
        // The save writes the fixed text to disk; the fixture is written back below.
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.save');
        await waitFor(() => document.getText() === withoutHostNetworkLine(original), 'the fix-all to run on save', { describe: () => document.getText() });
      } finally {
        await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
        const restore = new vscode.WorkspaceEdit();
        restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
        await vscode.workspace.applyEdit(restore);
        await document.save();
      }
      assert.equal(document.getText(), original);
    });
  });

  suite('Insert NetworkPolicy', () => {
    let orders: vscode.TextDocument;
    let original: string;
    const opened: vscode.TextDocument[] = [];
    const created = () => fixtureUri('templates/networkpolicies/orders.yaml');

    setup(async () => {
      orders = await openInEditor(fixtureUri('templates/orders.yaml'));
      original = orders.getText();
      opened.push(orders);
      await waitForCode(orders.uri, 'namespace-no-default-deny');
    });
    teardown(async () => {
      await revertAndCloseAll(opened.splice(0));
      await vscode.workspace.fs.delete(fixtureUri('templates/networkpolicies'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    test('the picks offer the catalogue and the workspace\'s namespaces, pod labels and ingress controllers', async () => {
      const api = vscode.extensions.getExtension<KubeNetsecApi>(EXTENSION_ID)?.exports;
      assert.ok(api, 'the extension returns its API');
      const choices = await api.templateChoices(orders.uri);
      assert.ok(choices, 'the server answered');
      const templates = templateItems(choices);
      assert.equal(templates[0].label, 'Default deny (ingress and egress)');
      assert.ok(templates.some((item) => item.template.id === 'allow-from-ingress-controller'));
      assert.equal(templates.find((item) => item.template.id === 'default-deny')?.description, 'with Allow DNS');
      const namespaces = namespaceItems(choices);
      assert.deepEqual([namespaces[0].label, namespaces[0].description], ['orders', 'this file']);
      assert.ok(namespaces.some((item) => item.label === 'ingress-nginx'));
      assert.deepEqual(labelItems(choices, 'orders').map((item) => [item.label, item.description]), [['app=api', 'Deployment api']]);
      assert.deepEqual(
        ingressControllerItems(choices).map((item) => [item.label, item.description]),
        [['ingress-nginx', 'Deployment ingress-nginx/ingress-nginx-controller']],
      );
    });

    test('the command appends the template to the current file, exactly as the engine renders it', async () => {
      const params = { namespace: 'orders', podLabels: { app: 'api' }, ingressController: INGRESS_CONTROLLER };
      const inserted = await vscode.commands.executeCommand('kubeNetsec.insertNetworkPolicy', { templateId: 'allow-from-ingress-controller', params, placement: 'endOfFile' });
      assert.equal(inserted, true);
      const engine = templateInsertion({ templateId: 'allow-from-ingress-controller', params, uri: orders.uri.toString(), text: original, placement: 'end-of-file' });
      assert.ok(engine.ok);
      assert.equal(orders.getText(), `${original}---\n${engine.yaml}`);
    });

    test('with kubeNetsec.templates.placement newFile it writes networkpolicies/<namespace>.yaml beside the file', async () => {
      const config = vscode.workspace.getConfiguration('kubeNetsec');
      await config.update('templates.placement', 'newFile', vscode.ConfigurationTarget.Global);
      try {
        const inserted = await vscode.commands.executeCommand('kubeNetsec.insertNetworkPolicy', { templateId: 'default-deny-ingress', params: { namespace: 'orders' } });
        assert.equal(inserted, true);
      } finally {
        await config.update('templates.placement', undefined, vscode.ConfigurationTarget.Global);
      }
      const policy = await waitFor(() => vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === created().toString()), 'the new policy file to open');
      opened.push(policy);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created().toString(), 'the new file is shown');
      const engine = templateInsertion({ templateId: 'default-deny-ingress', params: { namespace: 'orders' }, uri: orders.uri.toString(), text: original, placement: 'new-file' });
      assert.ok(engine.ok);
      assert.equal(policy.getText(), engine.yaml);
      assert.equal(orders.getText(), original, 'the current file is untouched');
    });

    test('a template the workspace would be worse off with is refused, and nothing changes', async () => {
      // Default deny alone blocks DNS for the namespace's pods: the server says so instead of inserting.
      const inserted = await vscode.commands.executeCommand('kubeNetsec.insertNetworkPolicy', { templateId: 'default-deny', params: { namespace: 'orders' }, placement: 'endOfFile' });
      assert.equal(inserted, false);
      assert.equal(orders.getText(), original);
    });

    test('the namespace\'s default deny is a source action, and applying it ends the namespace finding', async () => {
      const actions = await codeActions(orders.uri, rangeOfText(orders, 'namespace: orders'), vscode.CodeActionKind.Source.value);
      const action = actions.find((candidate) => candidate.title === 'Add default deny for namespace orders (ingress and egress) with DNS allowed');
      assert.ok(action?.edit, `offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
      assert.equal(action.kind?.value, 'source');
      assert.equal(await vscode.workspace.applyEdit(action.edit), true);
      assert.ok(orders.getText().startsWith(original) && orders.getText().includes('name: default-deny\n  namespace: orders'));
      await waitFor(() => withCode(orders.uri, 'namespace-no-default-deny').length === 0, 'namespace-no-default-deny to disappear', { describe: () => describeDiagnostics(orders.uri) });
    });
  });
}
