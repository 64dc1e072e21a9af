import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, SourceRange, TextEdit } from '../../server/src/engine';

/**
 * The reference text model of the tests: `vscode-languageserver-textdocument` implements LSP's line
 * rules (`\n`, `\r\n` and a lone `\r` each end a line), as every client applies them to our ranges.
 */
export function lspDocument(text: string): TextDocument {
  return TextDocument.create('file:///reference.yaml', 'yaml', 1, text);
}

/** The length of a line without its line end, under LSP's rules. */
export function lineLength(document: TextDocument, line: number): number {
  return document.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - document.offsetAt({ line, character: 0 });
}

/** Why `range` is not inside the text under LSP's rules, or undefined when it is. */
export function rangeOutsideText(document: TextDocument, range: SourceRange): string | undefined {
  for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
    const problem = positionOutsideText(document, position);
    if (problem) return `${name} ${describe(position)} ${problem}`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${describe(start)} is after end ${describe(end)}`;
  return undefined;
}

function positionOutsideText(document: TextDocument, { line, character }: Position): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return 'is not a position';
  if (line >= document.lineCount) return `is past the last line (the text has ${document.lineCount})`;
  const length = lineLength(document, line);
  if (character > length) return `is past the end of its line (${length} characters)`;
  return undefined;
}

// 1-based, as editors show positions.
function describe({ line, character }: Position): string {
  return `${line + 1}:${character + 1}`;
}

/** Asserts that every range lies inside `text` under LSP's rules. */
export function assertInsideText(text: string, ranges: Iterable<{ range: SourceRange; label: string }>): void {
  const document = lspDocument(text);
  for (const { range, label } of ranges) {
    const problem = rangeOutsideText(document, range);
    assert.equal(problem, undefined, `${label}: ${problem} in ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)}`);
  }
}

/** The text of `range` as a client reads it. */
export function textAt(text: string, range: SourceRange): string {
  return lspDocument(text).getText(range);
}

/** `edits` applied as a client applies them. */
export function appliedByClient(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(lspDocument(text), [...edits]);
}
