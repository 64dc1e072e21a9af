import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { HoverAnswer } from '../engine/answers';

export function toHover(answer: HoverAnswer): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: answer.range };
}
