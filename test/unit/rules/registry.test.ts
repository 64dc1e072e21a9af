import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_RULES, findRule, SEVERITIES } from '../../../server/src/engine';
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from '../../../scripts/rule-docs';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from '../../../scripts/config-schema';
import { findingsOf } from '../rule-tester';

describe('rule registry', () => {
  it('has unique kebab-case ids, each findable', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(findRule(id)?.id, id);
    }
  });

  it('gives every rule complete metadata', () => {
    for (const rule of ALL_RULES) {
      assert.ok(rule.title.length > 10, `${rule.id}: title`);
      assert.ok(SEVERITIES.includes(rule.severity), `${rule.id}: severity`);
      assert.ok(rule.explanation.length > 80, `${rule.id}: explanation`);
      assert.ok(rule.remediation.length > 40, `${rule.id}: remediation`);
      assert.ok(rule.references.length > 0, `${rule.id}: references`);
      for (const reference of rule.references) assert.match(reference, /^https:\/\//, `${rule.id}: reference ${reference}`);
    }
  });

  it("fires on every rule's insecure example and stays silent on its fixed one", () => {
    for (const rule of ALL_RULES) {
      assert.ok(findingsOf(rule, rule.examples.insecure).length > 0, `${rule.id}: the insecure example is not reported`);
      assert.deepEqual(findingsOf(rule, rule.examples.fixed), [], `${rule.id}: the fixed example is reported`);
    }
  });

  it('has a test file with firing and non-firing cases for every rule', () => {
    for (const rule of ALL_RULES) {
      const path = `test/unit/rules/${rule.id}.test.ts`;
      assert.ok(existsSync(path), `missing ${path}`);
      const source = readFileSync(path, 'utf8');
      assert.match(source, /valid: \[\s*\{/, `${path}: no valid case`);
      assert.match(source, /invalid: \[\s*\{/, `${path}: no invalid case`);
    }
  });

  it('has generated docs that match the metadata (run `npm run docs` after changing a rule)', () => {
    for (const rule of ALL_RULES) {
      assert.equal(readFileSync(ruleDocPath(rule), 'utf8'), renderRuleDoc(rule), `${ruleDocPath(rule)} is stale`);
    }
    assert.equal(readFileSync('docs/rules/README.md', 'utf8'), renderRuleIndex(ALL_RULES), 'docs/rules/README.md is stale');
    assert.deepEqual(readdirSync('docs/rules').sort(), [...ALL_RULES.map((rule) => `${rule.id}.md`), 'README.md'].sort());
    assert.equal(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'), renderConfigSchema(ALL_RULES), `${CONFIG_SCHEMA_PATH} is stale`);
  });
});
