import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FixChecker, fixesOf, lintManifest, lintWorkspaceLocated, mergeConfigs, noticesOf, parseManifest, type Finding, type SourceRange } from '../../../server/src/engine';
import { appliedByClient, assertInsideText, textAt } from '../../support/lsp-text-model';

/**
 * Ranges under LSP's line rules, where `\n`, `\r\n` and a lone `\r` each end a line: every range
 * the engine reports lies inside the text as a client models it, and points at the same text.
 */

const CONFIG = mergeConfigs({});

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  hostNetwork: true',
  '  containers:',
  '  - name: a',
  '    image: nginx',
  '    ports:',
  '    - containerPort: 80',
  '      hostPort: 80',
  '',
].join('\n');

function findingsOf(text: string): Finding[] {
  return lintManifest(parseManifest('test.yaml', text), { config: CONFIG });
}

function rangesOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${JSON.stringify(finding.range)}`);
}

/** Every range a file's diagnostics carry: findings (and their related places), syntax problems, notices. */
function everyRange(text: string): { range: SourceRange; label: string }[] {
  const file = parseManifest('test.yaml', text);
  return [
    ...findingsOf(text).flatMap((finding) => [
      { range: finding.range, label: `${finding.ruleId} finding` },
      ...(finding.related ?? []).map((related) => ({ range: related.range, label: `${finding.ruleId} related place` })),
    ]),
    ...file.syntaxProblems.map((problem) => ({ range: problem.range, label: `syntax problem "${problem.message}"` })),
    ...noticesOf(file).map((notice) => ({ range: notice.range, label: `${notice.code} notice` })),
  ];
}

describe('ranges under LSP line rules', () => {
  it('a Pod written with lone \\r line ends is read as kubectl reads it, findings on the same keys', () => {
    const lf = findingsOf(POD);
    assert.deepEqual(
      lf.map((finding) => finding.ruleId),
      ['host-network', 'net-raw-not-dropped', 'host-port'],
    );
    const cr = POD.replace(/\n/g, '\r');
    assert.deepEqual(rangesOf(findingsOf(cr)), rangesOf(lf));
    const hostNetwork = findingsOf(cr).find((finding) => finding.ruleId === 'host-network')!;
    assert.equal(textAt(cr, hostNetwork.range), 'hostNetwork: true');
    assertInsideText(cr, everyRange(cr));
  });

  it('CRLF and mixed line ends give the findings of the LF file at the same ranges', () => {
    const lines = POD.split('\n');
    const mixed = lines.map((line, index) => line + (index === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][index % 3])).join('');
    for (const text of [POD.replace(/\n/g, '\r\n'), mixed]) {
      assert.deepEqual(rangesOf(findingsOf(text)), rangesOf(findingsOf(POD)), JSON.stringify(text));
      assertInsideText(text, everyRange(text));
    }
  });

  it('a final line without a newline: the finding ends on its last character', () => {
    const text = POD.trimEnd();
    const hostPort = findingsOf(text).find((finding) => finding.ruleId === 'host-port')!;
    assert.deepEqual(hostPort.range, { start: { line: 11, character: 6 }, end: { line: 11, character: 18 } });
    assert.equal(textAt(text, hostPort.range), 'hostPort: 80');
  });

  it('a syntax error at the end of the file lies on its last character, not one past it', () => {
    const cases: { text: string; at: string }[] = [
      { text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: x', at: 'x' },
      { text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x', at: 'x' },
      { text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x', at: 'x' },
      { text: 'apiVersion: v1\nkind: Pod\n"', at: '"' },
      { text: 'apiVersion: v1\nkind: Pod\n{', at: '{' },
      { text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: x\r\n', at: 'x' },
      { text: 'apiVersion: v1\rkind: Pod\rmetadata: {name: x\r', at: 'x' },
    ];
    for (const { text, at } of cases) {
      const [problem] = parseManifest('test.yaml', text).syntaxProblems;
      assert.ok(problem, `a syntax problem in ${JSON.stringify(text)}`);
      assertInsideText(text, [{ range: problem.range, label: problem.message }]);
      assert.equal(textAt(text, problem.range), at, `${JSON.stringify(text)}: ${problem.message} at ${JSON.stringify(problem.range)}`);
    }
  });

  it('an empty file, a file of only \\r and one of only line ends have no range outside the text', () => {
    for (const text of ['', '\r', '\r\r', '\r\n', '\n\r', '\r\n\r', '---\r', '---\r---\r', 'apiVersion: v1\rkind: Pod\r\r']) {
      assert.doesNotThrow(() => everyRange(text), JSON.stringify(text));
      assertInsideText(text, everyRange(text));
    }
  });

  it('a fix of a file with lone \\r line ends lands, as a client applies it, where the engine applied it', () => {
    for (const text of [POD.replace(/\n/g, '\r'), POD.replace(/\n/g, '\r\n'), POD.trimEnd().replace(/\n/g, '\r')]) {
      const file = parseManifest('test.yaml', text);
      const checker = new FixChecker({ files: [file], textOf: (uri) => (uri === 'test.yaml' ? text : undefined), config: CONFIG });
      const located = lintWorkspaceLocated(checker.workspace, { config: CONFIG }).get('test.yaml') ?? [];
      let fixes = 0;
      for (const entry of located) {
        for (const fix of fixesOf(entry, checker)) {
          for (const fileEdit of fix.edits) {
            if (fileEdit.create) continue;
            assertInsideText(text, fileEdit.edits.map((edit) => ({ range: edit.range, label: `edit of "${fix.title}"` })));
            assert.equal(appliedByClient(text, fileEdit.edits), fix.results.get(fileEdit.uri), `"${fix.title}" applied by a client`);
            fixes++;
          }
        }
      }
      assert.ok(fixes >= 3, `fixes of ${JSON.stringify(text)}`);
    }
  });
});

describe('characters that end no line under LSP', () => {
  it('a `---` after U+2028 or U+2029 (not line ends for LSP nor YAML 1.2) starts no document', () => {
    for (const separator of ['\u2028', '\u2029']) {
      const text = POD.replace('  name: web\n', `  name: web\n  annotations:\n    note: "a${separator}--- b"\n`);
      const findings = findingsOf(text);
      assert.deepEqual(
        findings.map((finding) => finding.ruleId),
        ['host-network', 'net-raw-not-dropped', 'host-port'],
        JSON.stringify(text),
      );
      assertInsideText(text, everyRange(text));
    }
  });
});

describe('fixes of files with lone \\r line ends', () => {
  it('an unused suppression comment is offered its removal, which lands on its line', () => {
    const lf = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  # kube-netsec-disable-next-line host-port -- no port here',
      '  hostNetwork: true',
      '  containers:',
      '  - name: a',
      '    image: nginx',
      '    # kube-netsec-disable-next-line host-port, host-network -- why',
      '    ports: []',
      '',
    ].join('\n');
    const removals = (text: string) => {
      const file = parseManifest('test.yaml', text);
      const checker = new FixChecker({ files: [file], textOf: (uri) => (uri === 'test.yaml' ? text : undefined), config: CONFIG });
      const located = lintWorkspaceLocated(checker.workspace, { config: CONFIG }).get('test.yaml') ?? [];
      return located
        .filter(({ finding }) => finding.ruleId === 'suppression-unused')
        .flatMap((entry) => fixesOf(entry, checker))
        .map((fix) => appliedByClient(text, fix.edits[0].edits));
    };
    const cr = lf.replace(/\n/g, '\r');
    const expected = removals(lf).map((text) => text.replace(/\n/g, '\r'));
    assert.equal(expected.length, 3, 'the first suppression and both ids of the second are unused');
    assert.deepEqual(removals(cr), expected);
  });
});
