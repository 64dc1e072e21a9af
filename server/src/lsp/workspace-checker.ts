import { ALL_RULES, buildWorkspace, fileFindings, reportableLocatedFindings, workspaceFindings, type LintConfig, type LocatedFinding, type ManifestFile, type Rule, type Workspace } from '../engine';
import type { OpenDocumentState } from './open-documents';

/** One check of the workspace: the model the cross-file rules read, and their findings by file URI. */
export interface WorkspaceCheck {
  /** Kept for the editor's answers (hovers, lenses, completions), which read the same model. */
  workspace: Workspace;
  /** Before suppressions. */
  crossFile: Map<string, LocatedFinding[]>;
  /** The cross-file rules that did not run: the check's time budget ran out before them. */
  skippedRules: string[];
  /** How long the cross-file rules ran, in milliseconds. */
  elapsedMs: number;
}

export interface CheckOptions {
  /** Whether to run the cross-file rules: not before the index is complete, when they would judge part of the workspace. */
  crossFile: boolean;
  /** Once the cross-file rules have run this long, the remaining ones are skipped for this check. */
  budgetMs: number;
}

const WORKSPACE_RULES: readonly Rule[] = ALL_RULES.filter((rule) => rule.scope === 'workspace');

/** Runs the engine over the workspace for the server: cross-file rules once, file rules per document. */
export class WorkspaceChecker {
  /**
   * Builds the workspace model and runs the cross-object rules over it, one rule at a time with a
   * turn of the event loop between them, so that requests and edits are taken in while a large
   * workspace is checked. A rule's findings are all or none of them: skipping a rule can hide
   * findings, never make one up.
   */
  async check(files: readonly ManifestFile[], config: LintConfig, options: CheckOptions): Promise<WorkspaceCheck> {
    const started = Date.now();
    const workspace = buildWorkspace(files, config);
    const crossFile = new Map<string, LocatedFinding[]>();
    const skippedRules: string[] = [];
    if (options.crossFile) {
      for (const rule of WORKSPACE_RULES) {
        if (config.rules[rule.id] === 'off') continue;
        if (Date.now() - started >= options.budgetMs) {
          skippedRules.push(rule.id);
          continue;
        }
        for (const [uri, located] of workspaceFindings(workspace, { config, rules: [rule] })) crossFile.set(uri, [...(crossFile.get(uri) ?? []), ...located]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return { workspace, crossFile, skippedRules, elapsedMs: Date.now() - started };
  }

  /**
   * What an open document reports: its own findings (cached) and the cross-file ones shown in it,
   * with the objects and reports behind them (what its fixes are made from).
   */
  findingsOf(state: OpenDocumentState, crossFile: readonly LocatedFinding[], config: LintConfig): LocatedFinding[] {
    state.fileFindings ??= fileFindings(state.file, { config });
    return reportableLocatedFindings(state.file, [...state.fileFindings, ...crossFile], { config });
  }
}
