import { isAlias, visit, type Document } from 'yaml';
import { LineIndex } from '../text/line-index';
import type { ParsedChunk, ParsedDocument } from './document';
import { explainFirstError } from './explain-syntax-error';
import { parseLikeKubectl } from './kubectl-yaml';
import { isTemplateDocument } from './template-syntax';
import { TO_JS_OPTIONS } from './yaml-options';

// Top-level `apiVersion:`/`kind:` in YAML or `"kind":` in JSON: enough to tell a manifest from a
// GitHub workflow or a compose file even when the document does not parse.
const KUBERNETES_HINT = /^(?:apiVersion|kind)[ \t]*:|"(?:apiVersion|kind)"\s*:/m;

/** Parses one chunk of a YAML stream. Never throws: problems are recorded on the documents. */
export function parseChunk(text: string): ParsedChunk {
  const documents = parseLikeKubectl(text).map(({ yaml, tolerated }): ParsedDocument => {
    const source = yaml.range ? text.slice(yaml.range[0], yaml.range[2]) : text;
    const isTemplate = isTemplateDocument(text, yaml);
    const looksLikeKubernetes = KUBERNETES_HINT.test(source);
    if (isTemplate) return { yaml, value: undefined, isTemplate, looksLikeKubernetes, tolerated: [] };
    explainFirstError(text, yaml);
    try {
      return { yaml, value: yaml.toJS(TO_JS_OPTIONS), isTemplate, looksLikeKubernetes, tolerated };
    } catch (error) {
      const valueError = { message: describeConversionError(error), offset: firstAliasOffset(yaml) };
      return { yaml, value: undefined, valueError, isTemplate, looksLikeKubernetes, tolerated };
    }
  });
  return { text, lines: new LineIndex(text), documents };
}

function describeConversionError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Only the expansion cap's error ("Excessive alias count…"): an unresolved alias is another problem.
  if (/excessive alias/i.test(message)) {
    return `Too many alias expansions (more than ${TO_JS_OPTIONS.maxAliasCount}): the document was not checked. ${message}`;
  }
  return `The document could not be read: ${message}`;
}

// Conversion fails on alias expansion; the first alias is where the expansion starts.
function firstAliasOffset(document: Document.Parsed): number {
  let offset = document.contents?.range?.[0] ?? 0;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}
