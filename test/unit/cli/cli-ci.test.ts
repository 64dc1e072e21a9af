import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_USAGES } from '../../../server/src/cli/command-usage';
import { GITLAB_SEVERITY } from '../../../server/src/cli/gitlab-report';
import { main } from '../../../server/src/cli/main';
import { PROGRESS_MIN_FILES } from '../../../server/src/cli/progress-line';
import { FINGERPRINT_KEY } from '../../../server/src/cli/sarif-report';
import { VERSION } from '../../../server/src/version';
import { runCli, tempProject } from '../../support/cli-harness';

const ROOT = resolve(__dirname, '../../..');
const HOST_NETWORK = join(ROOT, 'test/fixtures/cli/host-network.yaml');
const TEMPLATE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n';

describe('lint exit status: --fail-on and --max-warnings', () => {
  // The fixture has one finding, a warning; --rule moves it to the other severities.
  const cases: [string[], number][] = [
    [[], 1],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'error'], 0],
    [['--fail-on', 'never'], 0],
    [['--rule', 'host-network=error', '--fail-on', 'error'], 1],
    [['--rule', 'host-network=info'], 0],
    [['--rule', 'host-network=info', '--fail-on', 'information'], 1],
    [['--rule', 'host-network=hint', '--fail-on', 'information'], 0],
    [['--max-warnings', '1'], 0],
    [['--max-warnings', '0'], 1],
    [['--fail-on', 'error', '--max-warnings', '0'], 1],
    [['--fail-on', 'never', '--max-warnings', '5'], 0],
  ];
  for (const [args, expected] of cases) {
    it(`exits ${expected} with ${args.join(' ') || 'the defaults'}`, async () => {
      const { code, out } = await runCli(['lint', ...args, HOST_NETWORK]);
      assert.equal(code, expected);
      assert.match(out, /^1 finding \(1 (warning|error|info|hint); 1 file checked\)\.$/m, 'the report is the same whatever the threshold');
    });
  }

  it('refuses a bad level or count as a usage error, with the lint usage', async () => {
    for (const args of [['--fail-on', 'warnings'], ['--max-warnings=-1'], ['--max-warnings', 'ten']]) {
      const { code, out, err } = await runCli(['lint', ...args, HOST_NETWORK]);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, /^kube-netsec: --(fail-on must be one of error, warning, information, never|max-warnings takes a number of 0 or more) \(got "[^"]+"\)\n\nUsage: kube-netsec lint /);
    }
  });
});

describe('lint output: --output, --quiet, --format gitlab', () => {
  it('writes the report to --output and keeps the summary on stderr', async (context) => {
    const root = tempProject(context, {});
    for (const format of ['json', 'sarif', 'text']) {
      const file = join(root, `report.${format}`);
      const { code, out, err } = await runCli(['lint', '--format', format, '--output', file, HOST_NETWORK]);
      assert.equal(code, 1);
      assert.equal(out, '');
      assert.equal(err, '1 finding (1 warning; 1 file checked).\n');
      const written = readFileSync(file, 'utf8');
      if (format === 'text') assert.match(written, /^.*host-network\.yaml:7:3: warning host-network: /);
      else assert.ok(JSON.parse(written), `${format} parses`);
    }
  });

  it('says so when --output cannot be written, with exit status 2', async (context) => {
    const root = tempProject(context, {});
    const { code, err } = await runCli(['lint', '--output', join(root, 'missing/dir/report.json'), HOST_NETWORK]);
    assert.equal(code, 2);
    assert.match(err, /^kube-netsec: --output .*missing\/dir\/report\.json: no such file or directory\n$/);
  });

  it('--quiet prints findings and errors only: no summary, no notes on skipped files', async (context) => {
    const root = tempProject(context, { 'chart/templates/svc.yaml': TEMPLATE, 'pod.yaml': readFileSync(HOST_NETWORK, 'utf8') });
    const quiet = await runCli(['lint', '--quiet', root]);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.err, '');
    assert.deepEqual(quiet.out.trim().split('\n').length, 1);
    assert.match(quiet.out, /pod\.yaml:7:3: warning host-network: /);
    const clean = await runCli(['lint', '-q', join(ROOT, 'test/fixtures/cli/nested/clean.yml')]);
    assert.deepEqual(clean, { code: 0, out: '', err: '' });
    const missing = await runCli(['lint', '--quiet', join(root, 'nope.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: no such file or directory/);
  });

  it('--format gitlab gives the code quality fields, relative paths and the SARIF fingerprints', async (context) => {
    const root = tempProject(context, { 'deploy/pod.yaml': readFileSync(HOST_NETWORK, 'utf8') });
    const gitlab = await runCli(['lint', '--format', 'gitlab', '--base-uri', root, root]);
    assert.equal(gitlab.code, 1);
    const issues = JSON.parse(gitlab.out);
    assert.equal(issues.length, 1);
    const [issue] = issues;
    assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
    assert.equal(issue.check_name, 'host-network');
    assert.equal(issue.severity, 'major');
    assert.match(issue.description, /^hostNetwork: true puts this pod/);
    assert.deepEqual(issue.location, { path: 'deploy/pod.yaml', lines: { begin: 7, end: 7 } });
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif', '--base-uri', root, root])).out);
    assert.equal(issue.fingerprint, sarif.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY]);
    assert.deepEqual(GITLAB_SEVERITY, { error: 'critical', warning: 'major', info: 'minor', hint: 'info' });
  });
});

describe('lint errors: missing paths, empty folders, broken standard input', () => {
  it('a path that does not exist: one error line, exit 2, no report', async (context) => {
    const root = tempProject(context, {});
    const { code, out, err } = await runCli(['lint', join(root, 'missing')]);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err, `kube-netsec: ${join(root, 'missing')}: no such file or directory\n`);
  });

  it('a folder with no manifest: says so and exits 2, unless --allow-empty', async (context) => {
    const root = tempProject(context, { 'values.yaml': 'replicas: 2\n', 'empty.yml': '' });
    const empty = await runCli(['lint', root]);
    assert.equal(empty.code, 2);
    assert.equal(empty.out, '');
    // After the warning that values.yaml holds no Kubernetes object.
    assert.equal(empty.err.split('\n').at(-2), `kube-netsec: no Kubernetes manifests found in ${root} (--allow-empty accepts that)`);
    const allowed = await runCli(['lint', '--allow-empty', root]);
    assert.equal(allowed.code, 0);
    assert.equal(allowed.out, 'No findings (0 files checked, 2 skipped as not Kubernetes).\n');
    const nothingAtAll = await runCli(['lint', '--allow-empty', '--format', 'json', tempProject(context, {})]);
    assert.deepEqual({ code: nothingAtAll.code, report: JSON.parse(nothingAtAll.out) }, { code: 0, report: { findings: [], skipped: [] } });
  });

  it('a folder of Helm templates is not empty: its files are skipped, and said so', async (context) => {
    const root = tempProject(context, { 'templates/svc.yaml': TEMPLATE });
    const { code, out } = await runCli(['lint', root]);
    assert.equal(code, 0);
    assert.equal(out, 'No findings (0 files checked, 1 skipped as a template).\n');
  });

  it('standard input that does not parse is reported like a named file that does not, with exit 1', async (context) => {
    for (const text of ['a: [\n', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n labels: {app: web}\n']) {
      const root = tempProject(context, { 'broken.yaml': text });
      const stdin = await runCli(['lint', '-'], text);
      const file = await runCli(['lint', join(root, 'broken.yaml')]);
      assert.equal(stdin.code, 1);
      assert.equal(file.code, 1);
      assert.match(stdin.out, /^<stdin>:\d+:\d+: error yaml-syntax: /);
      assert.equal(stdin.out, file.out.replaceAll(join(root, 'broken.yaml'), '<stdin>'));
    }
  });

  it('a broken file found in a folder, with nothing of Kubernetes in it, is not reported (a values file, say)', async (context) => {
    const root = tempProject(context, { 'values.yaml': 'a: [\n', 'pod.yaml': readFileSync(HOST_NETWORK, 'utf8') });
    const { out } = await runCli(['lint', root]);
    assert.doesNotMatch(out, /yaml-syntax/);
    assert.match(out, /^1 finding \(1 warning; 1 file checked, 1 skipped as not Kubernetes\)\.$/m);
  });

  it('--rule on the Helm-template note explains that it is a skip reason, not a rule', async () => {
    const { code, err } = await runCli(['lint', '--rule', 'helm-template=off', HOST_NETWORK]);
    assert.equal(code, 2);
    assert.match(err, /"helm-template" is the reason a file was skipped as a Helm\/Go template, not a rule: render the chart with `helm template`/);
  });
});

describe('usage, help and version', () => {
  it('prints usage on stderr with exit 2 when no command is given', async () => {
    const { code, out, err } = await runCli([]);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^Usage: kube-netsec <command> \[options\]/);
  });

  it('prints --help of every command on stdout with exit 0, whatever else is on the line', async () => {
    for (const [command, usage] of Object.entries(COMMAND_USAGES)) {
      for (const args of [[command, '--help'], [command, '-h'], [command, '--no-such-option', '--help']]) {
        const { code, out, err } = await runCli(args);
        assert.equal(code, 0, args.join(' '));
        assert.equal(err, '');
        assert.equal(out, `${usage}\n`);
        assert.match(out, new RegExp(`^Usage: kube-netsec ${command}`));
      }
    }
    const top = await runCli(['--help']);
    assert.equal(top.code, 0);
    for (const command of Object.keys(COMMAND_USAGES)) assert.match(top.out, new RegExp(`^ {2}${command} `, 'm'));
  });

  it('documents every lint option in lint --help', async () => {
    const { out } = await runCli(['lint', '--help']);
    for (const option of ['--format', '--output', '--fail-on', '--max-warnings', '--quiet', '--allow-empty', '--include-suppressed', '--base-uri', '--config', '--rule', '--strict', '--help']) {
      assert.match(out, new RegExp(`^ {2}(-\\w, )?${option}\\b`, 'm'), option);
    }
  });

  it('prints the version', async () => {
    assert.deepEqual(await runCli(['--version']), { code: 0, out: `${VERSION}\n`, err: '' });
    assert.deepEqual(await runCli(['-v']), { code: 0, out: `${VERSION}\n`, err: '' });
    for (const command of Object.keys(COMMAND_USAGES)) assert.deepEqual(await runCli([command, '--version']), { code: 0, out: `${VERSION}\n`, err: '' }, command);
  });
});

describe('the progress line', () => {
  async function lintWithTty(context: import('node:test').TestContext, fileCount: number, isTTY: boolean, options: string[] = []): Promise<{ code: number; terminal: string; out: string }> {
    const files: Record<string, string> = { 'chart/templates/svc.yaml': TEMPLATE };
    for (let index = 0; index < fileCount - 1; index++) files[`pods/pod-${String(index).padStart(3, '0')}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\n`;
    const root = tempProject(context, files);
    let terminal = '';
    let out = '';
    const code = await main(['lint', ...options, root], {
      out: (text) => (out += text + '\n'),
      error: (text) => (terminal += text + '\n'),
      readStdin: async () => '',
      progressStream: { isTTY, write: (text: string) => (terminal += text) },
    });
    return { code, terminal, out };
  }

  it('shows files done out of the total on a terminal, rewritten in place, erased before notes and at the end', async (context) => {
    const total = PROGRESS_MIN_FILES + 10;
    const { code, terminal, out } = await lintWithTty(context, total, true);
    assert.equal(code, 0);
    assert.match(terminal, new RegExp(`\\rkube-netsec: reading 0/${total} files`));
    assert.match(terminal, new RegExp(`\\rkube-netsec: checking ${total - 1}/${total} files`));
    // The template's note is on a line of its own: the progress line was erased first.
    assert.match(terminal, /\r +\r[^\r\n]*svc\.yaml:4:9: note: /);
    assert.match(terminal, /\r +\r$/, 'erased at the end');
    assert.doesNotMatch(out, /\r/);
  });

  it('is never drawn in a pipe, nor for a few files, nor with --quiet', async (context) => {
    const pipe = await lintWithTty(context, PROGRESS_MIN_FILES + 10, false);
    assert.doesNotMatch(pipe.terminal, /\r|reading|checking/);
    const few = await lintWithTty(context, 3, true);
    assert.doesNotMatch(few.terminal, /\r|reading|checking/);
    const quiet = await lintWithTty(context, PROGRESS_MIN_FILES + 10, true, ['--quiet']);
    assert.equal(quiet.terminal, '', '--quiet: neither progress nor notes');
  });
});

describe('a closed pipe', () => {
  // The real process: stdout's read end is closed before the command writes a byte.
  function runClosed(args: string[]): Promise<{ code: number | null; err: string }> {
    return new Promise((resolvePromise) => {
      const child = spawn(process.execPath, ['--conditions=import', '--import', 'tsx', join(ROOT, 'server/src/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => resolvePromise({ code, err }));
    });
  }

  it('ends `rules | head -1` and a SARIF report quietly, with the command’s own exit status', async () => {
    const rules = await runClosed(['rules']);
    assert.deepEqual(rules, { code: 0, err: '' });
    const sarif = await runClosed(['lint', '--format', 'sarif', HOST_NETWORK]);
    assert.deepEqual(sarif, { code: 1, err: '' });
  });
});
