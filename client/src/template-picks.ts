import type * as vscode from 'vscode';
import type { IngressControllerChoice, TemplateParameter, TemplateParams } from '../../server/src/engine/templates';
import type { TemplateChoicesResult, TemplateSummary } from '../../server/src/lsp/template-protocol';

// The quick pick items of "Insert NetworkPolicy…", built from what the server answers: the
// catalogue and the workspace's namespaces, pod labels and ingress controllers. No vscode runtime
// here, so the items can be checked on their own.

export interface TemplateItem extends vscode.QuickPickItem {
  template: TemplateSummary;
}

export function templateItems(result: TemplateChoicesResult): TemplateItem[] {
  const titles = new Map(result.templates.map((template) => [template.id, template.title]));
  return result.templates.map((template) => ({
    label: template.title,
    description: template.meantWith.length > 0 ? `with ${template.meantWith.map((id) => titles.get(id) ?? id).join(', ')}` : undefined,
    detail: plainText(template.description),
    template,
  }));
}

export interface NamespaceItem extends vscode.QuickPickItem {
  namespace: string;
}

/** The document's own namespaces first, then the others of the workspace. */
export function namespaceItems(result: TemplateChoicesResult): NamespaceItem[] {
  const own = new Set(result.documentNamespaces);
  const names = [...result.documentNamespaces, ...result.choices.namespaces.map(({ name }) => name).filter((name) => !own.has(name))];
  return names.map((name) => ({ label: name, description: own.has(name) ? 'this file' : undefined, namespace: name }));
}

export interface LabelItem extends vscode.QuickPickItem {
  key: string;
  value: string;
}

/** The pod labels of a namespace, each with the workloads that carry it. */
export function labelItems(result: TemplateChoicesResult, namespace: string | undefined): LabelItem[] {
  const choice = result.choices.namespaces.find(({ name }) => name === namespace);
  return (choice?.podLabels ?? []).map(({ key, value, workloads }) => ({
    label: `${key}=${value}`,
    description: workloads.map((workload) => `${workload.kind} ${workload.name}`).join(', '),
    key,
    value,
  }));
}

export interface ControllerItem extends vscode.QuickPickItem {
  controller: IngressControllerChoice;
}

export function ingressControllerItems(result: TemplateChoicesResult): ControllerItem[] {
  return result.choices.ingressControllers.map((controller) => ({
    label: controller.product,
    description: `${controller.workload.kind} ${controller.namespace}/${controller.workload.name}`,
    detail: Object.entries(controller.labels).map(([key, value]) => `${key}=${value}`).join(', '),
    controller,
  }));
}

export const PROTOCOLS: readonly NonNullable<TemplateParams['protocol']>[] = ['TCP', 'UDP', 'SCTP'];

/** What the prompt for a parameter says: the template's own words, and whether it may be left out. */
export function parameterPrompt(parameter: TemplateParameter): string {
  return parameter.required ? parameter.description : `${parameter.description} (optional)`;
}

/** Markdown emphasis and code marks do not render in a quick pick. */
function plainText(markdown: string): string {
  return markdown.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}
