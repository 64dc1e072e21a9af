import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Notice, Severity } from '../engine';
import type { ConfigProblem } from '../engine/config/config-file';
import { ruleDocsUrl } from './rule-docs-link';

export const DIAGNOSTIC_SOURCE = 'kube-netsec';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docsUrls = new Map<string, string | undefined>();

/**
 * A finding as an LSP diagnostic. Its related locations (the other definition of a duplicate
 * object, say) are sent only to clients that declare `relatedInformation`: others could not show them.
 */
export function findingToDiagnostic(finding: Finding, withRelatedInformation = false): Diagnostic {
  if (!docsUrls.has(finding.ruleId)) docsUrls.set(finding.ruleId, ruleDocsUrl(finding.ruleId));
  const href = docsUrls.get(finding.ruleId);
  const related = withRelatedInformation ? relatedInformationOf(finding) : undefined;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
    ...(related ? { relatedInformation: related } : {}),
  };
}

function relatedInformationOf(finding: Finding): DiagnosticRelatedInformation[] | undefined {
  if (!finding.related || finding.related.length === 0) return undefined;
  return finding.related.map(({ uri, range, message }) => ({ location: { uri, range }, message }));
}

export function noticeToDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: notice.code, message: notice.message };
}

export function configProblemToDiagnostic(problem: ConfigProblem): Diagnostic {
  return { range: problem.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'config', message: problem.message };
}
