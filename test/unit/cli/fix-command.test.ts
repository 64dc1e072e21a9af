import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { CommandIO } from '../../../server/src/cli/command-io';
import { ManifestTexts } from '../../../server/src/cli/manifest-texts';
import { unifiedDiff } from '../../../server/src/cli/unified-diff';
import { writeChanges } from '../../../server/src/cli/write-changes';
import { runCli } from '../../support/cli-harness';

const FIXTURES = join(__dirname, '../../fixtures/fix');
const HOST_NETWORK = readFileSync(join(FIXTURES, 'host-network.yaml'), 'utf8');
const HOST_NETWORK_LINE = '  hostNetwork: true # needed once, for debugging\n';
const HOST_NETWORK_FIXED = HOST_NETWORK.replace(HOST_NETWORK_LINE, '');

/** A temporary folder holding `files`, made the working directory for the test (diff paths are relative to it). */
function workspace(context: TestContext, files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'kube-netsec-fix-')));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const previous = process.cwd();
  process.chdir(root);
  context.after(() => {
    process.chdir(previous);
    rmSync(root, { recursive: true, force: true });
  });
  return root;
}

describe('kube-netsec fix', () => {
  it('--dry-run prints the unified diff on stdout, writes nothing and exits 1', async (context) => {
    const root = workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const { code, out, err } = await runCli(['fix', '--dry-run']);
    assert.equal(
      out,
      [
        '--- a/host-network.yaml',
        '+++ b/host-network.yaml',
        '@@ -33,9 +33,8 @@',
        ' metadata:',
        '   name: agent',
        '   namespace: shop',
        ' spec:',
        '-  hostNetwork: true # needed once, for debugging',
        '   containers:',
        '     - name: agent',
        '       image: busybox:1.36',
        '       securityContext:',
        '',
      ].join('\n'),
    );
    assert.equal(err, 'Would fix 1 finding in 1 file; 0 findings left without a safe fix.\n');
    assert.equal(code, 1);
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), HOST_NETWORK);
  });

  it('fixes in place, exits 0, and a second run changes nothing', async (context) => {
    const root = workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const first = await runCli(['fix', 'host-network.yaml', '.']);
    assert.deepEqual(first, { code: 0, out: '', err: 'Fixed 1 finding in 1 file; 0 findings left without a safe fix.\n' });
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), HOST_NETWORK_FIXED);
    const second = await runCli(['fix', '.']);
    assert.deepEqual(second, { code: 0, out: '', err: 'Fixed 0 findings in 0 files; 0 findings left without a safe fix.\n' });
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), HOST_NETWORK_FIXED);
    assert.equal((await runCli(['fix', '--dry-run'])).out, '', 'nothing left to show');
  });

  it('keeps a byte order mark and CRLF line ends', async (context) => {
    const crlf = (text: string) => '\uFEFF' + text.replace(/\n/g, '\r\n');
    const root = workspace(context, { 'host-network.yaml': crlf(HOST_NETWORK) });
    const { code } = await runCli(['fix']);
    assert.equal(code, 0);
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), crlf(HOST_NETWORK_FIXED));
  });

  it('keeps the byte order mark when an edit is on the first line', async (context) => {
    const pod = '{apiVersion: v1, kind: Pod, metadata: {name: agent, namespace: shop}, spec: {hostNetwork: true, containers: [{name: a, image: "busybox:1.36", securityContext: {capabilities: {drop: [ALL]}}}]}}\n';
    const policies = HOST_NETWORK.slice(0, HOST_NETWORK.indexOf('---\napiVersion: v1\nkind: Pod'));
    const root = workspace(context, { 'pod.yaml': '\uFEFF' + pod, 'policies.yaml': policies });
    assert.equal((await runCli(['fix'])).code, 0);
    assert.equal(readFileSync(join(root, 'pod.yaml'), 'utf8'), '\uFEFF' + pod.replace('hostNetwork: true, ', ''));
  });

  it('--rule limits fixing to the rules named', async (context) => {
    const root = workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const other = await runCli(['fix', '--rule', 'host-port', '--dry-run']);
    assert.deepEqual(other, { code: 0, out: '', err: 'Would fix 0 findings in 0 files; 0 findings left without a safe fix.\n' });
    const named = await runCli(['fix', '--rule', 'host-port', '--rule', 'host-network']);
    assert.equal(named.code, 0);
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), HOST_NETWORK_FIXED);
  });

  it('exits 2 for an unknown rule or a rule with a severity, with a clear message', async (context) => {
    workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const unknown = await runCli(['fix', '--rule', 'host-netwrok']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^kube-netsec: --rule: "host-netwrok" is not a kube-netsec rule/);
    const withSeverity = await runCli(['fix', '--rule', 'host-network=off']);
    assert.equal(withSeverity.code, 2);
    assert.match(withSeverity.err, /--rule takes a rule id for fix \(got "host-network=off"\)/);
    assert.equal(readFileSync('host-network.yaml', 'utf8'), HOST_NETWORK);
  });

  it('leaves suppressed findings alone and never writes a suppression comment', async (context) => {
    const suppressed = HOST_NETWORK.replace(HOST_NETWORK_LINE, `  # kube-netsec-disable-next-line host-network -- the agent needs the node's interfaces\n${HOST_NETWORK_LINE}`);
    const root = workspace(context, { 'suppressed.yaml': suppressed, 'unfixable.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostNetwork: true\n  containers: []\n' });
    const { code, err } = await runCli(['fix']);
    assert.equal(readFileSync(join(root, 'suppressed.yaml'), 'utf8'), suppressed);
    assert.doesNotMatch(readFileSync(join(root, 'unfixable.yaml'), 'utf8'), /kube-netsec-disable/);
    assert.equal(code, 0, err);
  });

  it('prints its own usage for --help', async () => {
    const { code, out, err } = await runCli(['fix', '--help']);
    assert.equal(code, 0);
    assert.match(out, /^Usage: kube-netsec fix \[PATH\.\.\.\] \[options\]/);
    assert.match(out, /--dry-run/);
    assert.equal(err, '');
    assert.match((await runCli(['--help'])).out, /^ {2}fix \[PATH\.\.\.\]/m, 'the command is listed in the main usage');
  });

  it('exits 2 and writes nothing when a path does not exist', async (context) => {
    const root = workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const { code, out, err } = await runCli(['fix', 'host-network.yaml', 'missing.yaml']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err, 'kube-netsec: missing.yaml: no such file or directory\n');
    assert.equal(readFileSync(join(root, 'host-network.yaml'), 'utf8'), HOST_NETWORK);
  });

  it('exits 2 for an unknown option, and skips standard input', async (context) => {
    workspace(context, { 'host-network.yaml': HOST_NETWORK });
    const bad = await runCli(['fix', '--format', 'json']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^kube-netsec: Unknown option '--format'/);
    const stdin = await runCli(['fix', '-']);
    assert.equal(stdin.code, 0);
    assert.match(stdin.err, /^kube-netsec: fix does not read standard input: "-" is skipped\.$/m);
    assert.equal(readFileSync('host-network.yaml', 'utf8'), HOST_NETWORK, '"-" alone does not mean the current folder');
  });

  it('keeps fixing until nothing changes, on a copy of the CLI fixtures', async (context) => {
    const root = workspace(context, {});
    cpSync(join(__dirname, '../../fixtures/cli'), root, { recursive: true });
    const dryRun = await runCli(['fix', '--dry-run']);
    const applied = await runCli(['fix']);
    assert.notEqual(applied.code, 2, applied.err);
    // Whatever fixes the rules have by now: the dry run announced what the real run did, and the
    // real run left nothing that a further run would fix.
    assert.equal(applied.err.replace(/^Fixed/m, 'Would fix'), dryRun.err);
    const again = await runCli(['fix', '--dry-run']);
    assert.equal(again.code, 0);
    assert.equal(again.out, '');
    assert.match(again.err, /^Would fix 0 findings in 0 files;/);
  });
});

describe('kube-netsec fix as a process', () => {
  it('stops quietly when standard output is closed (fix --dry-run | head)', async () => {
    const child = spawn(process.execPath, ['--conditions=import', '--import', 'tsx', 'server/src/cli.ts', 'fix', '--dry-run', join(FIXTURES, 'host-network.yaml')], { cwd: join(__dirname, '../../..') });
    // Closed before the diff is written: the write fails with EPIPE.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(err, 'Would fix 1 finding in 1 file; 0 findings left without a safe fix.\n');
    assert.equal(code, 1);
  });
});

describe('fix output helpers', () => {
  it('shows a new file as coming from /dev/null, paths relative to the working directory', () => {
    const diff = unifiedDiff([{ path: '/work/app/networkpolicies/shop.yaml', after: 'kind: NetworkPolicy\n' }, { path: '/work/app/a.yaml', before: 'a: 1\r\n', after: 'a: 2\r\n' }], '/work');
    assert.equal(diff, ['--- /dev/null', '+++ b/app/networkpolicies/shop.yaml', '@@ -0,0 +1,1 @@', '+kind: NetworkPolicy', '--- a/app/a.yaml', '+++ b/app/a.yaml', '@@ -1,1 +1,1 @@', '-a: 1\r', '+a: 2\r', ''].join('\n'));
  });

  it('knows files outside the workspace, so that a fix cannot create one over them', (context) => {
    const root = mkdtempSync(join(tmpdir(), 'kube-netsec-texts-'));
    context.after(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'outside.yaml'), '\uFEFFkind: Existing\n');
    const texts = new ManifestTexts();
    texts.add(join(root, 'in.yaml'), '\uFEFFa: 1\n');
    assert.equal(texts.textOf(join(root, 'in.yaml')), 'a: 1\n', 'positions do not count the byte order mark');
    assert.equal(texts.textOf(join(root, 'outside.yaml')), 'kind: Existing\n');
    assert.equal(texts.textOf(join(root, 'new.yaml')), undefined);
    texts.set(join(root, 'in.yaml'), 'a: 2\n');
    texts.set(join(root, 'new.yaml'), 'b: 1\n');
    texts.set(join(root, 'outside.yaml'), 'kind: Edited\n');
    assert.deepEqual(texts.changed(), [
      { path: join(root, 'in.yaml'), before: '\uFEFFa: 1\n', after: '\uFEFFa: 2\n' },
      { path: join(root, 'new.yaml'), before: undefined, after: 'b: 1\n' },
      { path: join(root, 'outside.yaml'), before: '\uFEFFkind: Existing\n', after: '\uFEFFkind: Edited\n' },
    ]);
    assert.ok(!existsSync(join(root, 'new.yaml')), 'nothing is written by the texts themselves');
  });

  it('writes a new file in a new folder, but never over an existing file', async (context) => {
    const root = mkdtempSync(join(tmpdir(), 'kube-netsec-write-'));
    context.after(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'taken.yaml'), 'kind: Mine\n');
    let err = '';
    const io: CommandIO = { out: () => undefined, error: (text) => (err += text + '\n'), readStdin: async () => '' };
    const created = join(root, 'networkpolicies', 'shop.yaml');
    const ok = await writeChanges([{ path: created, after: 'kind: NetworkPolicy\n' }, { path: join(root, 'taken.yaml'), after: 'kind: NetworkPolicy\n' }], io);
    assert.equal(ok, false);
    assert.equal(readFileSync(created, 'utf8'), 'kind: NetworkPolicy\n');
    assert.equal(readFileSync(join(root, 'taken.yaml'), 'utf8'), 'kind: Mine\n');
    assert.equal(err, `kube-netsec: ${join(root, 'taken.yaml')}: already exists, so the file a fix creates is not written\n`);
  });
});
