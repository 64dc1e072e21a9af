// The custom requests behind "Insert NetworkPolicy…", shared by the server and the VS Code client.
// Only types and request types: the client bundle takes nothing else from the server.
import { RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TemplateChoices, TemplateParameter, TemplateParams } from '../engine/templates';

/** The values of the `kubeNetsec.templates.placement` setting. */
export type PlacementSetting = 'endOfFile' | 'newFile';

export interface TemplateChoicesParams {
  /** The document the command runs in: its configuration (default namespace) applies. */
  uri: string;
}

/** A template of the catalogue as the quick pick shows it. */
export interface TemplateSummary {
  id: string;
  title: string;
  /** Markdown. */
  description: string;
  parameters: TemplateParameter[];
  /** Templates this one is meant to be used with (a default deny with Allow DNS, allow policies with a default deny). */
  meantWith: string[];
}

export interface TemplateChoicesResult {
  templates: TemplateSummary[];
  /** What the workspace offers for the parameters: namespaces with their pod labels, ingress controllers. */
  choices: TemplateChoices;
  /** The namespaces of the document's own objects, offered first. */
  documentNamespaces: string[];
}

export interface TemplateInsertionParams {
  uri: string;
  templateId: string;
  params: TemplateParams;
  /** The setting's value; the server's copy of the settings when not given. */
  placement?: PlacementSetting;
}

/** The edit inserting the policy and the file it goes in, or why nothing can be inserted. */
export type TemplateInsertionResult = { edit: WorkspaceEdit; uri: string } | { problems: string[] };

export const TemplateChoicesRequest = new RequestType<TemplateChoicesParams, TemplateChoicesResult, void>('kubeNetsec/templateChoices');
export const TemplateInsertionRequest = new RequestType<TemplateInsertionParams, TemplateInsertionResult, void>('kubeNetsec/templateInsertion');
