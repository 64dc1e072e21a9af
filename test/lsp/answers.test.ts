import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type CodeAction, type CompletionItem, type CompletionList, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { LspSession, PROJECT_ROOT } from './lsp-session';

// Two backend workloads in `default`, and a policy that lets their pods send only to each other:
// the "deny backend egress" case, whose egress isolation blocks DNS.
const BACKEND = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: default
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        tier: backend
    spec:
      containers:
        - name: api
          image: example/api:1.0
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: default
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
        tier: backend
    spec:
      hostNetwork: true
      containers:
        - name: worker
          image: example/worker:1.0
`;
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-backend-egress
  namespace: default
spec:
  podSelector:
    matchLabels:
      tier: backend
  policyTypes:
    - Egress
  egress:
    - to:
        - podSelector:
            matchLabels:
              tier: backend
`;
// A policy being written: the cursor goes on the empty line inside matchLabels.
const DRAFT = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-to-api
  namespace: default
spec:
  podSelector:
    matchLabels:
      
`;

const BACKEND_URI = 'file:///workspace/answers/backend.yaml';
const POLICY_URI = 'file:///workspace/answers/deny-backend-egress.yaml';
const DRAFT_URI = 'file:///workspace/answers/draft.yaml';

const at = (line: number, character: number): Position => ({ line, character });
const range = (start: [number, number], end: [number, number]) => ({ start: at(...start), end: at(...end) });
const docsUrl = (ruleId: string) => pathToFileURL(join(PROJECT_ROOT, 'docs', 'rules', `${ruleId}.md`)).href;

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'the server answered a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function itemsOf(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
  assert.ok(answer, 'the server answered the completion');
  return Array.isArray(answer) ? answer : answer.items;
}

/** Label, detail and the text the item puts in, in the order the server ranks them. */
function proposals(answer: CompletionItem[] | CompletionList | null): [string, string | undefined, string | undefined][] {
  return itemsOf(answer)
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((item) => [item.label, item.detail, item.textEdit?.newText ?? item.insertText]);
}

describe('hovers, CodeLenses and completion over stdio', () => {
  let session: LspSession;
  let capabilities: Awaited<ReturnType<typeof LspSession.start>>['initializeResult']['capabilities'];

  before(async () => {
    const started = await LspSession.start(['dist/server.js', '--stdio'], { codeLensRefresh: true });
    session = started.session;
    capabilities = started.initializeResult.capabilities;
    // The policy first: the backend's check then sees it, and re-checks the policy with the workloads.
    await session.open(POLICY_URI, POLICY);
    await session.waitForDiagnostics(POLICY_URI);
    await session.open(BACKEND_URI, BACKEND);
    await session.waitForDiagnostics(BACKEND_URI);
  });
  after(async () => {
    assert.equal(await session.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });

  it('announces hovers, CodeLenses (no resolve step) and completion triggered by a colon or a space', () => {
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [':', ' '] });
  });

  it('on a policy name: what the policy selects and allows, DNS blocked included', async () => {
    const hover = await session.hover(POLICY_URI, at(3, 12));
    const markdown = markdownOf(hover);
    assert.deepEqual(hover?.range, range([3, 8], [3, 27]), 'the hover is about the name');
    assert.ok(markdown.includes('**NetworkPolicy `default/deny-backend-egress`**'), markdown);
    assert.ok(markdown.includes('Applies to pods with `tier=backend` in namespace `default`: 2 workloads (api, worker).'), markdown);
    assert.ok(markdown.includes('**Ingress**: not restricted by this policy.'), markdown);
    assert.match(markdown, /\*\*Egress\*\*: only to pods with `tier=backend` in `default` .*everything else is denied, including DNS \(UDP and TCP 53\)/);
  });

  it('on a workload name: its isolation, whom it may reach and the policy responsible, linked to its line', async () => {
    const hover = await session.hover(BACKEND_URI, at(3, 9));
    const markdown = markdownOf(hover);
    assert.ok(markdown.includes('**Deployment default/api**'), markdown);
    assert.match(markdown, /\*\*Ingress\*\*: not isolated for ingress: any pod and any address may connect/);
    assert.ok(markdown.includes(`isolated by 1 policy ([deny-backend-egress](${POLICY_URI}#L4))`), markdown);
    assert.ok(markdown.includes(`- to worker: all ports ([deny-backend-egress](${POLICY_URI}#L13) egress rule 1)`), markdown);
    assert.match(markdown, /DNS is blocked \(UDP and TCP 53\)/);
  });

  it('on a selector: what it matches in the workspace now', async () => {
    const hover = await session.hover(POLICY_URI, at(14, 16));
    assert.deepEqual(hover?.range, range([14, 12], [14, 23]), 'the hover is about the matchLabels key');
    assert.match(markdownOf(hover), /pods with `tier=backend` in namespace `default` .*2 workloads: api, worker/);
  });

  it('on a field with a finding: the finding, then what the field and its value mean', async () => {
    const markdown = markdownOf(await session.hover(BACKEND_URI, at(37, 8)));
    assert.ok(markdown.includes(`**Pod uses the host network namespace** · [\`host-network\`](${docsUrl('host-network')}) · warning · Deployment worker`), markdown);
    assert.ok(markdown.includes('**`hostNetwork: true`**'), markdown);
    assert.ok(markdown.includes("Whether the pod uses the node's network namespace instead of its own."), markdown);
  });

  it('on a diagnostic: the rule, why and how to fix, its page, and the quick fixes once a code action has checked them', async () => {
    const published = session.published.filter((params) => params.uri === POLICY_URI).at(-1);
    const diagnostic = published?.diagnostics.find((candidate) => candidate.code === 'netpol-egress-blocks-dns');
    assert.ok(diagnostic, `netpol-egress-blocks-dns is published: ${JSON.stringify(published)}`);
    const before = markdownOf(await session.hover(POLICY_URI, diagnostic.range.start));
    assert.ok(before.includes(`**Egress isolation blocks DNS** · [\`netpol-egress-blocks-dns\`](${docsUrl('netpol-egress-blocks-dns')})`), before);
    assert.match(before, /\*\*Why it matters:\*\* .*DNS/);
    assert.match(before, /\*\*How to fix:\*\* Add an egress rule/);
    assert.ok(!before.includes('Quick fixes'), 'a hover never checks fixes itself (that re-lints the workspace)');

    const actions = (await session.codeActions({ textDocument: { uri: POLICY_URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fixTitles = actions.filter((action) => action.edit).map((action) => action.title);
    assert.ok(fixTitles.length > 0, 'the finding has fixes');
    const afterFixes = markdownOf(await session.hover(POLICY_URI, diagnostic.range.start));
    assert.ok(afterFixes.includes(`**Quick fixes:**\n${fixTitles.slice(0, 5).map((title) => `- ${title}`).join('\n')}`), afterFixes);
  });

  it('CodeLenses: above the policy what it selects and admits; above each workload its isolation, with the connections command', async () => {
    assert.deepEqual(await session.codeLenses(POLICY_URI), [
      { range: range([0, 0], [0, 32]), command: { title: 'selects 2 workloads · ingress: not restricted · egress to 2 workloads', command: '' } },
    ]);
    assert.deepEqual(await session.codeLenses(BACKEND_URI), [
      {
        range: range([0, 0], [0, 19]),
        command: { title: 'ingress: not isolated · egress: isolated (1 policy)', command: 'kubeNetsec.showWorkloadConnections', arguments: ['default/api[Deployment]'] },
      },
      {
        range: range([22, 0], [22, 19]),
        // worker uses the host network: the policy selecting it is not taken for isolation.
        command: { title: 'host network: NetworkPolicies do not isolate it on most network plugins', command: 'kubeNetsec.showWorkloadConnections', arguments: ['default/worker[Deployment]'] },
      },
    ]);
  });

  it('the lens command\'s report: every connection of the workload, as Markdown', async () => {
    const result = await session.request<{ markdown: string } | null>('kubeNetsec/workloadConnections', { workloadKey: 'default/api[Deployment]' });
    assert.ok(result);
    assert.ok(result.markdown.startsWith('# Connections of Deployment default/api\n'), result.markdown);
    assert.match(result.markdown, /## Outbound \(1\)\n\n\| To \| Ports \| Allowed by \|\n\| --- \| --- \| --- \|\n\| worker \| all ports \| \[deny-backend-egress\]/);
    const gone = await session.request<{ markdown: string } | null>('kubeNetsec/workloadConnections', { workloadKey: 'default/nothing[Deployment]' });
    assert.match(gone?.markdown ?? '', /no such workload/);
    assert.equal(await session.request('kubeNetsec/workloadConnections', { workloadKey: 42 }), null, 'a malformed request answers null, not an error');
  });

  it('an edit of the policy changes the workloads\' lenses in the other file: the server asks for a refresh', async () => {
    const refreshes = session.lensRefreshes;
    const tierValue = range([8, 12], [8, 19]); // the policy's own podSelector: tier: backend
    await session.change(POLICY_URI, [{ range: tierValue, text: 'nothing' }]);
    await session.waitForLensRefresh(refreshes);
    const titles = (await session.codeLenses(BACKEND_URI))?.map((lens) => lens.command?.title);
    assert.deepEqual(titles, ['ingress: not isolated · egress: not isolated', 'host network: NetworkPolicies do not isolate it on most network plugins']);

    const again = session.lensRefreshes;
    await session.change(POLICY_URI, [{ range: range([8, 12], [8, 19]), text: 'backend' }]);
    await session.waitForLensRefresh(again);
    assert.deepEqual((await session.codeLenses(BACKEND_URI))?.map((lens) => lens.command?.title), ['ingress: not isolated · egress: isolated (1 policy)', 'host network: NetworkPolicies do not isolate it on most network plugins']);
  });

  it('kubeNetsec.codeLens.enable off answers no lenses, and on again brings them back, without a restart', async () => {
    await session.codeLenses(BACKEND_URI);
    let refreshes = session.lensRefreshes;
    await session.changeSettings({ codeLens: { enable: false } });
    await session.waitForLensRefresh(refreshes);
    assert.deepEqual(await session.codeLenses(BACKEND_URI), []);
    assert.deepEqual(await session.codeLenses(POLICY_URI), []);

    refreshes = session.lensRefreshes;
    await session.changeSettings({});
    await session.waitForLensRefresh(refreshes);
    assert.equal((await session.codeLenses(BACKEND_URI))?.length, 2);
  });

  it('completion in a policy\'s matchLabels: the workspace\'s label keys, then the values of the key typed, with what each matches', async () => {
    await session.open(DRAFT_URI, DRAFT);
    await session.waitForDiagnostics(DRAFT_URI);
    assert.deepEqual(proposals(await session.completion(DRAFT_URI, at(8, 6))), [
      ['app', 'matches 2 workloads', 'app: '],
      ['tier', 'matches 2 workloads', 'tier: '],
    ]);
    const items = itemsOf(await session.completion(DRAFT_URI, at(8, 6)));
    assert.deepEqual(items[0].kind, 10 /* Property */);
    assert.deepEqual(items[0].documentation, { kind: 'markdown', value: 'Values: api, worker' });

    // Typing a key and the colon, then the space, that trigger completion: each request comes before
    // the check of the text it is typed in, and waits for it.
    await session.change(DRAFT_URI, [{ range: range([8, 6], [8, 6]), text: 'app:' }]);
    assert.deepEqual(proposals(await session.completion(DRAFT_URI, at(8, 10))), [
      ['api', 'matches 1 workload', ' api'],
      ['worker', 'matches 1 workload', ' worker'],
    ]);
    await session.change(DRAFT_URI, [{ range: range([8, 10], [8, 10]), text: ' ' }]);
    assert.deepEqual(proposals(await session.completion(DRAFT_URI, at(8, 11))), [
      ['api', 'matches 1 workload', 'api'],
      ['worker', 'matches 1 workload', 'worker'],
    ]);
  });

  it('a request for an unknown, closed or changed-but-unchecked document answers empty, and the server carries on', async () => {
    const unknown = 'file:///workspace/answers/never-opened.yaml';
    assert.equal(await session.hover(unknown, at(0, 0)), null);
    assert.deepEqual(await session.codeLenses(unknown), []);
    assert.deepEqual(itemsOf(await session.completion(unknown, at(0, 0))), []);
    assert.equal(await session.hover(POLICY_URI, at(10_000, 3)), null, 'a position past the end');
    // Malformed requests: the handler fails, logs it and answers the empty fallback.
    assert.equal(await session.request('textDocument/hover', {}), null);
    assert.deepEqual(await session.request('textDocument/codeLens', { textDocument: null }), []);
    assert.deepEqual(await session.request('textDocument/completion', { position: at(0, 0) }), []);

    // A line inserted above the name: until the document is checked again (after the typing pause),
    // the last check's ranges would point at the wrong text.
    const after = session.published.length;
    const refreshes = session.lensRefreshes;
    await session.change(POLICY_URI, [{ range: range([0, 0], [0, 0]), text: '# edited\n' }]);
    assert.equal(await session.hover(POLICY_URI, at(3, 12)), null, 'the name was there in the last check, not in the text now');
    assert.deepEqual(await session.codeLenses(POLICY_URI), []);
    await session.waitForDiagnostics(POLICY_URI, () => true, { after });
    assert.match(markdownOf(await session.hover(POLICY_URI, at(4, 12))), /NetworkPolicy `default\/deny-backend-egress`/);
    // The lenses answered empty meanwhile: the check asks the editor to fetch them again.
    await session.waitForLensRefresh(refreshes);
    assert.deepEqual((await session.codeLenses(POLICY_URI))?.map((lens) => lens.range.start.line), [1]);

    // A completion cancelled while it waits for the check answers empty.
    await session.change(DRAFT_URI, [{ range: range([8, 11], [8, 11]), text: 'w' }]);
    const cancellation = new CancellationTokenSource();
    const cancelled = session.completion(DRAFT_URI, at(8, 12), cancellation.token);
    cancellation.cancel();
    await cancelled.then(
      (answer) => assert.deepEqual(itemsOf(answer), []),
      (error: { code?: number }) => assert.equal(error.code, -32800, 'RequestCancelled'),
    );

    await session.close(DRAFT_URI);
    assert.deepEqual(itemsOf(await session.completion(DRAFT_URI, at(8, 6))), []);
    assert.equal(await session.hover(DRAFT_URI, at(3, 9)), null);
    assert.ok(!/failed/.test(session.stderr), session.stderr);
  });

  it('answers from the last check, in a few milliseconds', async (t) => {
    const timings = { hover: [] as number[], codeLens: [] as number[], completion: [] as number[] };
    const time = async (list: number[], request: () => Promise<unknown>) => {
      const started = performance.now();
      await request();
      list.push(performance.now() - started);
    };
    for (let round = 0; round < 20; round++) {
      await time(timings.hover, () => session.hover(BACKEND_URI, at(26, 9)));
      await time(timings.codeLens, () => session.codeLenses(BACKEND_URI));
      await time(timings.completion, () => session.completion(POLICY_URI, at(8, 10)));
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    t.diagnostic(`round trip over stdio, median of 20: hover ${median(timings.hover).toFixed(1)} ms, codeLens ${median(timings.codeLens).toFixed(1)} ms, completion ${median(timings.completion).toFixed(1)} ms`);
    assert.ok(median(timings.hover) < 200 && median(timings.codeLens) < 200 && median(timings.completion) < 200, JSON.stringify(timings));
  });
});

describe('hovers in VS Code (the client asks for command links)', () => {
  it('link rule pages through the trusted documentation command, which opens them rendered', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { initializationOptions: { commandLinks: true } });
    try {
      await session.open(BACKEND_URI, BACKEND);
      await session.waitForDiagnostics(BACKEND_URI);
      const markdown = markdownOf(await session.hover(BACKEND_URI, at(37, 8)));
      const link = `command:kubeNetsec.showRuleDocumentation?${encodeURIComponent(JSON.stringify(['host-network']))}`;
      assert.ok(markdown.includes(`[\`host-network\`](${link})`), markdown);
      assert.ok(!markdown.includes('file:///work'), 'no file link to the page');
    } finally {
      assert.equal(await session.stop(), 0);
    }
  });
});

describe('answers in a workspace folder: from the indexed files, and nothing for documents without answers', () => {
  const folder = join(PROJECT_ROOT, 'test', 'fixtures', 'editor-workspace');
  const file = (path: string) => pathToFileURL(join(folder, path)).href;

  it('a policy\'s hover names workloads of a file that is not open; an excluded document answers empty at once', async () => {
    const { session } = await LspSession.start(['dist/server.js', '--stdio'], { workspaceFolders: [pathToFileURL(folder).href] });
    try {
      const policy = file('answers/deny-backend-egress.yaml');
      await session.open(policy, readFileSync(join(folder, 'answers', 'deny-backend-egress.yaml'), 'utf8'));
      // The first check may come before the index: the hover counts the workloads once it is in.
      const deadline = Date.now() + 10_000;
      let markdown = '';
      while (!markdown.includes('2 workloads (api, worker)') && Date.now() < deadline) {
        markdown = ((await session.hover(policy, at(4, 12)))?.contents as MarkupContent | undefined)?.value ?? '';
        if (!markdown.includes('2 workloads')) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(markdown.includes('Applies to pods with `tier=backend` in namespace `default`: 2 workloads (api, worker).'), markdown);

      const excluded = file('excluded/pod.yaml');
      await session.open(excluded, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: excluded\n  labels:\n    \n');
      await session.waitForDiagnostics(excluded, (params) => params.diagnostics.length === 0);
      const started = performance.now();
      assert.deepEqual(itemsOf(await session.completion(excluded, at(5, 4))), []);
      assert.ok(performance.now() - started < 1000, 'a checked document without answers has no check to wait for');
      assert.equal(await session.hover(excluded, at(3, 9)), null);
    } finally {
      assert.equal(await session.stop(), 0);
    }
  });
});
