import type { KubeObject } from '../manifest/kube-object';

/**
 * The namespace an object lives in: `metadata.namespace`, or the default one when it is absent or
 * "" (the API server and kubectl treat "" as "not given", so "" and "default" are one namespace).
 */
export function namespaceOf(object: KubeObject, defaultNamespace: string): string {
  return object.namespace ? object.namespace : defaultNamespace;
}

/**
 * `metadata.name`, else `metadata.generateName` (what `kubectl create` names such an object after);
 * undefined for an object with neither, which the API server would refuse.
 */
export function nameOf(object: KubeObject): string | undefined {
  if (object.name) return object.name;
  const generated = object.get(['metadata', 'generateName']);
  return typeof generated === 'string' && generated !== '' ? generated : undefined;
}

/** Whether the object's API group is one of `groups`; an object without apiVersion is given the benefit of the doubt. */
export function inApiGroup(object: KubeObject, groups: readonly string[]): boolean {
  const group = object.apiGroup;
  return group === undefined || groups.includes(group);
}
