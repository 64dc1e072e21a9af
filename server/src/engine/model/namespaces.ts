import type { KubeObject } from '../manifest/kube-object';
import type { NamespaceInfo } from './cluster-types';
import { labelsOf } from './labels';

/** The label the API server puts on every namespace (since Kubernetes 1.21), set to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A namespace from its Namespace object: the object's labels, and the automatic name label. */
export function namespaceFromObject(object: KubeObject, name: string): NamespaceInfo {
  // The API server overwrites this label with the name, so a different value written here never holds.
  return { name, labels: { ...labelsOf(object.get(['metadata', 'labels'])), [NAMESPACE_NAME_LABEL]: name }, object };
}

/** A namespace that only its workloads imply: it has the automatic label and nothing else. */
export function implicitNamespace(name: string): NamespaceInfo {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name } };
}

/** Whether the object is a core Namespace (`v1`, or no apiVersion written). */
export function isNamespaceObject(object: KubeObject): boolean {
  return object.kind === 'Namespace' && (object.apiGroup === undefined || object.apiGroup === '');
}
