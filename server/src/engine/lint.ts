import { DEFAULT_CONFIG, type LintConfig } from './config/lint-config';
import type { KubeObject } from './manifest/kube-object';
import type { ManifestFile } from './manifest/manifest-file';
import { ALL_RULES } from './rules/registry';
import type { Finding, Report, Rule, RuleContext, Severity, SuppressionContext } from './rules/rule';
import { annotationSuppressions } from './suppression/annotation-suppressions';
import { applySuppressions, type LocatedFinding } from './suppression/apply-suppressions';
import { commentSuppressions } from './suppression/comment-directives';
import { compareRanges } from './text/range';
import type { Workspace } from './workspace/workspace';

export interface LintOptions {
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /** The user's configuration: severity overrides, rule options. */
  config?: LintConfig;
}

export type { LocatedFinding } from './suppression/apply-suppressions';

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.id));

interface EnabledRule {
  rule: Rule;
  /** The configured severity, which overrides the rule's and each report's own. */
  configured?: Severity;
}

function enabledRules(options: LintOptions): EnabledRule[] {
  const config = options.config ?? DEFAULT_CONFIG;
  return (options.rules ?? ALL_RULES).flatMap((rule) => {
    const setting = config.rules[rule.id];
    return setting === 'off' ? [] : [{ rule, configured: setting }];
  });
}

function toFinding({ rule, configured }: EnabledRule, report: Report, uri: string, object?: KubeObject): Finding {
  const finding: Finding = { ruleId: rule.id, severity: configured ?? report.severity ?? rule.severity, message: report.message, uri, range: report.range, object: object?.ref() };
  if (report.related && report.related.length > 0) finding.related = report.related;
  return finding;
}

/** The findings of the rules that need only this file (object and file rules), before suppressions. */
export function fileFindings(file: ManifestFile, options: LintOptions = {}): LocatedFinding[] {
  const context: RuleContext = { config: options.config ?? DEFAULT_CONFIG };
  const located: LocatedFinding[] = [];
  for (const enabled of enabledRules(options)) {
    const { rule } = enabled;
    if (rule.scope === 'file') {
      for (const report of rule.check(file, context)) {
        located.push({ finding: toFinding(enabled, report, file.uri, report.object), object: report.object, document: report.object?.document, report });
      }
    } else if (rule.scope === 'object') {
      for (const object of file.objects) {
        for (const report of rule.check(object, context)) located.push({ finding: toFinding(enabled, report, file.uri, object), object, document: object.document, report });
      }
    }
  }
  return located;
}

/** The findings of the cross-object rules, by the URI of the file each is shown in, before suppressions. */
export function workspaceFindings(workspace: Workspace, options: LintOptions = {}): Map<string, LocatedFinding[]> {
  const context: RuleContext = { config: options.config ?? DEFAULT_CONFIG };
  const byUri = new Map<string, LocatedFinding[]>();
  for (const enabled of enabledRules(options)) {
    if (enabled.rule.scope !== 'workspace') continue;
    for (const report of enabled.rule.check(workspace, context)) {
      const { object } = report;
      const entry = { finding: toFinding(enabled, report, object.document.uri, object), object, document: object.document, report };
      const list = byUri.get(object.document.uri);
      if (list) list.push(entry);
      else byUri.set(object.document.uri, [entry]);
    }
  }
  return byUri;
}

/**
 * Turns a file's findings into what is reported: drops what the file's suppressions cover, judges
 * the suppressions themselves, and sorts by position.
 */
export function reportableFindings(file: ManifestFile, located: readonly LocatedFinding[], options: LintOptions = {}): Finding[] {
  return reportableLocatedFindings(file, located, options).map(({ finding }) => finding);
}

/** Like `reportableFindings`, keeping each finding's object and report (what fixes need). */
export function reportableLocatedFindings(file: ManifestFile, located: readonly LocatedFinding[], options: LintOptions = {}): LocatedFinding[] {
  const enabled = enabledRules(options);
  const suppressions = [...commentSuppressions(file), ...annotationSuppressions(file.objects)];
  const findings = applySuppressions(located, suppressions);
  if (suppressions.length > 0) {
    const context: SuppressionContext = { config: options.config ?? DEFAULT_CONFIG, ranRuleIds: new Set(enabled.map(({ rule }) => rule.id)), knownRuleIds: KNOWN_RULE_IDS };
    for (const entry of enabled) {
      if (entry.rule.scope !== 'suppression') continue;
      for (const report of entry.rule.check(suppressions, context)) findings.push({ finding: toFinding(entry, report, file.uri), report });
    }
  }
  return findings.sort((a, b) => compareRanges(a.finding.range, b.finding.range) || a.finding.ruleId.localeCompare(b.finding.ruleId));
}

/** The findings of one file on its own (cross-object rules need `lintWorkspace`). */
export function lintManifest(file: ManifestFile, options: LintOptions = {}): Finding[] {
  return reportableFindings(file, fileFindings(file, options), options);
}

/** The findings of every file of a workspace, cross-object rules included, by file URI. */
export function lintWorkspace(workspace: Workspace, options: LintOptions = {}): Map<string, Finding[]> {
  const result = new Map<string, Finding[]>();
  for (const [uri, located] of lintWorkspaceLocated(workspace, options)) result.set(uri, located.map(({ finding }) => finding));
  return result;
}

/** Like `lintWorkspace`, keeping each finding's object and report (what fixes need). */
export function lintWorkspaceLocated(workspace: Workspace, options: LintOptions = {}): Map<string, LocatedFinding[]> {
  const crossObject = workspaceFindings(workspace, options);
  const result = new Map<string, LocatedFinding[]>();
  for (const file of workspace.files) {
    result.set(file.uri, reportableLocatedFindings(file, [...fileFindings(file, options), ...(crossObject.get(file.uri) ?? [])], options));
  }
  return result;
}
