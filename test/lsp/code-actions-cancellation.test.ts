import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { codeActionsOf, type CodeActionContextOfServer } from '../../server/src/lsp/code-actions';
import type { DocumentFixes } from '../../server/src/lsp/document-fixes';

const diagnostic: Diagnostic = { range: { start: { line: 5, character: 2 }, end: { line: 5, character: 19 } }, source: 'kube-netsec', code: 'host-network', message: 'hostNetwork: true ...' };

/** Document fixes whose findings are found but whose fixes must never be computed. */
function fixesThatMustNotRun(): { fixes: DocumentFixes; computed: string[] } {
  const computed: string[] = [];
  const fixes = {
    findingOf: () => ({ finding: { ruleId: 'host-network' } }),
    hasFixesOf: () => false,
    fixesOf: () => {
      computed.push('fixesOf');
      return [];
    },
    fixAll: () => {
      computed.push('fixAll');
      return { uri: 'file:///a.yaml', edits: [], fixed: [] };
    },
    defaultDenyFixes: () => {
      computed.push('defaultDenyFixes');
      return [];
    },
  } as unknown as DocumentFixes;
  return { fixes, computed };
}

function context(fixes: DocumentFixes, wanted: boolean): CodeActionContextOfServer {
  return { fixes, support: { documentChanges: true, createFiles: true } as never, versionOf: () => 1, hasDocumentation: () => true, placement: 'end-of-file', isWanted: () => wanted, log: () => undefined };
}

describe('code actions of a request no longer wanted', () => {
  for (const only of [undefined, ['quickfix'], ['source.fixAll.kubeNetsec'], ['source']]) {
    it(`answers [] without checking any fix (only: ${JSON.stringify(only)})`, async () => {
      const { fixes, computed } = fixesThatMustNotRun();
      const params: CodeActionParams = { textDocument: { uri: 'file:///a.yaml' }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } };
      assert.deepEqual(await codeActionsOf(params, context(fixes, false)), []);
      assert.deepEqual(computed, []);
    });
  }

  it('computes the fixes while the request is wanted', async () => {
    const { fixes, computed } = fixesThatMustNotRun();
    const params: CodeActionParams = { textDocument: { uri: 'file:///a.yaml' }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    await codeActionsOf(params, context(fixes, true));
    assert.deepEqual(computed, ['fixesOf']);
  });
});
