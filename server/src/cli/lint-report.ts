import { SEVERITIES, type Finding, type ObjectRef, type RelatedLocation, type SourceRange } from '../engine';
import type { SkippedFile } from './skipped-content';

/** A place in a file as the CLI prints it: 1-based line and column (UTF-16 code units, as in LSP, plus one). */
interface ReportedPlace {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place a finding refers to (the definition that takes effect, say), and what it is. */
export interface ReportedRelated extends ReportedPlace {
  message: string;
}

/** One finding as the CLI prints it. */
export interface ReportedFinding extends ReportedPlace {
  ruleId: string;
  severity: string;
  message: string;
  object: { apiVersion: string | null; kind: string; namespace: string | null; name: string | null } | null;
  /** Present only when the finding names other places. */
  related?: ReportedRelated[];
}

/** Everything a lint run reports, whatever the format. */
export interface LintResult {
  findings: readonly ReportedFinding[];
  skipped: readonly SkippedFile[];
  /** How many files were read (standard input counts as one), skipped ones included. */
  fileCount: number;
  /** How many of them hold nothing that is, or looks like, a Kubernetes object (not counted as checked). */
  notKubernetes?: number;
}

export function toReportedFinding(finding: Finding, file: string): ReportedFinding {
  const reported: ReportedFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...place(file, finding.range),
    object: finding.object ? reportedObject(finding.object) : null,
  };
  if (finding.related && finding.related.length > 0) reported.related = finding.related.map(toReportedRelated);
  return reported;
}

// The engine's URIs are the CLI's paths as found (see readManifests), so they print as they are.
function toReportedRelated(related: RelatedLocation): ReportedRelated {
  return { ...place(related.uri, related.range), message: related.message };
}

function place(file: string, { start, end }: SourceRange): ReportedPlace {
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function reportedObject(object: ObjectRef): NonNullable<ReportedFinding['object']> {
  return { apiVersion: object.apiVersion ?? null, kind: object.kind, namespace: object.namespace ?? null, name: object.name ?? null };
}

/** `{"findings": [...], "skipped": [{"file", "reason", "documents"}]}` (schemas/lint-output.schema.json). */
export function formatJson({ findings, skipped }: LintResult): string {
  return JSON.stringify({ findings, skipped: skipped.map(({ file, reason, documents }) => ({ file, reason, documents })) }, null, 2);
}

/**
 * `file:line:column: severity rule-id: message (Kind namespace/name)`, the form editors and CI logs
 * link, each related place indented under its finding, then the summary line.
 */
export function formatText(result: LintResult, { withSummary = true }: { withSummary?: boolean } = {}): string {
  const lines = result.findings.flatMap((finding) => {
    const object = finding.object ? ` (${finding.object.kind} ${describeName(finding.object)})` : '';
    const head = `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}${object}`;
    return [head, ...(finding.related ?? []).map((related) => `  ${related.file}:${related.line}:${related.column}: note: ${related.message}`)];
  });
  if (withSummary) lines.push(summary(result));
  return lines.join('\n');
}

function describeName(object: NonNullable<ReportedFinding['object']>): string {
  const name = object.name ?? '<unnamed>';
  return object.namespace ? `${object.namespace}/${name}` : name;
}

/**
 * `3 findings (1 error, 2 warnings; 12 files checked, 2 skipped as templates).`: severities in a
 * fixed order (error first), then the files checked and those skipped by reason, so that the line
 * reads the same from run to run.
 */
export function summary({ findings, skipped, fileCount, notKubernetes = 0 }: LintResult): string {
  const checked = fileCount - skipped.filter((file) => file.whole).length - notKubernetes;
  const files = [`${plural(checked, 'file')} checked`, ...skippedCounts(skipped), ...(notKubernetes > 0 ? [`${notKubernetes} skipped as not Kubernetes`] : [])].join(', ');
  if (findings.length === 0) return `No findings (${files}).`;
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => plural(count, severity));
  return `${plural(findings.length, 'finding')} (${counts.join(', ')}; ${files}).`;
}

// "2 skipped as templates (1 in part)", "1 skipped as too large".
function skippedCounts(skipped: readonly SkippedFile[]): string[] {
  const templates = skipped.filter((file) => file.reason === 'helm-template');
  const inPart = templates.filter((file) => !file.whole).length;
  const tooLarge = skipped.filter((file) => file.reason === 'file-too-large').length;
  const counts: string[] = [];
  if (templates.length > 0) counts.push(`${templates.length} skipped as ${templates.length === 1 ? 'a template' : 'templates'}${inPart > 0 ? ` (${inPart} in part)` : ''}`);
  if (tooLarge > 0) counts.push(`${tooLarge} skipped as too large`);
  return counts;
}

// "1 warning", "2 warnings"; "info" and "hint" read as "2 info", "2 hint".
function plural(count: number, noun: string): string {
  const countable = noun !== 'info' && noun !== 'hint';
  return `${count} ${noun}${count === 1 || !countable ? '' : 's'}`;
}
