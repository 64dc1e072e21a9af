import type { Fix, FixChecker } from '../engine';
import { defaultDenyInsertion, type PolicyPlacement } from '../engine/templates';
import { namespacesOfFile } from './file-namespaces';

/**
 * "Add default deny for namespace N …" for each namespace the file's objects belong to that lacks
 * one, as the templates engine writes it, each checked like any fix (it must parse, and add no
 * finding of warning or above anywhere). Dropped ones are logged with the reason.
 */
export function defaultDenyFixes(checker: FixChecker, uri: string, placement: PolicyPlacement, log: (message: string) => void): Fix[] {
  const text = checker.environment.textOf(uri);
  if (text === undefined) return [];
  const fixes: Fix[] = [];
  for (const namespace of namespacesOfFile(checker.workspace, uri)) {
    const fix = defaultDenyInsertion(checker.workspace, uri, text, namespace, placement);
    if (!fix) continue;
    const verdict = checker.check(fix, []);
    if (verdict.ok) fixes.push(fix);
    else log(`"${fix.title}" is not offered: ${verdict.reason}.`);
  }
  return fixes;
}
