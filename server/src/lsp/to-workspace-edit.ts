import { CreateFile, TextDocumentEdit, type ClientCapabilities, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { FileEdit } from '../engine';

/** What the client can apply: versioned document edits, and whether it can create files. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

export function editSupportOf(capabilities: ClientCapabilities): EditSupport {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  return { documentChanges, createFiles: documentChanges && (workspaceEdit?.resourceOperations ?? []).includes('create') };
}

/**
 * The engine's file edits as an LSP workspace edit. With `documentChanges` an edit of an open
 * document carries the version it was computed for, so the client refuses it once the text has
 * moved on; a new file is created before its text is written. Undefined when the client cannot
 * apply the edits (a new file without resource operations).
 */
export function toWorkspaceEdit(fileEdits: readonly FileEdit[], versionOf: (uri: string) => number | null, support: EditSupport): WorkspaceEdit | undefined {
  if (support.documentChanges) {
    if (fileEdits.some((fileEdit) => fileEdit.create) && !support.createFiles) return undefined;
    return {
      documentChanges: fileEdits.flatMap((fileEdit) => {
        const edit = TextDocumentEdit.create({ uri: fileEdit.uri, version: fileEdit.create ? null : versionOf(fileEdit.uri) }, fileEdit.edits.map(toTextEdit));
        return fileEdit.create ? [CreateFile.create(fileEdit.uri, { overwrite: false, ignoreIfExists: false }), edit] : [edit];
      }),
    };
  }
  // `changes` can neither create a file nor order two edits of one file: such fixes are not offered.
  const uris = fileEdits.map((fileEdit) => fileEdit.uri);
  if (fileEdits.some((fileEdit) => fileEdit.create) || new Set(uris).size !== uris.length) return undefined;
  return { changes: Object.fromEntries(fileEdits.map((fileEdit) => [fileEdit.uri, fileEdit.edits.map(toTextEdit)])) };
}

function toTextEdit(edit: FileEdit['edits'][number]): TextEdit {
  const { start, end } = edit.range;
  return { range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }, newText: edit.newText };
}
