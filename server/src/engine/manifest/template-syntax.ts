import { isMap, isSeq, visit, type Document } from 'yaml';

const TEMPLATE_ACTION = /\{\{.*?\}\}/s;

/**
 * Whether a document is a Helm/Go template rather than a manifest. Only template actions that shape
 * the YAML count: an action where a node starts (YAML reads `{{ .Values.x }}` as a flow map, and an
 * `{{- if }}` or `{{ include ... | nindent 4 }}` line as one too), or any action in a document that
 * does not parse. An action inside a scalar, quoted or plain (`--format={{.Name}}`, an annotation, a
 * Grafana dashboard in a ConfigMap, `name: web-{{ .Release.Name }}`), is data: however it renders,
 * it only changes that one string, so every other key is as written and is checked. Skipping such a
 * document would hide a literal `hostNetwork: true` next to a harmless `--format={{.Name}}`.
 */
export function isTemplateDocument(source: string, document: Document.Parsed): boolean {
  if (!TEMPLATE_ACTION.test(source)) return false;
  if (document.errors.length > 0) return true;
  let templated = false;
  visit(document, (_key, node) => {
    if ((isMap(node) || isSeq(node)) && node.flow && node.range && source.startsWith('{{', node.range[0])) templated = true;
    return templated ? visit.BREAK : undefined;
  });
  return templated;
}

/** Offset of the first template action in `source`, for pointing a notice at it. */
export function firstTemplateOffset(source: string): number {
  return Math.max(0, source.search(TEMPLATE_ACTION));
}
