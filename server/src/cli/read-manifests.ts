import { readFile } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { noticesOf, parseManifest, type ManifestFile } from '../engine';
import { CONFIG_FILE_NAME } from '../engine/config/config-file';
import { isExcluded } from '../engine/config/exclude';
import { collectManifestFiles, describeFsError } from '../files/collect-files';
import type { CommandIO } from './command-io';
import type { LoadedConfig } from './load-config';
import { skippedDocumentsOf, skippedFileOf, type SkippedFile } from './skipped-content';

/** What the configuration says about which files to read. */
export interface Exclusion {
  /** Glob patterns, relative to `baseDir` (see `isExcluded`). */
  exclude: readonly string[];
  baseDir: string;
  /** The configuration file read (absolute), if any: it is not a manifest. */
  configFile?: string;
}

/** The exclusion a loaded configuration makes. */
export function exclusionOf({ config, baseDir, file }: LoadedConfig): Exclusion {
  return { exclude: config.exclude, baseDir, configFile: file };
}

export interface ManifestSet {
  /** Every file read, parsed (standard input first, as "<stdin>"), including skipped ones. */
  files: ManifestFile[];
  /** The files skipped as templates or as too large, in the order of `files`. */
  skipped: SkippedFile[];
  /** Whether some path or file could not be read (said on stderr). */
  ioFailed: boolean;
  /** The text of each file of `files`, by its name there (what fixes and fingerprints read). */
  texts: Map<string, string>;
}

/**
 * The files under `paths` every command reads: folders searched for *.yaml, *.yml and *.json,
 * files found there left out when the configuration excludes them or when they are configuration
 * files (a file named explicitly is always read), and a file reached twice (named and in a folder)
 * taken once. `errors` are the paths that cannot be read, with the reason.
 */
export async function manifestPaths(paths: readonly string[], { exclude, baseDir, configFile }: Exclusion): Promise<{ files: string[]; errors: string[] }> {
  const collected = await collectManifestFiles(paths);
  const explicit = new Set(paths.map((path) => resolve(path)));
  const seen = new Set<string>();
  const files = collected.files.filter((file) => {
    const absolute = resolve(file);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    if (explicit.has(absolute)) return true;
    if (absolute === configFile || basename(absolute) === CONFIG_FILE_NAME) return false;
    return !isExcluded(relative(baseDir, absolute).split(sep).join('/'), exclude);
  });
  return { files, errors: collected.errors };
}

/**
 * The manifests under `paths` ("-" is standard input), parsed: the one reading path of lint,
 * connectivity and generate, so that they all see the same files. As each file is read, stderr
 * gets its notes (templates, too large) and a warning per document skipped as unusable.
 */
export async function readManifests(paths: readonly string[], exclusion: Exclusion, io: CommandIO, onRead?: (done: number, total: number) => void): Promise<ManifestSet> {
  const { files: found, errors } = await manifestPaths(paths.filter((path) => path !== '-'), exclusion);
  for (const error of errors) io.error(`kube-netsec: ${error}`);
  const set: ManifestSet = { files: [], skipped: [], ioFailed: errors.length > 0, texts: new Map() };
  const read = (name: string, text: string): void => {
    const file = parseManifest(name, text);
    for (const notice of noticesOf(file)) io.error(`${name}:${notice.range.start.line + 1}:${notice.range.start.character + 1}: note: ${notice.message}`);
    for (const document of skippedDocumentsOf(file)) io.error(`${name}:${document.line}:${document.column}: warning: ${document.reason}`);
    set.files.push(file);
    set.texts.set(name, text);
    const skipped = skippedFileOf(file);
    if (skipped) set.skipped.push(skipped);
  };
  if (paths.includes('-')) read('<stdin>', await io.readStdin());
  for (const [index, path] of found.entries()) {
    onRead?.(index, found.length);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      io.error(`kube-netsec: ${path}: ${describeFsError(error)}`);
      set.ioFailed = true;
      continue;
    }
    read(path, text);
  }
  return set;
}
