// Huge and hostile inputs, at small sizes: the linear-time paths (duplicate keys, key lookups in
// large maps, selector corrections of large selectors) give the same answers as before. Timings
// are measured by `scripts/bench/hostile-inputs.ts`, never here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, DEFAULT_CONFIG, lintWorkspace, parseManifest } from '../../../server/src/engine';
import type { DuplicateKey } from '../../../server/src/engine/manifest/tolerated-problem';
import { netpolSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-selects-nothing';
import type { SelectorCorrection } from '../../../server/src/engine/rules/workspace/selector-correction';
import { hostileInputs } from '../../../scripts/bench/hostile-inputs';

/** "line:column-line:column", 1-based. */
function at(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

function lint(text: string) {
  const file = parseManifest('big.yaml', text);
  return { file, findings: lintWorkspace(buildWorkspace([file], DEFAULT_CONFIG), { config: DEFAULT_CONFIG }).get('big.yaml') ?? [] };
}

describe('hostile inputs: large maps', () => {
  it('finds a key repeated far apart in a map of thousands of keys, against the entry before it, and keeps the last value', () => {
    // Line 6 holds k0; k1500 sits on line 1506 and is set again at the end, on line 3006.
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${lines(3000, (i) => `  k${i}: v${i}`)}\n  k1500: again\n`;
    const file = parseManifest('big.yaml', text);
    assert.deepEqual(file.syntaxProblems, []);
    const [document] = file.documents;
    const duplicates = (document.parsed.tolerated ?? []).filter((problem): problem is DuplicateKey => problem.kind === 'duplicate-key');
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0].key, 'k1500');
    assert.equal(at(document.rangeAt(duplicates[0].start, duplicates[0].end)), '3006:3-3006:8');
    assert.equal(at(document.rangeAt(duplicates[0].previousOffset, duplicates[0].previousEnd)), '1506:3-1506:8');
    assert.equal(file.objects[0].get(['data', 'k1500']), 'again');
    // The lookup table of a large map keeps the last entry too.
    assert.equal(at(file.objects[0].rangeOf(['data', 'k1500'], 'value')), '3006:10-3006:15');
    assert.equal(at(file.objects[0].rangeOf(['data', 'k2999'], 'key')), '3005:3-3005:8');
  });

  it('repeats in flow maps and among equal scalars (1 and 1.0) count as in the yaml package, across several maps', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\ndata:\n  1: x\n  1.0: y\n  "2": z\n  2: w\n';
    const file = parseManifest('big.yaml', text);
    const keys = (file.documents[0].parsed.tolerated ?? []).flatMap((problem) => (problem.kind === 'duplicate-key' ? [problem.key] : []));
    // "2" (a string) and 2 (a number) are different keys to the yaml package, as before.
    assert.deepEqual(keys, ['name', '1']);
    assert.equal(file.objects[0].get(['metadata', 'name']), 'b');
  });

  it('reports the one misspelled well-known key among thousands of selector labels, on that key', () => {
    const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: wide}\nspec:\n  podSelector:\n    matchLabels:\n${lines(2000, (i) => `      label-${i}: v`)}\n      app.kubernetes.io/nmae: web\n  policyTypes: [Ingress]\n`;
    const typos = lint(text).findings.filter((finding) => finding.ruleId === 'netpol-label-key-typo');
    assert.deepEqual(
      typos.map((finding) => at(finding.range)),
      ['2007:7-2007:29'],
    );
  });
});

describe('hostile inputs: selector corrections of large selectors', () => {
  const policy = (labels: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  podSelector:\n    matchLabels:\n${labels}\n`;
  const workload = (labels: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels:\n${labels}\n`;

  function correctionOf(policyText: string, workloadText: string): SelectorCorrection | undefined {
    const workspace = buildWorkspace([parseManifest('policy.yaml', policyText), parseManifest('web.yaml', workloadText)], DEFAULT_CONFIG);
    const reports = [...netpolSelectsNothing.check(workspace, { config: DEFAULT_CONFIG })];
    assert.equal(reports.length, 1, 'the policy selects nothing');
    return reports[0].data?.correction as SelectorCorrection | undefined;
  }

  it('still offers the one respelling when the workload carries every other label of a large selector', () => {
    const shared = lines(300, (i) => `        label-${i}: v${i}`);
    const correction = correctionOf(policy(`${shared.replaceAll('        ', '      ')}\n      app: wbe`), workload(`${shared}\n        app: web`));
    assert.equal(correction?.meant, 'web');
    assert.deepEqual(correction?.path, ['spec', 'podSelector', 'matchLabels', 'app']);
    assert.deepEqual(correction?.selected, ['web']);
  });

  it('offers none when the workload misses two labels of the selector', () => {
    const shared = lines(300, (i) => `        label-${i}: v${i}`);
    const policyLabels = `${shared.replaceAll('        ', '      ')}\n      app: wbe\n      tier: frnt`;
    assert.equal(correctionOf(policy(policyLabels), workload(`${shared}\n        app: web\n        tier: front`)), undefined);
  });
});

describe('hostile inputs of the bench, scaled down', () => {
  for (const input of hostileInputs(0.002)) {
    it(`${input.name}: parsed without problems and checked`, () => {
      const { file, findings } = lint(input.text());
      assert.deepEqual(file.syntaxProblems, [], input.name);
      assert.ok(file.objects.length > 0, input.name);
      // Every input has work for the rules: host networking, open policies, or a shared name.
      if (/Pod with|JSON List|multi-document/.test(input.name)) assert.ok(findings.some((finding) => finding.ruleId === 'host-network'), input.name);
      for (const finding of findings) assert.ok(finding.range.start.line < input.text().split('\n').length, finding.ruleId);
    });
  }
});
