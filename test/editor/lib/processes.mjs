// Cleanup that runs however the run ends: normal end, failure, timeout or a signal. code-server is
// started in a process group of its own so that its extension hosts, language servers and watchers
// go down with it, and Ctrl+C (which reaches only our foreground group) cannot orphan it.
import { spawn } from 'node:child_process';

const cleanups = [];
const groups = new Set();
let handlersInstalled = false;
let exitOnSignal = (code) => exitAfterCleanup(code);

/** Replaces what a signal does (the default: clean up and exit 128+n); `fn` gets that exit code. */
export function setSignalExit(fn) {
  exitOnSignal = fn;
  installHandlers();
}

/** Registers `fn` to run (last registered first) by `runCleanups`, exactly once. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const pid of [...groups]) await killGroup(pid);
}

/** Spawns a process as the leader of a new process group (killed by `killGroup` / at exit). */
export function spawnGroup(command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) groups.add(child.pid);
  return child;
}

/** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. */
export async function killGroup(pid, graceMs = 3000) {
  groups.delete(pid);
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

/** Exits with `code` after cleaning up; a second signal during cleanup exits at once. */
export async function exitAfterCleanup(code) {
  await runCleanups();
  process.exit(code);
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let exiting = false;
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => {
      if (exiting) process.exit(128 + number);
      exiting = true;
      console.error(`\nReceived ${signal}: stopping.`);
      void exitOnSignal(128 + number);
    });
  }
  // Last resort for paths that skip the async cleanup (an uncaught exception, process.exit elsewhere).
  process.on('exit', () => {
    for (const pid of groups) signalGroup(pid, 'SIGKILL');
  });
}
