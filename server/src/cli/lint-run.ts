import { fileFindings, reportableLocatedFindings, workspaceFindings, type LintConfig, type LocatedFinding, type Workspace } from '../engine';
import { annotationSuppressions } from '../engine/suppression/annotation-suppressions';
import { applySuppressions } from '../engine/suppression/apply-suppressions';
import { commentSuppressions } from '../engine/suppression/comment-directives';
import type { Suppression } from '../engine/suppression/suppression';

/** A finding a suppression written in the manifest covers, with that suppression. */
export interface SuppressedFinding {
  entry: LocatedFinding;
  suppression: Suppression;
}

/** One file's outcome: what is reported, and what its suppressions hid. */
export interface FileLint {
  reported: LocatedFinding[];
  suppressed: SuppressedFinding[];
}

/**
 * Lints the workspace as `lintWorkspaceLocated` does, file by file so that `onFile` can show
 * progress, keeping the findings suppressions hid (SARIF lists them as suppressed results).
 */
export function lintFiles(workspace: Workspace, config: LintConfig, onFile: (done: number, total: number) => void = () => undefined): Map<string, FileLint> {
  const options = { config };
  const crossObject = workspaceFindings(workspace, options);
  const result = new Map<string, FileLint>();
  for (const [index, file] of workspace.files.entries()) {
    onFile(index, workspace.files.length);
    const located = [...fileFindings(file, options), ...(crossObject.get(file.uri) ?? [])];
    const reported = reportableLocatedFindings(file, located, options);
    const kept = new Set(reported);
    const hidden = located.filter((entry) => !kept.has(entry));
    result.set(file.uri, { reported, suppressed: hidden.length === 0 ? [] : withSuppressions(hidden, [...commentSuppressions(file), ...annotationSuppressions(file.objects)]) });
  }
  return result;
}

// Each hidden finding with the first suppression that covers it (on its own, nothing else does).
function withSuppressions(hidden: readonly LocatedFinding[], suppressions: readonly Suppression[]): SuppressedFinding[] {
  return hidden.flatMap((entry) => {
    const suppression = suppressions.find((candidate) => applySuppressions([entry], [candidate]).length === 0);
    return suppression ? [{ entry, suppression }] : [];
  });
}
