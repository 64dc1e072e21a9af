import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionAnswer } from '../engine/answers';

const KINDS: Record<CompletionAnswer['kind'], CompletionItemKind> = {
  'label-key': CompletionItemKind.Property,
  'label-value': CompletionItemKind.Value,
  namespace: CompletionItemKind.Module,
  port: CompletionItemKind.Constant,
};

/** `index` is the engine's rank (most matched first): it is kept over the editor's alphabetical order. */
export function toCompletionItem(answer: CompletionAnswer, index: number): CompletionItem {
  const newText = answer.insertText ?? answer.label;
  return {
    label: answer.label,
    kind: KINDS[answer.kind],
    ...(answer.detail !== undefined ? { detail: answer.detail } : {}),
    ...(answer.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: answer.documentation } } : {}),
    sortText: String(index).padStart(5, '0'),
    ...(answer.range ? { textEdit: { range: answer.range, newText } } : { insertText: newText }),
  };
}
