import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { SourceRange } from '../../text/range';

/**
 * Where a list item that is a map starts on screen: its first key (a block map's full range runs to
 * the start of the next line), or the whole value when it is empty or not a map (`{}`).
 */
export function itemStartRange(object: KubeObject, path: ObjectPath): SourceRange {
  const value = object.get(path);
  const firstKey = isPlainObject(value) ? Object.keys(value)[0] : undefined;
  return firstKey === undefined ? object.rangeOf(path, 'value') : object.rangeOf([...path, firstKey], 'key');
}

/**
 * The exact extent of a list item that is a map of scalars (`- name: x\n  value: y`): from its first
 * key to the end of its last value, without the line break a block map's own range runs into.
 */
export function scalarMapItemRange(object: KubeObject, path: ObjectPath): SourceRange {
  const value = object.get(path);
  const keys = isPlainObject(value) ? Object.keys(value) : [];
  if (keys.length === 0) return object.rangeOf(path, 'value');
  return { start: object.rangeOf([...path, keys[0]]).start, end: object.rangeOf([...path, keys[keys.length - 1]]).end };
}
