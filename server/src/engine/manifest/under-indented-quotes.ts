import { isCollection, isScalar, parseAllDocuments, parseDocument, Scalar, visit, type Document } from 'yaml';
import type { UnderIndentedContinuation } from './tolerated-problem';
import { PARSE_OPTIONS } from './yaml-options';

/*
 * Multi-line quoted strings whose continuation lines are indented no more than their parent:
 *
 *     annotations:
 *       description: "first line
 *     continued"
 *
 * The YAML spec wants continuation lines of a flow scalar indented more than the block they are in,
 * and the `yaml` package cuts the string at the first line that is not ("Missing closing quote",
 * lines away from the cause). go-yaml, whose scanner kubectl uses, checks no indentation inside
 * quotes: the string runs to its closing quote, only a `---` or `...` line or the end of the stream
 * stops it. To read such a document as kubectl does, the line breaks inside the string are swapped
 * for spaces in a copy of the text, which keeps every offset (so ranges still point into the
 * original), and the string's value is then read from the original text.
 */

/** A chunk's documents with its under-indented quoted strings read as go-yaml reads them. */
export interface QuoteRepair {
  documents: Document.Parsed[];
  problems: UnderIndentedContinuation[];
}

// Each repair parses the chunk again; a chunk with more broken strings than this keeps its errors.
const MAX_REPAIRS = 16;

/** The documents of `text` read with under-indented quoted strings accepted, or undefined if there are none. */
export function repairUnderIndentedQuotes(text: string, documents: Document.Parsed[]): QuoteRepair | undefined {
  if (!documents.some(hasCutQuote)) return undefined;
  let current = documents;
  let repaired = text;
  const problems: UnderIndentedContinuation[] = [];
  const values = new Map<number, string>();
  const tried = new Set<number>();
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const open = cutQuoteOffsets(current).find((offset) => !tried.has(offset));
    if (open === undefined) break;
    tried.add(open);
    const attempt = repairAt(text, repaired, open);
    if (!attempt) continue;
    ({ text: repaired, documents: current } = attempt);
    problems.push(attempt.problem);
    values.set(open, attempt.value);
  }
  if (problems.length === 0) return undefined;
  restoreValues(current, values);
  return { documents: current, problems };
}

function hasCutQuote(document: Document.Parsed): boolean {
  return document.errors.some((error) => error.code === 'MISSING_CHAR' && /quote/.test(error.message));
}

/** Where the quoted strings open that the `yaml` package ended early (at a "Missing closing quote"). */
function cutQuoteOffsets(documents: Document.Parsed[]): number[] {
  const offsets: number[] = [];
  for (const document of documents) {
    const cutEnds = new Set(document.errors.filter((error) => error.code === 'MISSING_CHAR').map((error) => error.pos[0]));
    if (cutEnds.size === 0) continue;
    visit(document, {
      Scalar(_key, node) {
        if (isQuoted(node) && node.range && cutEnds.has(node.range[1])) offsets.push(node.range[0]);
      },
    });
  }
  return offsets.sort((a, b) => a - b);
}

function isQuoted(node: Scalar): boolean {
  return node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
}

interface Attempt {
  text: string;
  documents: Document.Parsed[];
  problem: UnderIndentedContinuation;
  /** The string's value as go-yaml reads it. */
  value: string;
}

/** Accepts the string opening at `open` as go-yaml reads it, if that leaves its lines free of errors. */
function repairAt(original: string, text: string, open: number): Attempt | undefined {
  const close = closingQuote(text, open);
  if (close === -1) return undefined;
  const candidate = text.slice(0, open) + text.slice(open, close).replace(/[\r\n]/g, ' ') + text.slice(close);
  const documents = parseAllDocuments(candidate, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return undefined;
  const place = placeOf(candidate, documents, open);
  if (!place || place.end !== close + 1) return undefined;
  // A string that only closes at some later key's quote is a missing quote, not an indentation slip:
  // the rest of that line then fails to parse, and the original error is the better one.
  const firstLine = lineStart(text, open);
  const lastLine = lineEnd(text, close);
  if (documents.some((document) => document.errors.some((error) => error.pos[0] >= firstLine && error.pos[0] <= lastLine))) return undefined;
  const problem = underIndentedLine(original, open, close, place.parentColumn + 1, place.parent);
  const value = readQuoted(original, open, close);
  if (!problem || value === undefined) return undefined;
  return { text: candidate, documents, problem, value };
}

/**
 * The closing quote of the string opening at `open`, scanning as go-yaml does: escapes (`\"`, `''`)
 * do not close it, a document marker at a line start or the end of the text means it never closes.
 */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(i + 1, i + 5))) return -1;
    if (quote === '"' && ch === '\\') i++;
    else if (quote === "'" && ch === "'" && text[i + 1] === "'") i++;
    else if (ch === quote) return i;
  }
  return -1;
}

interface Place {
  /** Where the string node ends. */
  end: number;
  /** The column of the block map or sequence holding it: continuation lines must go deeper. */
  parentColumn: number;
  parent: 'key' | 'dash';
}

/** The string node at `open`, when it is a value or an item of a block collection (not a key). */
function placeOf(text: string, documents: Document.Parsed[], open: number): Place | undefined {
  let place: Place | undefined;
  for (const document of documents) {
    visit(document, (key, node, path) => {
      if (!isScalar(node) || !node.range || node.range[0] !== open) return undefined;
      const parent = [...path].reverse().find(isCollection);
      if (key !== 'key' && parent && !parent.flow && parent.range) {
        place = { end: node.range[1], parentColumn: parent.range[0] - lineStart(text, parent.range[0]), parent: typeof key === 'number' ? 'dash' : 'key' };
      }
      return visit.BREAK;
    });
    if (place) break;
  }
  return place;
}

/** The first line of the string, after its opening line, that YAML does not accept as a continuation. */
function underIndentedLine(text: string, open: number, close: number, requiredIndent: number, parent: Place['parent']): UnderIndentedContinuation | undefined {
  for (let newline = text.indexOf('\n', open); newline !== -1 && newline < close; newline = text.indexOf('\n', newline + 1)) {
    const start = newline + 1;
    const indent = /^ */.exec(text.slice(start, start + requiredIndent))![0].length;
    const blanks = /^[ \t]*/.exec(text.slice(start))![0].length;
    const content = start + blanks;
    // Blank lines are line breaks in the value and need no indentation.
    if (indent >= requiredIndent || content > close || /[\r\n]/.test(text[content] ?? '\n')) continue;
    const end = Math.min(lineEnd(text, content), close + 1);
    return { kind: 'under-indented-continuation', start: content, end, quoteOffset: open, parent, indent, requiredIndent, tabs: text.slice(start, content).includes('\t') };
  }
  return undefined;
}

/**
 * The value of the quoted string `text[open..close]`, read on its own: at the top of a document any
 * indentation is accepted, and the folding of line breaks is the spec's, which go-yaml follows too.
 */
function readQuoted(text: string, open: number, close: number): string | undefined {
  const document = parseDocument(text.slice(open, close + 1));
  return document.errors.length === 0 && isScalar(document.contents) && typeof document.contents.value === 'string' ? document.contents.value : undefined;
}

/** Puts the values read from the original text into the string nodes parsed from the repaired copy. */
function restoreValues(documents: Document.Parsed[], values: ReadonlyMap<number, string>): void {
  for (const document of documents) {
    visit(document, {
      Scalar(_key, node) {
        const value = node.range ? values.get(node.range[0]) : undefined;
        if (value !== undefined && isQuoted(node)) (node as Scalar.Parsed).value = (node as Scalar.Parsed).source = value;
      },
    });
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break ending the line at `offset` (or the text's end), before any `\r`. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
