// Writes docs/rules/*.md and the configuration schema from the rule metadata (npm run docs).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { ALL_RULES } from '../server/src/engine';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from './config-schema';
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from './rule-docs';

mkdirSync('docs/rules', { recursive: true });
const expected = new Set(ALL_RULES.map(ruleDocPath));
for (const name of readdirSync('docs/rules')) {
  const path = `docs/rules/${name}`;
  if (name !== 'README.md' && !expected.has(path)) rmSync(path);
}
for (const rule of ALL_RULES) writeFileSync(ruleDocPath(rule), renderRuleDoc(rule));
writeFileSync('docs/rules/README.md', renderRuleIndex(ALL_RULES));
writeFileSync(CONFIG_SCHEMA_PATH, renderConfigSchema(ALL_RULES));
console.log(`Wrote ${ALL_RULES.length} rule pages, docs/rules/README.md and ${CONFIG_SCHEMA_PATH}.`);
