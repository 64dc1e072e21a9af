import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseManifest, type ManifestFile } from '../engine';
import { isKustomizationFile } from '../engine/model/kustomize-patches';
import { compareApplyOrder } from '../files/apply-order';
import { collectManifestFiles } from '../files/collect-files';

/** Files larger than this are not indexed from disk (an open document is always checked). */
export const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;
/** Beyond this much text the index stops growing: parsed YAML takes about ten times its size in memory. */
export const MAX_INDEXED_TOTAL_BYTES = 64 * 1024 * 1024;

/** Files read from disk at once while indexing (their reads overlap; their parses do not). */
const READ_BATCH = 32;
/** Parsing runs this long at most before letting edits and requests through. */
const SLICE_MS = 15;

// A manifest names its kind; files without the word are not worth parsing (package.json, values files).
const MAY_HOLD_MANIFEST = /\bkind\b/;

/**
 * Every manifest of the workspace folders, parsed: files on disk, overridden by the open documents'
 * current text. Kept up to date from file-watcher events; an update parses only the file concerned.
 */
export class WorkspaceIndex {
  private readonly onDisk = new Map<string, { file: ManifestFile; bytes: number }>();
  private readonly open = new Map<string, ManifestFile>();
  private indexedBytes = 0;
  private full = false;
  private disposed = false;
  private scanned = false;
  /** The URIs of `files()` in apply order, until a file comes or goes. */
  private sorted: string[] | undefined;
  /** Whether the scan of the folders has finished: until then cross-file rules would judge part of the workspace. */
  complete = false;

  constructor(
    private readonly isExcluded: (uri: string) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Reads every *.yaml, *.yml and *.json below the folders (skipping node_modules, .git, exclusions),
   * in the background: files are read a batch at a time and parsed in slices that yield to the event
   * loop, so edits and requests are answered while a large workspace is indexed. Returns false when
   * the index was disposed meanwhile (a newer one replaced it): it then stops and logs nothing.
   */
  async scan(folders: readonly string[]): Promise<boolean> {
    if (this.scanned) return false;
    this.scanned = true;
    const started = Date.now();
    const { files, errors } = await collectManifestFiles(folders);
    if (this.disposed) return false;
    for (const error of errors) this.log(`Indexing: ${error}`);
    let count = 0;
    let slice = Date.now();
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const uris = files.slice(start, start + READ_BATCH).map((path) => pathToFileURL(path).href);
      const texts = await Promise.all(uris.map((uri) => this.readCandidate(uri)));
      for (const [position, uri] of uris.entries()) {
        if (this.disposed) return false;
        const text = texts[position];
        if (text !== undefined && this.add(uri, text)) count++;
        if (Date.now() - slice >= SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = Date.now();
        }
      }
    }
    if (this.disposed) return false;
    this.complete = true;
    this.log(`Indexed ${count} manifest files of ${files.length} candidates in ${Date.now() - started} ms (${(this.indexedBytes / 1024 / 1024).toFixed(1)} MB).`);
    return true;
  }

  /** Stops a scan in progress: this index has been replaced. */
  dispose(): void {
    this.disposed = true;
  }

  /** (Re)reads a file after a watcher event; returns whether it is part of the workspace now (objects, or a kustomization). */
  async readFromDisk(uri: string): Promise<boolean> {
    this.forgetDisk(uri);
    const text = await this.readCandidate(uri);
    return text !== undefined && this.add(uri, text);
  }

  /** The text of a file the index may hold: a local file, not excluded, not too large; undefined otherwise. */
  private async readCandidate(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file://') || this.isExcluded(uri)) return undefined;
    try {
      const path = fileURLToPath(uri);
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_INDEXED_FILE_BYTES) return undefined;
      return await readFile(path, 'utf8');
    } catch {
      return undefined; // deleted meanwhile, unreadable, or a URI that names no local path: not part of the workspace
    }
  }

  /** Parses and keeps a file's text, within the index's size budget; returns whether it holds manifests. */
  private add(uri: string, text: string): boolean {
    this.forgetDisk(uri);
    if (this.indexedBytes + text.length > MAX_INDEXED_TOTAL_BYTES) {
      if (!this.full) this.log(`Indexing stopped at ${MAX_INDEXED_TOTAL_BYTES / 1024 / 1024} MB of manifests; cross-file checks see only part of the workspace.`);
      this.full = true;
      return false;
    }
    // A kustomization holds no object, but says which files are patches rather than definitions.
    const kustomization = isKustomizationFile(uri);
    if (!kustomization && !MAY_HOLD_MANIFEST.test(text)) return false;
    const file = parseManifest(uri, text);
    if (file.objects.length === 0 && !kustomization) return false;
    this.onDisk.set(uri, { file, bytes: text.length });
    this.indexedBytes += text.length;
    this.sorted = undefined;
    return true;
  }

  forgetDisk(uri: string): void {
    const entry = this.onDisk.get(uri);
    if (!entry) return;
    this.onDisk.delete(uri);
    this.indexedBytes -= entry.bytes;
    this.sorted = undefined;
  }

  setOpen(file: ManifestFile): void {
    if (!this.open.has(file.uri)) this.sorted = undefined;
    this.open.set(file.uri, file);
  }

  closeOpen(uri: string): void {
    if (this.open.delete(uri)) this.sorted = undefined;
  }

  /** The open documents alone, in apply order: what there is to check while the index is incomplete. */
  openFiles(): ManifestFile[] {
    return [...this.open.keys()].sort(compareApplyOrder).map((uri) => this.open.get(uri)!);
  }

  /** The current files, an open document replacing its file on disk, in the order kubectl applies a folder in. */
  files(): ManifestFile[] {
    // Sorting thousands of paths on every keystroke costs more than the edit: the order changes only when a file comes or goes.
    this.sorted ??= [...new Set([...this.onDisk.keys(), ...this.open.keys()])].sort(compareApplyOrder);
    return this.sorted.map((uri) => this.open.get(uri) ?? this.onDisk.get(uri)!.file);
  }
}
