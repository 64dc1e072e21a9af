import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, describeDiagnostics, fixtureUri, openInEditor, waitFor, waitForCode } from './helpers';

const POLICY = 'answers/deny-backend-egress.yaml';
const BACKEND = 'answers/backend.yaml';
const CONNECTIONS_COMMAND = 'kubeNetsec.showWorkloadConnections';

/** Where `text` starts in the document (its `nth` occurrence), shifted by `offset` characters. */
function positionOf(document: vscode.TextDocument, text: string, offset = 0, nth = 0): vscode.Position {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `the fixture ${document.uri.path} no longer contains "${text}" ${nth + 1} times`);
  }
  return document.positionAt(index + offset);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Polls the hover until it says `expected`: the server indexes the rest of the workspace after the first check. */
function waitForHover(uri: vscode.Uri, position: vscode.Position, expected: string): Promise<string> {
  let last = '';
  return waitFor(
    async () => {
      last = await hoverText(uri, position);
      return last.includes(expected) ? last : undefined;
    },
    `a hover saying "${expected}"`,
    { timeoutMs: 15_000, describe: () => JSON.stringify(last) },
  );
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((lens) => lens.command?.title ?? '(no command)');
}

// The kinds the server gives label keys, values, namespaces and ports; snippets and words are others'.
const ANSWER_KINDS = new Set([vscode.CompletionItemKind.Property, vscode.CompletionItemKind.Value, vscode.CompletionItemKind.Module, vscode.CompletionItemKind.Constant]);

async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<[string, string | undefined][]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items
    .filter((item) => item.kind !== undefined && ANSWER_KINDS.has(item.kind))
    .map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item.detail]);
}

/** Hovers, CodeLenses and completion: the engine's answers for the text under the cursor, in the real editor. */
export function answerTests(): void {
  suite('hovers, CodeLenses and completion', () => {
    let policy: vscode.TextDocument;

    setup(async () => {
      policy = await openInEditor(fixtureUri(POLICY));
      await waitForCode(policy.uri, 'netpol-egress-blocks-dns');
    });
    suiteTeardown(closeAllEditors);

    test('the hover on the "deny backend egress" policy names the pods it selects and reports DNS as blocked', async () => {
      const name = positionOf(policy, 'deny-backend-egress', 3);
      const text = await waitForHover(policy.uri, name, '2 workloads (api, worker)');
      assert.ok(text.includes('**NetworkPolicy `default/deny-backend-egress`**'), text);
      assert.ok(text.includes('Applies to pods with `tier=backend` in namespace `default`: 2 workloads (api, worker).'), text);
      assert.match(text, /\*\*Egress\*\*: only to pods with `tier=backend` in `default`.*everything else is denied, including DNS \(UDP and TCP 53\)/);
    });

    test('the hover on a workload\'s pod labels says whom it may reach, by which policy', async () => {
      const backend = await openInEditor(fixtureUri(BACKEND));
      const labels = positionOf(backend, 'labels:', 2);
      const text = await waitForHover(backend.uri, labels, 'isolated by 1 policy');
      assert.ok(text.includes('**Deployment default/api**'), text);
      assert.match(text, /not isolated for ingress: any pod and any address may connect/);
      assert.match(text, /isolated by 1 policy \(\[deny-backend-egress\]\(file:\/\/\/.*\/answers\/deny-backend-egress\.yaml#L5\)\)/);
      assert.match(text, /DNS is blocked \(UDP and TCP 53\)/);
    });

    test('the hover on a diagnostic explains the rule and links its page through the documentation command', async () => {
      const egress = positionOf(policy, '- Egress', 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', policy.uri, egress);
      const markdown = hovers.flatMap((hover) => hover.contents).find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString && content.value.includes('Egress isolation blocks DNS'));
      assert.ok(markdown, `hovers: ${JSON.stringify(hovers.map((hover) => hover.contents))}`);
      const link = `command:kubeNetsec.showRuleDocumentation?${encodeURIComponent(JSON.stringify(['netpol-egress-blocks-dns']))}`;
      assert.ok(markdown.value.includes(`[\`netpol-egress-blocks-dns\`](${link})`), markdown.value);
      assert.match(markdown.value, /\*\*How to fix:\*\* Add an egress rule/);
    });

    test('CodeLens titles above the policy and above each workload', async () => {
      await waitFor(async () => (await lensTitles(policy.uri)).includes('selects 2 workloads · ingress: not restricted · egress to 2 workloads'), 'the policy lens with both workloads', {
        timeoutMs: 15_000,
        describe: () => describeDiagnostics(policy.uri),
      });
      assert.deepEqual(await lensTitles(policy.uri), ['selects 2 workloads · ingress: not restricted · egress to 2 workloads']);
      const backend = await openInEditor(fixtureUri(BACKEND));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', backend.uri);
      assert.deepEqual(
        lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments]),
        [
          [1, 'ingress: not isolated · egress: isolated (1 policy)', CONNECTIONS_COMMAND, ['default/api[Deployment]']],
          [23, 'ingress: not isolated · egress: isolated (1 policy)', CONNECTIONS_COMMAND, ['default/worker[Deployment]']],
        ],
      );
    });

    test('the workload lens opens the workload\'s connections as a rendered Markdown preview', async () => {
      const shown = await vscode.commands.executeCommand(CONNECTIONS_COMMAND, 'default/api[Deployment]');
      assert.equal(shown, true);
      const report = await waitFor(() => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'kube-netsec-connections'), 'the connections document');
      assert.ok(report.getText().startsWith('# Connections of Deployment default/api\n'), report.getText());
      assert.match(report.getText(), /## Outbound \(1\)[\s\S]*\| worker \| all ports \| \[deny-backend-egress\]/);
      await waitFor(
        () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.includes('api connections')),
        'a Markdown preview of the connections',
        { describe: () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => `${tab.label} (${tab.input?.constructor.name})`).join(', ') },
      );
    });

    test('kubeNetsec.codeLens.enable off hides the lenses, on shows them again, without a restart', async () => {
      const config = vscode.workspace.getConfiguration('kubeNetsec');
      await config.update('codeLens.enable', false, vscode.ConfigurationTarget.Global);
      try {
        await waitFor(async () => (await lensTitles(policy.uri)).length === 0, 'the lenses to go');
      } finally {
        await config.update('codeLens.enable', undefined, vscode.ConfigurationTarget.Global);
      }
      await waitFor(async () => (await lensTitles(policy.uri)).length === 1, 'the lens to come back', { timeoutMs: 15_000 });
    });

    test('completion in matchLabels offers the workspace\'s label values and keys, with how many workloads each matches', async () => {
      const value = positionOf(policy, 'tier: backend', 'tier: '.length);
      await waitFor(async () => (await completionItems(policy.uri, value)).some(([label]) => label === 'backend'), 'the tier values', { timeoutMs: 15_000 });
      assert.deepEqual(await completionItems(policy.uri, value), [['backend', 'matches 2 workloads']]);
      const key = positionOf(policy, 'tier: backend');
      assert.deepEqual(await completionItems(policy.uri, key), [
        ['app', 'matches 2 workloads'],
        ['tier', 'matches 2 workloads'],
      ]);
    });
    test("the workload hover names the cluster-admin policy that applies to it (the BaselineAdminNetworkPolicy in another file)", async () => {
      const server = await openInEditor(fixtureUri('vault/server.yaml'));
      const text = await waitForHover(server.uri, positionOf(server, 'app: vault', 0, 1), 'a cluster-admin policy applies');
      assert.match(text, /\*\*Ingress\*\*: not isolated by a NetworkPolicy; a cluster-admin policy applies: BaselineAdminNetworkPolicy \[default\]\(file:[^)]*cluster-policies\/baseline\.yaml#L\d+\)/);
    });

    test('a replaced Deployment definition gets a lens naming the definition that takes effect', async () => {
      const base = await openInEditor(fixtureUri('precision/base/grafana.yaml'));
      await waitFor(async () => (await lensTitles(base.uri)).length > 0, 'the lens of the replaced definition', { timeoutMs: 15_000 });
      assert.deepEqual(await lensTitles(base.uri), ['replaced by the definition in ../overlay/grafana.yaml:5 (as kubectl apply would)']);
    });
  });
}
