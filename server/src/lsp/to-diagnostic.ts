import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Notice, Severity } from '../engine';

export const DIAGNOSTIC_SOURCE = 'kube-netsec';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function findingToDiagnostic(finding: Finding): Diagnostic {
  return { range: finding.range, severity: SEVERITY[finding.severity], source: DIAGNOSTIC_SOURCE, code: finding.ruleId, message: finding.message };
}

export function noticeToDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: notice.code, message: notice.message };
}
