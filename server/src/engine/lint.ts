import { DEFAULT_CONFIG, type LintConfig } from './config/lint-config';
import type { ManifestFile } from './manifest/manifest-file';
import { ALL_RULES } from './rules/registry';
import type { Finding, Rule, RuleContext, Severity } from './rules/rule';
import { compareRanges } from './text/range';

export interface LintOptions {
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /** The user's configuration: severity overrides, rule options. */
  config?: LintConfig;
}

/** Runs the rules over a parsed file and returns its findings in document order. */
export function lintManifest(file: ManifestFile, options: LintOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const context: RuleContext = { config };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? ALL_RULES) {
    const setting = config.rules[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    if (rule.scope === 'file') {
      for (const report of rule.check(file, context)) {
        findings.push({ ruleId: rule.id, severity, message: report.message, uri: file.uri, range: report.range, object: report.object?.ref() });
      }
      continue;
    }
    for (const object of file.objects) {
      for (const report of rule.check(object, context)) {
        findings.push({ ruleId: rule.id, severity, message: report.message, uri: file.uri, range: report.range, object: object.ref() });
      }
    }
  }
  return findings.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
}
