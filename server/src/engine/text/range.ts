/** A zero-based position; `character` counts UTF-16 code units, as LSP and JavaScript strings do. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open source range [start, end). */
export interface SourceRange {
  start: Position;
  end: Position;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareRanges(a: SourceRange, b: SourceRange): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}
