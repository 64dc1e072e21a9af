import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { completionsAt, FixChecker, fixesOf, hoverAt, lensesOf, lintWorkspaceLocated, mergeConfigs, noticesOf, parseManifest, type AnswerContext, type SourceRange } from '../../../server/src/engine';
import { applyRandomEdit, editOffsets, fuzzParameters, randomEdit } from '../../support/fuzz';
import { appliedByClient, assertInsideText, lspDocument } from '../../support/lsp-text-model';

/**
 * Random edits of a manifest like those of the corpus (line ends of every kind, tabs, multi-byte
 * and astral characters, YAML indicators, pasted fragments): after each one the engine does not
 * throw, every range it reports (findings, syntax problems, notices, lenses, and the hover and
 * completions at the cursor) lies inside the text under LSP's line rules, and every fix, applied
 * as a client applies it, gives the text the engine checked.
 */

const URI = 'shop.yaml';
const CONFIG = mergeConfigs({});
const BASE = readFileSync(join(__dirname, '../../fixtures/fuzz/shop.yaml'), 'utf8');

interface Checked {
  /**
   * Rule id and range of each finding, then the start of each syntax problem: what a client draws.
   * Only the start of a syntax problem (and of a yaml-syntax finding): where the `yaml` package
   * ends some of its errors, and which of two errors at one place it reports first, depends on the
   * line ends (an implicit key's error covers more characters with CRLF than with LF).
   */
  drawn: string[];
  fixes: number;
}

/**
 * Lints `text` as the editor does and checks every range, the answers at `cursor` (an offset) and,
 * with `withFixes`, every fix.
 */
function checkText(text: string, withFixes: boolean, cursor?: number): Checked {
  const file = parseManifest(URI, text);
  const checker = new FixChecker({ files: [file], textOf: (uri) => (uri === URI ? text : undefined), config: CONFIG });
  const located = lintWorkspaceLocated(checker.workspace, { config: CONFIG }).get(URI) ?? [];
  const ranges: { range: SourceRange; label: string }[] = [
    ...located.flatMap(({ finding }) => [
      { range: finding.range, label: `${finding.ruleId} finding` },
      ...(finding.related ?? []).filter((related) => related.uri === URI).map((related) => ({ range: related.range, label: `${finding.ruleId} related place` })),
    ]),
    ...file.syntaxProblems.map((problem) => ({ range: problem.range, label: `syntax problem "${problem.message}"` })),
    ...noticesOf(file).map((notice) => ({ range: notice.range, label: `${notice.code} notice` })),
    ...answerRanges(text, { file, workspace: checker.workspace, findings: located, config: CONFIG }, cursor),
  ];
  assertInsideText(text, ranges);
  let fixes = 0;
  if (withFixes) {
    for (const entry of located) {
      for (const fix of fixesOf(entry, checker)) {
        for (const fileEdit of fix.edits) {
          if (fileEdit.create || fileEdit.uri !== URI) continue;
          assertInsideText(text, fileEdit.edits.map((edit) => ({ range: edit.range, label: `edit of "${fix.title}" (${entry.finding.ruleId})` })));
          assert.equal(appliedByClient(text, fileEdit.edits), fix.results.get(URI), `"${fix.title}" (${entry.finding.ruleId}) applied by a client`);
          fixes++;
        }
      }
    }
  }
  const drawn = [
    ...located.map(({ finding }) => `${finding.ruleId} ${JSON.stringify(finding.ruleId === 'yaml-syntax' ? finding.range.start : finding.range)}`),
    ...file.syntaxProblems.map((problem) => `syntax ${JSON.stringify(problem.range.start)}`),
  ];
  return { drawn, fixes };
}

// How many lenses, hovers and completions were checked, so that a test can tell it checked some.
const answered = { lenses: 0, hovers: 0 };

/** The ranges of the lenses, and of the hover and completions at the cursor (where an editor asks). */
function answerRanges(text: string, context: AnswerContext, cursor: number | undefined): { range: SourceRange; label: string }[] {
  const ranges = lensesOf(context).map((lens) => ({ range: lens.range, label: `lens "${lens.title}"` }));
  answered.lenses += ranges.length;
  if (cursor === undefined) return ranges;
  const position = lspDocument(text).positionAt(cursor);
  const hover = hoverAt(context, position);
  if (hover) {
    ranges.push({ range: hover.range, label: `hover at ${JSON.stringify(position)}` });
    answered.hovers++;
  }
  for (const completion of completionsAt(context, position)) {
    if (completion.range) ranges.push({ range: completion.range, label: `completion "${completion.label}" at ${JSON.stringify(position)}` });
  }
  return ranges;
}

/** The text with every line end replaced by `eol`: the same lines, so the same positions. */
function withLineEnds(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

describe('random edits', () => {
  it('the base text passes the checks, with fixes', () => {
    assert.ok(checkText(BASE, true).fixes >= 10, 'the base text offers fixes to check');
  });

  it('after each edit, every range lies inside the text and every fix lands where the engine applied it', () => {
    let fixes = 0;
    fc.assert(
      fc.property(fc.array(randomEdit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = BASE;
        edits.forEach((edit, index) => {
          const cursor = editOffsets(text, edit).start + edit.insert.length;
          text = applyRandomEdit(text, edit);
          // Fixes cost a lint of the workspace each: checked after the last edit only.
          fixes += checkText(text, index === edits.length - 1, cursor).fixes;
        });
      }),
      fuzzParameters(12),
    );
    assert.ok(fixes > 0, 'some fixes were checked');
    assert.ok(answered.lenses > 0 && answered.hovers > 0, `some lenses and hovers were checked: ${JSON.stringify(answered)}`);
  });

  it('LF, CRLF and lone CR line ends give the same findings and syntax problems at the same ranges', () => {
    fc.assert(
      fc.property(fc.array(randomEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce(applyRandomEdit, BASE);
        const lf = checkText(withLineEnds(text, '\n'), false).drawn;
        assert.deepEqual(checkText(withLineEnds(text, '\r\n'), false).drawn, lf, 'CRLF');
        assert.deepEqual(checkText(withLineEnds(text, '\r'), false).drawn, lf, 'CR');
      }),
      fuzzParameters(10),
    );
  });
});
