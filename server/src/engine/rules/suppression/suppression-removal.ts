import type { TextEdit } from '../../fixes/fix';
import { YamlEditor } from '../../fixes/yaml-editor';
import type { Suppression } from '../../suppression/suppression';
import { linesOf } from '../../text/line-index';

/**
 * The edits that take a suppression out: the annotation entry, or the comment (its whole line when
 * the comment is alone on it). Undefined when the text at the range is not the suppression.
 */
export function removeSuppression(suppression: Suppression, text: string): TextEdit[] | undefined {
  if (suppression.scope.kind === 'object') return new YamlEditor(suppression.scope.object).remove(['metadata', 'annotations', suppression.form]);
  const { range } = suppression;
  const lines = linesOf(text);
  const line = lines[range.start.line];
  if (line === undefined || range.end.line !== range.start.line) return undefined;
  const before = line.slice(0, range.start.character);
  const after = line.slice(range.end.character);
  if (before.trim() === '' && after.trim() === '') {
    const next = range.start.line + 1 < lines.length ? { line: range.start.line + 1, character: 0 } : { line: range.start.line, character: line.length };
    return [{ range: { start: { line: range.start.line, character: 0 }, end: next }, newText: '' }];
  }
  const start = before.trimEnd().length;
  return [{ range: { start: { line: range.start.line, character: start }, end: range.end }, newText: '' }];
}

/**
 * The edit that takes one rule id out of a suppression comment's list (`a, b -- reason` becomes
 * `b -- reason`): the span from the first id to the last is written again without it. Undefined
 * when the id is not in the list, or is its only id (the whole comment goes then).
 */
export function removeRuleId(suppression: Suppression, text: string, ruleId: string): TextEdit | undefined {
  const { range } = suppression;
  const line = linesOf(text)[range.start.line];
  if (line === undefined || range.end.line !== range.start.line) return undefined;
  const comment = line.slice(range.start.character, range.end.character);
  const listStart = comment.indexOf(suppression.form) + suppression.form.length;
  const listEnd = comment.includes('--') ? comment.indexOf('--') : comment.length;
  if (listStart < suppression.form.length || listEnd < listStart) return undefined;
  const ids = [...comment.slice(listStart, listEnd).matchAll(/[^\s,]+/g)].map((match) => ({ id: match[0], start: listStart + match.index, end: listStart + match.index + match[0].length }));
  const kept = ids.filter(({ id }) => id !== ruleId);
  if (kept.length === ids.length || kept.length === 0) return undefined;
  const from = range.start.character + ids[0].start;
  const to = range.start.character + ids[ids.length - 1].end;
  return { range: { start: { line: range.start.line, character: from }, end: { line: range.start.line, character: to } }, newText: kept.map(({ id }) => id).join(', ') };
}
