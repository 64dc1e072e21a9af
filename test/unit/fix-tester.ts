import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, FixChecker, fixesOf, lintWorkspaceLocated, mergeConfigs, parseManifest, type CheckedFix, type LintConfig, type Rule } from '../../server/src/engine';

/** An expected fix: its title (or a pattern) and the whole text of test.yaml once applied. */
interface ExpectedFix {
  title: string | RegExp;
  output: string;
  preferred?: boolean;
}

/**
 * A case: `code` is test.yaml, `otherFiles` join it in the workspace. `fixes` are the rule's own
 * fixes (suppressions aside) offered for its findings, in order; `notOffered` are titles that must
 * not be offered (the engine's check dropped them).
 */
export interface FixCase {
  name: string;
  code: string;
  otherFiles?: Record<string, string>;
  config?: Partial<LintConfig>;
  fixes: ExpectedFix[];
  notOffered?: (string | RegExp)[];
}

/** The checked fixes of every finding of `rule` in test.yaml, suppressions included. */
export function offeredFixes(rule: Rule, code: string, otherFiles: Record<string, string> = {}, config: Partial<LintConfig> = {}): CheckedFix[] {
  const texts = new Map<string, string>([['test.yaml', code], ...Object.entries(otherFiles)]);
  const files = [...texts].map(([uri, text]) => parseManifest(uri, text));
  const merged = mergeConfigs(config);
  const checker = new FixChecker({ files, textOf: (uri) => texts.get(uri), config: merged });
  const located = lintWorkspaceLocated(checker.workspace, { config: merged }).get('test.yaml') ?? [];
  return located.filter(({ finding }) => finding.ruleId === rule.id).flatMap((entry) => fixesOf(entry, checker, (message) => process.env.KUBE_NETSEC_FIX_LOG && console.error(message)));
}

/** Tests a rule's fixes: exactly the expected fixes are offered, and each yields exactly its output. */
export function testFixes(rule: Rule, cases: FixCase[]): void {
  describe(`fixes of ${rule.id}`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const offered = offeredFixes(rule, testCase.code, testCase.otherFiles, testCase.config);
        const own = offered.filter((fix) => fix.kind !== 'suppress');
        assert.equal(own.length, testCase.fixes.length, `fixes offered: ${own.map((fix) => fix.title).join(' | ') || 'none'}`);
        testCase.fixes.forEach((expected, index) => {
          const fix = own[index];
          if (expected.title instanceof RegExp) assert.match(fix.title, expected.title);
          else assert.equal(fix.title, expected.title);
          if (expected.preferred !== undefined) assert.equal(fix.preferred, expected.preferred, `preferred: ${fix.title}`);
          const edits = fix.edits.filter((edit) => edit.uri === 'test.yaml').flatMap((edit) => edit.edits);
          assert.equal(applyTextEdits(testCase.code, edits), expected.output, `output of "${fix.title}"`);
        });
        for (const title of testCase.notOffered ?? []) {
          assert.ok(!offered.some((fix) => (title instanceof RegExp ? title.test(fix.title) : fix.title === title)), `"${String(title)}" must not be offered`);
        }
      });
    }
  });
}
