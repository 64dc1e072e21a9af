import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { CheckedFix, FileFixes, Fix } from '../engine';

/** The kind of the fix-all action, which `editor.codeActionsOnSave` can name. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeNetsec`;
/** Run by the client: opens the rule's page shipped with the extension. */
export const SHOW_RULE_DOCUMENTATION_COMMAND = 'kubeNetsec.showRuleDocumentation';

/**
 * One checked fix of a diagnostic. Every kind of fix (a change, a policy to insert, a suppression)
 * is a quick fix to the editor: each resolves the diagnostic it is attached to.
 */
export function fixToCodeAction(fix: CheckedFix, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit };
}

export function showDocumentationAction(ruleId: string): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [ruleId] } };
}

export function fixAllToCodeAction(fixes: FileFixes, edit: WorkspaceEdit): CodeAction {
  const count = fixes.fixed.length;
  return { title: `Fix ${count} kube-netsec problem${count === 1 ? '' : 's'} in this file`, kind: FIX_ALL_KIND, edit };
}

/** A policy to add that no single diagnostic asks for (a namespace's default deny): a source action. */
export function sourceFixToCodeAction(fix: Fix, edit: WorkspaceEdit): CodeAction {
  return { title: fix.title, kind: CodeActionKind.Source, edit };
}
