import type { Document, Node } from 'yaml';
import { LineIndex } from '../text/line-index';
import type { SourceRange } from '../text/range';
import type { Chunk } from './split';
import type { ToleratedProblem } from './tolerated-problem';
import { followPath, type ObjectPath } from './yaml-path';

/** Which part of a map entry a range covers: `key`, `value`, or `pair` (key start to value end). */
export type RangePart = 'key' | 'value' | 'pair';

/** One parsed YAML document with everything that does not depend on where it sits in its file. */
export interface ParsedDocument {
  yaml: Document.Parsed;
  /** The document as plain data, or undefined when it could not be converted (see `valueError`). */
  value: unknown;
  /** Why the document could not be converted, and the offset to report it at. */
  valueError?: { message: string; offset: number };
  /** The document is a Helm/Go template, not a manifest: it is skipped. */
  isTemplate: boolean;
  /** The document's text suggests a Kubernetes manifest (an `apiVersion` or `kind` key). */
  looksLikeKubernetes: boolean;
  /** YAML problems kubectl reads past: the document was read as kubectl reads it (none for templates). */
  tolerated?: readonly ToleratedProblem[];
}

/** A parsed chunk of a file: its documents and line table, reusable wherever the chunk moves. */
export interface ParsedChunk {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
}

/** A YAML document placed in its file, mapping its nodes to file positions. */
export class ManifestDocument {
  constructor(
    /** The file the document is in (its URI in the editor, its path in the CLI). */
    readonly uri: string,
    readonly parsed: ParsedDocument,
    private readonly chunk: ParsedChunk,
    /** Where the document's chunk sits in the file; documents of one chunk share it. */
    readonly placement: Chunk,
  ) {}

  /** The parsed chunk the document came from, for caches that re-parse an edited file. */
  get parsedChunk(): ParsedChunk {
    return this.chunk;
  }

  get yaml(): Document.Parsed {
    return this.parsed.yaml;
  }

  /** The chunk text this document was parsed from (node offsets are relative to it). */
  get source(): string {
    return this.chunk.text;
  }

  /** Converts offsets relative to the document's chunk into a file range. */
  rangeAt(start: number, end: number): SourceRange {
    const from = this.chunk.lines.positionAt(start);
    const to = this.chunk.lines.positionAt(Math.max(start, end));
    return {
      start: { line: from.line + this.placement.line, character: from.character },
      end: { line: to.line + this.placement.line, character: to.character },
    };
  }

  rangeOfNode(node: Node): SourceRange | undefined {
    return node.range ? this.contentRange(node.range[0], node.range[1]) : undefined;
  }

  /**
   * A node's range without the line breaks and spaces that block collections and block scalars
   * carry at their end, so a multi-line value ends on its last character, not at the next line.
   */
  private contentRange(start: number, end: number): SourceRange {
    const source = this.chunk.text;
    let trimmed = end;
    while (trimmed > start && /\s/.test(source[trimmed - 1])) trimmed--;
    return this.rangeAt(start, trimmed);
  }

  /**
   * The range of `path` (from the document root). When the path does not exist in full, the range
   * of its deepest existing step; undefined only when not even the first step exists.
   */
  locate(path: ObjectPath, part: RangePart = 'pair'): SourceRange | undefined {
    const target = followPath(this.yaml, this.yaml.contents, path);
    if (target.depth === 0) return undefined;
    const { pair, node } = target;
    const key = pair?.key;
    if (part === 'key' && key?.range) return this.contentRange(key.range[0], key.range[1]);
    if (part === 'value' && node?.range) return this.contentRange(node.range[0], node.range[1]);
    if (key?.range) {
      const end = node?.range ? node.range[1] : key.range[1];
      return this.contentRange(key.range[0], end);
    }
    return node ? this.rangeOfNode(node) : undefined;
  }
}
