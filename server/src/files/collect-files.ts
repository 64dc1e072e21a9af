import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface CollectedFiles {
  files: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  errors: string[];
}

/**
 * The manifest files under the given paths: folders are searched recursively for *.yaml, *.yml
 * and *.json (skipping node_modules and .git); a file named explicitly is taken whatever its name.
 */
export async function collectManifestFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const result: CollectedFiles = { files: [], errors: [] };
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path, result);
      else result.files.push(path);
    } catch (error) {
      result.errors.push(`${path}: ${describeFsError(error)}`);
    }
  }
  return result;
}

async function walk(directory: string, result: CollectedFiles): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    result.errors.push(`${directory}: ${describeFsError(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, result);
    } else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) {
      result.files.push(path);
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
