import type { Finding, Severity } from '../engine';
import type { ReportPaths } from './report-paths';

/** One GitLab code quality issue (the subset of the Code Climate format GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/** kube-netsec's severities on GitLab's scale; `blocker` is left for what stops a pipeline outright. */
export const GITLAB_SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/**
 * `--format gitlab`: the JSON array GitLab shows in merge requests (`artifacts:reports:codequality`).
 * Paths are relative to the base folder (the repository root in a GitLab job); suppressed findings are left out.
 */
export function formatGitlab(entries: readonly { finding: Finding; fingerprint: string }[], paths: ReportPaths): string {
  const issues: CodeQualityIssue[] = entries.map(({ finding, fingerprint }) => ({
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint,
    severity: GITLAB_SEVERITY[finding.severity],
    location: { path: paths.displayPath(finding.uri), lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
  }));
  return JSON.stringify(issues, null, 2);
}
