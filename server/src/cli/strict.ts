import type { CommandIO } from './command-io';
import type { SkippedFile } from './skipped-content';

/**
 * `--strict`: whether the run fails (exit status 2) because some files, or documents of them, were
 * not checked at all (Helm/Go templates, files too large), said on stderr. A CI job that passes
 * while half of its manifests were never read would be a false comfort.
 */
export function failsStrict(skipped: readonly SkippedFile[], io: CommandIO): boolean {
  if (skipped.length === 0) return false;
  const files = skipped.length === 1 ? '1 file was' : `${skipped.length} files were`;
  io.error(`kube-netsec: --strict: ${files} not checked in full (Helm/Go templates, or too large); see the notes above.`);
  return true;
}
