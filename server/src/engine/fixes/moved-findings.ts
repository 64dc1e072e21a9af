import type { LocatedFinding } from '../lint';
import type { ManifestFile } from '../manifest/manifest-file';
import { LineIndex } from '../text/line-index';
import type { Position } from '../text/range';
import type { TextEdit } from './fix';

/**
 * True when an edited file holds the same objects with the same values as before: only comments,
 * blank lines or layout changed (a suppression comment, say), so no cross-object finding can change.
 */
export function sameObjects(before: ManifestFile, after: ManifestFile): boolean {
  if (before.objects.length !== after.objects.length || before.documents.length !== after.documents.length) return false;
  return before.objects.every((object, index) => JSON.stringify(object.value) === JSON.stringify(after.objects[index].value));
}

/**
 * Cross-object findings of a file carried over to its edited text: the same objects (by position in
 * the file) and positions moved by the edits, so suppressions in the new text apply to them.
 */
export function movedFindings(located: readonly LocatedFinding[], before: ManifestFile, after: ManifestFile, oldText: string, newText: string, edits: readonly TextEdit[]): LocatedFinding[] {
  const oldLines = new LineIndex(oldText);
  const newLines = new LineIndex(newText);
  const offsets = edits
    .map((edit) => ({ start: oldLines.offsetAt(edit.range.start, oldText.length), end: oldLines.offsetAt(edit.range.end, oldText.length), delta: edit.newText.length }))
    .map(({ start, end, delta }) => ({ start, end, delta: delta - (end - start) }));
  const move = (position: Position): Position => {
    const offset = oldLines.offsetAt(position, oldText.length);
    let moved = offset;
    for (const edit of offsets) {
      if (edit.end <= offset) moved += edit.delta;
      else if (edit.start < offset) moved = Math.min(moved, edit.start);
    }
    return newLines.positionAt(moved);
  };
  return located.map((entry) => {
    const objectIndex = entry.object ? before.objects.indexOf(entry.object) : -1;
    const documentIndex = entry.document ? before.documents.indexOf(entry.document) : -1;
    const object = objectIndex === -1 ? undefined : after.objects[objectIndex];
    const document = object?.document ?? (documentIndex === -1 ? undefined : after.documents[documentIndex]);
    const range = { start: move(entry.finding.range.start), end: move(entry.finding.range.end) };
    return { ...entry, finding: { ...entry.finding, range }, object, document };
  });
}
