import type { ManifestFile } from '../engine';
import type { ManifestDocument } from '../engine/manifest/document';
import { isPlainObject } from '../engine/manifest/kube-object';

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
  return value === null || value === undefined || (isPlainObject(value) && typeof value.kind === 'string');
}
