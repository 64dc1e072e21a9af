import { isMap, isScalar, isSeq, Scalar, visit, type Document } from 'yaml';

const TEMPLATE_ACTION = /\{\{.*?\}\}/s;

/**
 * Whether a document is a Helm/Go template rather than a manifest. `{{ }}` inside a quoted or block
 * string is ordinary data (Grafana dashboards in a ConfigMap), so only template actions in places
 * YAML itself would read (plain scalars, flow collections) or a document that does not parse count.
 */
export function isTemplateDocument(source: string, document: Document.Parsed): boolean {
  if (!TEMPLATE_ACTION.test(source)) return false;
  if (document.errors.length > 0) return true;
  let templated = false;
  visit(document, (_key, node) => {
    if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && node.value.includes('{{')) {
      templated = true;
    } else if ((isMap(node) || isSeq(node)) && node.flow && node.range && source.startsWith('{{', node.range[0])) {
      templated = true;
    }
    return templated ? visit.BREAK : undefined;
  });
  return templated;
}

/** Offset of the first template action in `source`, for pointing a notice at it. */
export function firstTemplateOffset(source: string): number {
  return Math.max(0, source.search(TEMPLATE_ACTION));
}
