import type { ComponentFlag } from '../../control-plane/component-flags';
import type { KubeObject } from '../../manifest/kube-object';
import { followPath, type ObjectPath } from '../../manifest/yaml-path';
import type { SourceRange } from '../../text/range';
import { scalarMapItemRange } from './item-range';

const WORD_BOUNDARY = /[\s"';&|]/;

/** Where a control-plane flag is written: its list item, its `extraArgs` entry, or its word inside a shell script. */
export function flagRange(object: KubeObject, flag: ComponentFlag): SourceRange {
  if (flag.inScript) {
    const word = wordInScalar(object, flag.path, flag.inScript.word, flag.inScript.ordinal);
    if (word) return word;
  }
  // kubeadm v1beta4 lists flags as `{name, value}` items; other flags are a list item or a map entry.
  return typeof flag.path[flag.path.length - 1] === 'number' ? scalarMapItemRange(object, flag.path) : object.rangeOf(flag.path);
}

/**
 * The range of the `ordinal`-th whole occurrence of `word` in the source of the scalar at `path`. A
 * script's words appear verbatim in its source (block scalars only add indentation), so counting
 * identical words finds the one the flag came from; undefined when the source differs (escapes).
 */
function wordInScalar(object: KubeObject, path: ObjectPath, word: string, ordinal: number): SourceRange | undefined {
  const { node } = followPath(object.document.yaml, object.document.yaml.contents, [...object.basePath, ...path]);
  if (!node?.range) return undefined;
  const [start, end] = node.range;
  const source = object.document.source.slice(start, end);
  let seen = -1;
  for (let at = source.indexOf(word); at !== -1; at = source.indexOf(word, at + 1)) {
    const before = at === 0 ? ' ' : source[at - 1];
    const after = at + word.length >= source.length ? ' ' : source[at + word.length];
    if (!WORD_BOUNDARY.test(before) || !WORD_BOUNDARY.test(after)) continue;
    if (++seen === ordinal) return object.document.rangeAt(start + at, start + at + word.length);
  }
  return undefined;
}
