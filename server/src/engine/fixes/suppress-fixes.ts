import type { ManifestDocument } from '../manifest/document';
import type { Finding } from '../rules/rule';
import type { Fix } from './fix';

/** The placeholder users replace with why the finding is accepted; a suppression needs a reason. */
export const REASON_PLACEHOLDER = 'reason';

/**
 * "Suppress RULE on this line" and "Suppress RULE in this document": a suppression comment above the
 * finding's line (indented like it) or at the top of its YAML document, with a reason to fill in.
 */
export function suppressFixes(finding: Finding, document: ManifestDocument | undefined): Fix[] {
  if (!document) return [];
  const eol = document.source.includes('\r\n') ? '\r\n' : '\n';
  const fixes: Fix[] = [];
  const line = lineText(document, finding.range.start.line);
  if (line !== undefined) {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    fixes.push({
      title: `Suppress ${finding.ruleId} on this line`,
      kind: 'suppress',
      edits: [{ uri: finding.uri, edits: [{ range: atLineStart(finding.range.start.line), newText: `${indent}# kube-netsec-disable-next-line ${finding.ruleId} -- ${REASON_PLACEHOLDER}${eol}` }] }],
    });
  }
  const start = document.yaml.contents?.range?.[0];
  if (start !== undefined) {
    const firstLine = document.rangeAt(start, start).start.line;
    fixes.push({
      title: `Suppress ${finding.ruleId} in this document`,
      kind: 'suppress',
      edits: [{ uri: finding.uri, edits: [{ range: atLineStart(firstLine), newText: `# kube-netsec-disable ${finding.ruleId} -- ${REASON_PLACEHOLDER}${eol}` }] }],
    });
  }
  return fixes;
}

function atLineStart(line: number) {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The text of a file line, when the line is in this document's chunk. */
function lineText(document: ManifestDocument, fileLine: number): string | undefined {
  const lines = document.source.split('\n');
  const line = lines[fileLine - document.placement.line];
  return line?.replace(/\r$/, '');
}
