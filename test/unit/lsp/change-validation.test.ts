import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeEnvelopeProblem, contentChangesProblem, lastFullTextChange, openProblem, watchedFileEvents } from '../../../server/src/lsp/change-validation';
import { hasFolder, localPathOf } from '../../../server/src/lsp/document-uri';

const at = (line: unknown, character: unknown) => ({ line, character });

describe('localPathOf: which document URIs name a local file', () => {
  it('gives the path of a file URL, localhost included, percent escapes decoded', () => {
    assert.equal(localPathOf('file:///tmp/a%20b.yaml'), '/tmp/a b.yaml');
    assert.equal(localPathOf('file://localhost/tmp/a.yaml'), '/tmp/a.yaml');
  });

  it('gives nothing for other schemes and for file URLs with no local path', () => {
    for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/org/repo/a.yaml', 'file:///tmp/a%ZZ.yaml', 'file://server/share/a.yaml', 'file:///tmp/a%2Fb.yaml', 'file:///tmp/a%00b.yaml', 'file://[bad/a.yaml', '']) {
      assert.equal(localPathOf(uri), undefined, uri);
    }
  });

  it('hasFolder: a local file or a hierarchical virtual URI has a folder for a new file; untitled and broken file URLs do not', () => {
    assert.deepEqual(
      ['file:///tmp/a.yaml', 'vscode-vfs://github/org/repo/a.yaml', 'untitled:Untitled-1', 'file:///tmp/a%ZZ.yaml', 'file://server/share/a.yaml'].map(hasFolder),
      [true, true, false, false, false],
    );
  });
});

describe('change validation', () => {
  it('accepts what clients send: full texts, ranged edits, positions past the end of a line', () => {
    assert.equal(contentChangesProblem([{ text: 'a' }, { range: { start: at(0, 0), end: at(2 ** 31 - 1, 2 ** 31 - 1) }, text: 'b' }, { range: { start: at(3, 1), end: at(1, 0) }, rangeLength: 4, text: '' }]), undefined);
    assert.equal(changeEnvelopeProblem({ textDocument: { uri: 'untitled:x', version: 3 }, contentChanges: [] }), undefined);
    assert.equal(openProblem({ textDocument: { uri: 'file:///tmp/a%ZZ.yaml', languageId: 'yaml', version: 0, text: '' } }), undefined);
  });

  it('names the first bad change of a batch, and what is wrong with it', () => {
    const range = (start: unknown, end: unknown) => ({ range: { start, end }, text: 'x' });
    assert.deepEqual(
      [
        [{ range: null, text: 'x' }],
        [{ text: 'ok' }, { range: { start: at(0, 0) }, text: 'x' }],
        [range(at(-1, 0), at(0, 0))],
        [range(at(0, Number.NaN), at(0, 0))],
        [range(at(0, 0), at(1.5, 0))],
        [range(at(0, 0), at(2 ** 31, 0))],
        [range(at('1', 0), at(0, 0))],
        [{ text: 5 }],
        [{ range: { start: at(0, 0), end: at(0, 0) }, text: null }],
        [{ rangeLength: 2, text: '' }],
        [{ range: { start: at(0, 0), end: at(0, 0) }, rangeLength: -1, text: '' }],
        [null],
        [['text']],
      ].map(contentChangesProblem),
      [
        'change 1 of 1 has range null, not a range',
        'change 2 of 2 has a range whose end is undefined',
        'change 1 of 1 has a range whose start is {"line":-1,"character":0}, not a position',
        'change 1 of 1 has a range whose start is {"line":0,"character":null}, not a position',
        'change 1 of 1 has a range whose end is {"line":1.5,"character":0}, not a position',
        'change 1 of 1 has a range whose end is {"line":2147483648,"character":0}, not a position',
        'change 1 of 1 has a range whose start is {"line":"1","character":0}, not a position',
        'change 1 of 1 has text 5, not a string',
        'change 1 of 1 has text null, not a string',
        'change 1 of 1 has a rangeLength but no range',
        'change 1 of 1 has rangeLength -1',
        'change 1 of 1 is null, not an object',
        'change 1 of 1 is ["text"], not an object',
      ],
    );
  });

  it('rejects envelopes and opens without a string URI, an integer version, a list of changes or a text', () => {
    assert.deepEqual(
      [
        changeEnvelopeProblem(undefined),
        changeEnvelopeProblem({ textDocument: { uri: 42, version: 1 }, contentChanges: [] }),
        changeEnvelopeProblem({ textDocument: { uri: 'file:///a.yaml' }, contentChanges: [] }),
        changeEnvelopeProblem({ textDocument: { uri: 'file:///a.yaml', version: 1 }, contentChanges: { text: '' } }),
        openProblem({ textDocument: { uri: null, languageId: 'yaml', version: 1, text: '' } }),
        openProblem({ textDocument: { uri: 'file:///a.yaml', languageId: 'yaml', version: 1, text: null } }),
        openProblem({ textDocument: { uri: 'file:///a.yaml', languageId: 7, version: 1, text: '' } }),
      ],
      [
        'it has no textDocument',
        'its URI 42 is not a string',
        'its version undefined is not an integer',
        'its contentChanges {"text":""} is not a list',
        'its URI null is not a string',
        'its text is null, not a string',
        'its languageId 7 is not a string',
      ],
    );
  });

  it('lastFullTextChange finds where the known text starts again', () => {
    assert.equal(lastFullTextChange([{ range: {} }, { text: 'a' }, { range: {} }]), 1);
    assert.equal(lastFullTextChange([{ range: {} }]), -1);
  });
});

describe('watchedFileEvents', () => {
  it('keeps events on local files with a known type, and logs the others in one line', () => {
    const logged: string[] = [];
    const events = watchedFileEvents(
      { changes: [{ uri: 'file:///tmp/a.yaml', type: 1 }, { uri: 'file:///tmp/a%ZZ.yaml', type: 2 }, { uri: 5, type: 1 }, { uri: 'file:///tmp/b.yaml', type: 7 }, { uri: 'file:///tmp/c.yaml', type: 3 }] },
      (message) => logged.push(message),
    );
    assert.deepEqual(events, [{ uri: 'file:///tmp/a.yaml', type: 1 }, { uri: 'file:///tmp/c.yaml', type: 3 }]);
    assert.deepEqual(logged, ['Ignoring file watcher events whose URI is not a local file or whose type is unknown: {"uri":"file:///tmp/a%ZZ.yaml","type":2} and 2 more.']);
  });

  it('logs a notification without a list of changes and yields nothing', () => {
    const logged: string[] = [];
    assert.deepEqual(watchedFileEvents({ changes: null }, (message) => logged.push(message)), []);
    assert.deepEqual(logged, ['Ignoring a file watcher notification without a list of changes: {"changes":null}.']);
  });
});
