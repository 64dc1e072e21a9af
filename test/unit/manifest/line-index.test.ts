import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, withLoneCarriageReturnsAsLineFeeds } from '../../../server/src/engine/text/line-index';
import { lspDocument } from '../../support/lsp-text-model';

// Texts whose line ends are every kind LSP knows, at every place one can be.
const TEXTS = ['', '\r', '\n', '\r\n', '\r\r', '\n\r', '\r\n\r', 'a', 'a\r', 'a\rb', 'a\r\nb\n', 'ab\n😀x\r\ny', '\t\r\r\n\n\rz', 'x\u2028y\r'];

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

  it('ends a line at \\n, \\r\\n and a lone \\r, as LSP does', () => {
    const index = new LineIndex('a\rb\r\nc\nd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
    assert.deepEqual(new LineIndex('\r').positionAt(1), { line: 1, character: 0 });
  });

  it('gives every offset the position of vscode-languageserver-textdocument, inside the text', () => {
    for (const text of TEXTS) {
      const index = new LineIndex(text);
      const reference = lspDocument(text);
      assert.equal(index.lineCount, reference.lineCount, `line count of ${JSON.stringify(text)}`);
      // Offsets past either end are clamped, and one between \r and \n is the end of its line.
      for (let offset = -2; offset <= text.length + 2; offset++) {
        assert.deepEqual(index.positionAt(offset), reference.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
      }
    }
  });

  it('gives every position the offset of vscode-languageserver-textdocument, clamped to its line', () => {
    for (const text of TEXTS) {
      const index = new LineIndex(text);
      const reference = lspDocument(text);
      for (let line = -1; line <= reference.lineCount + 1; line++) {
        for (let character = -1; character <= text.length + 2; character++) {
          assert.equal(index.offsetAt({ line, character }), reference.offsetAt({ line, character }), `${line}:${character} of ${JSON.stringify(text)}`);
        }
      }
    }
  });

  it('a text with lone \\r line ends is given \\n ones at the same offsets; CRLF and LF texts are kept', () => {
    assert.equal(withLoneCarriageReturnsAsLineFeeds('a\rb\r\nc\r'), 'a\nb\r\nc\n');
    for (const text of ['a\r\nb\r\n', 'a\nb', '']) assert.equal(withLoneCarriageReturnsAsLineFeeds(text), text);
  });
});
