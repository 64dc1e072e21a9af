import type { FixChecker, Workspace } from '../engine';
import { templateChoices, templateInsertion, TEMPLATES, type PolicyPlacement, type TemplateParams } from '../engine/templates';
import { namespacesOfFile } from './file-namespaces';
import type { TemplateChoicesResult, TemplateInsertionResult } from './template-protocol';
import { toWorkspaceEdit, type EditSupport } from './to-workspace-edit';

/** The catalogue and the workspace's values for its parameters, as the quick picks need them. */
export function templateChoicesOf(workspace: Workspace, uri: string): TemplateChoicesResult {
  return {
    templates: TEMPLATES.map(({ id, title, description, parameters, meantWith }) => ({ id, title, description, parameters: parameters.map((parameter) => ({ ...parameter })), meantWith: [...meantWith] })),
    choices: templateChoices(workspace),
    documentNamespaces: namespacesOfFile(workspace, uri),
  };
}

export interface InsertionRequest {
  uri: string;
  templateId: string;
  params: TemplateParams;
  placement: PolicyPlacement;
}

/**
 * The edit inserting a template into (or beside) the document at `uri`. The templates engine checks
 * the values and the policy on its own; the fix checker then checks it in the workspace like any
 * fix (a new file must not exist yet, and nothing of warning or above may appear anywhere).
 */
export function templateInsertionOf(request: InsertionRequest, checker: FixChecker, versionOf: (uri: string) => number | null, support: EditSupport): TemplateInsertionResult {
  const text = checker.environment.textOf(request.uri);
  if (text === undefined) return { problems: [`${request.uri} is not open in the editor.`] };
  const insertion = templateInsertion({ ...request, text, dns: checker.environment.config.dns });
  if (!insertion.ok) return { problems: insertion.problems };
  const verdict = checker.check({ title: `Insert ${request.templateId}`, kind: 'insert-policy', edits: insertion.edits }, []);
  if (!verdict.ok) return { problems: [`The policy is not inserted: ${verdict.reason}.`] };
  const edit = toWorkspaceEdit(insertion.edits, versionOf, support);
  if (!edit) return { problems: ['This editor cannot create files through a workspace edit: set kubeNetsec.templates.placement to endOfFile.'] };
  return { edit, uri: insertion.edits[0].uri };
}
