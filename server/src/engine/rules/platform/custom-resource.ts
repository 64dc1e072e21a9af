import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';

/**
 * The `spec` of an object of one of `kinds` from one of the API `groups` (any version), or undefined.
 * Kinds such as `NetworkPolicy` or `AuthorizationPolicy` exist in several projects, so the group
 * decides; an object without `apiVersion` is given the benefit of the doubt.
 */
export function customResourceSpecOf(object: KubeObject, kinds: readonly string[], groups: readonly string[]): PlainObject | undefined {
  if (!kinds.includes(object.kind)) return undefined;
  const group = object.apiGroup;
  if (group !== undefined && !groups.includes(group)) return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/** The value's string form when it is a string (any case), else undefined: enum fields read leniently. */
export function upperString(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toUpperCase() : undefined;
}
