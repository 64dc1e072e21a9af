import { buildWorkspace, fileFindings, reportableLocatedFindings, workspaceFindings, type LintConfig, type LocatedFinding, type ManifestFile } from '../engine';
import type { OpenDocumentState } from './open-documents';

/** Runs the engine over the workspace for the server: cross-file rules once, file rules per document. */
export class WorkspaceChecker {
  /** The cross-object findings of the whole workspace, by file URI (before suppressions). */
  crossFileFindings(files: readonly ManifestFile[], config: LintConfig): Map<string, LocatedFinding[]> {
    return workspaceFindings(buildWorkspace(files, config), { config });
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
