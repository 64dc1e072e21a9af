import type { CancellationToken, CodeLens, CodeLensParams, CompletionItem, CompletionParams, Hover, HoverParams } from 'vscode-languageserver';
import type { Workspace } from '../engine';
import { workloadConnectionsReport } from '../engine/answers';
import type { WorkloadConnectionsParams, WorkloadConnectionsResult } from './answer-protocol';
import type { DocumentAnswers } from './document-answers';
import type { LensRefresh } from './lens-refresh';
import { toCodeLens } from './to-code-lens';
import { toCompletionItem } from './to-completion';
import { toHover } from './to-hover';

/** Answers slower than this are logged with their time (the engine's answers take milliseconds). */
const SLOW_ANSWER_MS = 100;

/** What the editor's answers are read from: the last check of each open document. */
export interface AnswerSource {
  /** A document's answers when its last check is of its current text; undefined when stale, unknown or not checked. */
  current(uri: string): DocumentAnswers | undefined;
  /** Waits for the check of a document's current text; false when none will come (or the wait was cancelled). */
  checkOfCurrentText(uri: string, token: CancellationToken): Promise<boolean>;
  codeLensEnabled(): boolean;
  lensRefresh: LensRefresh;
  log(message: string): void;
}

// Hovers and lenses of text that has changed since the last check answer nothing rather than
// point at moved text: the editor asks again for a hover when the mouse moves, and the lens
// refresh after the check brings the lenses back.

export function hoverOf(params: HoverParams, source: AnswerSource): Hover | null {
  const answer = timed(source, 'Hover', params.textDocument.uri, () => source.current(params.textDocument.uri)?.hoverAt(params.position));
  return answer ? toHover(answer) : null;
}

export function codeLensesOf(params: CodeLensParams, source: AnswerSource): CodeLens[] {
  const uri = params.textDocument.uri;
  const answers = source.codeLensEnabled() ? source.current(uri) : undefined;
  const lenses = answers ? timed(source, 'CodeLenses', uri, () => answers.lensesOf()) : [];
  source.lensRefresh.answered(uri, lenses);
  return lenses.map(toCodeLens);
}

export async function completionsOf(params: CompletionParams, token: CancellationToken, source: AnswerSource): Promise<CompletionItem[]> {
  const uri = params.textDocument.uri;
  if (!source.current(uri) && !(await source.checkOfCurrentText(uri, token))) return [];
  const answers = source.current(uri);
  if (!answers || token.isCancellationRequested) return [];
  return timed(source, 'Completion', uri, () => answers.completionsAt(params.position)).map(toCompletionItem);
}

/** The report behind a workload's lens, from the workspace of the last check. */
export function workloadConnectionsOf(params: WorkloadConnectionsParams, workspace: Workspace | undefined): WorkloadConnectionsResult {
  if (!workspace || typeof params?.workloadKey !== 'string') return null;
  return { markdown: workloadConnectionsReport(workspace, params.workloadKey) };
}

function timed<T>(source: AnswerSource, what: string, uri: string, answer: () => T): T {
  const started = performance.now();
  const result = answer();
  const elapsed = performance.now() - started;
  if (elapsed >= SLOW_ANSWER_MS) source.log(`${what} for ${uri} took ${elapsed.toFixed(0)} ms.`);
  return result;
}
