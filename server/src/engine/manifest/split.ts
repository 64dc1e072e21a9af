/** A slice of a YAML stream that starts at a line start and holds one document (or a few, with `...`). */
export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the whole text. */
  offset: number;
  /** Zero-based line of the chunk's first character in the whole text. */
  line: number;
}

// A "---" marker at column 0 followed by whitespace or the line end always starts a new document,
// even inside a block scalar or a quoted string, so splitting here never cuts a YAML node in two.
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Splits a YAML stream at its document start markers so that each document can be parsed (and
 * cached) on its own: an edit in one document of a large file leaves the others untouched.
 */
export function splitDocuments(text: string): Chunk[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(DOCUMENT_START)) {
    // The `m` flag's `^` also matches after U+2028 and U+2029, which end no line for YAML 1.2 or
    // LSP; column 0 is after "\n" only (parseManifest has made each lone "\r" one).
    if (match.index > 0 && text.charCodeAt(match.index - 1) === 10) cuts.push(match.index);
  }
  const chunks: Chunk[] = [];
  let start = 0;
  let line = 0;
  for (const cut of [...cuts, text.length]) {
    const chunkText = text.slice(start, cut);
    chunks.push({ text: chunkText, offset: start, line });
    line += countNewlines(chunkText);
    start = cut;
  }
  return chunks;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
