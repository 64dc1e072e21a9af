import { visit } from 'jsonc-parser/lib/esm/main.js';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type ParsedNode } from 'yaml';
import { PARSE_OPTIONS } from './yaml-options';

// kubectl decodes a manifest that starts with `{` or `[` as JSON, with a JSON decoder. So does this
// module: a JSON tokenizer is an order of magnitude faster than the YAML parser on the large JSON
// that `kubectl get -o json` prints (a 20 MB List: 1.6 s against 16 s) and holds no YAML token
// stream. It builds the nodes the YAML parser would build for the same text (same values, ranges,
// scalar types and source text), so everything downstream reads them unchanged. Anything that is
// not strict JSON (comments, trailing commas, a second value) returns undefined and goes to the
// YAML parser, as does a `<<` key, whose merge meaning is the YAML parser's to decide. One liberty:
// a node's `range[2]` (its end with the blanks after it, which nothing here reads) is its value end.

const LEADING_JSON = /^\s*[[{]/;
const INTEGER = /^-?[0-9]+$/;
const FLOAT = /^-?[0-9]+\.[0-9]*$/;

/** `text` as one JSON document, built as YAML nodes; undefined when it is not strict JSON. */
export function jsonDocument(text: string): Document.Parsed | undefined {
  if (!LEADING_JSON.test(text)) return undefined;
  const root = buildNodes(text);
  if (!root) return undefined;
  const document = new Document(undefined, PARSE_OPTIONS) as Document.Parsed;
  document.contents = root;
  // As the YAML parser places a document: from the start of its first line, its value through the
  // end of the value's last line, the document through the end of the text.
  const [start, valueEnd] = root.range!;
  const lineBreak = text.indexOf('\n', valueEnd);
  root.range![2] = lineBreak === -1 ? text.length : lineBreak + 1;
  document.range = [text.lastIndexOf('\n', start) + 1, root.range![2], text.length];
  // What the YAML parser sets on a document it parsed without problems.
  document.errors = [];
  document.warnings = [];
  return document;
}

type Collection = YAMLMap.Parsed | YAMLSeq.Parsed;

function buildNodes(text: string): ParsedNode | undefined {
  const open: Collection[] = [];
  const keys: Scalar.Parsed[] = [];
  let root: ParsedNode | undefined;
  let failed = false;

  const attach = (node: ParsedNode): void => {
    const parent = open.at(-1);
    if (!parent) {
      root = node;
    } else if (parent instanceof YAMLMap) {
      parent.items.push(new Pair(keys.pop() as ParsedNode, node));
    } else {
      parent.items.push(node);
    }
  };
  const begin = (collection: Collection, offset: number): void => {
    collection.flow = true;
    collection.range = [offset, offset, offset];
    attach(collection);
    open.push(collection);
  };
  const end = (offset: number, length: number): void => {
    const collection = open.pop();
    if (!collection?.range) return;
    collection.range[1] = collection.range[2] = offset + length;
  };

  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => begin(new YAMLMap() as YAMLMap.Parsed, offset),
        onObjectEnd: end,
        onArrayBegin: (offset) => begin(new YAMLSeq() as YAMLSeq.Parsed, offset),
        onArrayEnd: end,
        onObjectProperty: (property, offset, length) => {
          if (property === '<<') failed = true;
          keys.push(quotedScalar(property, offset, length));
        },
        onLiteralValue: (value: unknown, offset, length) => attach(literalScalar(value, text.slice(offset, offset + length), offset, length)),
        onError: () => {
          failed = true;
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    // A nesting deep enough to exhaust the stack: the YAML parser's verdict stands.
    return undefined;
  }
  return failed || open.length > 0 ? undefined : root;
}

function quotedScalar(value: string, offset: number, length: number): Scalar.Parsed {
  const scalar = new Scalar(value) as Scalar.Parsed;
  scalar.range = [offset, offset + length, offset + length];
  scalar.source = value;
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function literalScalar(value: unknown, source: string, offset: number, length: number): Scalar.Parsed {
  if (typeof value === 'string') return quotedScalar(value, offset, length);
  const scalar = new Scalar(numberOrLiteral(value, source)) as Scalar.Parsed;
  scalar.range = [offset, offset + length, offset + length];
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  if (typeof scalar.value === 'number') {
    // The YAML core schema keeps trailing zeros of a fraction, and marks exponent notation.
    const dot = source.indexOf('.');
    if (FLOAT.test(source) && source.endsWith('0')) scalar.minFractionDigits = source.length - dot - 1;
    else if (!INTEGER.test(source) && !FLOAT.test(source)) scalar.format = 'EXP';
  }
  return scalar;
}

// JSON numbers read as the YAML core schema reads them (parseInt / parseFloat of the source).
function numberOrLiteral(value: unknown, source: string): unknown {
  if (typeof value !== 'number') return value;
  return INTEGER.test(source) ? parseInt(source, 10) : parseFloat(source);
}
