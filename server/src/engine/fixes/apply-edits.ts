import { LineIndex } from '../text/line-index';
import { comparePositions } from '../text/range';
import type { TextEdit } from './fix';

/** Edits that overlap cannot be applied together: the second would edit text the first replaced. */
export function editsOverlap(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) {
    if (comparePositions(sorted[i].range.start, sorted[i - 1].range.end) < 0) return true;
  }
  return false;
}

/**
 * Applies text edits (positions in `text`, as LSP's) and returns the new text. Insertions at one
 * position keep their order. Throws on overlapping edits, which callers check for first.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  if (editsOverlap(edits)) throw new Error('overlapping edits');
  const lines = new LineIndex(text);
  const located = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start, text.length), end: lines.offsetAt(edit.range.end, text.length), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = Math.max(cursor, edit.end);
  }
  return result + text.slice(cursor);
}
