// The server half of scripts/demo.sh: installs dist/kube-netsec.vsix into a demo profile under the
// tools cache and serves code-server (Node 24) on 127.0.0.1 with samples/ open, until Ctrl+C.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, freePort, installExtension, startCodeServer } from '../test/editor/lib/code-server.mjs';
import { exitAfterCleanup, onCleanup, setSignalExit } from '../test/editor/lib/processes.mjs';
import { ensureTools, toolsDir } from '../test/editor/tools.mjs';

const DEFAULT_PORT = 8088;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(repoRoot, 'samples');
const vsix = join(repoRoot, 'dist', 'kube-netsec.vsix');

try {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
  const tools = await ensureTools({ browser: false });

  // A persistent profile (kept between demos), but a clean extensions dir holding only this build.
  const root = join(toolsDir(), 'demo');
  await rm(join(root, 'extensions'), { recursive: true, force: true });
  const sandbox = await createSandbox('demo', root);
  await installExtension(tools, sandbox, vsix);
  console.log(`demo: installed ${vsix}`);

  const wanted = Number(process.env.PORT || DEFAULT_PORT);
  const port = await freePort('127.0.0.1', wanted);
  if (port !== wanted) console.log(`demo: port ${wanted} is busy, using ${port}`);
  const logFile = join(root, 'code-server.log');
  const server = await startCodeServer(tools, sandbox, { port, logFile });
  onCleanup(server.stop);

  const folder = encodeURIComponent(samples).replace(/%2F/g, '/');
  console.log('');
  console.log('  kube-netsec demo: VS Code (code-server) with the packaged extension, samples/ opened:');
  console.log('');
  console.log(`      ${server.url}/?folder=${folder}`);
  console.log('');
  console.log(`  Open a manifest (node-agent.yaml, policies/allow-everything.yaml) to see the warnings.`);
  console.log(`  code-server log: ${logFile}. Press Ctrl+C to stop.`);

  let stopping = false;
  setSignalExit((code) => {
    stopping = true;
    return exitAfterCleanup(code);
  });
  const how = await server.exited;
  if (!stopping) {
    console.error(`demo: code-server stopped by itself (${how}); see ${logFile}`);
    await exitAfterCleanup(1);
  }
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  await exitAfterCleanup(1);
}
