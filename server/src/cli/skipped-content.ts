import type { ManifestFile } from '../engine';
import type { ManifestDocument } from '../engine/manifest/document';
import { isPlainObject } from '../engine/manifest/kube-object';

/** Why a file, or some of its documents, was not checked at all: nothing of it reaches the rules. */
export type SkipReason = 'helm-template' | 'file-too-large';

/** A file skipped as a Helm/Go template (in whole or in part) or as too large. */
export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** How many documents were skipped; null for a file too large to be split into documents. */
  documents: number | null;
  /** Whether nothing of the file was checked (false: some documents were). */
  whole: boolean;
}

/** Whether, and how, `file` was skipped; undefined for a file that was checked. */
export function skippedFileOf(file: ManifestFile): SkippedFile | undefined {
  if (file.tooLarge) return { file: file.uri, reason: 'file-too-large', documents: null, whole: true };
  const notice = file.templateNotice;
  if (!notice) return undefined;
  // Empty documents (a leading `---`, comments) hold nothing to check, so they do not make a file checked.
  const whole = file.documents.every((document) => document.parsed.isTemplate || isEmptyDocument(document));
  return { file: file.uri, reason: 'helm-template', documents: notice.documentCount, whole };
}

/** Why a document of a file contributes nothing to the analysis, where the user can act on it. */
export interface SkippedDocument {
  line: number;
  column: number;
  reason: string;
}

/**
 * The documents of a file that were skipped: those that did not parse, and those that hold something
 * other than Kubernetes objects (a JSON array, a values file). Empty documents and objects of
 * kinds the analysis ignores are not reported: they are legitimately there.
 */
export function skippedDocumentsOf(file: ManifestFile): SkippedDocument[] {
  const withObjects = new Set<ManifestDocument>(file.objects.map((object) => object.document));
  const skipped: SkippedDocument[] = [];
  for (const document of file.documents) {
    const { parsed } = document;
    if (parsed.isTemplate) continue;
    const error = parsed.yaml.errors[0];
    if (error || parsed.valueError) {
      const offset = error ? error.pos[0] : parsed.valueError!.offset;
      const message = error ? error.message.split('\n')[0] : parsed.valueError!.message;
      skipped.push(at(document, offset, `skipped a document that does not parse: ${message}`));
    } else if (!withObjects.has(document) && !isEmptyOrKubernetes(parsed.value)) {
      skipped.push(at(document, parsed.yaml.contents?.range?.[0] ?? 0, 'skipped a document that is not a Kubernetes object'));
    }
  }
  return skipped;
}

function at(document: ManifestDocument, offset: number, reason: string): SkippedDocument {
  const { start } = document.rangeAt(offset, offset);
  return { line: start.line + 1, column: start.character + 1, reason };
}

// An empty document, or a map with a `kind` (an empty List, say): nothing to warn about.
function isEmptyOrKubernetes(value: unknown): boolean {
  return isEmpty(value) || (isPlainObject(value) && typeof value.kind === 'string');
}

function isEmptyDocument({ parsed }: ManifestDocument): boolean {
  return parsed.yaml.errors.length === 0 && !parsed.valueError && isEmpty(parsed.value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}

/**
 * Whether nothing in `file` is, or looks like, a Kubernetes object: a values file, an empty file.
 * Such files are read but not counted as checked. Templates and files too large are manifests.
 */
export function isNotKubernetes(file: ManifestFile): boolean {
  return !file.tooLarge && !file.templateNotice && file.objects.length === 0 && file.documents.every((document) => !document.parsed.looksLikeKubernetes);
}
