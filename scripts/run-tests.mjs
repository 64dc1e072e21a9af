// npm test: builds once, then runs every tier (unit, LSP, package, editor) with its own output, and
// ends with one line that sums them all. A failing tier does not hide the tiers after it; a failing
// build or typecheck stops the run, since no tier can be trusted then.
//
//   node scripts/run-tests.mjs [--skip-editor]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({ options: { 'skip-editor': { type: 'boolean', default: false } } });
const NODE_TESTS = ['node', '--conditions=import', '--import', 'tsx', '--test'];

/** Runs a command with its output passed through, and returns its exit code and output. */
function run(command, args) {
  return new Promise((resolve) => {
    // Through the shell: Node 20's test runner takes file paths, so the shell expands the globs.
    const child = spawn([command, ...args].join(' '), { stdio: ['ignore', 'pipe', 'pipe'], shell: true });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

// node's test runner writes TAP when its output is not a terminal: `# pass N` and `# fail N` close
// it. The editor runner closes with `N passed, N failed`.
function counts(output, kind) {
  if (kind === 'editor') {
    const [, passed, failed] = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1) ?? [];
    return passed === undefined ? undefined : { passed: Number(passed), failed: Number(failed) };
  }
  const passed = [...output.matchAll(/^# pass (\d+)$/gm)].at(-1)?.[1];
  const failed = [...output.matchAll(/^# fail (\d+)$/gm)].at(-1)?.[1];
  return passed === undefined || failed === undefined ? undefined : { passed: Number(passed), failed: Number(failed) };
}

const tiers = [
  { name: 'unit', steps: [[...NODE_TESTS, 'test/unit/*/*.test.ts']] },
  { name: 'lsp', steps: [[...NODE_TESTS, 'test/lsp/*.test.ts']] },
  { name: 'package', steps: [['npm', 'run', 'package:vsix'], [...NODE_TESTS, 'test/package/*.test.ts']] },
  ...(options['skip-editor'] ? [] : [{ name: 'editor', kind: 'editor', steps: [['node', 'test/editor/run-code-server.mjs']] }]),
];

for (const [command, ...args] of [['npm', 'run', 'build'], ['npm', 'run', 'typecheck']]) {
  const { code } = await run(command, args);
  if (code !== 0) {
    console.log(`\n${command} ${args.join(' ')} failed (exit ${code}): no test tier ran.`);
    process.exit(code);
  }
}

const results = [];
for (const tier of tiers) {
  let tally;
  let exitCode = 0;
  for (const [command, ...args] of tier.steps) {
    const { code, output } = await run(command, args);
    exitCode = code;
    tally = counts(output, tier.kind) ?? tally;
    if (code !== 0) break;
  }
  results.push({ name: tier.name, tally, exitCode });
}

const passed = results.reduce((sum, { tally }) => sum + (tally?.passed ?? 0), 0);
const failed = results.reduce((sum, { tally }) => sum + (tally?.failed ?? 0), 0);
// A tier that failed without reporting counts (a crash, a timeout) is a failure of its own.
const broken = results.filter(({ tally, exitCode }) => exitCode !== 0 && (!tally || tally.failed === 0));
const detail = results.map(({ name, tally, exitCode }) => (tally ? `${name} ${tally.passed}/${tally.passed + tally.failed}` : `${name} exit ${exitCode}`)).join(', ');
console.log(`\nAll tiers (${detail}): ${passed} passed, ${failed + broken.length} failed`);
process.exit(failed + broken.length > 0 ? 1 : 0);
