import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../server/src/cli/main';
import { buildWorkspace, lintWorkspace, parseManifest } from '../../../server/src/engine';
import { runCli } from '../../support/cli-harness';

const THREE_TIER = join(__dirname, '../../fixtures/generate/three-tier');

const run = (args: string[], stdin?: string) => runCli(['generate', ...args], stdin);

function tempFolder(context: { after(fn: () => void): void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'kube-netsec-generate-'));
  context.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

describe('kube-netsec generate', () => {
  it('prints default deny and least-privilege policies as YAML documents, with the inference comments', async () => {
    const { code, out, err } = await run([THREE_TIER]);
    assert.equal(code, 0, err);
    assert.equal(err, '');
    const documents = out.split(/^---\n/m);
    assert.equal(documents.length, 12);
    assert.deepEqual(documents.map((document) => document.match(/^ {2}name: (.*)$/m)?.[1]), [
      'default-deny', 'db-ingress', 'db-egress', 'queue-ingress', 'queue-egress',
      'default-deny', 'api-ingress', 'api-egress', 'frontend-ingress', 'frontend-egress', 'worker-ingress', 'worker-egress',
    ]);
    assert.match(out, new RegExp(`#   args of container api "db\\.data\\.svc\\.cluster\\.local:5432" \\(${THREE_TIER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/web\\.yaml:89\\)`));
    // The output is manifests the engine reads back: they parse and have nothing to say about isolation.
    const files = [...readdirSync(THREE_TIER).map((name) => parseManifest(name, readFileSync(join(THREE_TIER, name), 'utf8'))), parseManifest('out.yaml', out)];
    const findings = [...lintWorkspace(buildWorkspace(files)).values()].flat();
    assert.deepEqual(findings.filter((finding) => ['workload-not-isolated', 'namespace-no-default-deny', 'yaml-syntax'].includes(finding.ruleId)), []);
  });

  it('--namespace keeps one namespace; --output writes DIR/<namespace>.yaml and says so on stderr', async (context) => {
    const folder = join(tempFolder(context), 'policies');
    const { code, out, err } = await run([THREE_TIER, '--output', folder]);
    assert.equal(code, 0, err);
    assert.equal(out, '');
    assert.deepEqual(readdirSync(folder).sort(), ['data.yaml', 'web.yaml']);
    assert.equal(err, `kube-netsec: wrote ${join(folder, 'data.yaml')} (5 policies)\nkube-netsec: wrote ${join(folder, 'web.yaml')} (7 policies)\n`);
    const web = await run([THREE_TIER, '--namespace', 'web']);
    assert.equal(web.code, 0);
    assert.equal(web.out, readFileSync(join(folder, 'web.yaml'), 'utf8'));
  });

  it('reads standard input and prints notes on stderr', async () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: bare}\nspec: {containers: [{name: b, image: busybox}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: w, image: nginx}]}\n';
    const { code, out, err } = await run(['-'], manifest);
    assert.equal(code, 0);
    assert.equal(err, 'kube-netsec: note: Pod default/bare has no pod labels: no podSelector can select it alone, none is generated.\n');
    assert.deepEqual([...out.matchAll(/^ {2}name: (.*)$/gm)].map((match) => match[1]), ['default-deny', 'web-ingress', 'web-egress']);
  });

  it('--config: generated egress rules reach the cluster DNS the configuration describes', async (context) => {
    const folder = tempFolder(context);
    const config = join(folder, 'kube-netsec.yaml');
    writeFileSync(config, 'dns:\n  namespace: dns-system\n  podLabels: {app.kubernetes.io/name: coredns}\n');
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: w, image: nginx}]}\n';
    const { code, out, err } = await run(['-', '--config', config], manifest);
    assert.equal(code, 0, err);
    assert.match(out, /kubernetes\.io\/metadata\.name: dns-system/);
    assert.match(out, /app\.kubernetes\.io\/name: coredns/);
    assert.doesNotMatch(out, /kube-dns/);
  });

  it('exits 0 with nothing on stdout when there is no workload', async (context) => {
    const folder = tempFolder(context);
    writeFileSync(join(folder, 'config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const { code, out, err } = await run([folder]);
    assert.equal(code, 0);
    assert.equal(out, '');
    assert.equal(err, 'kube-netsec: no workload to generate policies for\n');
  });

  it('exits 2 on usage and input errors, with the message on stderr and no stack trace', async () => {
    const unknown = await run(['--bogus']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.out, '');
    assert.match(unknown.err, /^kube-netsec: Unknown option '--bogus'.*\n\nUsage: kube-netsec generate \[PATH\.\.\.\] \[options\]/s);
    const missing = await run([join(THREE_TIER, 'missing.yaml')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.out, '');
    assert.equal(missing.err, `kube-netsec: ${join(THREE_TIER, 'missing.yaml')}: no such file or directory\n`);
    const noSuchNamespace = await run([THREE_TIER, '--namespace', 'nope']);
    assert.equal(noSuchNamespace.code, 2);
    assert.equal(noSuchNamespace.err, 'kube-netsec: no workload of namespace "nope" in the manifests\n');
    const noValue = await run([THREE_TIER, '--output']);
    assert.equal(noValue.code, 2);
    assert.doesNotMatch(noValue.err, /\n\s+at /);
  });

  it('prints its own usage for --help, and is listed in the main usage', async () => {
    const { code, out, err } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.match(out, /^Usage: kube-netsec generate \[PATH\.\.\.\] \[options\]/);
    assert.match(out, /--namespace NS/);
    assert.match(out, /--output DIR/);
    let usage = '';
    await main(['--help'], { out: (text) => (usage += text), error: () => undefined, readStdin: async () => '' });
    assert.match(usage, /^ {2}generate \[PATH\.\.\.\]/m);
  });
});
