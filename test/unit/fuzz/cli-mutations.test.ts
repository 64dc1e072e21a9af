import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ReportedFinding } from '../../../server/src/cli/lint-report';
import { runCli } from '../../support/cli-harness';
import { FUZZ_SCALE, fuzzParameters } from '../../support/fuzz';
import { assertInsideText } from '../../support/lsp-text-model';

/**
 * Truncated and byte-flipped manifests of the shared corpus (the test fixtures when it is absent)
 * through the CLI: it exits with 0 or 1 only, prints no stack trace, and every range of its JSON
 * output lies inside the file's text. A mutant may hold no manifest at all (truncated to nothing):
 * `--allow-empty` makes that exit 0 instead of the documented 2.
 */
const LINT = ['lint', '--format', 'json', '--allow-empty'];

const PROJECT_ROOT = join(__dirname, '../../..');
const CORPUS = join(PROJECT_ROOT, '../shared/corpus');
const FIXTURES = join(PROJECT_ROOT, 'test/fixtures');
// Larger files only with a larger budget: a normal run stays within a few seconds.
const MAX_SOURCE_BYTES = 48 * 1024 * FUZZ_SCALE;

function manifestFilesUnder(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) found.push(...manifestFilesUnder(path));
    else if (['.yaml', '.yml', '.json'].includes(extname(entry.name)) && statSync(path).size <= MAX_SOURCE_BYTES) found.push(path);
  }
  return found.sort();
}

const SOURCES = manifestFilesUnder(existsSync(CORPUS) ? CORPUS : FIXTURES);

type Mutation = { kind: 'truncate'; at: number } | { kind: 'flip'; flips: { at: number; mask: number }[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  }),
);

function mutated(bytes: Buffer, change: Mutation): Buffer {
  if (change.kind === 'truncate') return bytes.subarray(0, Math.floor(change.at * bytes.length));
  const copy = Buffer.from(bytes);
  for (const { at, mask } of change.flips) {
    const index = Math.floor(at * copy.length);
    if (index < copy.length) copy[index] ^= mask;
  }
  return copy;
}

// A V8 stack frame, or the name of an error class that reached the output unexplained.
const STACK_TRACE = /^\s+at (?:.+ \()?(?:node:|file:|\/).*:\d+(?::\d+)?\)?$|\b(?:Type|Range|Reference|Syntax|Internal)?Error: /m;

/** The file's text as the CLI reads it and an editor shows it: UTF-8, without a byte order mark. */
function textAsRead(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function assertRangesInside(findings: readonly ReportedFinding[], label: string): void {
  const places = findings.flatMap((finding) => [{ ...finding, what: `${finding.ruleId} finding` }, ...(finding.related ?? []).map((related) => ({ ...related, what: `${finding.ruleId} related place` }))]);
  for (const file of new Set(places.map((place) => place.file))) {
    const inFile = places.filter((place) => place.file === file);
    assertInsideText(
      textAsRead(file),
      inFile.map((place) => ({ range: { start: { line: place.line - 1, character: place.column - 1 }, end: { line: place.endLine - 1, character: place.endColumn - 1 } }, label: `${label}: ${place.what}` })),
    );
  }
}

describe('mutated manifests through the CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kube-netsec-fuzz-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  let written = 0;

  it('exits with 0 or 1, prints no stack trace, and reports ranges inside the text', { skip: SOURCES.length === 0 && 'no manifests to mutate' }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SOURCES.length - 1 }), mutation, async (sourceIndex, change) => {
        const source = SOURCES[sourceIndex];
        const path = join(folder, `mutant-${written++}${extname(source)}`);
        writeFileSync(path, mutated(readFileSync(source), change));
        const label = `${relative(PROJECT_ROOT, source)} ${JSON.stringify(change)}`;
        const { code, out, err } = await runCli([...LINT, path]);
        assert.ok(code === 0 || code === 1, `${label}: exit code ${code}\n${err}`);
        assert.doesNotMatch(err, STACK_TRACE, label);
        const report = JSON.parse(out) as { findings: ReportedFinding[] };
        assertRangesInside(report.findings, label);
      }),
      fuzzParameters(16),
    );
  });

  it('the built CLI, run over every mutant at once, exits with 0 or 1 and prints no stack trace', { skip: !existsSync(join(PROJECT_ROOT, 'dist/cli.js')) && 'dist/cli.js is not built' }, () => {
    if (written === 0) return;
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/cli.js'), ...LINT, folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status} (signal ${run.signal})\n${run.stderr}`);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assertRangesInside((JSON.parse(run.stdout) as { findings: ReportedFinding[] }).findings, 'dist/cli.js');
  });
});
