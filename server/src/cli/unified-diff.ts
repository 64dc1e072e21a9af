import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { relative, resolve, sep } from 'node:path';
import type { ChangedFile } from './manifest-texts';

/**
 * The changes as one unified diff, `a/` and `b/` paths relative to `cwd` as git writes them, a new
 * file coming from /dev/null: `git apply` or `patch -p1` applies it. Empty when nothing changed.
 */
export function unifiedDiff(changes: readonly ChangedFile[], cwd: string = process.cwd()): string {
  return changes
    .map(({ path, before, after }) => {
      const shown = relative(cwd, resolve(cwd, path)).split(sep).join('/');
      return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${shown}`, `b/${shown}`, before ?? '', after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    })
    .join('');
}
