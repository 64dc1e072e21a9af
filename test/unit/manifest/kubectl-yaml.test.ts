import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { ChunkCache, parseManifest } from '../../../server/src/engine';
import { parseLikeKubectl } from '../../../server/src/engine/manifest/kubectl-yaml';
import { describeToleratedProblem, type UnderIndentedContinuation } from '../../../server/src/engine/manifest/tolerated-problem';
import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { privilegedContainer } from '../../../server/src/engine/rules/pod/privileged-container';
import { yaml } from '../../support/dedent';
import { findingsOf } from '../rule-tester';

/** "line:column-line:column", 1-based. */
function at(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

const annotation = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    annotations:
      description: "first line
    continued less indented"
      owner: team-a
  spec:
    hostNetwork: true
`;

describe('reading YAML as kubectl does: under-indented quoted strings', () => {
  it('reads the string to its closing quote, folded as go-yaml folds it, and keeps the rest of the document', () => {
    const [pod] = parseManifest('t.yaml', annotation).objects;
    assert.deepEqual(pod.annotations, { description: 'first line continued less indented', owner: 'team-a' });
    assert.deepEqual(parseManifest('t.yaml', annotation).syntaxProblems, []);
  });

  it('keeps every range on the original text: a finding after the string is at its exact place', () => {
    assert.deepEqual(
      findingsOf(hostNetwork, annotation).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 10, column: 3, endLine: 10, endColumn: 20 }],
    );
    const [pod] = parseManifest('t.yaml', annotation).objects;
    assert.equal(at(pod.rangeOf(['metadata', 'annotations', 'description'], 'value')), '6:18-7:27');
    assert.equal(at(pod.rangeOf(['metadata', 'annotations', 'owner'], 'value')), '8:12-8:18');
  });

  it('records the under-indented line with what YAML needs there, and the advice, applied, satisfies the yaml package', () => {
    const [document] = parseLikeKubectl(annotation);
    const [problem] = document.tolerated as UnderIndentedContinuation[];
    assert.equal(problem.kind, 'under-indented-continuation');
    assert.equal(annotation.slice(problem.start, problem.end), 'continued less indented"');
    assert.deepEqual([problem.indent, problem.requiredIndent, problem.parent, problem.tabs], [2, 5, 'key', false]);
    const advised = annotation.replace('\n  continued', `\n${' '.repeat(2 + problem.requiredIndent - problem.indent)}continued`);
    const strict = parseAllDocuments(advised)[0];
    assert.deepEqual(strict.errors, []);
    assert.equal((strict.toJS() as { metadata: { annotations: { description: string } } }).metadata.annotations.description, 'first line continued less indented');
  });

  it('handles single quotes, sequence items, column 0, tabs, escaped line breaks and CRLF line ends', () => {
    const cases: { name: string; text: string; value: unknown; problems: [number, number, string, boolean][] }[] = [
      { name: 'single quotes', text: "data:\n  a: 'it''s\n long'\n", value: { data: { a: "it's long" } }, problems: [[1, 3, 'key', false]] },
      { name: 'a sequence item', text: 'args:\n  - "--x=1\n  --y=2"\n', value: { args: ['--x=1 --y=2'] }, problems: [[2, 3, 'dash', false]] },
      { name: 'column 0 in a top-level map', text: 'note: "a\nb"\n', value: { note: 'a b' }, problems: [[0, 1, 'key', false]] },
      { name: 'tabs', text: 'data:\n  a: "one\n\t\ttwo"\n', value: { data: { a: 'one two' } }, problems: [[0, 3, 'key', true]] },
      { name: 'an escaped line break and a blank line', text: 'data:\n  a: "one \\\n two\n\n three"\n', value: { data: { a: 'one two\nthree' } }, problems: [[1, 3, 'key', false]] },
      { name: 'CRLF, two strings', text: 'data:\r\n  a: "x\r\n y"\r\n  b: "z\r\n w"\r\n', value: { data: { a: 'x y', b: 'z w' } }, problems: [[1, 3, 'key', false], [1, 3, 'key', false]] },
    ];
    for (const { name, text, value, problems } of cases) {
      const [document] = parseLikeKubectl(text);
      assert.deepEqual(document.yaml.errors, [], name);
      assert.deepEqual(document.yaml.toJS(), value, name);
      assert.deepEqual(
        (document.tolerated as UnderIndentedContinuation[]).map((problem) => [problem.indent, problem.requiredIndent, problem.parent, problem.tabs]),
        problems,
        name,
      );
    }
  });

  it('leaves real errors alone: a quote never closed, one that closes at a later key, a document marker, a multi-line key', () => {
    const broken = {
      'never closed': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
      'closes at a later quote': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n  labels: {app: x}\nspec:\n  nodeName: "n1"\n',
      'a document end marker inside': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n...\n"\n',
      'a multi-line key': 'apiVersion: v1\nkind: Pod\nmetadata:\n  "na\n me": x\n',
    };
    for (const [name, text] of Object.entries(broken)) {
      const file = parseManifest('t.yaml', text);
      assert.equal(file.syntaxProblems.length, 1, name);
      assert.deepEqual(file.documents.flatMap((document) => document.parsed.tolerated ?? []), [], name);
    }
    assert.match(parseManifest('t.yaml', broken['closes at a later quote']).syntaxProblems[0].message, /Missing closing "quote/);
    // At the end of the line the quote leaves open (an empty range: the line end itself is no text).
    assert.equal(at(parseManifest('t.yaml', broken['closes at a later quote']).syntaxProblems[0].range), '4:13-4:13');
  });

  it('names the line of the opening quote in the file, also after the chunk moved in an edit', () => {
    const cache = new ChunkCache();
    const second = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  a: "x\n y"\n';
    const lineOf = (file: ReturnType<typeof parseManifest>) => {
      const document = file.documents[1];
      const [problem] = document.parsed.tolerated ?? [];
      return describeToleratedProblem(problem, (offset) => document.rangeAt(offset, offset).start.line + 1);
    };
    const before = parseManifest('f.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n${second}`, cache);
    const after = parseManifest('f.yaml', `# moved\n# down\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n${second}`, cache);
    assert.equal(after.documents[1].yaml, before.documents[1].yaml, 'the untouched document is reused');
    assert.match(lineOf(before), /quoted string of line 10 /);
    assert.match(lineOf(after), /quoted string of line 12 /);
  });
});

describe('reading YAML as kubectl does: duplicate keys', () => {
  const duplicated = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      hostNetwork: false
      dnsPolicy: Default
      hostNetwork: true
  `;

  it('keeps the last value, as kubectl does, and reports the later key instead of an error', () => {
    const file = parseManifest('t.yaml', duplicated);
    assert.deepEqual(file.syntaxProblems, []);
    assert.equal((file.objects[0].value as { spec: { hostNetwork: boolean } }).spec.hostNetwork, true);
    assert.deepEqual(
      findingsOf(hostNetwork, duplicated).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 8, column: 3, endLine: 8, endColumn: 20 }],
    );
    const [problem] = file.documents[0].parsed.tolerated ?? [];
    assert.equal(problem.kind, 'duplicate-key');
    assert.equal(duplicated.slice(problem.start, problem.end), 'hostNetwork');
  });

  it('reports every repeat against the one before it', () => {
    const [document] = parseLikeKubectl('a: 1\na: 2\nb: 0\na: 3\n');
    assert.deepEqual(document.yaml.errors, []);
    assert.deepEqual(document.yaml.toJS(), { a: 3, b: 0 });
    assert.deepEqual(
      document.tolerated.map((problem) => (problem.kind === 'duplicate-key' ? [problem.start, problem.previousOffset] : [])),
      [[5, 0], [15, 5]],
    );
  });

  it('reads a # right after a value as a comment, as go-yaml does, with the same value', () => {
    const [document] = parseLikeKubectl('a: "v"#note\nb: [x]#note\nc: v#not-a-comment\n');
    assert.deepEqual(document.yaml.errors, []);
    assert.deepEqual(document.yaml.toJS(), { a: 'v', b: ['x'], c: 'v#not-a-comment' });
    assert.deepEqual(
      document.tolerated.map((problem) => [problem.kind, problem.start]),
      [['unseparated-comment', 6], ['unseparated-comment', 18]],
    );
  });

  it('costs nothing on valid YAML: the first parse is kept as it is', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "x"}\n';
    const [document] = parseLikeKubectl(text);
    assert.deepEqual(document.tolerated, []);
    assert.deepEqual(document.yaml.errors, []);
  });
});

describe('reading YAML as kubectl does: YAML 1.1 booleans', () => {
  const words = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels: {quoted: "yes", bare: no, longer: yes-please, mixed: yEs}
    spec:
      hostNetwork: yes
      containers:
        - name: main
          image: nginx
          securityContext:
            privileged: On
  `;

  it('reads yes/no/on/off as booleans, as go-yaml v2 (and so kubectl) does, so the checks see them', () => {
    const [pod] = parseManifest('t.yaml', words).objects;
    const spec = (pod.value as { spec: { hostNetwork: unknown; containers: { securityContext: { privileged: unknown } }[] } }).spec;
    assert.equal(spec.hostNetwork, true);
    assert.equal(spec.containers[0].securityContext.privileged, true);
    assert.deepEqual(
      findingsOf(hostNetwork, words).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 7, column: 3, endLine: 7, endColumn: 19 }],
    );
    assert.deepEqual(
      findingsOf(privilegedContainer, words).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 12, column: 9, endLine: 12, endColumn: 23 }],
    );
  });

  it('keeps quoted words, longer words and other casings as strings, as go-yaml does (and y/n, see yaml11-booleans)', () => {
    const [document] = parseLikeKubectl('a: "yes"\nb: yes-please\nc: yEs\nd: off\ne: NO\nf: True\ng: y\non: 1\n');
    assert.deepEqual(document.yaml.toJS(), { a: 'yes', b: 'yes-please', c: 'yEs', d: false, e: false, f: true, g: 'y', true: 1 });
  });
});
