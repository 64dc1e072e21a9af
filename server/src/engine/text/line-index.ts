import type { Position } from './range';

/**
 * Maps string offsets to line/character positions. Only "\n" starts a line, so a CRLF file keeps
 * the "\r" at the end of each line and columns stay those an editor shows.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  /** The offset of a position; a character past its line's end is clamped to the line's end. */
  offsetAt(position: Position, textLength: number): number {
    if (position.line >= this.lineStarts.length) return textLength;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : textLength + 1;
    return Math.min(start + Math.max(0, position.character), next - 1, textLength);
  }
}
