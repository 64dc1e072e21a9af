import type { Position } from './range';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Maps string offsets to line/character positions under LSP's line rules: `\n`, `\r\n` and a lone
 * `\r` each end a line, and a position never lies inside a line end. Clients apply our ranges with
 * these rules, so they are the only ones that put a range where the engine meant it.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    if (!hasLoneCarriageReturn(text)) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      if (code === CARRIAGE_RETURN || code === LINE_FEED) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets outside the text are clamped to it, one inside `\r\n` ends its line. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.contentEnd(low)) - starts[low] };
  }

  /**
   * The offset of a position: a character past its line's end is its line's end, a line past the
   * last is the text's end. `textLength`, the indexed text's length, is no longer needed.
   */
  offsetAt(position: Position, _textLength?: number): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.contentEnd(position.line));
  }

  /** Where a line's text ends, before its line end. */
  private contentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    const start = this.lineStarts[line];
    while (end > start && isLineEnd(this.text.charCodeAt(end - 1))) end--;
    return end;
  }
}

function isLineEnd(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LINE_FEED) return true;
  }
  return false;
}

/**
 * The text with each lone `\r` replaced by `\n`, at the same offsets. YAML (1.2, §5.4) and go-yaml,
 * which kubectl uses, end a line at a lone `\r`; the `yaml` package does not (eemeli/yaml#595, closed
 * as won't fix) and would read a whole file of them as one line.
 */
export function withLoneCarriageReturnsAsLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The lines of a text without their line ends, under LSP's line rules (see LineIndex). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
