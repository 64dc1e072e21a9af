import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TemplateParameter, TemplateParams } from '../../server/src/engine/templates';
import { TemplateChoicesRequest, TemplateInsertionRequest, type PlacementSetting, type TemplateChoicesResult } from '../../server/src/lsp/template-protocol';
import { ingressControllerItems, labelItems, namespaceItems, parameterPrompt, PROTOCOLS, templateItems } from './template-picks';

/** Arguments that skip the quick picks (key bindings, other extensions, tests). */
export interface InsertNetworkPolicyArgs {
  templateId: string;
  params?: TemplateParams;
  placement?: PlacementSetting;
}

const TITLE = 'Insert NetworkPolicy';

/**
 * "Insert NetworkPolicy…": a template from the engine's catalogue, its parameters picked from the
 * workspace's namespaces, labels and ingress controllers, then the server's checked insertion,
 * appended to the current file or written to networkpolicies/<namespace>.yaml beside it
 * (`kubeNetsec.templates.placement`). Resolves to whether the policy was inserted.
 */
export async function insertNetworkPolicy(client: LanguageClient | undefined, args?: InsertNetworkPolicyArgs): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage('Open a Kubernetes manifest (YAML) to insert a NetworkPolicy.');
    return false;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Kubernetes Network Security language server is not running (kubeNetsec.enable).');
    return false;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  let templateId = args?.templateId;
  let params = args?.params ?? {};
  if (typeof templateId !== 'string') {
    const choices = await client.sendRequest(TemplateChoicesRequest, { uri });
    const picked = await pickTemplateAndParameters(choices);
    if (!picked) return false;
    ({ templateId, params } = picked);
  }
  const placement = args?.placement ?? vscode.workspace.getConfiguration('kubeNetsec', editor.document.uri).get<PlacementSetting>('templates.placement', 'endOfFile');
  const result = await client.sendRequest(TemplateInsertionRequest, { uri, templateId, params, placement });
  if ('problems' in result) {
    void vscode.window.showErrorMessage(`${TITLE}: ${result.problems.join(' ')}`);
    return false;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`${TITLE}: the editor did not apply the edit (the file may have changed meanwhile).`);
    return false;
  }
  await reveal(client.protocol2CodeConverter.asUri(result.uri));
  return true;
}

/** The picks, in the template's order of parameters; undefined when the user cancels one. */
async function pickTemplateAndParameters(choices: TemplateChoicesResult): Promise<{ templateId: string; params: TemplateParams } | undefined> {
  const template = await vscode.window.showQuickPick(templateItems(choices), { title: TITLE, placeHolder: 'The policy to insert', matchOnDetail: true });
  if (!template) return undefined;
  const params: TemplateParams = {};
  for (const parameter of template.template.parameters) {
    if (!(await pickParameter(parameter, choices, params))) return undefined;
  }
  return { templateId: template.template.id, params };
}

async function pickParameter(parameter: TemplateParameter, choices: TemplateChoicesResult, params: TemplateParams): Promise<boolean> {
  const options = { title: `${TITLE}: ${parameter.name}`, placeHolder: parameterPrompt(parameter), ignoreFocusOut: true };
  switch (parameter.name) {
    case 'namespace':
    case 'sourceNamespace': {
      const items = namespaceItems(choices);
      const name = items.length > 0 ? (await vscode.window.showQuickPick(items, options))?.namespace : await vscode.window.showInputBox({ ...options, prompt: parameterPrompt(parameter) });
      if (name === undefined) return false;
      params[parameter.name] = name;
      return true;
    }
    case 'podLabels':
    case 'sourcePodLabels': {
      const items = labelItems(choices, params.namespace);
      if (items.length === 0) return !parameter.required || (await noChoice(parameter));
      const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true });
      if (!picked) return false;
      if (picked.length > 0) params[parameter.name] = Object.fromEntries(picked.map(({ key, value }) => [key, value]));
      return true;
    }
    case 'ingressController': {
      const items = ingressControllerItems(choices);
      if (items.length === 0) return noChoice(parameter);
      const picked = await vscode.window.showQuickPick(items, options);
      if (!picked) return false;
      params.ingressController = { namespace: picked.controller.namespace, labels: picked.controller.labels };
      return true;
    }
    case 'port': {
      const port = await vscode.window.showInputBox({ ...options, prompt: parameterPrompt(parameter), validateInput: (value) => (value === '' || isPort(value) ? undefined : 'A port is a whole number from 1 to 65535.') });
      if (port === undefined) return false;
      if (port !== '') params.port = Number(port);
      return true;
    }
    case 'protocol': {
      if (params.port === undefined) return true; // a protocol means nothing without a port
      const protocol = await vscode.window.showQuickPick([...PROTOCOLS], options);
      if (!protocol) return false;
      params.protocol = PROTOCOLS.find((candidate) => candidate === protocol);
      return true;
    }
  }
}

async function noChoice(parameter: TemplateParameter): Promise<boolean> {
  void vscode.window.showWarningMessage(`${TITLE}: the workspace offers nothing for ${parameter.name} (${parameter.description})`);
  return false;
}

function isPort(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
}

/** Shows where the policy went: the new file, or the end of the current one. */
async function reveal(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.revealRange(new vscode.Range(end, end));
}
