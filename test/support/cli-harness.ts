import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { main } from '../../server/src/cli/main';

/** Runs the CLI in-process with `stdin` as standard input, returning the exit code and the captured stdout and stderr (one line per call). */
export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text + '\n'), error: (text) => (err += text + '\n'), readStdin: async () => stdin });
  return { code, out, err };
}

/** A temporary folder holding `files` (relative paths, parent folders created), removed after the test. */
export function tempProject(context: TestContext, files: Record<string, string>, prefix = 'kube-netsec-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  context.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
