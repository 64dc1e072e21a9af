import { fileURLToPath } from 'node:url';

/**
 * The local file a document URI names, or undefined for every other document: another scheme
 * (`untitled:`, `git:`), a remote `file://host/...` form, or a file URL Node cannot turn into a
 * path (a malformed percent escape, an encoded `/`, an encoded NUL). Those are in-memory documents: checked as
 * sent, with no configuration file or folder on disk to look up.
 */
export function localPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  // `%00` decodes to a character no file name can hold: the file system would refuse the path.
  return path.includes('\0') ? undefined : path;
}

/** Whether a document URI names a file on this machine (see `localPathOf`). */
export function isLocalFileUri(uri: string): boolean {
  return localPathOf(uri) !== undefined;
}

/**
 * Whether a new file can be placed beside the document: a local file, or a hierarchical URI of a
 * virtual file system (`vscode-vfs://github/org/repo/a.yaml`). `untitled:Untitled-1` and a file URL
 * with no local path have no folder.
 */
export function hasFolder(uri: string): boolean {
  if (uri.startsWith('file:')) return isLocalFileUri(uri);
  return /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/./i.test(uri);
}
