import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { CheckedFix } from '../engine';
import type { PolicyPlacement } from '../engine/templates';
import type { DocumentFixes } from './document-fixes';
import { FIX_ALL_KIND, fixAllToCodeAction, fixToCodeAction, showDocumentationAction, sourceFixToCodeAction } from './to-code-action';
import { toWorkspaceEdit, type EditSupport } from './to-workspace-edit';

export interface CodeActionContextOfServer {
  fixes: DocumentFixes;
  support: EditSupport;
  /** The version of an open document (edits of it carry it), null for a file that is not open. */
  versionOf(uri: string): number | null;
  hasDocumentation(ruleId: string): boolean;
  /** Where inserted policies go (`kubeNetsec.templates.placement`). */
  placement: PolicyPlacement;
  /** False once the request is cancelled or the document has changed: the answer is no longer wanted. */
  isWanted(): boolean;
  log(message: string): void;
}

/**
 * The code actions of a request: for each kube-netsec diagnostic in it, the engine's checked fixes
 * (suppressions last) and the rule's documentation; when asked for, the fix-all action and the
 * default-deny policies of the document's namespaces.
 * Source actions cost a pass over every finding, so they are computed only when the request names
 * their kind (VS Code's lightbulb never shows them). Checking a fix re-lints the workspace (up to a
 * second in a workspace of megabytes), so the work pauses between findings to hear of a
 * cancellation (the cursor moved, the text changed) and gives up with [] when it comes.
 */
export async function codeActionsOf(params: CodeActionParams, context: CodeActionContextOfServer): Promise<CodeAction[]> {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const stillWanted = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return context.isWanted();
  };
  if (wants(only, CodeActionKind.QuickFix)) {
    const documented = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const entry = context.fixes.findingOf(diagnostic);
      if (!entry) continue;
      if (!context.fixes.hasFixesOf(entry) && !(await stillWanted())) return [];
      for (const fix of suppressionsLast(context.fixes.fixesOf(entry))) {
        const edit = toWorkspaceEdit(fix.edits, context.versionOf, context.support);
        if (edit) actions.push(fixToCodeAction(fix, diagnostic, edit));
        else context.log(`Fix "${fix.title}" is not offered: the editor cannot create files through a workspace edit.`);
      }
      const { ruleId } = entry.finding;
      if (!documented.has(ruleId) && context.hasDocumentation(ruleId)) {
        documented.add(ruleId);
        actions.push(showDocumentationAction(ruleId));
      }
    }
  }
  if (wants(only, FIX_ALL_KIND)) {
    if (!(await stillWanted())) return [];
    const all = context.fixes.fixAll();
    const edit = all.edits.length > 0 ? toWorkspaceEdit([{ uri: all.uri, edits: all.edits }], context.versionOf, context.support) : undefined;
    if (edit) actions.push(fixAllToCodeAction(all, edit));
  }
  if (wants(only, CodeActionKind.Source)) {
    if (!(await stillWanted())) return [];
    for (const fix of context.fixes.defaultDenyFixes(context.placement)) {
      const edit = toWorkspaceEdit(fix.edits, context.versionOf, context.support);
      if (edit) actions.push(sourceFixToCodeAction(fix, edit));
      else context.log(`"${fix.title}" is not offered: the editor cannot create files through a workspace edit.`);
    }
  }
  return actions;
}

/** Whether a request filtered by `only` wants actions of `kind`; unfiltered requests get no source actions. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return !isUnder(kind, CodeActionKind.Source);
  return only.some((requested) => isUnder(kind, requested));
}

function isUnder(kind: string, parent: string): boolean {
  return kind === parent || kind.startsWith(`${parent}.`);
}

function suppressionsLast(fixes: readonly CheckedFix[]): CheckedFix[] {
  return [...fixes.filter((fix) => fix.kind !== 'suppress'), ...fixes.filter((fix) => fix.kind === 'suppress')];
}
