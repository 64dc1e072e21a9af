import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { podMetadataOf } from '../workloads/pod-metadata';
import { containersOf, podSpecOf } from '../workloads/pod-spec';
import { FIELD_DOCS, type FieldDoc, type FieldScope, type PathStep } from './field-docs';
import { scalarText } from './field-value-words';

/**
 * The field doc of `path` in `object` as Markdown: the field and its value, what the field does on
 * the network, and what this value means. Undefined for fields no doc is about.
 */
export function fieldDocAt(object: KubeObject, path: ObjectPath): string | undefined {
  const doc = fieldDocOf(object, path);
  if (!doc) return undefined;
  const value = object.get(path);
  return [heading(path, value), doc.text, doc.value?.(value, object)].filter((part) => part !== undefined).join('\n\n');
}

/** The first doc whose scope and path pattern match `path` (the more specific docs come first). */
export function fieldDocOf(object: KubeObject, path: ObjectPath): FieldDoc | undefined {
  const roots = new Map<FieldScope, ObjectPath[]>();
  return FIELD_DOCS.find((doc) => {
    let scopeRoots = roots.get(doc.scope);
    if (!scopeRoots) roots.set(doc.scope, (scopeRoots = rootsOf(object, doc.scope)));
    return scopeRoots.some((root) => startsWith(path, root) && matchesPattern(doc.path, path.slice(root.length)));
  });
}

/** Where a scope starts in this object: none, one (the pod spec) or several (its containers). */
function rootsOf(object: KubeObject, scope: FieldScope): ObjectPath[] {
  if (typeof scope === 'object') return scope.kinds.includes(object.kind) ? [[]] : [];
  if (scope === 'pod-metadata') {
    const metadata = podMetadataOf(object);
    return metadata ? [metadata.path] : [];
  }
  const pod = podSpecOf(object);
  if (!pod) return [];
  return scope === 'pod-spec' ? [pod.path] : containersOf(pod).map((container) => container.path);
}

function matchesPattern(pattern: readonly PathStep[], path: ObjectPath): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [step, ...rest] = pattern;
  if (step === '**') {
    for (let skipped = 0; skipped <= path.length; skipped++) if (matchesPattern(rest, path.slice(skipped))) return true;
    return false;
  }
  if (path.length === 0) return false;
  if (step === '*') return matchesPattern(rest, path.slice(1));
  const key = path[0];
  const names: readonly string[] = typeof step === 'string' ? [step] : step;
  return typeof key === 'string' && names.includes(key) && matchesPattern(rest, path.slice(1));
}

function startsWith(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}

const LONGEST_VALUE_IN_HEADING = 60;

// "`hostNetwork: true`": the key under the cursor (or the list a cursor's item is in) and a short
// scalar value; long and multi-line values (nginx snippets) are left to the text.
function heading(path: ObjectPath, value: unknown): string {
  const name = [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
  const text = scalarText(value);
  const shown = text !== undefined && text.length <= LONGEST_VALUE_IN_HEADING && !/[\n`]/.test(text) ? `${name}: ${text}` : name;
  return `**\`${shown}\`**`;
}
