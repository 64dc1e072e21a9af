// The README documents what the extension contributes: every setting in its settings table (with
// its default) and every snippet prefix in its snippets table.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

test('the README settings table lists every setting with its default', () => {
  const rows = new Map([...readme.matchAll(/^\| `(kubeNetsec\.[\w.]+)` \| `([^`]*)` \|/gm)].map(([, name, value]) => [name, value]));
  for (const [name, { default: value }] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok(rows.has(name), `README: the settings table has no row for ${name}`);
    const expected = typeof value === 'string' ? value : JSON.stringify(value);
    assert.equal(rows.get(name), expected, `README: the default of ${name}`);
  }
  for (const name of rows.keys()) assert.ok(name in manifest.contributes.configuration.properties, `README lists ${name}, which package.json does not contribute`);
});

test('the README snippets table names every snippet prefix', () => {
  const snippets = JSON.parse(readFileSync(resolve(ROOT, 'snippets/networkpolicy.code-snippets'), 'utf8')) as Record<string, { prefix: string }>;
  const table = readme.slice(readme.indexOf('| Snippet |'));
  for (const { prefix } of Object.values(snippets)) assert.ok(table.includes(`\`${prefix}\``), `README: the snippets table does not name ${prefix}`);
});
