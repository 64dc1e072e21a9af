import { readFileSync } from 'node:fs';

const BYTE_ORDER_MARK = '\uFEFF';

interface Entry {
  /** The file as read; undefined for a file a fix creates. */
  original?: string;
  bom: boolean;
  /** The current text, without the byte order mark. */
  text: string;
}

/** A file whose text differs from what is on disk: its new content, byte order mark restored. */
export interface ChangedFile {
  path: string;
  /** What is on disk; undefined when the file is new. */
  before?: string;
  after: string;
}

/**
 * The texts fixes work on, by path: as read at first, then as edited in memory. They are kept
 * without their byte order mark, since the engine's positions do not count it, and get it back
 * when written, so that every byte outside the edits is the file's own.
 */
export class ManifestTexts {
  private readonly entries = new Map<string, Entry>();
  /** Files outside the command's paths that a fix asked about, as on disk (null: none there). */
  private readonly outside = new Map<string, string | null>();

  add(path: string, content: string): void {
    const bom = content.startsWith(BYTE_ORDER_MARK);
    this.entries.set(path, { original: content, bom, text: bom ? content.slice(1) : content });
  }

  /** The files of the workspace: those read, then those fixes created. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The current text of a file. For a file outside the workspace it is read from disk, so that a
   * fix never creates a file that already exists.
   */
  textOf(path: string): string | undefined {
    const entry = this.entries.get(path);
    if (entry) return entry.text;
    if (!this.outside.has(path)) this.outside.set(path, readIfPresent(path));
    const content = this.outside.get(path);
    if (content === null || content === undefined) return undefined;
    return content.startsWith(BYTE_ORDER_MARK) ? content.slice(1) : content;
  }

  set(path: string, text: string): void {
    const entry = this.entries.get(path);
    if (entry) {
      entry.text = text;
      return;
    }
    const content = this.outside.get(path) ?? undefined;
    const bom = content?.startsWith(BYTE_ORDER_MARK) ?? false;
    this.entries.set(path, { original: content, bom, text });
  }

  changed(): ChangedFile[] {
    const changed: ChangedFile[] = [];
    for (const [path, entry] of this.entries) {
      const after = (entry.bom ? BYTE_ORDER_MARK : '') + entry.text;
      if (after !== entry.original) changed.push({ path, before: entry.original, after });
    }
    return changed;
  }
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
