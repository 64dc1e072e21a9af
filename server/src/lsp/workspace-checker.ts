import { buildWorkspace, fileFindings, reportableLocatedFindings, workspaceFindings, type LintConfig, type LocatedFinding, type ManifestFile, type Workspace } from '../engine';
import type { OpenDocumentState } from './open-documents';

/** One check of the workspace: the model the cross-file rules read, and their findings by file URI. */
export interface WorkspaceCheck {
  /** Kept for the editor's answers (hovers, lenses, completions), which read the same model. */
  workspace: Workspace;
  /** Before suppressions. */
  crossFile: Map<string, LocatedFinding[]>;
}

/** Runs the engine over the workspace for the server: cross-file rules once, file rules per document. */
export class WorkspaceChecker {
  /** Builds the workspace model and runs the cross-object rules over it. */
  check(files: readonly ManifestFile[], config: LintConfig): WorkspaceCheck {
    const workspace = buildWorkspace(files, config);
    return { workspace, crossFile: workspaceFindings(workspace, { config }) };
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
