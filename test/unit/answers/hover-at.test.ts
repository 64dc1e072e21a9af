import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { buildWorkspace, DEFAULT_CONFIG, hoverAt, lintWorkspaceLocated, parseManifest, type AnswerContext, type Position } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

const code = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: default
  spec:
    selector: {matchLabels: {tier: backend}}
    template:
      metadata:
        labels:
          tier: backend
      spec:
        hostNetwork: true
        containers:
          - name: api
            image: registry.example.com/api:1.0
            ports: [{containerPort: 8080, name: http}]
            securityContext: {capabilities: {drop: [ALL]}}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: deny-backend-egress
    namespace: default
  spec:
    podSelector:
      matchLabels: {tier: backend}
    policyTypes: [Egress]
    egress:
      - to:
          - podSelector: {matchLabels: {tier: backend}}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api-svc, namespace: default}
  spec:
    type: ClusterIP
    selector: {tier: backend}
    ports: [{port: 80, targetPort: http}]
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings, namespace: default}
  data: {mode: fast}
`;

/** The position `offset` characters into the `occurrence`-th (0-based) appearance of `needle`. */
function at(needle: string, occurrence = 0, offset = 1): Position {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = code.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" #${occurrence} is in the fixture`);
  }
  const before = code.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const file = parseManifest('file:///work/app.yaml', code);
const workspace = buildWorkspace([file]);
const findings = lintWorkspaceLocated(workspace, { config: DEFAULT_CONFIG }).get(file.uri) ?? [];
const context: AnswerContext = {
  file,
  workspace,
  findings,
  config: DEFAULT_CONFIG,
  fixTitles: ({ finding }) => (finding.ruleId === 'host-network' ? ['Remove hostNetwork: true', 'Set hostNetwork: false'] : []),
  ruleLink: (ruleId) => `https://kube-netsec.example/rules/${ruleId}`,
};

function hover(position: Position): string {
  const answer = hoverAt(context, position);
  assert.ok(answer, `a hover at ${position.line}:${position.character}`);
  return answer.markdown;
}

describe('hoverAt', () => {
  it('on a finding: the diagnostic hover with its fixes, then the field doc below a rule', () => {
    const answer = hoverAt(context, at('hostNetwork: true'));
    assert.ok(answer);
    const [diagnostic, fieldDoc] = answer.markdown.split('\n\n---\n\n');
    assert.match(diagnostic, /^\*\*Pod uses the host network namespace\*\* · \[`host-network`\]\(https:\/\/kube-netsec\.example\/rules\/host-network\) · warning · Deployment api/);
    assert.match(diagnostic, /\*\*Quick fixes:\*\*\n- Remove hostNetwork: true\n- Set hostNetwork: false/);
    assert.match(fieldDoc, /^\*\*`hostNetwork: true`\*\*/);
    const line = at('hostNetwork: true').line;
    assert.deepEqual(answer.range, { start: { line, character: 6 }, end: { line, character: 17 } }, 'the key under the cursor');
  });

  it("on a NetworkPolicy's name, its spec key or its podSelector key: the policy summary", () => {
    for (const position of [at('deny-backend-egress'), at('spec:', 2), at('podSelector:')]) {
      const markdown = hover(position);
      assert.match(markdown, /^\*\*NetworkPolicy `default\/deny-backend-egress`\*\*/);
      assert.match(markdown, /Applies to pods with `tier=backend` in namespace `default`: 1 workload \(api\)/);
      assert.match(markdown, /including DNS/);
    }
  });

  it("on a workload's name or its pod-template labels: the workload summary", () => {
    for (const position of [at('name: api', 0, 7), at('labels:'), at('tier: backend', 1, 2)]) {
      const markdown = hover(position);
      assert.match(markdown, /^\*\*Deployment default\/api\*\*/);
      // api uses the host network: the policy selecting it is named, not taken for isolation.
      assert.match(markdown, /NetworkPolicies do not isolate it on most network plugins\. [^\n]* It is selected for egress by 1 policy \(\[deny-backend-egress\]/);
      assert.doesNotMatch(markdown, /isolated by/);
    }
  });

  it('on a peer selector or a Service selector: what it matches now, then the field doc', () => {
    const peer = hover(at('podSelector: {matchLabels'));
    assert.match(peer, /1 workload: api/);
    assert.match(peer, /\n---\n[\s\S]*in the policy's namespace or, with a `namespaceSelector`/);
    const service = hover(at('selector: {tier'));
    assert.match(service, /api/);
    assert.match(service, /Pods with all these labels receive the Service's traffic/);
  });

  it('on another security-relevant field: its doc, with the range of the value under the cursor', () => {
    const answer = hoverAt(context, at('ClusterIP'));
    assert.ok(answer);
    assert.match(answer.markdown, /^\*\*`type: ClusterIP`\*\*[\s\S]*Only inside the cluster/);
    const line = at('ClusterIP').line;
    assert.deepEqual(answer.range, { start: { line, character: 8 }, end: { line, character: 17 } });
    assert.match(hover(at('policyTypes')), /directions the policy isolates/);
  });

  it('answers nothing where nothing is to be said', () => {
    assert.equal(hoverAt(context, at('registry.example.com')), undefined, 'an image');
    assert.equal(hoverAt(context, at('settings')), undefined, "a ConfigMap's name");
    assert.equal(hoverAt(context, at('mode: fast')), undefined, 'ConfigMap data');
    assert.equal(hoverAt(context, { line: 999, character: 0 }), undefined, 'past the end');
  });

  it('answers from the context alone: no module it runs imports a parser', () => {
    const reached = valueImportsFrom(resolve(__dirname, '../../../server/src/engine/answers/hover-at.ts'));
    const names = [...reached.keys()].map((path) => relative(resolve(__dirname, '../../../server/src/engine'), path));
    for (const expected of ['answers/diagnostic-hover.ts', 'answers/field-doc-hover.ts', 'answers/policy-summary.ts', 'answers/workload-summary.ts', 'answers/selector-summary.ts']) {
      assert.ok(names.includes(expected), `${expected} is reached`);
    }
    for (const parser of ['manifest/manifest-file.ts', 'manifest/parse-chunk.ts', 'manifest/split.ts', 'manifest/chunk-cache.ts']) {
      assert.ok(!names.includes(parser), `${parser} is not reached`);
    }
    for (const [path, yamlNames] of reached) {
      const parsing = yamlNames.filter((name) => /^(parse|parseDocument|parseAllDocuments|Parser|Composer|Lexer)$/.test(name));
      assert.deepEqual(parsing, [], `${path} imports no YAML parser`);
    }
  });
});

/**
 * The modules `entry` runs, following value imports (`import type` loads nothing), each with the
 * names it imports from the `yaml` package.
 */
function valueImportsFrom(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const visit = (path: string) => {
    if (reached.has(path)) return;
    const yamlNames: string[] = [];
    reached.set(path, yamlNames);
    for (const [, typeOnly, names, source] of readFileSync(path, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gms)) {
      if (typeOnly) continue;
      if (source === 'yaml') yamlNames.push(...names.replace(/[{}]/g, '').split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type ')));
      if (!source.startsWith('.')) continue;
      const base = join(dirname(path), source);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      assert.ok(target, `${source} from ${path} resolves`);
      visit(target);
    }
  };
  visit(entry);
  return reached;
}
