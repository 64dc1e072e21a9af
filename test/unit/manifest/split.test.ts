import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitDocuments } from '../../../server/src/engine/manifest/split';

describe('splitDocuments', () => {
  it('cuts at document start markers and keeps offsets and lines', () => {
    const text = 'a: 1\n---\nb: 2\n--- # comment\nc: 3\n';
    assert.deepEqual(splitDocuments(text), [
      { text: 'a: 1\n', offset: 0, line: 0 },
      { text: '---\nb: 2\n', offset: 5, line: 1 },
      { text: '--- # comment\nc: 3\n', offset: 14, line: 3 },
    ]);
  });

  it('does not cut at "---" that is not a marker', () => {
    const text = 'a: |\n  ---\nb: ----\nc: "---"\n---x: 1\n';
    assert.equal(splitDocuments(text).length, 1);
  });

  it('handles CRLF line ends and a marker on the first line', () => {
    const chunks = splitDocuments('---\r\na: 1\r\n---\r\nb: 2\r\n');
    assert.deepEqual(
      chunks.map(({ offset, line }) => [offset, line]),
      [
        [0, 0],
        [11, 2],
      ],
    );
  });

  it('gives one empty chunk for empty text', () => {
    assert.deepEqual(splitDocuments(''), [{ text: '', offset: 0, line: 0 }]);
  });
});
