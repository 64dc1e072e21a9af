// The bundles load no deprecated Node built-in: Node 21+ prints a DeprecationWarning for
// `punycode`, which the extension's output channel shows as an error. Runs after the build.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const DEPRECATED_BUILTINS = ['punycode', 'sys', 'constants', '_stream_wrap'];

for (const bundle of ['client.js', 'server.js', 'cli.js']) {
  const path = resolve(__dirname, '../../dist', bundle);
  test(`dist/${bundle} requires no deprecated Node built-in`, { skip: !existsSync(path) && `dist/${bundle} is not built (npm run build)` }, () => {
    const text = readFileSync(path, 'utf8');
    const found = DEPRECATED_BUILTINS.filter((name) => text.includes(`require("${name}")`) || text.includes(`require("node:${name}")`));
    assert.deepEqual(found, []);
  });
}
