import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How CI reports name files: relative to a base folder (`--base-uri`, a path or a `file:` URL; default the current folder). */
export class ReportPaths {
  /** The base folder, absolute. */
  readonly baseDir: string;

  constructor(base: string = process.cwd()) {
    this.baseDir = resolve(base.startsWith('file:') ? fileURLToPath(base) : base);
  }

  /** The base as a file URL ending in `/`, as SARIF's `originalUriBaseIds` wants it. */
  get baseUri(): string {
    const href = pathToFileURL(this.baseDir).href;
    return href.endsWith('/') ? href : `${href}/`;
  }

  /**
   * A file as found by the CLI (relative to the current folder, or absolute), relative to the base
   * with `/` separators; undefined for standard input and for files outside the base.
   */
  relativePath(file: string): string | undefined {
    if (file === STDIN) return undefined;
    const path = relative(this.baseDir, resolve(file));
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
    return path.split(sep).join('/');
  }

  isStdin(file: string): boolean {
    return file === STDIN;
  }

  /** A file's absolute file URL. */
  fileUrl(file: string): string {
    return pathToFileURL(resolve(file)).href;
  }

  /** What a report prints for a file: its path relative to the base, else as given. */
  displayPath(file: string): string {
    return this.relativePath(file) ?? file;
  }
}

/** The name the CLI gives standard input. */
export const STDIN = '<stdin>';
