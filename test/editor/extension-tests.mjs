// Runs the mocha suite (out/test/editor/suite/index.js) inside code-server's extension host, the way
// @vscode/test-electron does on a desktop: the workbench is opened with a payload naming the
// extension under development and the test entry point. code-server only honours that payload with
// `--vscode-option enable-smoke-test-driver`; the workbench then reports the extension host's output
// through window.codeAutomationLog and the tests' exit code through window.codeAutomationExit.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { createSandbox, startCodeServer } from './lib/code-server.mjs';
import { onCleanup } from './lib/processes.mjs';

// Kept in sync with suite/index.ts: the result line it prints at the end, and the prefix of the lines
// of mocha's report (everything else in the workbench log goes to a file only).
const RESULT_MARKER = 'KUBE_NETSEC_EDITOR_RESULT';
const REPORT_PREFIX = '[suite] ';

/**
 * Returns `{ passed, failed, pending, exitCode }`. A run that ends without the result line (a crash,
 * a suite that never started) counts as one failure.
 */
export async function runExtensionTests({ tools, repoRoot, workspace, resultsDir, timeoutMs, grep }) {
  const testsEntry = join(repoRoot, 'out', 'test', 'editor', 'suite', 'index.js');
  for (const file of [testsEntry, join(repoRoot, 'dist', 'client.js'), join(repoRoot, 'dist', 'server.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const sandbox = await createSandbox('editor-tests');
  onCleanup(() => sandbox.remove());
  const logFile = join(resultsDir, 'code-server-suite.log');
  const server = await startCodeServer(tools, sandbox, {
    logFile,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: grep ? { KUBE_NETSEC_EDITOR_GREP: grep } : {},
  });
  onCleanup(server.stop);
  console.log(`[editor] code-server ${server.url}; logs in ${resultsDir}`);

  const { page } = await launchBrowser(tools, sandbox);
  const workbenchLog = createWriteStream(join(resultsDir, 'workbench-suite.log'));
  onCleanup(() => new Promise((resolve) => workbenchLog.end(resolve)));
  let result;
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    workbenchLog.write(`[${level}] ${message}\n`);
    for (const line of String(message).split('\n')) {
      const marker = line.indexOf(RESULT_MARKER);
      const report = line.indexOf(REPORT_PREFIX);
      if (marker >= 0) result = JSON.parse(line.slice(marker + RESULT_MARKER.length));
      else if (report >= 0) console.log(line.slice(report + REPORT_PREFIX.length));
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  // The extension host sees the remote file system through the vscode-remote authority.
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const started = Date.now();
  await page.goto(url);

  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const exitCode = await Promise.race([exited, timedOut, server.exited.then((how) => `code-server stopped (${how})`)]);
  clearTimeout(timer);
  console.log(`[editor] suite finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${exitCode})`);
  if (typeof exitCode !== 'number') throw Object.assign(new Error(`the editor suite did not finish: ${exitCode}`), { timedOut: exitCode === 'timeout' });

  if (!result) return { passed: 0, failed: 1, pending: 0, exitCode };
  // A non-zero exit with no failed test (run() threw after mocha) still fails the run.
  const failed = result.failed > 0 || exitCode === 0 ? result.failed : 1;
  return { passed: result.passed, failed, pending: result.pending, exitCode };
}
