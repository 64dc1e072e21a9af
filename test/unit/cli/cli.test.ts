import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../server/src/engine';
import { runCli } from '../../support/cli-harness';

const FIXTURES = join(__dirname, '../../fixtures/cli');

function validator(schemaFile: string) {
  return new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(__dirname, '../../../schemas', schemaFile), 'utf8')));
}

describe('kube-netsec lint', () => {
  it('reports host-network at the exact line and column of the key (text)', async () => {
    const file = join(FIXTURES, 'host-network.yaml');
    const { code, out } = await runCli(['lint', file]);
    assert.equal(code, 1);
    assert.equal(out.split('\n')[0], `${file}:7:3: warning host-network: ${hostNetworkMessage()} (Pod debug/netshoot)`);
    assert.match(out, /^1 finding \(1 warning; 1 file checked\)\.$/m);
  });

  it('prints the documented JSON, with 1-based end positions', async () => {
    const file = join(FIXTURES, 'host-network.yaml');
    const { code, out } = await runCli(['lint', '--format', 'json', file]);
    assert.equal(code, 1);
    const report = JSON.parse(out);
    const valid = validator('lint-output.schema.json')(report);
    assert.ok(valid, 'matches schemas/lint-output.schema.json');
    assert.deepEqual(report, {
      findings: [
        {
          ruleId: 'host-network',
          severity: 'warning',
          message: hostNetworkMessage(),
          file,
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 20,
          object: { apiVersion: 'v1', kind: 'Pod', namespace: 'debug', name: 'netshoot' },
        },
      ],
      skipped: [],
    });
  });

  it('walks folders for .yaml/.yml/.json, skipping node_modules and .git, flattening kubectl lists', async (context) => {
    // node_modules and .git cannot be committed as fixtures, so the tree is built for the test.
    const root = mkdtempSync(join(tmpdir(), 'kube-netsec-cli-'));
    context.after(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(FIXTURES, 'nested'), root, { recursive: true });
    for (const skipped of ['node_modules/pkg', '.git/refs']) {
      mkdirSync(join(root, skipped), { recursive: true });
      cpSync(join(FIXTURES, 'host-network.yaml'), join(root, skipped, 'pod.yaml'));
    }
    const { code, out } = await runCli(['lint', '--format', 'json', root]);
    assert.equal(code, 1);
    const report = JSON.parse(out);
    assert.deepEqual(
      report.findings.map((finding: { file: string; ruleId: string; line: number; column: number; object: unknown }) => [finding.file, finding.ruleId, finding.line, finding.column, finding.object]),
      [[join(root, 'list.json'), 'host-port', 7, 86, { apiVersion: 'v1', kind: 'Pod', namespace: 'kube-system', name: 'agent-x7k2p' }]],
    );
    // A file named on the command line is read whatever its extension.
    const explicit = await runCli(['lint', '--format', 'json', join(root, 'notes.txt')]);
    assert.deepEqual(JSON.parse(explicit.out).findings.map((finding: { ruleId: string }) => finding.ruleId), ['host-network']);
  });

  it('exits 0 with an empty list when nothing is found', async () => {
    const { code, out } = await runCli(['lint', '--format', 'json', join(FIXTURES, 'nested/clean.yml')]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { findings: [], skipped: [] });
  });

  it('reads standard input for "-"', async () => {
    const { code, out } = await runCli(['lint', '-'], 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n');
    assert.equal(code, 1);
    assert.match(out, /^<stdin>:4:3: warning host-network: /);
  });

  it('exits 2 for a missing path or a bad option, with a clear message', async () => {
    const missing = await runCli(['lint', join(FIXTURES, 'does-not-exist.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /does-not-exist\.yaml: no such file or directory/);
    const badFormat = await runCli(['lint', '--format', 'xml', FIXTURES]);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /--format must be one of text, json, sarif, gitlab \(got "xml"\)/);
    const badCommand = await runCli(['frobnicate']);
    assert.equal(badCommand.code, 2);
    assert.match(badCommand.err, /unknown command "frobnicate"/);
    const badFlag = await runCli(['lint', '--colour']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.err, /Unknown option '--colour'/);
  });
});

describe('kube-netsec rules', () => {
  it('lists every rule as JSON in the documented shape', async () => {
    const { code, out } = await runCli(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const rules = JSON.parse(out) as { id: string }[];
    const valid = validator('rules-output.schema.json')(rules);
    assert.ok(valid, 'matches schemas/rules-output.schema.json');
    assert.deepEqual(
      rules.map((rule: { id: string }) => rule.id),
      ALL_RULES.map((rule) => rule.id),
    );
    assert.deepEqual(rules.find((rule) => rule.id === 'host-network'), { id: 'host-network', severity: 'warning', category: 'pod-networking', title: 'Pod uses the host network namespace' });
  });
});

function hostNetworkMessage(): string {
  return "hostNetwork: true puts this pod in the node's network namespace: it can reach node-local services and bind node ports, and NetworkPolicies do not isolate it.";
}
