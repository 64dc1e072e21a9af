/** Where a progress line is drawn: standard error, when it is a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Below this many files a run is over before a progress line could be read. */
export const PROGRESS_MIN_FILES = 50;

/**
 * `kube-netsec: checking 120/497 files`, rewritten in place (`\r`) as files are done and erased at
 * the end. Drawn only on a terminal and for many files: a pipe or a CI log would keep every frame.
 */
export class ProgressLine {
  private shown = '';

  constructor(private readonly stream: ProgressStream | undefined) {}

  /** Shows `done` of `total` for the phase `verb` ("reading", "checking"). */
  update(verb: string, done: number, total: number): void {
    if (this.stream?.isTTY !== true || total < PROGRESS_MIN_FILES) return;
    const text = `kube-netsec: ${verb} ${done}/${total} files`;
    if (text === this.shown) return;
    // Padding covers the end of a longer previous line.
    this.stream.write(`\r${text.padEnd(this.shown.length)}`);
    this.shown = text;
  }

  /** Erases the line (before anything else is written to the stream, and at the end). */
  clear(): void {
    if (this.shown === '') return;
    this.stream?.write(`\r${' '.repeat(this.shown.length)}\r`);
    this.shown = '';
  }
}
