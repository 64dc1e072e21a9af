import { readFile } from 'node:fs/promises';
import { noticesOf, parseManifest, type ManifestFile } from '../engine';
import { collectManifestFiles, describeFsError } from '../files/collect-files';
import type { CommandIO } from './command-io';
import { skippedDocumentsOf } from './skipped-content';

/**
 * The manifests under `paths` ("-" is standard input), parsed, for the commands that read the whole
 * set (connectivity, generate). Template notes and skipped content go to stderr as they are met;
 * `ioFailed` says whether some path or file could not be read (also said on stderr).
 */
export async function readManifests(paths: readonly string[], io: CommandIO): Promise<{ files: ManifestFile[]; ioFailed: boolean }> {
  const collected = await collectManifestFiles(paths.filter((path) => path !== '-'));
  let ioFailed = collected.errors.length > 0;
  for (const error of collected.errors) io.error(`kube-netsec: ${error}`);
  const files: ManifestFile[] = [];
  const read = (name: string, text: string): void => {
    const file = parseManifest(name, text);
    for (const notice of noticesOf(file)) io.error(`${name}:${notice.range.start.line + 1}:${notice.range.start.character + 1}: note: ${notice.message}`);
    for (const skipped of skippedDocumentsOf(file)) io.error(`${name}:${skipped.line}:${skipped.column}: warning: ${skipped.reason}`);
    files.push(file);
  };
  if (paths.includes('-')) read('<stdin>', await io.readStdin());
  for (const path of collected.files) {
    try {
      read(path, await readFile(path, 'utf8'));
    } catch (error) {
      io.error(`kube-netsec: ${path}: ${describeFsError(error)}`);
      ioFailed = true;
    }
  }
  return { files, ioFailed };
}
