// The .vsix holds what the extension runs and shows, nothing the bundles already contain: no
// sources, tests, source maps or node_modules (vsce stores README.md as readme.md and LICENSE as
// LICENSE.txt). Runs after `npm run package` (npm test does it).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import * as yauzl from 'yauzl';

const VSIX = resolve(__dirname, '../../dist/kube-netsec.vsix');
const RULE_PAGES = resolve(__dirname, '../../docs/rules');

function entriesOf(path: string): Promise<string[]> {
  return new Promise((resolveEntries, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`cannot open ${path}`));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolveEntries(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('the .vsix holds the bundles, the rule pages, schemas, snippets and the package files, and nothing else', { skip: !existsSync(VSIX) && 'dist/kube-netsec.vsix is not built (npm run package)' }, async () => {
  const files = (await entriesOf(VSIX)).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  for (const needed of ['package.json', 'readme.md', 'LICENSE.txt', 'images/icon.png', 'dist/client.js', 'dist/server.js', 'schemas/kube-netsec-config.schema.json', 'snippets/networkpolicy.code-snippets', 'walkthrough/diagnostics.md', 'docs/images/quick-fixes.png']) {
    assert.ok(files.includes(needed), `${needed} is missing from the .vsix`);
  }
  // Every rule page ships: diagnostics link to them offline.
  for (const page of readdirSync(RULE_PAGES).filter((name) => name.endsWith('.md'))) {
    assert.ok(files.includes(`docs/rules/${page}`), `docs/rules/${page} is missing from the .vsix`);
  }
  const unwanted = files.filter((name) => /(^|\/)(src|test|node_modules)\//.test(name) || /\.(ts|map|vsix)$/.test(name));
  assert.deepEqual(unwanted, [], 'sources, tests, source maps and node_modules do not belong in the .vsix');
});
