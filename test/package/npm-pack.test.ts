// The CLI as users install it: `npm pack`, then `npm install` of the tarball into an empty folder
// and `kube-netsec lint` on a sample. The CLI bundle is self-contained, so the install needs no
// registry. Runs after the build (npm test builds first).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI_BUNDLE = join(ROOT, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'kube-netsec-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

test('npm pack gives a tarball that installs into an empty folder and lints a manifest', { skip: !existsSync(CLI_BUNDLE) && 'dist/cli.js is not built (npm run build)' }, () => {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  const paths = packed.files.map((file) => file.path);
  assert.ok(paths.includes('dist/cli.js'), 'the tarball holds the CLI bundle');
  assert.deepEqual(paths.filter((path) => /^(server|client|test|scripts|node_modules)\/|\.map$/.test(path)), [], 'the tarball holds no sources, tests or maps');

  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name": "try-kube-netsec", "version": "1.0.0", "private": true}\n');
  npm(['install', '--offline', '--no-save', join(work, packed.filename)], project);

  writeFileSync(join(project, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  containers:\n    - name: main\n      image: busybox\n');
  const bin = join(project, 'node_modules/.bin/kube-netsec');
  const lint = spawnSync(bin, ['lint', 'pod.yaml'], { cwd: project, encoding: 'utf8' });
  assert.equal(lint.status, 1, `findings exit 1; stderr:\n${lint.stderr}`);
  assert.match(lint.stdout, /^pod\.yaml:6:3: warning host-network:/m);
  const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
  assert.equal(version.status, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
});
