import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyTextEdits, buildWorkspace, FixChecker, fixAllOfFile, fixesOf, lintWorkspace, lintWorkspaceLocated, mergeConfigs, parseManifest, type CheckedFix, type Finding, type LocatedFinding, type ManifestFile, type TextEdit } from '../../../server/src/engine';
import { splitDocuments, type Chunk } from '../../../server/src/engine/manifest/split';
import { fillerDocument, targetObject } from './manifest-arbitraries';
import { renderStream, type YamlLayout, type YamlValue } from './styled-yaml';

/**
 * Properties of every fix the engine offers, over generated manifests written in generated
 * layouts: the result parses, the other documents of the file keep every byte, and, by a lint of
 * our own (not the FixChecker's), the finding is gone and no object appeared or vanished except
 * documents a fix inserts.
 */

const URI = 'test.yaml';
const CONFIG = mergeConfigs({});

const layout: fc.Arbitrary<YamlLayout> = fc.record({
  indent: fc.constantFrom<2 | 4>(2, 4),
  indentedSequences: fc.boolean(),
  flowFrom: fc.constantFrom(0, 1, 2, 3, 4, 6, 99),
  paddedFlow: fc.boolean(),
  quote: fc.constantFrom<'single' | 'double'>('single', 'double'),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

interface GeneratedFile {
  documents: ({ [key: string]: YamlValue } | null)[];
  text: string;
}

/** The targets in the middle, harmless documents around them. */
const manifestFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    before: fc.array(fillerDocument, { maxLength: 2 }),
    targets: fc.array(targetObject, { minLength: 1, maxLength: 2 }),
    after: fc.array(fillerDocument, { maxLength: 2 }),
    layout,
    leadingMarker: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ before, targets, after, layout: chosen, leadingMarker, finalEol }) => {
    const documents = [...before, ...targets, ...after];
    return { documents, text: renderStream(documents, chosen, { leadingMarker, finalEol }) };
  });

/** What identifies a finding across an edit that moves it (our own, not the engine's key). */
function identity(finding: Finding): string {
  return [finding.ruleId, finding.object?.kind, finding.object?.namespace, finding.object?.name, finding.message].join('|');
}

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(identity(finding), (counts.get(identity(finding)) ?? 0) + 1);
  return counts;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function offsetsOf(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const starts = lineStarts(text);
  const at = ({ line, character }: { line: number; character: number }) => Math.min(text.length, (starts[line] ?? text.length) + character);
  return edits.map((edit) => ({ start: at(edit.range.start), end: at(edit.range.end), newText: edit.newText }));
}

/** The chunks an edit may change: those it overlaps; an insertion on a boundary may belong to either side. */
function chunksOf(edit: OffsetEdit, chunks: readonly Chunk[]): number[] {
  return chunks.flatMap((chunk, index) => {
    const end = chunk.offset + chunk.text.length;
    const touches = edit.start === edit.end ? chunk.offset <= edit.start && edit.start <= end : edit.start < end && edit.end > chunk.offset;
    return touches ? [index] : [];
  });
}

/**
 * Asserts that `after` is `before` with `edits`, every document (chunk) no edit may touch being
 * byte for byte a document of `after`, and that each edit is in a document it may change.
 */
function assertOtherDocumentsKept(before: string, after: string, edits: readonly TextEdit[], mayChange: (chunk: number, edit: OffsetEdit) => boolean, label: string): void {
  const chunks = splitDocuments(before);
  const located = offsetsOf(before, edits);
  const touched = new Set<number>();
  for (const edit of located) {
    const candidates = chunksOf(edit, chunks);
    assert.ok(candidates.some((chunk) => mayChange(chunk, edit)), `${label}: edits a document other than its own (${JSON.stringify(edit)})`);
    for (const chunk of candidates) touched.add(chunk);
  }
  const afterChunks = splitDocuments(after);
  chunks.forEach((chunk, index) => {
    if (touched.has(index)) return;
    const shift = located.filter((edit) => edit.end <= chunk.offset && !(edit.start === edit.end && edit.start === chunk.offset)).reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
    assert.ok(
      afterChunks.some((candidate) => candidate.offset === chunk.offset + shift && candidate.text === chunk.text),
      `${label}: document ${index} changed:\n${JSON.stringify(chunk.text)}\nin\n${JSON.stringify(after)}`,
    );
  });
}

/** The chunk a finding's document sits in. */
function chunkOfFinding(entry: LocatedFinding, chunks: readonly Chunk[]): number | undefined {
  const offset = entry.document?.placement.offset;
  const index = chunks.findIndex((chunk) => chunk.offset === offset);
  return index === -1 ? undefined : index;
}

/** Our own lint of the files after a fix: the findings of test.yaml. */
function findingsAfter(files: readonly ManifestFile[]): Finding[] {
  return lintWorkspace(buildWorkspace(files, { defaultNamespace: CONFIG.defaultNamespace }), { config: CONFIG }).get(URI) ?? [];
}

function setUp(text: string) {
  const file = parseManifest(URI, text);
  const checker = new FixChecker({ files: [file], textOf: (uri) => (uri === URI ? text : undefined), config: CONFIG });
  const located = lintWorkspaceLocated(checker.workspace, { config: CONFIG }).get(URI) ?? [];
  return { file, checker, located };
}

function checkFix(text: string, before: ManifestFile, entry: LocatedFinding, fix: CheckedFix, findingsBefore: readonly Finding[]): void {
  const label = `${entry.finding.ruleId} "${fix.title}"`;
  const texts = new Map<string, string>();
  for (const fileEdit of fix.edits) {
    assert.ok(fileEdit.create || fileEdit.uri === URI, `${label}: edits ${fileEdit.uri}, which is not in the workspace`);
    texts.set(fileEdit.uri, applyTextEdits(fileEdit.create ? '' : text, fileEdit.edits));
    assert.equal(texts.get(fileEdit.uri), fix.results.get(fileEdit.uri), `${label}: the checked result is the edits applied`);
  }
  const edited = texts.has(URI) ? parseManifest(URI, texts.get(URI)!) : before;
  assert.ok(edited.syntaxProblems.length <= before.syntaxProblems.length, `${label}: ${edited.syntaxProblems[0]?.message}\n${texts.get(URI)}`);
  const created = [...texts].filter(([uri]) => uri !== URI).map(([uri, created]) => parseManifest(uri, created));
  for (const file of created) assert.ok(file.syntaxProblems.length === 0 && file.objects.length > 0, `${label}: creates ${file.uri}, which does not parse`);

  const chunks = splitDocuments(text);
  const own = chunkOfFinding(entry, chunks);
  const fileEdits = fix.edits.filter((edit) => edit.uri === URI).flatMap((edit) => edit.edits);
  assertOtherDocumentsKept(text, texts.get(URI) ?? text, fileEdits, (chunk, edit) => chunk === own || own === undefined || (fix.kind === 'insert-policy' && edit.start === text.length), label);

  const inserted = edited.documents.length - before.documents.length;
  if (fix.kind === 'insert-policy') assert.ok(inserted >= 0, `${label}: removes documents`);
  else assert.equal(inserted, 0, `${label}: adds or removes documents`);
  assert.equal(edited.objects.length - before.objects.length, inserted, `${label}: objects appear or vanish`);

  const key = identity(entry.finding);
  const after = countBy(findingsAfter([edited, ...created])).get(key) ?? 0;
  assert.ok(after < (countBy(findingsBefore).get(key) ?? 0), `${label}: the finding is still reported\n${texts.get(URI)}`);
}

describe('fix properties', () => {
  it('the generated text is the generated data (the layouts are valid YAML)', () => {
    fc.assert(
      fc.property(manifestFile, ({ documents, text }) => {
        const parsed = parseAllDocuments(text);
        assert.ok(Array.isArray(parsed), 'a stream of documents');
        for (const document of parsed) assert.deepEqual(document.errors, [], text);
        assert.deepEqual(
          parsed.map((document) => document.toJS()),
          JSON.parse(JSON.stringify(documents)),
          text,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('every offered fix parses, keeps the other documents and removes its finding', () => {
    let fixesChecked = 0;
    fc.assert(
      fc.property(manifestFile, ({ text }) => {
        const { file, checker, located } = setUp(text);
        const findings = located.map(({ finding }) => finding);
        for (const entry of located) {
          for (const fix of fixesOf(entry, checker)) {
            checkFix(text, file, entry, fix, findings);
            fixesChecked++;
          }
        }
      }),
      { numRuns: 40 },
    );
    assert.ok(fixesChecked > 0, 'some fixes were offered');
  });

  it('fixing all of a file parses and removes every finding it fixes', () => {
    let fixed = 0;
    fc.assert(
      fc.property(manifestFile, ({ text }) => {
        const { file, checker, located } = setUp(text);
        const result = fixAllOfFile(URI, located, checker);
        if (result.text === undefined) {
          assert.equal(result.fixed.length, 0, 'fixes without a text');
          return;
        }
        assert.equal(result.text, applyTextEdits(text, result.edits));
        const edited = parseManifest(URI, result.text);
        assert.ok(edited.syntaxProblems.length <= file.syntaxProblems.length, `${edited.syntaxProblems[0]?.message}\n${result.text}`);
        const chunks = splitDocuments(text);
        const owners = new Set(located.filter(({ finding }) => result.fixed.includes(finding)).map((entry) => chunkOfFinding(entry, chunks)));
        assertOtherDocumentsKept(text, result.text, result.edits, (chunk, edit) => owners.has(chunk) || owners.has(undefined) || edit.start === text.length, 'fix all');
        assert.equal(edited.objects.length - file.objects.length, edited.documents.length - file.documents.length, 'objects appear or vanish');
        const before = countBy(located.map(({ finding }) => finding));
        const after = countBy(findingsAfter([edited]));
        for (const [key, count] of countBy(result.fixed)) {
          assert.ok((after.get(key) ?? 0) <= (before.get(key) ?? 0) - count, `still reported: ${key}\n${result.text}`);
        }
        fixed += result.fixed.length;
      }),
      { numRuns: 30 },
    );
    assert.ok(fixed > 0, 'some findings were fixed');
  });
});
