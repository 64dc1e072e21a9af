// Debian's Chromium driven by playwright-core (a devDependency pinned in package.json). playwright
// never downloads a browser here: it is given the system executable.
import { chromium } from 'playwright-core';
import { onCleanup } from './processes.mjs';
import { sandboxEnv } from './code-server.mjs';

const ARGS = [
  '--no-sandbox', // runs as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless Chromium with a fresh profile in the sandbox; closed by the cleanup at the latest. */
export async function launchBrowser(tools, sandbox, { viewport = { width: 1440, height: 900 } } = {}) {
  const context = await chromium.launchPersistentContext(sandbox.browserProfile, {
    executablePath: tools.chromium,
    headless: true,
    args: ARGS,
    env: sandboxEnv(sandbox, tools),
    viewport,
    // Our own cleanup closes it; playwright's signal handlers would race with it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  onCleanup(close);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}
