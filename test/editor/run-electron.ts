// The editor suite in desktop VS Code through @vscode/test-electron, for machines with internet
// access: it downloads VS Code (into .vscode-test/) on first use. Machines without it (CI here) run
// the same suite in code-server: test/editor/run-code-server.mjs.
//
// Bundled by scripts/build.mjs to out/test/editor/run-electron.js; run with `npm run test:electron`.
// VSCODE_VERSION picks the VS Code build (default: stable; at least the engines.vscode minimum).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  // out/test/editor/ -> repository root, wherever the repository is checked out.
  const repoRoot = resolve(__dirname, '..', '..', '..');
  const userDataDir = mkdtempSync(join(tmpdir(), 'kube-netsec-electron-'));
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'editor', 'suite', 'index.js'),
      launchArgs: [
        join(repoRoot, 'test', 'fixtures', 'editor-workspace'),
        // A fresh profile without the developer's own extensions: the suite expects ours alone.
        '--user-data-dir', userDataDir,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: process.env.KUBE_NETSEC_EDITOR_GREP ? { KUBE_NETSEC_EDITOR_GREP: process.env.KUBE_NETSEC_EDITOR_GREP } : undefined,
    });
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // runTests rejects when the tests fail (TestRunFailedError) or VS Code cannot be downloaded/run.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
