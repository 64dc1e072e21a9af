import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { compareApplyOrder } from '../../../server/src/files/apply-order';
import { collectManifestFiles } from '../../../server/src/files/collect-files';

describe('compareApplyOrder', () => {
  it('orders folder by folder, as a walk of the folder reads it', () => {
    const paths = ['a-b.yaml', 'a/x.yaml', 'a.yaml', 'b.yaml', 'a/b/c.yaml', 'A.yaml'];
    assert.deepEqual([...paths].sort(compareApplyOrder), ['A.yaml', 'a/b/c.yaml', 'a/x.yaml', 'a-b.yaml', 'a.yaml', 'b.yaml']);
  });

  it('reads percent-escapes of URIs as the characters they stand for', () => {
    assert.ok(compareApplyOrder('file:///r/a%20b.yaml', 'file:///r/a-b.yaml') < 0);
    assert.ok(compareApplyOrder('file:///r/a-b.yaml', 'file:///r/a%20b.yaml') > 0);
  });

  it('agrees with the order the CLI collects a folder in, for paths and for file URIs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kube-netsec-apply-order-'));
    try {
      for (const path of ['a/x.yaml', 'a/b/c.yaml', 'a-b.yaml', 'a.yaml', 'b.yml', 'B/z.json', 'my app/m.yaml']) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), 'kind: ConfigMap\n');
      }
      const { files } = await collectManifestFiles([root]);
      assert.equal(files.length, 7);
      assert.deepEqual([...files].reverse().sort(compareApplyOrder), files);
      const uris = files.map((path) => pathToFileURL(path).href);
      assert.deepEqual([...uris].reverse().sort(compareApplyOrder), uris);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
