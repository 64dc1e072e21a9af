import type { RuleMeta } from '../server/src/engine';

// Rule pages are generated from rule metadata only, so the docs can never disagree with the code.

export function ruleDocPath(rule: RuleMeta): string {
  return `docs/rules/${rule.id}.md`;
}

export function renderRuleDoc(rule: RuleMeta): string {
  return [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `| Default severity | Category |`,
    `| --- | --- |`,
    `| ${rule.severity} | ${rule.category} |`,
    '',
    '## Why it matters',
    '',
    rule.explanation,
    '',
    '## How to fix it',
    '',
    rule.remediation,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    '```yaml',
    rule.examples.insecure.trimEnd(),
    '```',
    '',
    'Fixed:',
    '',
    '```yaml',
    rule.examples.fixed.trimEnd(),
    '```',
    '',
    '## References',
    '',
    ...rule.references.map((reference) => `- <${reference}>`),
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; edit the rule module, not this file. -->',
    '',
  ].join('\n');
}

export function renderRuleIndex(rules: readonly RuleMeta[]): string {
  return [
    '# Rules',
    '',
    '| Rule | Severity | Category | What it finds |',
    '| --- | --- | --- | --- |',
    ...rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.severity} | ${rule.category} | ${rule.title} |`),
    '',
    '<!-- Generated from the rule metadata by `npm run docs`. -->',
    '',
  ].join('\n');
}
