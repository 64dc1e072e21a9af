import type { ManifestDocument } from '../manifest/document';
import type { ManifestFile } from '../manifest/manifest-file';
import type { Suppression } from './suppression';

const MARKER = 'kube-netsec-disable';
// A YAML comment starts with "#" at a line start or after whitespace; the rule list runs to "--".
const DIRECTIVE = /(?:^|[ \t])#[ \t]*(kube-netsec-disable-next-line|kube-netsec-disable)(?=[ \t]|$)([^\r\n]*)/gm;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/**
 * The suppression comments of a file:
 *   # kube-netsec-disable-next-line RULE[, RULE...] -- reason   (the next line with content)
 *   # kube-netsec-disable RULE[, RULE...] -- reason             (the whole YAML document)
 * A comment belongs to the document it is written in; one above a document's first line, to it.
 */
export function commentSuppressions(file: ManifestFile): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const documents of groupByChunk(file.documents)) {
    const source = documents[0].source;
    if (!source.includes(MARKER)) continue;
    for (const match of source.matchAll(DIRECTIVE)) {
      const start = match.index + match[0].indexOf('#');
      const end = match.index + match[0].length;
      const document = documents.find((candidate) => (candidate.yaml.range?.[2] ?? source.length) > start) ?? documents[documents.length - 1];
      const [rulePart, ...reasonParts] = match[2].split('--');
      const form = match[1];
      suppressions.push({
        form,
        ruleIds: rulePart.split(/[\s,]+/).filter(Boolean),
        reason: reasonParts.join('--').trim(),
        scope: form === 'kube-netsec-disable' ? { kind: 'document', document } : { kind: 'next-line', line: nextContentLine(document, source, end) },
        range: document.rangeAt(start, end),
        used: new Map(),
      });
    }
  }
  return suppressions;
}

function groupByChunk(documents: readonly ManifestDocument[]): ManifestDocument[][] {
  const groups = new Map<number, ManifestDocument[]>();
  for (const document of documents) {
    const group = groups.get(document.placement.offset);
    if (group) group.push(document);
    else groups.set(document.placement.offset, [document]);
  }
  return [...groups.values()];
}

/** The file line of the first line after `offset` that holds something other than a comment. */
function nextContentLine(document: ManifestDocument, source: string, offset: number): number {
  let lineStart = source.indexOf('\n', offset) + 1;
  if (lineStart === 0) return document.rangeAt(offset, offset).start.line + 1;
  for (;;) {
    const lineEnd = source.indexOf('\n', lineStart);
    const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd);
    if (!BLANK_OR_COMMENT.test(line) || lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return document.rangeAt(lineStart, lineStart).start.line;
}
