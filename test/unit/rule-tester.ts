import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES, buildWorkspace, lintManifest, lintWorkspace, mergeConfigs, parseManifest, type LintConfig, type Rule, type Severity } from '../../server/src/engine';

/** An expected finding: 1-based positions (columns in UTF-16 code units), as an editor shows them. */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The message, or a pattern it must match. */
  message?: string | RegExp;
  /** The finding's severity, when the rule gives some findings another severity than its default. */
  severity?: Severity;
}

/**
 * A case: `code` is the file under test (test.yaml); `otherFiles` (path → text) join it in the
 * workspace for cross-object rules, and only test.yaml's findings are compared.
 */
interface RuleCase {
  name: string;
  code: string;
  otherFiles?: Record<string, string>;
  config?: Partial<LintConfig>;
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: (RuleCase & { findings: ExpectedFinding[] })[];
}

/**
 * Tests one rule the way ESLint's RuleTester does: every valid case yields no finding of the rule,
 * every invalid case yields exactly the expected findings, at exactly the expected ranges.
 */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(`rule ${rule.id}`, () => {
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        assert.deepEqual(findingsOf(rule, testCase.code, testCase.config, testCase.otherFiles), []);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const actual = findingsOf(rule, testCase.code, testCase.config, testCase.otherFiles);
        assert.deepEqual(
          actual.map(({ message: _message, severity: _severity, ...range }) => range),
          testCase.findings.map(({ message: _message, severity: _severity, ...range }) => range),
          'finding ranges',
        );
        testCase.findings.forEach((expected, index) => {
          if (expected.severity !== undefined) assert.equal(actual[index].severity, expected.severity, `severity of finding ${index + 1}`);
          if (expected.message instanceof RegExp) assert.match(actual[index].message, expected.message);
          else if (expected.message !== undefined) assert.equal(actual[index].message, expected.message);
        });
      });
    }
  });
}

/** The findings of one rule on `code`, with 1-based positions. */
export function findingsOf(rule: Rule, code: string, config: Partial<LintConfig> = {}, otherFiles: Record<string, string> = {}): (ExpectedFinding & { message: string; severity: Severity })[] {
  const file = parseManifest('test.yaml', code);
  // Suppression rules judge the suppressions of the other rules, so those must run too.
  const rules = rule.scope === 'suppression' ? ALL_RULES : [rule];
  const options = { rules, config: mergeConfigs(config) };
  const all =
    rule.scope === 'workspace'
      ? (lintWorkspace(buildWorkspace([file, ...Object.entries(otherFiles).map(([path, text]) => parseManifest(path, text))], options.config), options).get('test.yaml') ?? [])
      : lintManifest(file, options);
  const findings = all.filter((finding) => finding.ruleId === rule.id);
  return findings.map((finding) => ({
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    message: finding.message,
    severity: finding.severity,
  }));
}
