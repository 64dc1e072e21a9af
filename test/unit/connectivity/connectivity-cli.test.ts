import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { main } from '../../../server/src/cli/main';
import { runCli } from '../../support/cli-harness';
import { pod } from './scenario';

const SHOP = join(__dirname, '../../fixtures/connectivity/shop');
const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/connectivity-output.schema.json'), 'utf8'));

const run = (args: string[], stdin?: string) => runCli(['connectivity', ...args], stdin);

function validate(report: unknown): void {
  const ajv = new Ajv();
  assert.ok(ajv.validate(schema, report), JSON.stringify(ajv.errors));
}

function folder(context: TestContext, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kube-netsec-connectivity-'));
  context.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('kube-netsec connectivity', () => {
  it('prints the map of a folder (YAML, JSON lists, nested folders) as text lines', async () => {
    const { code, out, err } = await run([SHOP]);
    assert.equal(code, 0);
    assert.equal(
      out,
      [
        '0.0.0.0/0 => shop/frontend[Deployment] : TCP 8080',
        'payments/gateway[Deployment] => 0.0.0.0/0 : All Connections',
        'payments/gateway-7f9[ReplicaSet] => 0.0.0.0/0 : All Connections',
        'shop/checkout[Deployment] => payments/gateway[Deployment] : TCP 8443',
        'shop/checkout[Deployment] => payments/gateway-7f9[ReplicaSet] : TCP 8443',
        'shop/frontend[Deployment] => shop/checkout[Deployment] : TCP 5050',
        '',
      ].join('\n'),
    );
    // Unusable content is skipped with a warning, never fatal; README.txt is not read at all.
    const warnings = err.trim().split('\n').map((line) => line.slice(SHOP.length + 1));
    assert.deepEqual(warnings, [
      'payments/array.json:1:1: warning: skipped a document that is not a Kubernetes object',
      'payments/broken.yaml:5:17: warning: skipped a document that does not parse: Flow map in block collection must be sufficiently indented and end with a }',
      'payments/values.yaml:2:1: warning: skipped a document that is not a Kubernetes object',
    ]);
  });

  it('prints exactly the documented JSON, valid against the schema', async () => {
    const { code, out } = await run(['--format', 'json', SHOP]);
    assert.equal(code, 0);
    const report = JSON.parse(out);
    validate(report);
    assert.deepEqual(report.connections.slice(0, 2), [
      { from: { cidr: '0.0.0.0/0' }, to: { workload: { kind: 'Deployment', namespace: 'shop', name: 'frontend' } }, ports: [{ protocol: 'TCP', port: 8080 }] },
      { from: { workload: { kind: 'Deployment', namespace: 'payments', name: 'gateway' } }, to: { cidr: '0.0.0.0/0' }, ports: 'all' },
    ]);
    assert.equal(report.connections.length, 6);
  });

  it('writes endPort only for ranges, and validates mixed ports', async (context) => {
    const root = folder(context, {
      'app.yaml':
        pod('a') +
        pod('b', { app: 'b' }) +
        '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: b}}\n  ingress: [{ports: [{port: 8000, endPort: 8010}, {port: 53, protocol: UDP}, {protocol: SCTP, port: 9}]}]\n',
    });
    const report = JSON.parse((await run(['--format', 'json', root])).out);
    validate(report);
    assert.deepEqual(report.connections.find((connection: { from: { workload?: { name: string } }; to: { workload?: unknown } }) => connection.from.workload?.name === 'a' && connection.to.workload).ports, [
      { protocol: 'TCP', port: 8000, endPort: 8010 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'SCTP', port: 9 },
    ]);
  });

  it('prints csv and md with a header row, and a Graphviz digraph grouped by namespace', async () => {
    const csv = (await run(['--format', 'csv', SHOP])).out.trim().split('\n');
    assert.equal(csv[0], 'src,dst,conn');
    assert.equal(csv[1], '0.0.0.0/0,shop/frontend[Deployment],TCP 8080');
    assert.equal(csv.length, 7);
    const md = (await run(['--format', 'md', SHOP])).out.trim().split('\n');
    assert.deepEqual(md.slice(0, 3), ['| src | dst | conn |', '|-----|-----|------|', '| 0.0.0.0/0 | shop/frontend[Deployment] | TCP 8080 |']);
    const dot = (await run(['--format', 'dot', SHOP])).out;
    assert.match(dot, /^digraph \{\n\tsubgraph "cluster_payments" \{\n\t\t"payments\/gateway\[Deployment\]" \[label="gateway\[Deployment\]"/);
    assert.match(dot, /\t"0\.0\.0\.0\/0" \[label="0\.0\.0\.0\/0" color="red2"/);
    assert.match(dot, /\t"shop\/frontend\[Deployment\]" -> "shop\/checkout\[Deployment\]" \[label="TCP 5050"/);
    assert.ok(dot.trimEnd().endsWith('}'));
  });

  it('quotes csv fields that hold commas', async (context) => {
    const root = folder(context, {
      'app.yaml': pod('a') + pod('b', { app: 'b' }) + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {matchLabels: {app: b}}, ingress: [{ports: [{port: 80}, {port: 443}]}]}\n',
    });
    assert.match((await run(['--format', 'csv', root])).out, /^default\/a\[Pod\],default\/b\[Pod\],"TCP 80,443"$/m);
  });

  it('exits 0 with an empty list when there is nothing to report', async (context) => {
    const root = folder(context, { 'policy.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}}\n' });
    const json = await run(['--format', 'json', root]);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.out), { connections: [] });
    validate(JSON.parse(json.out));
    assert.equal((await run([root])).out, 'No workloads found: no connections to report.\n');
    assert.equal((await run(['--format', 'csv', root])).out, 'src,dst,conn\n');
  });

  it('skips node_modules and .git, reads standard input for "-"', async (context) => {
    const root = folder(context, { 'node_modules/x/pod.yaml': pod('hidden'), '.git/pod.yaml': pod('hidden2'), 'app/pod.yml': pod('seen') });
    assert.equal((await run([root])).out, '0.0.0.0/0 => default/seen[Pod] : All Connections\ndefault/seen[Pod] => 0.0.0.0/0 : All Connections\n');
    const stdin = await run(['-', root], pod('piped'));
    assert.match(stdin.out, /default\/piped\[Pod\] => default\/seen\[Pod\] : All Connections/);
  });

  it('exits 2 for a path that cannot be read, or a bad --format', async () => {
    const missing = await run(['/no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /\/no\/such\/folder: no such file or directory/);
    const badFormat = await run(['--format', 'yaml', SHOP]);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /--format must be one of text, json, csv, md, dot, mermaid \(got "yaml"\)/);
  });

  it('is listed in the help', async () => {
    let out = '';
    await main(['--help'], { out: (text) => (out += text), error: () => {}, readStdin: async () => '' });
    assert.match(out, /connectivity \[PATH\.\.\.\]/);
  });
});
