import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ManifestDocument } from '../manifest/document';
import type { KubeObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Position, SourceRange } from '../text/range';

/**
 * What sits at a position of a manifest: the object, the path inside it (relative to the object),
 * whether the position is on a map key or on a value, and the range of that key or value. Hover,
 * completion and CodeLens answers start from it; it reads the parse the diagnostics came from.
 */
export interface ManifestLocation {
  document: ManifestDocument;
  object?: KubeObject;
  /** The path from the object's root (or the document's, when no object holds the position). */
  path: ObjectPath;
  part: 'key' | 'value';
  /** The range of the key or value under the position. */
  range: SourceRange;
}

/** The location under `position` in `file`, or undefined between documents or outside any node. */
export function locationAt(file: ManifestFile, position: Position): ManifestLocation | undefined {
  const document = documentAt(file, position);
  if (!document) return undefined;
  const offset = offsetInDocument(document, position);
  if (offset === undefined) return undefined;
  const found = descend(document.yaml.contents as Node | null, offset, []);
  if (!found) return undefined;
  const object = file.objects
    .filter((candidate) => candidate.document === document && startsWith(found.path, candidate.basePath))
    .sort((a, b) => b.basePath.length - a.basePath.length)[0];
  const path = object ? found.path.slice(object.basePath.length) : found.path;
  return { document, object, path, part: found.part, range: document.rangeAt(found.start, found.end) };
}

function documentAt(file: ManifestFile, position: Position): ManifestDocument | undefined {
  let candidate: ManifestDocument | undefined;
  for (const document of file.documents) {
    if (document.placement.line > position.line) break;
    const range = document.yaml.range;
    if (!range) continue;
    const start = document.rangeAt(range[0], range[0]).start;
    if (start.line <= position.line) candidate = document;
  }
  return candidate;
}

function offsetInDocument(document: ManifestDocument, position: Position): number | undefined {
  const local = { line: position.line - document.placement.line, character: position.character };
  const chunk = document.parsedChunk;
  if (local.line < 0 || local.line >= chunk.lines.lineCount) return undefined;
  const offset = chunk.lines.offsetAt(local, chunk.text.length);
  const range = document.yaml.range;
  return range && offset >= range[0] && offset <= range[2] ? offset : undefined;
}

interface Found {
  path: (string | number)[];
  part: 'key' | 'value';
  start: number;
  end: number;
}

// The deepest key or value whose text holds the offset. Aliases are not followed: what is under
// the cursor is the alias itself.
function descend(node: Node | null, offset: number, path: (string | number)[]): Found | undefined {
  if (!node?.range || isAlias(node)) return node?.range && within(node.range, offset) ? { path, part: 'value', start: node.range[0], end: node.range[1] } : undefined;
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = pair.key;
      const name = isScalar(key) && typeof key.value !== 'symbol' ? String(key.value) : undefined;
      if (key?.range && within(key.range, offset)) return name === undefined ? undefined : { path: [...path, name], part: 'key', start: key.range[0], end: key.range[1] };
      if (pair.value?.range && within(pair.value.range, offset) && name !== undefined) return descend(pair.value, offset, [...path, name]) ?? { path: [...path, name], part: 'value', start: pair.value.range[0], end: pair.value.range[1] };
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [index, item] of (node.items as (Node | null)[]).entries()) {
      if (item?.range && within(item.range, offset)) return descend(item, offset, [...path, index]);
    }
    return undefined;
  }
  return within(node.range, offset) ? { path, part: 'value', start: node.range[0], end: node.range[1] } : undefined;
}

function within(range: readonly number[], offset: number): boolean {
  return offset >= range[0] && offset <= range[1];
}

function startsWith(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.every((step, index) => path[index] === step);
}
