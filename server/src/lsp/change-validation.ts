import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { isLocalFileUri } from './document-uri';

/*
 * Shape checks of the document notifications a client sends. The protocol library hands their
 * params over unchecked, and `TextDocuments` applies a change event by event: a `range` of null
 * or a NaN position throws half-way through a batch, or silently turns the text into garbage.
 * Each check returns what is wrong, in words for the log, or undefined when the params are sound.
 */

/** LSP's `uinteger`: positions and lengths are whole numbers from 0 to 2^31 - 1. */
const MAX_UINTEGER = 2 ** 31 - 1;
/** LSP's `integer` (a document version). */
const MIN_INTEGER = -(2 ** 31);

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUinteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER;
}

function isInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_INTEGER && (value as number) <= MAX_UINTEGER;
}

/** A value as it may be quoted in a log line: JSON, cut short. */
export function quoted(value: unknown, maxLength = 120): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/** The document URI the params name, when they name one as a string. */
export function uriOf(params: unknown): string | undefined {
  const textDocument = isObject(params) ? params.textDocument : undefined;
  return isObject(textDocument) && typeof textDocument.uri === 'string' ? textDocument.uri : undefined;
}

/** `{ textDocument: { uri } }`: didClose, didSave, willSave. */
export function documentIdProblem(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return 'it has no textDocument';
  if (typeof params.textDocument.uri !== 'string') return `its URI ${quoted(params.textDocument.uri)} is not a string`;
  return undefined;
}

export function openProblem(params: unknown): string | undefined {
  const idProblem = documentIdProblem(params);
  if (idProblem) return idProblem;
  const document = (params as { textDocument: Fields }).textDocument;
  if (typeof document.text !== 'string') return `its text is ${quoted(document.text, 40)}, not a string`;
  if (typeof document.languageId !== 'string') return `its languageId ${quoted(document.languageId)} is not a string`;
  if (!isInteger(document.version)) return `its version ${quoted(document.version)} is not an integer`;
  return undefined;
}

/** The envelope of a didChange: which document, which version, a list of changes. */
export function changeEnvelopeProblem(params: unknown): string | undefined {
  const idProblem = documentIdProblem(params);
  if (idProblem) return idProblem;
  const { textDocument, contentChanges } = params as { textDocument: Fields; contentChanges: unknown };
  if (!isInteger(textDocument.version)) return `its version ${quoted(textDocument.version)} is not an integer`;
  if (!Array.isArray(contentChanges)) return `its contentChanges ${quoted(contentChanges, 60)} is not a list`;
  return undefined;
}

/**
 * The changes of a didChange, all of them: one bad event spoils the batch, since the events after
 * it were computed against a text that includes it.
 */
export function contentChangesProblem(changes: readonly unknown[]): string | undefined {
  for (const [index, change] of changes.entries()) {
    const problem = contentChangeProblem(change);
    if (problem) return `change ${index + 1} of ${changes.length} ${problem}`;
  }
  return undefined;
}

function contentChangeProblem(change: unknown): string | undefined {
  if (!isObject(change)) return `is ${quoted(change, 40)}, not an object`;
  if (typeof change.text !== 'string') return `has text ${quoted(change.text, 40)}, not a string`;
  if (change.range === undefined) {
    // A full-text change; a length without a range is neither kind, and TextDocument throws on it.
    return change.rangeLength === undefined ? undefined : 'has a rangeLength but no range';
  }
  if (change.rangeLength !== undefined && !isUinteger(change.rangeLength)) return `has rangeLength ${quoted(change.rangeLength)}`;
  return rangeProblem(change.range);
}

function rangeProblem(range: unknown): string | undefined {
  if (!isObject(range)) return `has range ${quoted(range, 60)}, not a range`;
  for (const end of ['start', 'end'] as const) {
    const position = range[end];
    if (!isObject(position)) return `has a range whose ${end} is ${quoted(position, 60)}`;
    // Past the end of a line or of the text is allowed (it means the end); negative or fractional is not.
    if (!isUinteger(position.line) || !isUinteger(position.character)) return `has a range whose ${end} is ${quoted(position, 60)}, not a position`;
  }
  return undefined;
}

/** Index of the last full-text change of a sound batch (-1 if all are ranged): the text from there on is known. */
export function lastFullTextChange(changes: readonly object[]): number {
  for (let index = changes.length - 1; index >= 0; index--) if ((changes[index] as { range?: unknown }).range === undefined) return index;
  return -1;
}

const FILE_CHANGE_TYPES = new Set<unknown>([FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted]);

/**
 * The well-formed events of a didChangeWatchedFiles, naming local files. The others are logged
 * and dropped: the server reads those files from disk, and an event it cannot map to a path
 * tells it nothing it could read.
 */
export function watchedFileEvents(params: unknown, log: (message: string) => void): FileEvent[] {
  const changes = isObject(params) ? params.changes : undefined;
  if (!Array.isArray(changes)) {
    log(`Ignoring a file watcher notification without a list of changes: ${quoted(params)}.`);
    return [];
  }
  const sound: FileEvent[] = [];
  const dropped: unknown[] = [];
  for (const event of changes) {
    if (isObject(event) && typeof event.uri === 'string' && isLocalFileUri(event.uri) && FILE_CHANGE_TYPES.has(event.type)) sound.push({ uri: event.uri, type: event.type as FileEvent['type'] });
    else dropped.push(event);
  }
  if (dropped.length > 0) {
    const more = dropped.length > 1 ? ` and ${dropped.length - 1} more` : '';
    log(`Ignoring file watcher events whose URI is not a local file or whose type is unknown: ${quoted(dropped[0])}${more}.`);
  }
  return sound;
}
