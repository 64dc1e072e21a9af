import { LineIndex } from '../text/line-index';
import type { FileEdit } from './fix';

/** Where inserted policies go: appended to the current file, or in a new file beside it. */
export type PolicyPlacement = 'end-of-file' | 'new-file';

/**
 * An edit appending YAML documents (`yamlText`, "\n" line ends, no leading `---`) at the end of a
 * file, after a `---` separator, in the file's own line ends.
 */
export function appendDocuments(uri: string, text: string, yamlText: string): FileEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  const separator = text.trim() === '' ? '' : `${text.endsWith('\n') ? '' : eol}---${eol}`;
  const body = withEol(yamlText, eol);
  return { uri, edits: [{ range: { start: end, end }, newText: separator + body }] };
}

/** An edit creating a new file holding `yamlText`. */
export function newFile(uri: string, yamlText: string): FileEdit {
  const origin = { line: 0, character: 0 };
  return { uri, create: true, edits: [{ range: { start: origin, end: origin }, newText: withEol(yamlText, '\n') }] };
}

/** `networkpolicies/<namespace>.yaml` beside the file at `uri` (a URI or a path). */
export function policyFileBeside(uri: string, namespace: string): string {
  const slash = uri.lastIndexOf('/');
  return `${slash === -1 ? '' : uri.slice(0, slash + 1)}networkpolicies/${namespace}.yaml`;
}

function withEol(text: string, eol: string): string {
  const normalized = text.replace(/\r?\n/g, eol);
  return normalized.endsWith(eol) ? normalized : normalized + eol;
}
