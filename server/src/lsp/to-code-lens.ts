import type { CodeLens } from 'vscode-languageserver';
import type { LensAnswer } from '../engine/answers';

/** A lens without a command still needs one to be shown: VS Code renders an empty command id as plain text. */
export function toCodeLens(answer: LensAnswer): CodeLens {
  return { range: answer.range, command: { title: answer.title, command: answer.command?.id ?? '', arguments: answer.command?.arguments } };
}
