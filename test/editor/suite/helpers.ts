import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SOURCE = 'kube-netsec';
export const EXTENSION_ID = 'kube-netsec.kube-netsec';

/**
 * Polls `probe` until it returns a truthy value and returns that value. Editors and language servers
 * answer asynchronously, so tests wait for a state instead of sleeping; on timeout, `describe` tells
 * what the state was instead.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  options: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const state = options.describe ? `; last state: ${options.describe()}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A file of the fixture workspace (test/fixtures/editor-workspace). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the runner must open test/fixtures/editor-workspace');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/**
 * Opens a file in an editor the way a user does. `vscode.open` (unlike `workspace.openTextDocument`)
 * leaves no extension-held reference on the document, so closing the editor really closes it.
 */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = await waitFor(
    () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined),
    `an editor on ${uri.path}`,
  );
  return editor.document;
}

/** Closes every editor; edited documents must have been reverted first (a dirty one would prompt). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function kubeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return kubeDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
}

/** Waits until the document has at least one kube-netsec diagnostic with `code`, and returns them. */
export function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => nonEmpty(withCode(uri, code)), `a ${code} diagnostic on ${uri.path}`, {
    timeoutMs,
    describe: () => describeDiagnostics(uri),
  });
}

export function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** The range of the first occurrence of `text` in the document (asserting it is there exactly once). */
export function rangeOfText(document: vscode.TextDocument, text: string): vscode.Range {
  const content = document.getText();
  const offset = content.indexOf(text);
  assert.ok(offset >= 0, `the fixture ${document.uri.path} no longer contains "${text}"`);
  assert.equal(content.indexOf(text, offset + 1), -1, `the fixture ${document.uri.path} contains "${text}" more than once`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** Plain 0-based positions, so that a failed deepEqual shows readable numbers. */
export function plainRange(range: vscode.Range): { start: [number, number]; end: [number, number] } {
  return { start: [range.start.line, range.start.character], end: [range.end.line, range.end.character] };
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all
    .map((d) => `${d.source ?? '?'}/${codeOf(d) ?? '?'} ${vscode.DiagnosticSeverity[d.severity]} ${JSON.stringify(plainRange(d.range))}`)
    .join('; ');
}
