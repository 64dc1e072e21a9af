import fc from 'fast-check';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession, PROJECT_ROOT } from '../../lsp/lsp-session';
import { fuzzParameters } from '../../support/fuzz';

// Random hostile messages over stdio, in batches; after each batch the server must still be running
// and still check, and answer for, a well-behaved document. Fixed seed: a failure is reproducible.
// A small budget in the normal run; `npm run fuzz` scales it (KUBE_NETSEC_FUZZ_SCALE), as for
// every fuzz test. Every failure found becomes a
// named test in test/lsp/robustness.test.ts.

const SERVER = join(PROJECT_ROOT, 'dist/server.js');
const PARAMETERS = fuzzParameters(25);
/** A request the server does not answer within this long counts as a hang. */
const ANSWER_TIMEOUT_MS = 10_000;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  containers:\n    - name: shell\n      image: busybox\n';
const GOOD = 'file:///workspace/fuzz-good.yaml';
const hasHostNetwork = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === 'host-network');

const HOSTILE_URIS = [
  'file:///tmp/a%ZZ.yaml',
  'file:///tmp/a%E0%A4%A.yaml',
  'file://server/share/a.yaml',
  'file:///tmp/a%2Fb.yaml',
  'file:///tmp/a%5Cb.yaml',
  'file:///tmp/a%00b.yaml',
  'file:///tmp/a b.yaml',
  'file:///tmp/../../etc/passwd.yaml',
  'file:///tmp/.kube-netsec.yaml',
  'file:///C:/Users/x/a.yaml',
  'file://',
  'file:',
  'file:///',
  'untitled:Untitled-1',
  'http://example.com/a.yaml',
  'vscode-vfs://github/org/repo/a.yaml',
  '/no/scheme.yaml',
  '',
  '\u0000',
  `file:///tmp/${'a'.repeat(5000)}.yaml`,
  'file:///tmp/kustomization.yaml',
];

const anything = fc.anything({ maxDepth: 2, maxKeys: 4 });
/** Mostly what a client would send, sometimes anything: one bad field at a time gets past the others. */
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything });
const stringUri = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_URIS) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((tail) => `file:///tmp/${tail}.yaml`) });
const anyUri = fc.oneof(
  { weight: 5, arbitrary: stringUri },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }), fc.string({ maxLength: 10 })) },
);
const number = fc.oneof({ weight: 12, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, 2 ** 31, 2 ** 31 - 1, 1e15, Number.NaN, Number.POSITIVE_INFINITY, '3', null) }, { weight: 1, arbitrary: anything });
const position = mostly(fc.record({ line: number, character: number }));
const range = fc.oneof({ weight: 3, arbitrary: fc.record({ start: position, end: position }) }, { weight: 1, arbitrary: fc.oneof(fc.record({ start: position }), fc.constant(null), anything) });
const text = mostly(fc.oneof(fc.constantFrom(POD, 'kind: [', '---\n---\n', 'a: b: c', '\r\r\n\t', '%YAML 9\n', 'kind: List\nitems: [{kind: Pod, spec: {hostNetwork: true}}]\n'), fc.string({ maxLength: 40 })));
const change = mostly(fc.oneof(fc.record({ text }), fc.record({ range, text }), fc.record({ range, rangeLength: number, text }, { requiredKeys: ['text'] })));
const contentChanges = mostly(fc.array(change, { maxLength: 3 }));
const version = mostly(fc.integer({ min: -5, max: 50 }));
const languageId = mostly(fc.constantFrom('yaml', 'yaml', 'json', 'helm', 'plaintext'));

type Message = { kind: 'notification' | 'request'; method: string; params: unknown };
const notification = (method: string, params: fc.Arbitrary<unknown>) => params.map((value): Message => ({ kind: 'notification', method, params: value }));
const request = (method: string, params: fc.Arbitrary<unknown>) => params.map((value): Message => ({ kind: 'request', method, params: value }));

/** The messages of one batch, most of them about the same two documents: opened, then edited, closed, asked about. */
const messageAbout = (uri: fc.Arbitrary<unknown>): fc.Arbitrary<Message> => {
  const documentMessage = fc.oneof(
    notification('textDocument/didOpen', mostly(fc.record({ textDocument: mostly(fc.record({ uri, languageId, version, text })) }))),
    notification('textDocument/didChange', mostly(fc.record({ textDocument: mostly(fc.record({ uri, version })), contentChanges }))),
  );
  const otherMessage = fc.oneof(
    notification('textDocument/didClose', fc.record({ textDocument: fc.record({ uri }) })),
    notification('textDocument/didSave', fc.record({ textDocument: fc.record({ uri }), text })),
    notification('workspace/didChangeWatchedFiles', fc.oneof(fc.record({ changes: fc.array(fc.record({ uri, type: fc.oneof(fc.constantFrom(1, 2, 3), anything) }), { maxLength: 3 }) }), anything)),
    notification('workspace/didChangeConfiguration', fc.oneof(fc.record({ settings: fc.record({ kubeNetsec: anything }) }), anything)),
    notification('$/cancelRequest', anything),
    fc.string({ maxLength: 12 }).chain((name) => notification(`fuzz/${name}`, anything)),
    request('textDocument/hover', fc.record({ textDocument: fc.record({ uri }), position })),
    request('textDocument/codeAction', fc.record({ textDocument: fc.record({ uri }), range, context: fc.oneof(fc.record({ diagnostics: fc.array(anything, { maxLength: 2 }) }), anything) })),
    request('textDocument/codeLens', fc.record({ textDocument: fc.record({ uri }) })),
    request('textDocument/completion', fc.record({ textDocument: fc.record({ uri }), position })),
    request('kubeNetsec/workloadConnections', fc.oneof(fc.record({ workloadKey: anything }), anything)),
    request('kubeNetsec/templateChoices', fc.oneof(fc.record({ uri }), anything)),
    request('kubeNetsec/templateInsertion', fc.oneof(fc.record({ uri, templateId: mostly(fc.constantFrom('default-deny', 'allow-dns', 'allow-from-namespace', 'istio-strict-mtls')), params: mostly(fc.record({ namespace: mostly(fc.string({ maxLength: 8 })) })), placement: mostly(fc.constantFrom('endOfFile', 'newFile')) }), anything)),
    fc.string({ maxLength: 12 }).chain((name) => request(`fuzz/${name}`, anything)),
  );
  return fc.oneof({ weight: 2, arbitrary: documentMessage }, { weight: 1, arbitrary: otherMessage });
};

/** A batch opens a document well-formed (hostile URI aside), then sends random messages, most about it or one other. */
const batch = fc.tuple(stringUri, stringUri, fc.constantFrom(POD, 'kind: [', 'a: b\r\nc: d\r')).chain(([first, second, firstText]) =>
  fc
    .array(messageAbout(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(first, second) }, { weight: 1, arbitrary: anyUri })), { minLength: 1, maxLength: 8 })
    .map((messages): Message[] => [{ kind: 'notification', method: 'textDocument/didOpen', params: { textDocument: { uri: first, languageId: 'yaml', version: 1, text: firstText } } }, ...messages]),
);

/** Resolves when `promise` settles (an error answer is an answer); rejects when nothing comes back in time. */
async function answered(promise: Promise<unknown>, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS)));
  try {
    await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('language server over stdio: random hostile messages', { skip: !existsSync(SERVER) && 'dist/server.js is not built' }, () => {
  let session: LspSession | undefined;

  /** A running server with the good document open: a new one if a batch ended the last. */
  async function runningSession(): Promise<LspSession> {
    if (session && session.exitCode === undefined) return session;
    ({ session } = await LspSession.start([SERVER, '--stdio']));
    await session.open(GOOD, POD);
    await session.waitForDiagnostics(GOOD, hasHostNetwork);
    return session;
  }

  after(async () => {
    if (session && session.exitCode === undefined) assert.equal(await session.stop(), 0);
  });

  it(`survives ${PARAMETERS.numRuns} batches (seed ${PARAMETERS.seed}) and keeps checking a good document`, async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (messages) => {
        const current = await runningSession();
        for (const { kind, method, params } of messages) {
          if (kind === 'request') await answered(current.request(method, params), method);
          else await current.notify(method, params);
        }
        // Leave no hostile document open: the next batch starts from the good document alone.
        for (const { method, params } of messages) {
          const opened = method === 'textDocument/didOpen' ? (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri : undefined;
          if (typeof opened === 'string') await current.close(opened);
        }

        assert.equal(current.exitCode, undefined, `the server exited; stderr: ${current.stderr}`);
        const version = await current.change(GOOD, [{ text: POD.replace('debug', `debug-${current.published.length}`) }]);
        await current.waitForDiagnostics(GOOD, (params) => params.version === version && hasHostNetwork(params), { timeoutMs: ANSWER_TIMEOUT_MS });
        const hover = await current.hover(GOOD, { line: 5, character: 4 });
        assert.ok(hover !== null, 'the good document is answered (a hover on hostNetwork)');
      }),
      PARAMETERS,
    );
  });
});
