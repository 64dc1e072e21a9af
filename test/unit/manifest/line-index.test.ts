import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/engine/text/line-index';

describe('LineIndex', () => {
  it('maps offsets to zero-based lines and UTF-16 columns', () => {
    const text = 'ab\n😀x\r\ny';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 3);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    // The emoji is two UTF-16 code units, as LSP counts by default.
    assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 1, character: 2 });
    assert.deepEqual(index.positionAt(text.indexOf('y')), { line: 2, character: 0 });
  });
});
