// The editor test tier on a machine without desktop VS Code: the mocha suite inside code-server's
// real extension host, then the UI check against the packaged .vsix. Expects `npm run package` to
// have run (npm run test:editor does it).
//
//   node test/editor/run-code-server.mjs [--no-ui] [--grep <pattern>]
//
// Ends with a plain `N passed, N failed` line; exits 1 on any failure, 124 on the overall timeout.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runExtensionTests } from './extension-tests.mjs';
import { runCleanups, setSignalExit } from './lib/processes.mjs';
import { ensureTools } from './tools.mjs';
import { runUiCheck } from './ui-check.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = join(repoRoot, 'test', 'fixtures', 'editor-workspace');
const resultsDir = join(repoRoot, 'test-results', 'editor');
// Warm, the whole run takes ~20 s; a cold tool install adds ~2 minutes (more on a slow registry).
const TIMEOUT_MS = Number(process.env.KUBE_NETSEC_EDITOR_TIMEOUT_MS ?? 20 * 60_000);
// A suite that never reports (its payload ignored, a hung extension host) fails sooner than that.
const SUITE_TIMEOUT_MS = Math.min(TIMEOUT_MS, 5 * 60_000);

const { values: options } = parseArgs({
  options: { 'no-ui': { type: 'boolean', default: false }, grep: { type: 'string' } },
});

const totals = { passed: 0, failed: 0 };
const seconds = (since) => {
  const ms = Date.now() - since;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
};

let finishing = false;

/** Prints the closing line and exits, once: a timeout may fire while the run is still unwinding. */
function finish(code) {
  if (finishing) return new Promise(() => {});
  finishing = true;
  return (async () => {
    await runCleanups();
    // Let whatever the cleanup unblocked print first: the closing line must be the last one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(`${totals.passed} passed, ${totals.failed} failed`);
    process.exit(code);
  })();
}

setSignalExit((code) => {
  totals.failed = Math.max(totals.failed, 1);
  return finish(code);
});
const overall = setTimeout(() => {
  console.error(`\n[editor] TIMEOUT: the editor tests did not finish within ${TIMEOUT_MS / 1000} s.`);
  totals.failed = Math.max(totals.failed, 1);
  void finish(124);
}, TIMEOUT_MS);

try {
  await mkdir(resultsDir, { recursive: true });
  let started = Date.now();
  const tools = await ensureTools();
  console.log(`[editor] tools ready in ${seconds(started)}`);

  started = Date.now();
  const suite = await runExtensionTests({ tools, repoRoot, workspace, resultsDir, timeoutMs: SUITE_TIMEOUT_MS, grep: options.grep });
  console.log(`[editor] suite: passed ${suite.passed}, failed ${suite.failed}, pending ${suite.pending} (${seconds(started)} with start-up)`);
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  // Each part starts its own code-server and browser; stop the suite's before the UI check.
  await runCleanups();

  if (!options['no-ui']) {
    started = Date.now();
    const ui = await runUiCheck({ tools, repoRoot, workspace });
    console.log(`[ui] check ${ui.ok ? 'passed' : 'FAILED'} in ${seconds(started)}`);
    if (ui.ok) totals.passed++;
    else totals.failed++;
  }
} catch (error) {
  if (finishing) await new Promise(() => {}); // the timeout is already cleaning up and exiting
  console.error(`[editor] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  totals.failed++;
  clearTimeout(overall);
  await finish(error?.timedOut ? 124 : 1);
}
clearTimeout(overall);
await finish(totals.failed > 0 ? 1 : 0);
