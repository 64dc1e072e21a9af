// Starting code-server (a real VS Code: Code 1.139 in a Node 24 server) in a sandbox of its own:
// fresh user data and extensions, and its own HOME/XDG dirs so nothing is read from or written to
// the user's real ones (code-server writes ~/.config/code-server/config.yaml on first start).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroup, spawnGroup } from './processes.mjs';

/** Settings that keep a fresh profile quiet: no telemetry, update checks, welcome pages or chat. */
export const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * The folders of one code-server run. Under a temp folder by default (removed by `remove()`); the
 * demo passes a persistent root instead.
 */
export async function createSandbox(label, root) {
  const dir = root ?? (await mkdtemp(join(tmpdir(), `kube-netsec-${label}-`)));
  const sandbox = {
    root: dir,
    home: join(dir, 'home'),
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    browserProfile: join(dir, 'browser-profile'),
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
  for (const folder of [sandbox.home, join(sandbox.userDataDir, 'User'), sandbox.extensionsDir, sandbox.browserProfile]) {
    await mkdir(folder, { recursive: true });
  }
  await writeFile(join(sandbox.userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2) + '\n');
  return sandbox;
}

/** The environment for code-server and Chromium: own HOME/XDG, Node 24 first on PATH. */
export function sandboxEnv(sandbox, tools, extra = {}) {
  const env = { ...process.env };
  // Inherited from a VS Code terminal, these make code-server forward to that VS Code instead of
  // starting; $PORT would override --bind-addr.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE' || name === 'PORT') delete env[name];
  }
  return {
    ...env,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: join(sandbox.home, '.config'),
    XDG_DATA_HOME: join(sandbox.home, '.local', 'share'),
    XDG_CACHE_HOME: join(sandbox.home, '.cache'),
    PATH: `${tools.nodeBinDir}:${process.env.PATH}`,
    ...extra,
  };
}

function baseArgs(sandbox) {
  return ['--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir];
}

/** `code-server --install-extension <vsix>` into the sandbox's extensions dir. */
export async function installExtension(tools, sandbox, vsix) {
  const args = [tools.codeServerEntry, ...baseArgs(sandbox), '--force', '--install-extension', vsix];
  const output = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(tools.node, args, { env: sandboxEnv(sandbox, tools), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const text = Buffer.concat(output).toString();
  if (code !== 0 || !/successfully installed/i.test(text)) {
    throw new Error(`Installing ${vsix} failed (exit ${code}):\n${text}`);
  }
}

/** A port that was free a moment ago on `host` (the preferred one when it is free). */
export async function freePort(host = '127.0.0.1', preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, host, () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

/**
 * Starts code-server on 127.0.0.1:`port` and waits until /healthz answers. Its output goes to
 * `logFile`. Returns `{ url, port, pid, stop }`.
 */
export async function startCodeServer(tools, sandbox, { port, logFile, extraArgs = [], env = {}, readyTimeoutMs = 60_000 }) {
  const host = '127.0.0.1';
  port ??= await freePort(host);
  const args = [
    tools.codeServerEntry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...baseArgs(sandbox),
    ...extraArgs,
  ];
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawnGroup(tools.node, args, { env: sandboxEnv(sandbox, tools, env), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = signal ?? `exit ${code}`))));

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server stopped before it was ready (${exited}); see ${logFile}`);
    if (await isHealthy(url)) break;
    if (Date.now() > deadline) {
      await killGroup(child.pid);
      throw new Error(`code-server did not answer ${url}/healthz within ${readyTimeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    pid: child.pid,
    exited: exitPromise,
    stop: async () => {
      await killGroup(child.pid);
      log.end();
    },
  };
}

async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}
