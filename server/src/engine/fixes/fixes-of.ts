import type { LocatedFinding } from '../lint';
import { findRule } from '../rules/registry';
import type { Fix, FixInput } from './fix';
import type { FixChecker } from './fix-checker';
import { suppressFixes } from './suppress-fixes';

/** A fix that passed the engine's check, with the texts of the files it edits once applied. */
export interface CheckedFix extends Fix {
  results: ReadonlyMap<string, string>;
}

/**
 * Every fix offered for a finding: the rule's own fixes, then the suppression comments, each checked
 * by `checker`. A fix that fails the check is dropped and `log` is told why. At most one fix is
 * preferred: the rule's preferred fix, when it passed.
 */
export function fixesOf(entry: LocatedFinding, checker: FixChecker, log: (message: string) => void = () => undefined, options: { preferredOnly?: boolean } = {}): CheckedFix[] {
  const { finding } = entry;
  const rule = findRule(finding.ruleId);
  const file = checker.environment.files.find((candidate) => candidate.uri === finding.uri);
  if (!rule || !file) return [];
  const candidates: Fix[] = [];
  if (rule.fixes && entry.report) {
    const input: FixInput = { finding, report: entry.report, object: entry.object, file, text: checker.environment.textOf(finding.uri), workspace: checker.workspace, config: checker.environment.config };
    try {
      candidates.push(...rule.fixes(input));
    } catch (error) {
      log(`Fixes of ${finding.ruleId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (rule.scope !== 'suppression' && rule.id !== 'yaml-syntax' && !options.preferredOnly) candidates.push(...suppressFixes(finding, entry.document));
  const checked: CheckedFix[] = [];
  let preferredTaken = false;
  // Fixing all needs the preferred fix alone: checking the others would cost a workspace lint each.
  for (const fix of options.preferredOnly ? candidates.filter((candidate) => candidate.preferred).slice(0, 1) : candidates) {
    const verdict = checker.check(fix, finding);
    if (!verdict.ok) {
      log(`Fix "${fix.title}" for ${finding.ruleId} at ${finding.uri}:${finding.range.start.line + 1} is not offered: ${verdict.reason}.`);
      continue;
    }
    const preferred: boolean = fix.preferred === true && !preferredTaken;
    preferredTaken ||= preferred;
    checked.push({ ...fix, preferred, results: verdict.texts });
  }
  return checked;
}
