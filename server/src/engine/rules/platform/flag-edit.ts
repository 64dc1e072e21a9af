import type { ComponentFlag } from '../../control-plane/component-flags';
import type { TextEdit } from '../../fixes/fix';
import type { YamlEditor } from '../../fixes/yaml-editor';
import { isPlainObject, type KubeObject } from '../../manifest/kube-object';

const FLAG_ITEM = /^(\s*--?[^=\s]+)(=.*)?$/;

/**
 * The edit that gives a control-plane flag another value where it is written: a `--name=value` list
 * item, an `extraArgs` entry or a kubeadm v1beta4 `{name, value}` item. Undefined for the forms a
 * single edit cannot change safely: a flag inside a shell script, or `--name value` as two items.
 */
export function setFlagValue(editor: YamlEditor, object: KubeObject, flag: ComponentFlag, value: string): TextEdit[] | undefined {
  if (flag.inScript) return undefined;
  if (typeof flag.path[flag.path.length - 1] === 'string') return editor.replaceScalar(flag.path, value);
  const item = object.get(flag.path);
  if (isPlainObject(item)) return editor.set([...flag.path, 'value'], value);
  if (typeof item !== 'string') return undefined;
  const match = FLAG_ITEM.exec(item);
  // Written alone the flag has no value of its own; with a value but no "=", the value is the next item.
  if (!match || (match[2] === undefined && flag.value !== undefined)) return undefined;
  return editor.replaceScalar(flag.path, `${match[1]}=${value}`);
}
