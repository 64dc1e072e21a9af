import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FixChecker, type FixEnvironment, type LintConfig, type ManifestFile } from '../engine';
import { MAX_INDEXED_FILE_BYTES } from './workspace-index';

/**
 * The fix checkers of one round of checks: one per configuration, made when a code action first
 * needs it, over the files the published findings came from. A new round starts afresh, so a
 * checker never judges a fix against files that have changed since.
 */
export class FixCheckers {
  private readonly byConfig = new Map<string, FixChecker>();

  constructor(
    private readonly files: readonly ManifestFile[],
    /** The text of an open document as it was checked; undefined for a document not open. */
    private readonly openText: (uri: string) => string | undefined,
    /** What the round's check computed, and with which configuration: reused, not computed again. */
    private readonly checked?: { config: LintConfig; baseline: NonNullable<FixEnvironment['baseline']> },
  ) {}

  checkerFor(config: LintConfig): FixChecker {
    const key = JSON.stringify(config);
    let checker = this.byConfig.get(key);
    if (!checker) {
      const baseline = this.checked && JSON.stringify(this.checked.config) === key ? this.checked.baseline : undefined;
      checker = new FixChecker({ files: this.files, textOf: (uri) => this.openText(uri) ?? diskText(uri), config, baseline });
      this.byConfig.set(key, checker);
    }
    return checker;
  }
}

/**
 * A file's text on disk, for files that are not open: a fix may edit another file of the
 * workspace, and a fix creating a file must know that none is there yet. Reads are synchronous
 * because the engine asks synchronously; they concern the few files a fix touches.
 */
function diskText(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  try {
    const path = fileURLToPath(uri);
    const info = statSync(path, { throwIfNoEntry: false });
    // Past the index's limit the text is not known: fixes editing it are refused.
    if (!info?.isFile() || info.size > MAX_INDEXED_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
