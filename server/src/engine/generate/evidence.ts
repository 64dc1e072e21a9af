import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/** Where a fact was read, for the reviewer of a generated policy: a file, a 1-based line, and what is there. */
export interface Evidence {
  file: string;
  line: number;
  what: string;
}

/** The evidence of the value at `path` in `object`. */
export function evidenceAt(object: KubeObject, path: ObjectPath, what: string): Evidence {
  return { file: object.document.uri, line: object.rangeOf(path, 'value').start.line + 1, what };
}
