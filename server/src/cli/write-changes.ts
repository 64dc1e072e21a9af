import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError } from '../files/collect-files';
import type { CommandIO } from './command-io';
import type { ChangedFile } from './manifest-texts';

/** Writes the changed files; a new file is never written over one that appeared meanwhile. */
export async function writeChanges(changed: readonly ChangedFile[], io: CommandIO): Promise<boolean> {
  let ok = true;
  for (const { path, before, after } of changed) {
    try {
      if (before === undefined) await mkdir(dirname(path), { recursive: true });
      await writeFile(path, after, { encoding: 'utf8', flag: before === undefined ? 'wx' : 'w' });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'already exists, so the file a fix creates is not written' : describeFsError(error);
      io.error(`kube-netsec: ${path}: ${reason}`);
      ok = false;
    }
  }
  return ok;
}
