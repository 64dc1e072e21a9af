import type { LocatedFinding } from '../lint';
import { findRule } from '../rules/registry';
import { comparePositions, type Position, type SourceRange } from '../text/range';
import type { AnswerContext } from './answer';
import { escapeMarkdown, leadSentences } from './markdown-text';

/** Past this, the explanation and the remediation stop at a sentence and point to the rule page. */
const EXPLANATION_LIMIT = 420;
const REMEDIATION_LIMIT = 300;
const MAX_FIX_TITLES = 5;
const MAX_SECTIONS = 4;

export const SECTION_RULE = '\n\n---\n\n';

/** The reported findings whose range holds `position` (an empty range holds its own start). */
export function findingsAt(findings: readonly LocatedFinding[], position: Position): LocatedFinding[] {
  return findings.filter(({ finding }) => holds(finding.range, position));
}

function holds(range: SourceRange, position: Position): boolean {
  const fromStart = comparePositions(position, range.start);
  const toEnd = comparePositions(position, range.end);
  return fromStart === 0 || (fromStart > 0 && toEnd < 0);
}

/**
 * The hover of findings at one place, one section each: the rule, what it found in this object,
 * why that matters, how to fix it, the quick fixes on offer and the rule page.
 */
export function diagnosticHover(context: AnswerContext, findings: readonly LocatedFinding[]): string {
  const sections = findings.slice(0, MAX_SECTIONS).map((located) => findingSection(context, located));
  const hidden = findings.length - MAX_SECTIONS;
  if (hidden > 0) sections.push(`And ${hidden} more ${hidden === 1 ? 'finding' : 'findings'} here: see the Problems panel.`);
  return sections.join(SECTION_RULE);
}

function findingSection(context: AnswerContext, located: LocatedFinding): string {
  const { finding, object } = located;
  const rule = findRule(finding.ruleId);
  const link = context.ruleLink?.(finding.ruleId);
  const id = link ? `[\`${finding.ruleId}\`](${link})` : `\`${finding.ruleId}\``;
  const subject = object ? ` · ${object.kind}${object.name ? ` ${escapeMarkdown(object.name)}` : ''}` : '';
  const parts = [`**${rule ? rule.title : finding.ruleId}** · ${id} · ${finding.severity}${subject}`, escapeMarkdown(finding.message)];
  let cut = false;
  if (rule) {
    const why = leadSentences(rule.explanation, EXPLANATION_LIMIT);
    const how = leadSentences(rule.remediation, REMEDIATION_LIMIT);
    parts.push(`**Why it matters:** ${why.text}`, `**How to fix:** ${how.text}`);
    cut = why.cut || how.cut;
  }
  const fixes = quickFixes(context.fixTitles?.(located) ?? []);
  if (fixes) parts.push(fixes);
  if (cut && link) parts.push(`[More on the rule page](${link})`);
  return parts.join('\n\n');
}

function quickFixes(titles: readonly string[]): string | undefined {
  const unique = [...new Set(titles)];
  if (unique.length === 0) return undefined;
  const shown = unique.slice(0, MAX_FIX_TITLES).map((title) => `- ${escapeMarkdown(title)}`);
  if (unique.length > MAX_FIX_TITLES) shown.push(`- and ${unique.length - MAX_FIX_TITLES} more`);
  return `**Quick fixes:**\n${shown.join('\n')}`;
}
