import type { Finding, ObjectRef } from '../engine';

/** One finding as the CLI prints it: 1-based line and column (UTF-16 code units, as in LSP, plus one). */
export interface ReportedFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  object: { apiVersion: string | null; kind: string; namespace: string | null; name: string | null } | null;
}

export function toReportedFinding(finding: Finding, file: string): ReportedFinding {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    object: finding.object ? reportedObject(finding.object) : null,
  };
}

function reportedObject(object: ObjectRef): NonNullable<ReportedFinding['object']> {
  return { apiVersion: object.apiVersion ?? null, kind: object.kind, namespace: object.namespace ?? null, name: object.name ?? null };
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return JSON.stringify({ findings }, null, 2);
}

/** `file:line:column: severity rule-id: message (Kind namespace/name)`, the form editors and CI logs link. */
export function formatText(findings: readonly ReportedFinding[], fileCount: number): string {
  const lines = findings.map((finding) => {
    const object = finding.object ? ` (${finding.object.kind} ${describeName(finding.object)})` : '';
    return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}${object}`;
  });
  lines.push(summary(findings, fileCount));
  return lines.join('\n');
}

function describeName(object: NonNullable<ReportedFinding['object']>): string {
  const name = object.name ?? '<unnamed>';
  return object.namespace ? `${object.namespace}/${name}` : name;
}

function summary(findings: readonly ReportedFinding[], fileCount: number): string {
  const files = `${plural(fileCount, 'file')} checked`;
  if (findings.length === 0) return `No findings (${files}).`;
  const bySeverity = new Map<string, number>();
  for (const finding of findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  const counts = [...bySeverity].map(([severity, count]) => plural(count, severity)).join(', ');
  return `${plural(findings.length, 'finding')} (${counts}; ${files}).`;
}

// "1 warning", "2 warnings"; "info" and "hint" read as "2 info", "2 hint".
function plural(count: number, noun: string): string {
  const countable = noun !== 'info' && noun !== 'hint';
  return `${count} ${noun}${count === 1 || !countable ? '' : 's'}`;
}
