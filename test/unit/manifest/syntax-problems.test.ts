import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { textAt } from '../../support/lsp-text-model';

/** Syntax problems found by fuzzing: their words and where they lie. */
describe('syntax problems', () => {
  it('an unresolved alias is not called too many alias expansions', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: &a\n  name: *b\n';
    const [problem] = parseManifest('test.yaml', text).syntaxProblems;
    assert.match(problem.message, /^The document could not be read: Unresolved alias/);
    assert.equal(textAt(text, problem.range), '*');
  });

  it('a key with no `:` at the end of the file names the key, not an empty text', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  !';
    const [problem] = parseManifest('test.yaml', text).syntaxProblems;
    assert.match(problem.message, /^`!` has no `:` after it/);
    assert.equal(textAt(text, problem.range), '!');
  });

  it('an error after an astral character at the end of the file covers the whole character', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: 😀';
    const [problem] = parseManifest('test.yaml', text).syntaxProblems;
    assert.equal(textAt(text, problem.range), '😀');
  });

  it('an error on an empty line has the same range with LF, CRLF and lone CR line ends', () => {
    const lines = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  rules:', '  - host: shop.example.com', '<<: *a', '', '    http:', '      paths: []', ''];
    const ranges = ['\n', '\r\n', '\r'].map((eol) => parseManifest('test.yaml', lines.join(eol)).syntaxProblems.map((problem) => problem.range));
    assert.deepEqual(ranges[0], [{ start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }]);
    assert.deepEqual(ranges[1], ranges[0], 'CRLF');
    assert.deepEqual(ranges[2], ranges[0], 'CR');
  });

  it('a plain scalar continued after an empty line: the error starts at the same place with LF and CRLF', () => {
    const lines = ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - name: web', '    image: nginx', '', '7', '    ports:', '    - containerPort: 80', ''];
    // The `yaml` package reads the two differently (a two-line implicit key with LF, a key
    // without `:` with CRLF), so the words and the end differ; where the error starts does not.
    const starts = ['\n', '\r\n', '\r'].map((eol) => parseManifest('test.yaml', lines.join(eol)).syntaxProblems.map((problem) => problem.range.start));
    assert.deepEqual(starts[0], [{ line: 7, character: 0 }]);
    assert.deepEqual(starts[1], starts[0], 'CRLF');
    assert.deepEqual(starts[2], starts[0], 'CR');
  });
});
