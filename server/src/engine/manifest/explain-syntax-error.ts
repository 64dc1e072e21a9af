import { isCollection, isScalar, isSeq, Scalar, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Rewrites, in plain words and at its cause, the first error of a document where the `yaml`
 * package's wording names parser states ("Unexpected scalar at node end", "Implicit map keys need to
 * be followed by map values"). Only the first error is reported, so only it is rewritten. kubectl
 * refuses these documents too (go-yaml: "did not find expected key", "could not find expected ':'").
 */
export function explainFirstError(text: string, document: Document.Parsed): void {
  const error = document.errors[0];
  if (!error) return;
  error.pos = onWrittenText(text, error.pos);
  if (error.code === 'UNEXPECTED_TOKEN' && /^Unexpected scalar at node end/.test(error.message)) {
    const before = valueEndingAt(document, error.pos[0]);
    if (!before?.range) return;
    const written = text.slice(before.range[0], before.range[1]);
    const extra = text.slice(error.pos[0], error.pos[1]);
    if (!quotable(extra)) return;
    const kind = isSeq(before) ? 'sequence' : 'mapping';
    error.message = isScalar(before)
      ? `\`${extra}\` follows the closing quote of ${quotable(written) ? written : 'a quoted string'}, and nothing may follow a quoted string: put it inside the quotes.`
      : quotable(written + extra)
        ? `\`${extra}\` follows \`${written}\`, which YAML reads as a flow ${kind} because it starts with \`${written[0]}\`: quote the whole value ("${written}${extra}") if it is a string.`
        : `\`${extra}\` follows a flow ${kind} (a value that starts with \`${written[0]}\`), and nothing may follow its closing \`${written.trimEnd().slice(-1)}\`: quote the whole value if it is a string.`;
    error.pos = [before.range[0], error.pos[1]];
  } else if (error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(error.message)) {
    const written = text.slice(error.pos[0], error.pos[1]);
    error.message = `${quotable(written) ? `\`${written}\`` : 'This text'} has no \`:\` after it, but it sits in a map, where every entry is \`key: value\`: add the \`:\` and a value, or remove the line.`;
  }
}

// Short enough, and on one line, to repeat in a message; not empty, which would read as "``".
function quotable(text: string): boolean {
  return text.length > 0 && text.length <= 60 && !/[\r\n`]/.test(text);
}

/**
 * An error's offsets kept on the text: the `yaml` package puts a missing closing bracket or quote
 * (and other errors at the end of the text) one character past its end, which no client can show.
 * Such an error, with nothing but blanks after it, is moved onto the last character written. An
 * error on a line end alone is left empty at the end of its line: as `\n` it would reach into the
 * next line, as `\r\n` it would end inside the line end, so files differing only in their line
 * ends would get different ranges.
 */
function onWrittenText(text: string, [start, end]: [number, number]): [number, number] {
  let after = start;
  while (after < text.length && /\s/.test(text[after])) after++;
  if (after < text.length) {
    let lineEnds = start;
    while (lineEnds < end && (text[lineEnds] === '\n' || text[lineEnds] === '\r')) lineEnds++;
    return lineEnds === end && end > start ? [start, start] : [start, Math.min(end, text.length)];
  }
  let last = Math.min(start, text.length);
  while (last > 0 && /\s/.test(text[last - 1])) last--;
  if (last === 0) return [Math.min(start, text.length), Math.min(end, text.length)];
  // An astral character is two UTF-16 units: the range covers both, never half of one.
  const width = last >= 2 && isLowSurrogate(text.charCodeAt(last - 1)) && isHighSurrogate(text.charCodeAt(last - 2)) ? 2 : 1;
  return [last - width, last];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// The flow collection or quoted string that ends exactly where unexpected text begins.
function valueEndingAt(document: Document.Parsed, offset: number): Scalar | YAMLMap | YAMLSeq | undefined {
  let found: Scalar | YAMLMap | YAMLSeq | undefined;
  visit(document, (_key, node) => {
    const flowCollection = isCollection(node) && node.flow;
    const quoted = isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
    if ((flowCollection || quoted) && node.range?.[1] === offset) {
      found = node;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
