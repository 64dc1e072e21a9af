import type { SourceRange } from '../text/range';
import { ManifestDocument, type ParsedChunk } from './document';
import { isPlainObject, KubeObject } from './kube-object';
import type { ChunkCache } from './chunk-cache';
import { parseChunk } from './parse-chunk';
import { splitDocuments } from './split';
import { firstTemplateOffset } from './template-syntax';
import { withLoneCarriageReturnsAsLineFeeds } from '../text/line-index';

/** A YAML syntax problem or an unreadable document, placed in the file. */
export interface SyntaxProblem {
  message: string;
  range: SourceRange;
  document: ManifestDocument;
}

/** Documents skipped because they are Helm/Go templates: how many, and where the first one is. */
export interface TemplateNotice {
  documentCount: number;
  range: SourceRange;
}

/** A parsed manifest file: its documents, the Kubernetes objects in them, and what went wrong. */
export interface ManifestFile {
  uri: string;
  documents: ManifestDocument[];
  objects: KubeObject[];
  syntaxProblems: SyntaxProblem[];
  templateNotice?: TemplateNotice;
  /** Set when the file was larger than `MAX_MANIFEST_LENGTH` and was not parsed. */
  tooLarge?: { length: number };
}

/**
 * Files above this many characters are not parsed: the largest real manifests (full operator
 * installs) are a few megabytes, and parsing hundreds of megabytes on a keystroke would hang the editor.
 */
export const MAX_MANIFEST_LENGTH = 20 * 1024 * 1024;

/**
 * Parses a manifest file (YAML, multi-document, or JSON). Never throws. Pass the file's cache to
 * re-parse only the documents an edit touched.
 */
export function parseManifest(uri: string, text: string, cache?: ChunkCache): ManifestFile {
  const file: ManifestFile = { uri, documents: [], objects: [], syntaxProblems: [] };
  if (text.length > MAX_MANIFEST_LENGTH) {
    file.tooLarge = { length: text.length };
    return file;
  }
  for (const placement of splitDocuments(withLoneCarriageReturnsAsLineFeeds(stripByteOrderMark(text)))) {
    const chunk: ParsedChunk = cache ? cache.parse(placement.text) : parseChunk(placement.text);
    for (const parsed of chunk.documents) {
      const document = new ManifestDocument(uri, parsed, chunk, placement);
      file.documents.push(document);
      if (parsed.isTemplate) {
        noteTemplate(file, document);
        continue;
      }
      file.objects.push(...objectsOf(document));
      const problem = firstProblem(document);
      if (problem) file.syntaxProblems.push(problem);
    }
  }
  cache?.commit();
  return file;
}

// Editors hide a byte order mark; dropping it keeps first-line columns equal to what users see.
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function noteTemplate(file: ManifestFile, document: ManifestDocument): void {
  if (file.templateNotice) {
    file.templateNotice.documentCount++;
    return;
  }
  const start = firstTemplateOffset(document.source);
  file.templateNotice = { documentCount: 1, range: document.rangeAt(start, start + 2) };
}

// One problem per document: a single typo often yields several parser errors, and the first is the
// one that points at it. Documents that do not look like Kubernetes stay silent.
function firstProblem(document: ManifestDocument): SyntaxProblem | undefined {
  const { parsed } = document;
  if (!parsed.looksLikeKubernetes) return undefined;
  const error = parsed.yaml.errors[0];
  if (error) {
    return { message: error.message.split('\n')[0], range: document.rangeAt(error.pos[0], error.pos[1]), document };
  }
  if (parsed.valueError) {
    const { message, offset } = parsed.valueError;
    return { message, range: document.rangeAt(offset, offset + 1), document };
  }
  return undefined;
}

/** The Kubernetes objects of a document: the document itself, or the items of a `List`. */
function objectsOf(document: ManifestDocument): KubeObject[] {
  const value = document.parsed.value;
  if (!isPlainObject(value) || typeof value.kind !== 'string') return [];
  if (!('apiVersion' in value) && !isPlainObject(value.metadata)) return [];
  if (isListKind(value.kind) && Array.isArray(value.items)) {
    const inherited = { kind: elementKind(value.kind), apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : undefined };
    return value.items.flatMap((item, index) =>
      isPlainObject(item) && (typeof item.kind === 'string' || inherited.kind)
        ? [new KubeObject(document, ['items', index], item, inherited)]
        : [],
    );
  }
  return [new KubeObject(document, [], value)];
}

function isListKind(kind: string): boolean {
  return kind === 'List' || kind.endsWith('List');
}

/** `PodList` holds `Pod`s; a plain `List` names no element kind. */
function elementKind(listKind: string): string | undefined {
  return listKind === 'List' ? undefined : listKind.slice(0, -'List'.length);
}
