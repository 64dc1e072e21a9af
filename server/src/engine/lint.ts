import { DEFAULT_CONFIG, type LintConfig } from './config/lint-config';
import type { ManifestFile } from './manifest/manifest-file';
import { ALL_RULES } from './rules/registry';
import type { Finding, Report, Rule, RuleContext, Severity, SuppressionContext } from './rules/rule';
import { annotationSuppressions } from './suppression/annotation-suppressions';
import { applySuppressions, type LocatedFinding } from './suppression/apply-suppressions';
import { commentSuppressions } from './suppression/comment-directives';
import { compareRanges } from './text/range';

export interface LintOptions {
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /** The user's configuration: severity overrides, rule options. */
  config?: LintConfig;
}

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.id));

/**
 * Runs the rules over a parsed file, drops what the file's suppressions cover, then judges the
 * suppressions themselves. Returns the findings in document order.
 */
export function lintManifest(file: ManifestFile, options: LintOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const context: RuleContext = { config };
  // A configured severity overrides the rule's and each report's own.
  const enabled = (options.rules ?? ALL_RULES).flatMap((rule) => {
    const setting = config.rules[rule.id];
    return setting === 'off' ? [] : [{ rule, severity: setting }];
  });

  const located: LocatedFinding[] = [];
  const finding = (rule: Rule, configured: Severity | undefined, report: Report): Finding => ({
    ruleId: rule.id,
    severity: configured ?? report.severity ?? rule.severity,
    message: report.message,
    uri: file.uri,
    range: report.range,
  });
  for (const { rule, severity } of enabled) {
    if (rule.scope === 'file') {
      for (const report of rule.check(file, context)) {
        located.push({ finding: { ...finding(rule, severity, report), object: report.object?.ref() }, object: report.object, document: report.object?.document });
      }
    } else if (rule.scope === 'object') {
      for (const object of file.objects) {
        for (const report of rule.check(object, context)) {
          located.push({ finding: { ...finding(rule, severity, report), object: object.ref() }, object, document: object.document });
        }
      }
    }
  }

  const suppressions = [...commentSuppressions(file), ...annotationSuppressions(file.objects)];
  const findings = applySuppressions(located, suppressions);
  if (suppressions.length > 0) {
    const suppressionContext: SuppressionContext = { config, ranRuleIds: new Set(enabled.map(({ rule }) => rule.id)), knownRuleIds: KNOWN_RULE_IDS };
    for (const { rule, severity } of enabled) {
      if (rule.scope !== 'suppression') continue;
      for (const report of rule.check(suppressions, suppressionContext)) findings.push(finding(rule, severity, report));
    }
  }
  return findings.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
}
