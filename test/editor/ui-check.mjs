// What a person sees: the PACKAGED extension (dist/kube-netsec.vsix) installed into code-server,
// a manifest opened from the Explorer, a warning squiggle in the editor, a host-network row in the
// Problems panel, and the quick-fix menu on the diagnostic. Screenshots go to test-results/ui/; with
// UPDATE_README_IMAGE=1 the quick-fix one also replaces the README's picture (docs/images/quick-fixes.png),
// so that a test run leaves the working tree as it was. The bulk of the editor tests use the API (see
// suite/); CSS selectors change between VS Code versions, so this check stays small.
//
//   node test/editor/ui-check.mjs        (after `npm run package`)
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { createSandbox, installExtension, startCodeServer } from './lib/code-server.mjs';
import { exitAfterCleanup, onCleanup } from './lib/processes.mjs';
import { ensureTools } from './tools.mjs';

const FILE = 'node-agent.yaml';
// Where `hostNetwork: true` is in FILE (1-based, as Go to Line takes it).
const HOST_NETWORK_AT = '16:7';
const STEP_TIMEOUT_MS = 60_000;

/** Returns `{ ok, screenshots, error? }`; never throws for a failed check. */
export async function runUiCheck({ tools, repoRoot, workspace }) {
  const shotsDir = join(repoRoot, 'test-results', 'ui');
  await rm(shotsDir, { recursive: true, force: true }); // no stale screenshot from an earlier run
  await mkdir(shotsDir, { recursive: true });
  const vsix = join(repoRoot, 'dist', 'kube-netsec.vsix');
  if (!existsSync(vsix)) return fail(`${vsix} is missing: run \`npm run package\` first.`);

  const sandbox = await createSandbox('ui-check');
  onCleanup(() => sandbox.remove());
  await installExtension(tools, sandbox, vsix);
  console.log(`[ui] installed ${vsix}`);
  const logFile = join(repoRoot, 'test-results', 'editor', 'code-server-ui.log');
  await mkdir(dirname(logFile), { recursive: true });
  const server = await startCodeServer(tools, sandbox, { logFile });
  onCleanup(server.stop);
  const { page } = await launchBrowser(tools, sandbox);

  const screenshots = [];
  const shoot = async (name) => {
    const file = join(shotsDir, `${name}.png`);
    await page.screenshot({ path: file });
    screenshots.push(file);
    console.log(`[ui] screenshot: ${file}`);
  };
  let step = 'opening the workbench';
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);

    step = `clicking ${FILE} in the Explorer`;
    const row = page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${FILE.replace(/[.]/g, '\\.')}$`) }) });
    await row.click({ timeout: STEP_TIMEOUT_MS });

    step = 'waiting for a warning squiggle in the editor';
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
    await shoot('editor-squiggle');

    step = 'opening the Problems panel';
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'host-network' });
    try {
      await problems.first().waitFor({ timeout: 10_000 });
    } catch {
      // The shortcut can be swallowed while the editor still takes focus; the command always works.
      console.log('[ui] Ctrl+Shift+M did not show the Problems panel; using the command palette');
      await runCommand(page, 'Focus on Problems View'); // "Problems: Focus on Problems View"
    }

    step = 'waiting for a host-network row in the Problems panel';
    await problems.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    console.log(`[ui] Problems row: ${(await problems.first().innerText()).replace(/\s+/g, ' ').trim()}`);
    await shoot('problems-panel');

    step = 'opening the quick-fix menu on the host-network diagnostic';
    await editor.locator('.view-lines').click();
    await runCommand(page, 'Go to Line/Column');
    await page.locator('.quick-input-widget input').fill(`:${HOST_NETWORK_AT}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget').filter({ hasText: 'Remove hostNetwork: true' });
    try {
      await menu.first().waitFor({ timeout: 10_000 });
    } catch {
      console.log('[ui] Ctrl+. did not open the quick-fix menu; using the command palette');
      await runCommand(page, 'Quick Fix...');
    }
    await menu.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    console.log(`[ui] quick fixes: ${(await menu.first().innerText()).replace(/\s+/g, ' ').trim()}`);
    await shoot('quick-fixes');
    if (process.env.UPDATE_README_IMAGE === '1') {
      await mkdir(join(repoRoot, 'docs', 'images'), { recursive: true });
      await copyFile(join(shotsDir, 'quick-fixes.png'), join(repoRoot, 'docs', 'images', 'quick-fixes.png'));
    }
    return { ok: true, screenshots };
  } catch (error) {
    await shoot('failure').catch(() => {});
    return fail(`UI check failed while ${step}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, screenshots);
  }
}

/** Runs a command from the palette, by (part of) its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

function fail(message, screenshots = []) {
  console.error(`[ui] ${message}`);
  if (screenshots.length) console.error(`[ui] see ${screenshots.at(-1)}`);
  return { ok: false, screenshots, error: message };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  let ok = false;
  try {
    const tools = await ensureTools();
    ({ ok } = await runUiCheck({ tools, repoRoot, workspace: join(repoRoot, 'test', 'fixtures', 'editor-workspace') }));
  } catch (error) {
    console.error(`[ui] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
  await exitAfterCleanup(ok ? 0 : 1);
}
