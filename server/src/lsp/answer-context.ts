import type { LintConfig, ManifestFile, Workspace } from '../engine';
import type { AnswerContext } from '../engine/answers';
import type { DocumentFixes } from './document-fixes';

/**
 * The answer context of one open document for one check: the parse its diagnostics came from, the
 * findings they show, and that check's workspace. Hovers, lenses and completions read it as it is.
 */
export function answerContextOf(file: ManifestFile, workspace: Workspace, config: LintConfig, reported: DocumentFixes, ruleLink: (ruleId: string) => string | undefined): AnswerContext {
  return {
    file,
    workspace,
    findings: reported.located,
    config,
    // Only fixes a code action has already checked: checking one re-lints the workspace, far too slow for a hover.
    fixTitles: (finding) => (reported.hasFixesOf(finding) ? reported.fixesOf(finding).map((fix) => fix.title) : []),
    ruleLink,
  };
}
