import { FixChecker, fixesOf, lintWorkspaceLocated, mergeConfigs, parseManifest, type Rule, type RuleMeta } from '../server/src/engine';

// Rule pages are generated from rule metadata only, so the docs can never disagree with the code.
// Their quick fixes are what the engine really offers on the rule's own insecure example.

/** The titles of the checked fixes the engine offers on a rule's insecure example (suppressions aside). */
export function exampleFixes(rule: Rule): { title: string; preferred: boolean }[] {
  const uri = 'example.yaml';
  const text = rule.examples.insecure;
  const files = [parseManifest(uri, text)];
  const config = mergeConfigs();
  const checker = new FixChecker({ files, textOf: (candidate) => (candidate === uri ? text : undefined), config });
  const located = (lintWorkspaceLocated(checker.workspace, { config }).get(uri) ?? []).filter((entry) => entry.finding.ruleId === rule.id);
  const titles = new Map<string, boolean>();
  for (const entry of located) {
    for (const fix of fixesOf(entry, checker)) if (fix.kind !== 'suppress') titles.set(fix.title, (titles.get(fix.title) ?? false) || fix.preferred === true);
  }
  return [...titles].map(([title, preferred]) => ({ title, preferred }));
}

function fixSection(rule: Rule): string[] {
  const fixes = exampleFixes(rule);
  if (fixes.length === 0) {
    const text = rule.fixes
      ? 'None on this example: the rule has fixes for some of its findings, which the editor offers where the engine finds them safe. A finding you accept can be suppressed with a reason (see the README).'
      : 'None is offered automatically: the right change depends on intent the manifest does not show. A finding you accept can be suppressed with a reason (see the README).';
    return ['## Quick fixes', '', text, ''];
  }
  return [
    '## Quick fixes',
    '',
    'On the example above, the editor offers (each checked by the engine before it is shown; the preferred one, marked ★, is what fix-all and `kube-netsec fix` apply):',
    '',
    ...fixes.map(({ title, preferred }) => `- ${preferred ? '★ ' : ''}${title}`),
    '',
  ];
}

export function ruleDocPath(rule: RuleMeta): string {
  return `docs/rules/${rule.id}.md`;
}

export function renderRuleDoc(rule: Rule): string {
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
    ...fixSection(rule),
    '## References',
    '',
    ...rule.references.map((reference) => `- <${reference}>`),
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; edit the rule module, not this file. -->',
    '',
  ].join('\n');
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const fixMark = (rule: Rule) => {
    const fixes = exampleFixes(rule);
    return fixes.some((fix) => fix.preferred) ? '★' : fixes.length > 0 ? '✓' : '';
  };
  return [
    '# Rules',
    '',
    'Quick fix: ★ a preferred fix (applied by fix-all and `kube-netsec fix`), ✓ fixes to choose from, on the rule\'s example.',
    '',
    '| Rule | Severity | Category | Quick fix | What it finds |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.severity} | ${rule.category} | ${fixMark(rule)} | ${rule.title} |`),
    '',
    '<!-- Generated from the rule metadata by `npm run docs`. -->',
    '',
  ].join('\n');
}
