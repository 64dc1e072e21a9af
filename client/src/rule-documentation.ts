import * as vscode from 'vscode';

// Rule ids are lowercase words joined by dashes; anything else must not become a path.
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Opens the page of a rule shipped in the extension (docs/rules/<id>.md) as a rendered Markdown
 * preview: the documentation works offline and in untrusted workspaces.
 */
export async function showRuleDocumentation(extensionUri: vscode.Uri, ruleId: unknown): Promise<boolean> {
  if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) {
    void vscode.window.showErrorMessage(`Kubernetes Network Security: "${String(ruleId)}" is not a rule id.`);
    return false;
  }
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`Kubernetes Network Security: there is no documentation for the rule ${ruleId}.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}
