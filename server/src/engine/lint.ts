import type { ManifestFile } from './manifest/manifest-file';
import { ALL_RULES } from './rules/registry';
import type { Finding, Rule } from './rules/rule';
import { compareRanges } from './text/range';

export interface LintOptions {
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
}

/** Runs the rules over a parsed file and returns its findings in document order. */
export function lintManifest(file: ManifestFile, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    if (rule.scope === 'file') {
      for (const report of rule.check(file)) {
        findings.push({ ruleId: rule.id, severity: rule.severity, message: report.message, uri: file.uri, range: report.range, object: report.object?.ref() });
      }
      continue;
    }
    for (const object of file.objects) {
      for (const report of rule.check(object)) {
        findings.push({ ruleId: rule.id, severity: rule.severity, message: report.message, uri: file.uri, range: report.range, object: object.ref() });
      }
    }
  }
  return findings.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
}
