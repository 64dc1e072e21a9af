import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/** The 1-based line of a path of an object (its `kind` line when the path is not written). */
export function lineOf(object: KubeObject, path: ObjectPath = []): number {
  return object.rangeOf(path, 'pair').start.line + 1;
}

/**
 * `[text](file:///x.yaml#L12)`: a Markdown link to where a path of an object is written, which the
 * editor opens at that line. The file is the object's document URI, as the editor gave it.
 */
export function sourceLink(object: KubeObject, path: ObjectPath, text: string): string {
  return `[${escapeLinkText(text)}](${object.document.uri}#L${lineOf(object, path)})`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (character) => `\\${character}`);
}
