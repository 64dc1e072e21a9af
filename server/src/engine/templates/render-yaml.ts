import { renderBlockLines, type YamlStyle } from '../fixes/yaml-style';

/** The layout of generated YAML: what `kubectl` users and most repositories write. */
const STYLE: YamlStyle = { eol: '\n', indent: 2, sequenceOffset: 2, paddedFlow: false };

/** Objects as YAML documents: block style (empty maps as `{}`), joined by `---`, no leading one. */
export function renderDocuments(objects: readonly Record<string, unknown>[]): string {
  return objects.map((object) => `${renderBlockLines(object, STYLE).join('\n')}\n`).join('---\n');
}
