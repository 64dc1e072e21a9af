import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyTextEdits, buildWorkspace, FixChecker, fixAllOfFile, fixesOf, lintWorkspace, lintWorkspaceLocated, mergeConfigs, parseManifest, type CheckedFix, type Finding, type LocatedFinding, type ManifestFile } from '../../../server/src/engine';
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
    listed: fc.integer({ min: 0, max: 3 }).map((draw) => draw === 0),
    layout,
    leadingMarker: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ before, targets, after, listed, layout: chosen, leadingMarker, finalEol }) => {
    // Sometimes the targets are the items of a kubectl List, edited inside it.
    const middle = listed ? [{ apiVersion: 'v1', kind: 'List', items: targets }] : targets;
    const documents = [...before, ...middle, ...after];
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

/**
 * Asserts that every document (chunk) of `before` but those in `mayChange` is, byte for byte, a
 * document of `after`, in the same order. A line break may follow the last one where there was
 * none: appending documents to a file that does not end with one needs it.
 */
function assertOtherDocumentsKept(before: string, after: string, mayChange: ReadonlySet<number | undefined>, label: string): void {
  const kept = splitDocuments(before).filter((_, index) => !mayChange.has(index));
  const afterTexts = splitDocuments(after).map((chunk) => chunk.text);
  const last = splitDocuments(before).length - 1;
  let next = 0;
  for (const chunk of kept) {
    const expected = [chunk.text];
    if (chunk.offset + chunk.text.length === before.length && !/\n$/.test(chunk.text)) expected.push(chunk.text + '\n', chunk.text + '\r\n');
    while (next < afterTexts.length && !expected.includes(afterTexts[next])) next++;
    assert.ok(next < afterTexts.length, `${label}: document ${splitDocuments(before).indexOf(chunk)} of ${last + 1} changed:\n${JSON.stringify(chunk.text)}\nin\n${JSON.stringify(after)}`);
    next++;
  }
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

  const own = chunkOfFinding(entry, splitDocuments(text));
  assertOtherDocumentsKept(text, texts.get(URI) ?? text, new Set(own === undefined ? splitDocuments(text).keys() : [own]), label);

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
        const owners = located.filter(({ finding }) => result.fixed.includes(finding)).map((entry) => chunkOfFinding(entry, chunks));
        assertOtherDocumentsKept(text, result.text, new Set(owners.includes(undefined) ? chunks.keys() : owners), 'fix all');
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
