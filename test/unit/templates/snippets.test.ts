import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lintManifest, parseManifest, TEMPLATES, type TemplateId, type TemplateParams } from '../../../server/src/engine';
import { expandSnippet } from './snippet-body';
import { DEFAULT_DNS } from '../../../server/src/engine/config/lint-config';

interface Snippet {
  prefix: string;
  description: string;
  body: string | string[];
}

const SNIPPETS: Record<string, Snippet> = JSON.parse(readFileSync(join(import.meta.dirname, '../../../snippets/networkpolicy.code-snippets'), 'utf8'));

/** The values each template's snippet writes by default. */
const SNIPPET_DEFAULTS: Record<TemplateId, TemplateParams> = {
  'default-deny': { namespace: 'default' },
  'default-deny-ingress': { namespace: 'default' },
  'default-deny-egress': { namespace: 'default' },
  'allow-dns': { namespace: 'default' },
  'allow-same-namespace': { namespace: 'default' },
  'allow-from-namespace': { namespace: 'default', sourceNamespace: 'monitoring', podLabels: { app: 'web' }, port: 8080 },
  'allow-from-ingress-controller': { namespace: 'default', ingressController: { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, podLabels: { app: 'web' }, port: 8080 },
  'allow-port-from-pods': { namespace: 'default', sourcePodLabels: { app: 'frontend' }, podLabels: { app: 'backend' }, port: 8080 },
  'deny-egress-outside-cluster': { namespace: 'default' },
  'istio-strict-mtls': { namespace: 'default' },
};

/** The objects of a YAML text without their names: snippets let people name policies as they like. */
function unnamed(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    const value = document.toJS() as { metadata?: Record<string, unknown> };
    return { ...value, metadata: { ...value.metadata, name: undefined } };
  });
}

describe('the NetworkPolicy snippets', () => {
  const entries = Object.entries(SNIPPETS);

  it('keep the prefixes people know and add one per template, each once', () => {
    const prefixes = entries.map(([, snippet]) => snippet.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const prefix of ['netpol-default-deny', 'netpol-allow-dns', 'netpol-allow-from']) assert.ok(prefixes.includes(prefix), prefix);
    for (const prefix of prefixes) assert.match(prefix, /^netpol-/);
    assert.deepEqual(prefixes.slice().sort(), TEMPLATES.map((template) => template.snippet).sort());
  });

  for (const [name, snippet] of entries) {
    it(`${snippet.prefix}: with its defaults, parses and lints without a warning (netpol-invalid included)`, () => {
      assert.ok(snippet.description, name);
      const file = parseManifest('snippet.yaml', expandSnippet(snippet.body));
      assert.deepEqual(file.syntaxProblems, []);
      assert.equal(file.objects.length, 1);
      assert.deepEqual(
        lintManifest(file).filter((finding) => finding.ruleId === 'netpol-invalid' || finding.severity === 'warning' || finding.severity === 'error'),
        [],
      );
    });
  }

  for (const template of TEMPLATES) {
    it(`${template.snippet} writes what the ${template.id} template renders`, () => {
      const snippet = entries.find(([, candidate]) => candidate.prefix === template.snippet)?.[1];
      assert.ok(snippet);
      assert.deepEqual(unnamed(expandSnippet(snippet.body)), unnamed(template.render(SNIPPET_DEFAULTS[template.id], DEFAULT_DNS)));
    });
  }
});

describe('expandSnippet', () => {
  it('keeps defaults, nested ones included, takes the first choice, drops tabstops and unescapes', () => {
    assert.equal(expandSnippet(['a: ${1:x ${2:y}}', 'b: ${3|TCP,UDP|}$0', 'c: \\$1 ${4}$5']), 'a: x y\nb: TCP\nc: $1 ');
  });

  it('refuses syntax it does not know rather than misread it', () => {
    assert.throws(() => expandSnippet('name: ${TM_FILENAME}'), /Unsupported/);
    assert.throws(() => expandSnippet('name: ${1:open'), /Unclosed/);
  });
});
