import { stringify } from 'yaml';

/**
 * How a YAML text is laid out, so that inserted text looks like its neighbours: the line end, the
 * indentation of nested maps, and how far a sequence's dashes sit from their key (0 when flush).
 */
export interface YamlStyle {
  eol: '\n' | '\r\n';
  indent: number;
  sequenceOffset: number;
  /** `{ a: 1 }` rather than `{a: 1}` in flow collections. */
  paddedFlow: boolean;
}

const OPENS_BLOCK = /^[^\s#][^#]*:[ \t]*(?:#.*)?$/;
const CONTENT_LINE = /^( *)(\S)/;

/** Reads the style from a text: the most common indentation step, sequence offset and line end. */
export function detectStyle(text: string): YamlStyle {
  const lines = text.split('\n');
  const indents = new Map<number, number>();
  const offsets = new Map<number, number>();
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i].replace(/\r$/, '');
    const keyColumn = contentColumn(line);
    if (!OPENS_BLOCK.test(line.slice(keyColumn))) continue;
    const next = nextContentLine(lines, i + 1);
    if (!next) continue;
    const step = next.column - keyColumn;
    if (next.dash) {
      if (step >= 0) count(offsets, step);
    } else if (step > 0) count(indents, step);
  }
  return {
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent: mostCommon(indents, 2),
    sequenceOffset: mostCommon(offsets, 2),
    paddedFlow: /\{ \S[^{}]*\S \}/.test(text) && !/\{\S[^{}]*\S\}/.test(text),
  };
}

/** Where a line's content starts, past its indentation and any `- ` of sequence items. */
function contentColumn(line: string): number {
  let column = 0;
  while (line[column] === ' ') column++;
  while (line.startsWith('- ', column)) {
    column += 2;
    while (line[column] === ' ') column++;
  }
  return column;
}

function nextContentLine(lines: string[], from: number): { column: number; dash: boolean } | undefined {
  for (let i = from; i < lines.length; i++) {
    const match = CONTENT_LINE.exec(lines[i]);
    if (!match || match[2] === '#') continue;
    return { column: match[1].length, dash: lines[i].startsWith('- ', match[1].length) || lines[i].slice(match[1].length).replace(/\r$/, '') === '-' };
  }
  return undefined;
}

function count(counts: Map<number, number>, value: number): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function mostCommon(counts: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestCount = 0;
  for (const [value, seen] of counts) {
    if (seen > bestCount || (seen === bestCount && value < best)) {
      best = value;
      bestCount = seen;
    }
  }
  return best;
}

/** A scalar as plain YAML where that reads back the same, quoted where it would not. */
export function renderScalar(value: unknown): string {
  if (typeof value === 'string' && (/[\r\n]/.test(value) || readsAsAnotherType(value))) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** A value in flow style: `{key: value, list: [a, b]}`. */
export function renderFlow(value: unknown, style: Pick<YamlStyle, 'paddedFlow'>): string {
  const pad = style.paddedFlow ? ' ' : '';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${pad}${value.map((item) => renderFlow(item, style)).join(', ')}${pad}]`;
  if (isMap(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{${pad}${entries.map(([key, item]) => `${renderScalar(key)}: ${renderFlow(item, style)}`).join(', ')}${pad}}`;
  }
  return renderScalar(value);
}

/**
 * A map entry or a sequence item in block style, as lines without their leading indentation
 * beyond `column` (the column the entry starts at). Empty collections are written in flow style.
 */
export function renderBlockLines(value: unknown, style: YamlStyle): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const [first, ...rest] = renderBlockItem(item, style);
      return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
    });
  }
  if (isMap(value)) {
    return Object.entries(value).flatMap(([key, item]) => renderEntry(key, item, style));
  }
  return [renderScalar(value)];
}

/** `key: value` as block lines, nested collections indented in the file's style. */
export function renderEntry(key: string, value: unknown, style: YamlStyle): string[] {
  const head = `${renderScalar(key)}:`;
  if (Array.isArray(value) && value.length > 0) {
    const offset = ' '.repeat(style.sequenceOffset);
    return [head, ...renderBlockLines(value, style).map((line) => offset + line)];
  }
  if (isMap(value) && Object.keys(value).length > 0) {
    const indent = ' '.repeat(style.indent);
    return [head, ...renderBlockLines(value, style).map((line) => indent + line)];
  }
  return [`${head} ${renderFlow(value, style)}`];
}

function renderBlockItem(item: unknown, style: YamlStyle): string[] {
  if (isMap(item) && Object.keys(item).length > 0) return renderBlockLines(item, style);
  if (Array.isArray(item) && item.length > 0) return renderBlockLines(item, style);
  return [renderFlow(item, style)];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// YAML 1.1, which Kubernetes' decoder follows, also reads yes/no/on/off as booleans: a string
// like those must be quoted, though YAML 1.2 (and so the yaml library) would leave it bare.
const OTHER_TYPES = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/i;

/** Whether a string written bare would be read by Kubernetes as something else (a boolean, a number, null). */
export function readsAsAnotherType(value: string): boolean {
  return value === '' || OTHER_TYPES.test(value);
}
