import type { ManifestDocument } from '../manifest/document';
import type { KubeObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Position, SourceRange } from '../text/range';
import { flowSpotAt } from './flow-spot';

/**
 * Where a completion is asked for: the object, the path being typed and whether it is a key or a
 * value. It is read from the lines of the document's source, by indentation, because while someone
 * types the YAML has no node there yet (`app: ` has a null value, `matchLabels:\n  ap` makes "ap" the
 * value of matchLabels, an empty line has nothing at all). Block style is understood, and flow
 * collections that open and close on the cursor's line (`matchLabels: {app: web}`).
 */
export interface CompletionSite {
  object: KubeObject;
  /**
   * Relative to the object. At a key: the path of the map the key is typed in. At a value: the
   * path of the value (ending with the map key, or with the index of a sequence item).
   */
  path: ObjectPath;
  part: 'key' | 'value';
  /** The word under the cursor, without its quotes, and its range (inside the quotes). */
  word?: { text: string; range: SourceRange; quoted: boolean };
  /** At a key: whether the colon after it is already written. */
  colonWritten: boolean;
  /** What an inserted value needs before it: a space, after a colon typed without one. */
  prefix?: string;
}

type Step = string | number;

/** One structural piece of a line: a sequence dash, a `key:`, or a scalar (a half-typed key, an item). */
type Token = { kind: 'dash'; column: number } | { kind: 'key'; column: number; key: string; keyEnd: number; valueColumn: number } | { kind: 'scalar'; column: number };

/**
 * The site at `position`, in an object `accepts` takes: other documents are not read at all (a
 * CustomResourceDefinition of ten thousand lines costs nothing when only policies are completed).
 */
export function completionSiteAt(file: ManifestFile, position: Position, accepts: (object: KubeObject) => boolean = () => true): CompletionSite | undefined {
  const document = documentAtLine(file, position.line);
  if (!document || !file.objects.some((object) => object.document === document && accepts(object))) return undefined;
  const lines = new SourceLines(document);
  const index = position.line - document.placement.line;
  const line = lines.at(index);
  if (line === undefined || isDocumentMarker(line)) return undefined;
  const character = Math.min(position.character, line.length);
  if (/(^|\s)#/.test(line.slice(0, character))) return undefined;

  const spot = spotOnLine(lines, index, character);
  if (!spot?.path) return undefined;
  const object = objectAt(file, document, spot.path);
  if (!object || !accepts(object)) return undefined;
  const word = wordAt(line, character, spot.wordFrom);
  const typedFrom = word ? word.start - (word.quoted ? 1 : 0) : character;
  // Something already typed before the word (`tier: backend |`): the value is written, nothing to complete.
  if (line.slice(spot.wordFrom, typedFrom).trim() !== '') return undefined;
  return {
    object,
    path: spot.path.slice(object.basePath.length),
    part: spot.part,
    ...(word ? { word: { ...word, range: { start: { line: position.line, character: word.start }, end: { line: position.line, character: word.end } } } } : {}),
    colonWritten: spot.colonWritten,
    ...(spot.part === 'value' && line[typedFrom - 1] === ':' ? { prefix: ' ' } : {}),
  };
}

interface Spot {
  path: Step[] | undefined;
  part: 'key' | 'value';
  /** The column before which the word under the cursor cannot start. */
  wordFrom: number;
  colonWritten: boolean;
}

function spotOnLine(lines: SourceLines, index: number, character: number): Spot | undefined {
  const line = lines.at(index) ?? '';
  const tokens = tokensOf(line);
  const content = tokens[tokens.length - 1];
  const dash = tokens.filter((token) => token.kind === 'dash').pop();
  if (!content || (content.kind === 'dash' && character > content.column)) {
    // An empty line is a key of the map at the cursor's column; "- " alone is an item being typed.
    if (dash) return { path: itemPath(lines, index, dash.column), part: 'value', wordFrom: character, colonWritten: false };
    return { path: containerPath(lines, index, character), part: 'key', wordFrom: character, colonWritten: false };
  }
  if (character < content.column) return undefined;
  if (content.kind === 'scalar') {
    // After a dash, a scalar is a sequence item; alone on its line, a key whose colon is not typed yet.
    if (!dash) return { path: containerPath(lines, index, content.column), part: 'key', wordFrom: content.column, colonWritten: false };
    const item = itemPath(lines, index, dash.column);
    if (isFlowStart(line[content.column])) return inFlow(line, content.column, character, item);
    return { path: item, part: 'value', wordFrom: content.column, colonWritten: false };
  }
  if (content.kind !== 'key') return undefined;
  if (character <= content.keyEnd) return { path: containerPath(lines, index, content.column), part: 'key', wordFrom: content.column, colonWritten: true };
  const entry = containerPath(lines, index, content.column);
  const valuePath = entry && [...entry, content.key];
  if (isFlowStart(line[content.valueColumn])) return inFlow(line, content.valueColumn, character, valuePath);
  if (/^[|>&*!]/.test(line.slice(content.valueColumn))) return undefined;
  return { path: valuePath, part: 'value', wordFrom: content.valueColumn, colonWritten: false };
}

function isFlowStart(character: string | undefined): boolean {
  return character === '{' || character === '[';
}

/** A spot inside a one-line flow collection that is the value at `base`. */
function inFlow(line: string, open: number, character: number, base: Step[] | undefined): Spot | undefined {
  const flow = flowSpotAt(line, open, character);
  if (!flow || !base) return undefined;
  return { path: [...base, ...flow.steps], part: flow.part, wordFrom: flow.entryStart, colonWritten: flow.colonWritten };
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]][^#]*?)[ \t]*:(?:[ \t]+|$)/;

function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  let column = line.search(/\S/);
  if (column === -1 || line[column] === '#') return tokens;
  while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ' || line[column + 1] === '\t')) {
    tokens.push({ kind: 'dash', column });
    column++;
    while (line[column] === ' ' || line[column] === '\t') column++;
  }
  if (column >= line.length || line[column] === '#') return tokens;
  const key = KEY.exec(line.slice(column));
  if (key) {
    const keyEnd = column + key[1].length;
    tokens.push({ kind: 'key', column, key: unquote(key[1]), keyEnd, valueColumn: column + key[0].length });
  } else {
    tokens.push({ kind: 'scalar', column });
  }
  return tokens;
}

/**
 * The path (from the document root) of the collection holding the entry that starts at `column`
 * of line `index`: the nearest token to the left of that column, on this line or above, holds it.
 */
function containerPath(lines: SourceLines, index: number, column: number): Step[] | undefined {
  for (let at = index; at >= 0; at--) {
    const text = lines.at(at) ?? '';
    if (isDocumentMarker(text)) return [];
    const holder = tokensOf(text)
      .filter((token) => token.column < column)
      .pop();
    if (!holder) continue;
    if (holder.kind === 'scalar') return undefined;
    if (holder.kind === 'dash') return itemPath(lines, at, holder.column);
    const above = containerPath(lines, at, holder.column);
    return above && [...above, holder.key];
  }
  return [];
}

/**
 * The path of the sequence item whose dash is at `column` of line `index`: the sequence's path and
 * the item's index (the dashes at that column above it). A sequence may sit at its key's column.
 */
function itemPath(lines: SourceLines, index: number, column: number): Step[] | undefined {
  let items = 0;
  for (let at = index; at >= 0; at--) {
    const text = lines.at(at) ?? '';
    if (isDocumentMarker(text)) break;
    const tokens = tokensOf(text).filter((token) => token.column <= column);
    for (const token of tokens.reverse()) {
      if (token.kind === 'dash' && token.column === column) {
        items++;
        continue;
      }
      if (token.kind === 'scalar') return undefined;
      if (token.kind === 'dash') {
        const above = itemPath(lines, at, token.column);
        return above && [...above, items - 1];
      }
      const above = containerPath(lines, at, token.column);
      return above && [...above, token.key, items - 1];
    }
  }
  return [items - 1];
}

/** The lines of a document's chunk, read on demand: the walk up from the cursor reads a few of them. */
class SourceLines {
  private readonly read = new Map<number, string>();

  constructor(private readonly document: ManifestDocument) {}

  /** Line `index` of the chunk without its line break, or undefined past the end. */
  at(index: number): string | undefined {
    const { text, lines } = this.document.parsedChunk;
    if (index < 0 || index >= lines.lineCount) return undefined;
    let line = this.read.get(index);
    if (line === undefined) {
      const start = lines.offsetAt({ line: index, character: 0 }, text.length);
      const end = text.indexOf('\n', start);
      line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
      this.read.set(index, line);
    }
    return line;
  }
}

function isDocumentMarker(line: string): boolean {
  return /^(?:---|\.\.\.)(?:\s|$)/.test(line);
}

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}

/** The run of characters a label, port or name is made of around `character`, not left of `from`. */
function wordAt(line: string, character: number, from: number): { text: string; start: number; end: number; quoted: boolean } | undefined {
  const isWordCharacter = (c: string | undefined) => c !== undefined && !/[\s,[\]{}:#]/.test(c);
  let start = character;
  while (start > from && isWordCharacter(line[start - 1])) start--;
  let end = character;
  while (isWordCharacter(line[end])) end++;
  const quote = line[start] === '"' || line[start] === "'" ? line[start] : undefined;
  if (quote) {
    start++;
    if (end > start && line[end - 1] === quote) end--;
  }
  if (end <= start) return quote ? { text: '', start, end: start, quoted: true } : undefined;
  return { text: line.slice(start, end), start, end, quoted: quote !== undefined };
}

function documentAtLine(file: ManifestFile, line: number): ManifestDocument | undefined {
  let found: ManifestDocument | undefined;
  for (const document of file.documents) {
    if (document.placement.line > line) break;
    const range = document.yaml.range;
    // Documents of one chunk (split by `...`) share its placement: take the last that starts before the line.
    if (found && found.placement === document.placement && range && document.rangeAt(range[0], range[0]).start.line > line) continue;
    found = document;
  }
  if (!found || line - found.placement.line >= found.parsedChunk.lines.lineCount) return undefined;
  return found;
}

function objectAt(file: ManifestFile, document: ManifestDocument, path: readonly Step[]): KubeObject | undefined {
  return file.objects
    .filter((object) => object.document === document && object.basePath.every((step, index) => path[index] === step))
    .sort((a, b) => b.basePath.length - a.basePath.length)[0];
}
