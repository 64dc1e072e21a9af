// The editor test suite, run inside a real VS Code extension host (code-server or desktop VS Code via
// @vscode/test-electron). esbuild bundles this file and every test module into one file, so test
// modules only export functions that declare their suites; run() calls them once mocha's `tdd`
// globals (suite, test, setup...) exist.
import { format } from 'node:util';
import { activationTests } from './activation';
import { answerTests } from './answers';
import { closeTests } from './close';
import { codeActionTests } from './code-actions';
import { configurationTests } from './configuration';
import { crossFileTests } from './cross-file';
import { diagnosticsTests } from './diagnostics';
import { editTests } from './edits';
import { precisionTests } from './precision';
import { restartTests } from './restart';
import { settingsTests } from './settings';
import { skippedFileTests } from './skipped-files';

// Order matters for the first one only: activation must be observed before any YAML file is opened.
const SUITES = [activationTests, diagnosticsTests, editTests, closeTests, skippedFileTests, restartTests, settingsTests, configurationTests, crossFileTests, precisionTests, codeActionTests, answerTests];

/** The runners look for this line in the extension host's output to count the results. */
export const RESULT_MARKER = 'KUBE_NETSEC_EDITOR_RESULT';
/**
 * Prefix of every line of mocha's report. code-server's workbench forwards console.log's arguments
 * unformatted and mixed with its own log, so the report is formatted here and marked for the relay.
 */
export const REPORT_PREFIX = '[suite] ';

type MochaConstructor = typeof Mocha;

export async function run(): Promise<void> {
  const MochaClass = await loadMocha();
  const base = MochaClass.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args) => console.log(format(...args).replace(/^/gm, REPORT_PREFIX));
  const mocha = new MochaClass({
    ui: 'tdd',
    reporter: 'spec',
    color: false, // the output goes through the workbench's log, not a terminal
    timeout: 30_000,
    slow: 2_000,
    grep: process.env.KUBE_NETSEC_EDITOR_GREP || undefined,
  });
  // What `mocha.addFile` + `loadFiles` would do for a file: expose the interface's globals, then let
  // the "file" declare its suites.
  mocha.suite.emit('pre-require', globalThis, 'kube-netsec-editor-suite', mocha);
  for (const declare of SUITES) declare();
  mocha.suite.emit('post-require', globalThis, 'kube-netsec-editor-suite', mocha);

  const { passed, failed, pending } = await new Promise<{ passed: number; failed: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 1, pending: stats?.pending ?? 0 });
    });
  });
  console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed, pending })}`);
  if (failed > 0) throw new Error(`${failed} editor test(s) failed.`);
  if (passed === 0) throw new Error('No editor test ran (check KUBE_NETSEC_EDITOR_GREP).');
}

/**
 * mocha 12 is an ES module that re-exports its CommonJS build. require() of an ES module works on
 * Node >= 20.19/22.12 (code-server's extension host runs Node 24) and yields its namespace; older
 * extension hosts (Electron's Node) need import() instead.
 */
async function loadMocha(): Promise<MochaConstructor> {
  let loaded: unknown;
  try {
    loaded = require('mocha');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    loaded = await import('mocha');
  }
  const candidates = [loaded, (loaded as { Mocha?: unknown }).Mocha, (loaded as { default?: unknown }).default];
  const found = candidates.find((candidate) => typeof candidate === 'function');
  if (!found) throw new Error('require("mocha") did not yield the Mocha class');
  return found as MochaConstructor;
}
