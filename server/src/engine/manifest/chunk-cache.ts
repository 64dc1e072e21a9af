import type { ParsedChunk } from './document';
import type { ManifestFile } from './manifest-file';
import { parseChunk } from './parse-chunk';

/**
 * Remembers the parsed chunks of one file's previous version: re-parsing after an edit reuses every
 * document whose text did not change. Holds only the chunks of the latest version.
 */
export class ChunkCache {
  private previous = new Map<string, ParsedChunk>();
  private current = new Map<string, ParsedChunk>();

  /** A cache holding the chunks of an already parsed file, so that parsing an edit of it is cheap. */
  static of(file: ManifestFile): ChunkCache {
    const cache = new ChunkCache();
    for (const document of file.documents) cache.previous.set(document.parsedChunk.text, document.parsedChunk);
    return cache;
  }

  /** The parsed chunk for `text`, reused from the previous version when identical. */
  parse(text: string): ParsedChunk {
    const chunk = this.current.get(text) ?? this.previous.get(text) ?? parseChunk(text);
    this.current.set(text, chunk);
    return chunk;
  }

  /** Call after parsing a whole version: forgets chunks that version did not use. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
