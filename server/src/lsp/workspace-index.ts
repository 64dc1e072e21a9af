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

  constructor(
    private readonly isExcluded: (uri: string) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /** Reads every *.yaml, *.yml and *.json below the folders (skipping node_modules, .git, exclusions). */
  async scan(folders: readonly string[]): Promise<void> {
    const started = Date.now();
    const { files, errors } = await collectManifestFiles(folders);
    for (const error of errors) this.log(`Indexing: ${error}`);
    let count = 0;
    for (const path of files) {
      if (await this.readFromDisk(pathToFileURL(path).href)) count++;
      // Parsing a large workspace takes seconds: let requests and edits through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.log(`Indexed ${count} manifest files of ${files.length} candidates in ${Date.now() - started} ms (${(this.indexedBytes / 1024 / 1024).toFixed(1)} MB).`);
  }

  /** (Re)reads a file after a watcher event; returns whether it is part of the workspace now (objects, or a kustomization). */
  async readFromDisk(uri: string): Promise<boolean> {
    this.forgetDisk(uri);
    if (!uri.startsWith('file://') || this.isExcluded(uri)) return false;
    const path = fileURLToPath(uri);
    let text: string;
    try {
      const { size, isFile } = await stat(path).then((info) => ({ size: info.size, isFile: info.isFile() }));
      if (!isFile || size > MAX_INDEXED_FILE_BYTES) return false;
      if (this.indexedBytes + size > MAX_INDEXED_TOTAL_BYTES) {
        if (!this.full) this.log(`Indexing stopped at ${MAX_INDEXED_TOTAL_BYTES / 1024 / 1024} MB of manifests; cross-file checks see only part of the workspace.`);
        this.full = true;
        return false;
      }
      text = await readFile(path, 'utf8');
    } catch {
      return false; // deleted meanwhile, or unreadable: it is simply not part of the workspace
    }
    // A kustomization holds no object, but says which files are patches rather than definitions.
    const kustomization = isKustomizationFile(uri);
    if (!kustomization && !MAY_HOLD_MANIFEST.test(text)) return false;
    const file = parseManifest(uri, text);
    if (file.objects.length === 0 && !kustomization) return false;
    this.onDisk.set(uri, { file, bytes: text.length });
    this.indexedBytes += text.length;
    return true;
  }

  forgetDisk(uri: string): void {
    const entry = this.onDisk.get(uri);
    if (!entry) return;
    this.onDisk.delete(uri);
    this.indexedBytes -= entry.bytes;
  }

  setOpen(file: ManifestFile): void {
    this.open.set(file.uri, file);
  }

  closeOpen(uri: string): void {
    this.open.delete(uri);
  }

  /** The current files, an open document replacing its file on disk, in the order kubectl applies a folder in. */
  files(): ManifestFile[] {
    const byUri = new Map<string, ManifestFile>();
    for (const [uri, { file }] of this.onDisk) byUri.set(uri, file);
    for (const [uri, file] of this.open) byUri.set(uri, file);
    return [...byUri.keys()].sort(compareApplyOrder).map((uri) => byUri.get(uri)!);
  }
}
