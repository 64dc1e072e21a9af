import fc from 'fast-check';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspSession, PROJECT_ROOT } from '../../lsp/lsp-session';
import { editOffsets, fuzzParameters, randomEdit, scaled, type RandomEdit } from '../../support/fuzz';
import { appliedByClient, assertInsideText, lspDocument } from '../../support/lsp-text-model';

/**
 * The editor's incremental path against a fresh open: random edits sent to the real server over
 * stdio as ranged `didChange` events (one to three per notification) end with the diagnostics a
 * `didOpen` of the final text gets, and those lie inside the text under LSP's line rules.
 */

const SERVER = join(PROJECT_ROOT, 'dist/server.js');
const BASE = readFileSync(join(PROJECT_ROOT, 'test/fixtures/fuzz/shop.yaml'), 'utf8');
// Files that do not exist on disk: no configuration file near them, nothing else to index. Each run
// has its own, so that a failed run leaves nothing open that the next (shrinking) runs would see.
let runs = 0;
const nextUri = () => `file:///kube-netsec-fuzz/incremental-${runs++}.yaml`;

/** A ranged change as a client computes it on its text, and the text after it. */
function changeOf(text: string, edit: RandomEdit): { change: TextDocumentContentChangeEvent; text: string } {
  const document = lspDocument(text);
  const { start, end } = editOffsets(text, edit);
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  return { change: { range, text: edit.insert }, text: appliedByClient(text, [{ range, newText: edit.insert }]) };
}

function sorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('incremental changes over stdio', { skip: !existsSync(SERVER) && 'dist/server.js is not built' }, () => {
  let session: LspSession;
  before(async () => {
    session = (await LspSession.start([SERVER, '--stdio'])).session;
  });
  after(async () => {
    await session?.stop();
  });

  /** Opens `uri` with the base text, sends `notifications` and returns the final text and its diagnostics. */
  async function editedIncrementally(uri: string, notifications: readonly (readonly RandomEdit[])[]): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    let text = BASE;
    let version = 1;
    const after = session.published.length;
    await session.open(uri, text);
    try {
      for (const edits of notifications) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (const edit of edits) {
          const next = changeOf(text, edit);
          changes.push(next.change);
          text = next.text;
        }
        version = await session.change(uri, changes);
      }
      const published = await session.waitForDiagnostics(uri, (params) => params.version === version, { after, timeoutMs: 20_000 });
      return { text, diagnostics: published.diagnostics };
    } finally {
      await session.close(uri);
    }
  }

  async function diagnosticsOfOpen(uri: string, text: string): Promise<Diagnostic[]> {
    const after = session.published.length;
    await session.open(uri, text);
    try {
      return (await session.waitForDiagnostics(uri, (params) => params.version === 1, { after, timeoutMs: 20_000 })).diagnostics;
    } finally {
      await session.close(uri);
    }
  }

  it('random ranged edits end with the diagnostics of a fresh open of the final text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(randomEdit, { minLength: 1, maxLength: 3 }), { minLength: 10, maxLength: 10 }), async (notifications) => {
        const uri = nextUri();
        const { text, diagnostics } = await editedIncrementally(uri, notifications);
        const fresh = await diagnosticsOfOpen(uri, text);
        assert.deepEqual(sorted(diagnostics), sorted(fresh), `after ${JSON.stringify(notifications)}`);
        assertInsideText(text, fresh.map((diagnostic) => ({ range: diagnostic.range, label: `${diagnostic.code} diagnostic` })));
        assert.doesNotMatch(session.stderr, /^\s+at /m, 'no stack trace on stderr');
      }),
      // About 20 edits a run in 10 notifications; more runs with a larger budget.
      { ...fuzzParameters(1), numRuns: scaled(1) + 1 },
    );
  });
});
