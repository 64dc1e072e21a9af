// What a person sees: the PACKAGED extension (dist/kube-netsec.vsix) installed into code-server,
// a manifest opened from the Explorer, a warning squiggle in the editor, a host-network row in the
// Problems panel, the quick-fix menu on the diagnostic, then a policy's CodeLens and the hovers on
// the policy and on a workload. Screenshots go to test-results/ui/; with UPDATE_README_IMAGE=1 the
// README's pictures (docs/images/quick-fixes.png, codelens.png, policy-hover.png, workload-hover.png)
// are replaced too, so that a test run leaves the working tree as it was. The bulk of the editor tests use the API (see
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
// A NetworkPolicy whose egress rule blocks DNS, and the workloads it selects (1-based positions:
// the policy's name, the `labels` key of api's pod template).
const POLICY_FILE = 'answers/deny-backend-egress.yaml';
const POLICY_NAME_AT = '5:12';
const BACKEND_FILE = 'answers/backend.yaml';
const POD_LABELS_AT = '13:9';
// The hover fades in: a screenshot taken as soon as it is there shows it pale.
const HOVER_FADE_IN_MS = 750;
/** The screenshots the README shows (docs/images/<name>.png). */
const README_IMAGES = ['quick-fixes', 'codelens', 'policy-hover', 'workload-hover'];

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
    await openFromExplorer(page, FILE);

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
    step = 'hiding the Problems panel';
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Toggle Panel Visibility'); // room for the hovers (the panel is open)

    step = `waiting for the CodeLens above the policy in ${POLICY_FILE}`;
    await openFromExplorer(page, POLICY_FILE);
    // The workloads are in another file: the lens counts them once the workspace is indexed.
    const lens = editor.locator('.codelens-decoration').filter({ hasText: 'selects 2 workloads' });
    await lens.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    console.log(`[ui] policy lens: ${(await lens.first().innerText()).trim()}`);
    await shoot('codelens');

    step = 'showing the hover on the policy name';
    await showHoverAt(page, editor, POLICY_NAME_AT, 'including DNS');
    await shoot('policy-hover');

    step = `showing the hover on a workload's pod labels in ${BACKEND_FILE}`;
    await page.keyboard.press('Escape');
    await openFromExplorer(page, BACKEND_FILE);
    await editor.locator('.codelens-decoration').filter({ hasText: 'egress: isolated (1 policy)' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await showHoverAt(page, editor, POD_LABELS_AT, 'Deployment default/api');
    await shoot('workload-hover');

    if (process.env.UPDATE_README_IMAGE === '1') {
      await mkdir(join(repoRoot, 'docs', 'images'), { recursive: true });
      for (const name of README_IMAGES) await copyFile(join(shotsDir, `${name}.png`), join(repoRoot, 'docs', 'images', `${name}.png`));
    }
    return { ok: true, screenshots };
  } catch (error) {
    await shoot('failure').catch(() => {});
    return fail(`UI check failed while ${step}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, screenshots);
  }
}

/** Opens a file of the workspace by clicking its folders (unless expanded) and itself in the Explorer. */
async function openFromExplorer(page, relativePath) {
  const names = relativePath.split('/');
  for (const [index, name] of names.entries()) {
    const row = page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) }) })
      .first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    const isFolder = index < names.length - 1;
    if (!isFolder || (await row.getAttribute('aria-expanded')) !== 'true') await row.click({ timeout: STEP_TIMEOUT_MS });
  }
}

/** Puts the cursor at `line:column` and shows the hover there, waiting until it says `expected`. */
async function showHoverAt(page, editor, at, expected) {
  await editor.locator('.view-lines').click();
  await runCommand(page, 'Go to Line/Column');
  await page.locator('.quick-input-widget input').fill(`:${at}`);
  await page.keyboard.press('Enter');
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover').filter({ hasText: expected });
  await hover.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(HOVER_FADE_IN_MS);
  console.log(`[ui] hover at ${at}: ${(await hover.first().innerText()).replace(/\s+/g, ' ').trim().slice(0, 160)}…`);
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
