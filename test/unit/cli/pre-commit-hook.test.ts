import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCli, tempProject } from '../../support/cli-harness';

const ROOT = resolve(__dirname, '../../..');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('runs the package bin on the whole repository, whenever a manifest is staged', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'kube-netsec');
    assert.equal(hook.language, 'node');
    const [bin, command] = hook.entry.split(' ');
    assert.ok(packageJson.bin[bin], `${bin} is the package's bin`);
    assert.equal(command, 'lint');
    // The rules across objects need every manifest, not only the staged files.
    assert.equal(hook.pass_filenames, false);
    for (const staged of ['deploy/app.yaml', 'policies/deny.yml', 'list.json']) assert.match(staged, new RegExp(hook.files));
    assert.doesNotMatch('README.md', new RegExp(hook.files));
  });

  it('lints the current folder as pre-commit runs it, failing the commit on a finding', async (context) => {
    const [hook] = hooks;
    const root = tempProject(context, { 'pod.yaml': readFileSync(join(ROOT, 'test/fixtures/cli/host-network.yaml'), 'utf8') });
    // pre-commit runs the entry in the repository root, where lint reads the current folder; the test names the folder instead.
    const { code, out } = await runCli([...hook.entry.split(' ').slice(1), root]);
    assert.equal(code, 1);
    assert.match(out, /pod\.yaml:7:3: warning host-network: /);
  });
});
